#!/bin/sh
# Install Softmax Explorer and its Python dependencies into the Python given as $1.
#
#   deploy/install.sh PYTHON [EXTRAS] [MODE]
#
# EXTRAS: "" (the app only) or "test". MODE: "editable" (a checkout, the default) or "wheel" (Docker).
# The CPU build of torch goes in first, so that nothing pulls a multi-GB CUDA build:
#   - TORCH_INDEX_URL unset: pip takes torch==$TORCH_VERSION as found (on the course machines a local CPU wheel);
#   - TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu (the Dockerfile): PyTorch's CPU wheel index.
# Used by the Makefile (make serve, make test), .ci/run and the Dockerfile alike.
set -eu

PYTHON=${1:?usage: deploy/install.sh PYTHON [EXTRAS] [MODE]}
EXTRAS=${2:-}
MODE=${3:-editable}
TORCH_VERSION=${TORCH_VERSION:-2.13.0}
HERE=$(cd "$(dirname "$0")/.." && pwd)

pip() { "$PYTHON" -m pip --disable-pip-version-check --no-input "$@"; }

if ! "$PYTHON" -c "import torch, sys; sys.exit(torch.__version__.split('+')[0] != '$TORCH_VERSION')" 2>/dev/null; then
    if [ -n "${TORCH_INDEX_URL:-}" ]; then
        pip install --index-url "$TORCH_INDEX_URL" "torch==$TORCH_VERSION"
    else
        pip install "torch==$TORCH_VERSION"
    fi
fi

SPEC="$HERE"
[ -n "$EXTRAS" ] && SPEC="$HERE[$EXTRAS]"
if [ "$MODE" = editable ]; then
    pip install -e "$SPEC"
else
    pip install "$SPEC"
fi

"$PYTHON" -c "import torch; assert not torch.version.cuda, 'a CUDA build of torch was installed: ' + torch.__version__"
