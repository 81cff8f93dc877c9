"""The browser side of the components: their ES modules (``js/``) and stylesheets (``css/``), as text.

Each component's module is compiled on its own in the browser, with no bundler, so the shared maths
(``js/softmax.js``) is prepended to it. Stylesheets are inline text: Panel's templates mishandle relative
stylesheet paths, and each component's rules are small.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from components.palette import CLASS_COLORS

HERE = Path(__file__).parent


@cache
def _read(path: str) -> str:
    return (HERE / path).read_text(encoding="utf-8")


def esm(name: str) -> str:
    """The class colours, ``js/softmax.js`` and the component's own ``js/<name>.js``, as one module."""
    palette = f"const PALETTE = {json.dumps(CLASS_COLORS)};\n"
    return palette + _read("js/softmax.js") + "\n" + _read(f"js/{name}.js")


def stylesheets(name: str) -> list[str]:
    """``css/base.css`` (sizes, colours, lecture-mode scale) and the component's own ``css/<name>.css``."""
    return [_read("css/base.css"), _read(f"css/{name}.css")]
