"""The browser side of the components: their ES modules (``js/``) and stylesheets (``css/``), as text.

Each component's module is compiled on its own in the browser, with no bundler, so the shared maths
(``js/softmax.js``) is prepended to it. Stylesheets are inline text: Panel's templates mishandle relative
stylesheet paths, and each component's rules are small.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def _read(path: str) -> str:
    return (HERE / path).read_text(encoding="utf-8")


def esm(name: str) -> str:
    """``js/softmax.js`` followed by the component's own ``js/<name>.js``."""
    return _read("js/softmax.js") + "\n" + _read(f"js/{name}.js")


def stylesheets(name: str) -> list[str]:
    """``css/base.css`` (sizes, colours, lecture-mode scale) and the component's own ``css/<name>.css``."""
    return [_read("css/base.css"), _read(f"css/{name}.css")]
