# Softmax Explorer, one server process a container: `docker build -t softmax-explorer .`, then either
#   docker run -p 5006:5006 -e BOKEH_ALLOW_WS_ORIGIN=localhost:5006 softmax-explorer     (one process), or
#   PUBLIC_ADDRESS=ml.example.edu docker compose -f deploy/compose.yaml up -d         (replicas behind nginx), or
#   kubectl apply -f deploy/k8s/                                                        (Kubernetes).
# More students: more containers (replicas), not more processes in one (see deploy/nginx/ for why).
# The install steps live in deploy/install.sh, which `make serve`, `make test` and CI run too.
FROM python:3.12-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu \
    BOKEH_ALLOW_WS_ORIGIN=localhost:5006

RUN useradd --create-home --uid 1000 explorer
WORKDIR /srv/softmax-explorer
COPY pyproject.toml README.md ./
COPY deploy/install.sh deploy/serve.sh deploy/
COPY app app
COPY components components
COPY models models
COPY softmax_explorer softmax_explorer
RUN sh deploy/install.sh python3 "" wheel

# Numeric, so that Kubernetes' runAsNonRoot can check it; the app writes nothing (a read-only root is fine).
USER 1000:1000
EXPOSE 5006
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:5006/liveness', timeout=4)"]
# Set BOKEH_ALLOW_WS_ORIGIN to the address students use (e.g. -e BOKEH_ALLOW_WS_ORIGIN=ml.example.edu), and
# SOFTMAX_EXPLORER_MAX_TRAINING (or --max-training-sessions) to admit at most that many training students.
CMD ["deploy/serve.sh", "--address", "0.0.0.0", "--port", "5006"]
