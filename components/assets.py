"""The browser side of the components: their ES modules (``js/``) and stylesheets (``css/``), as text.

Each component's module is compiled on its own in the browser, with no bundler, so the shared maths
(``js/softmax.js``) and, for the charts and the map, the drawing helpers (``js/plot.js``) are prepended to it. Stylesheets are inline text: Panel's templates mishandle relative
stylesheet paths, and each component's rules are small.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from bokeh.models import Div

from components.palette import CLASS_COLORS

HERE = Path(__file__).parent


@cache
def _read(path: str) -> str:
    return (HERE / path).read_text(encoding="utf-8")


def esm(name: str, *shared: str) -> str:
    """The class colours, ``js/softmax.js``, any ``shared`` helper modules (e.g. "plot") and the component's own
    ``js/<name>.js``, as one module."""
    palette = f"const PALETTE = {json.dumps(CLASS_COLORS)};\n"
    return "\n".join([palette, *(_read(f"js/{m}.js") for m in ("softmax", *shared, name))])


def read_css(name: str) -> str:
    """The text of ``css/<name>.css``."""
    return _read(f"css/{name}.css")


def stylesheets(name: str) -> list[str]:
    """``css/base.css`` (sizes, colours, lecture-mode scale) and the component's own ``css/<name>.css``."""
    return [_read("css/base.css"), read_css(name)]


def html_div(name: str, **properties) -> Div:
    """A Bokeh Div styled like a component (``css/base.css`` and ``css/<name>.css``), for HTML that changes every
    frame: setting a Div's text skips the per-update work a Panel pane does (several ms each time)."""
    return Div(sizing_mode="stretch_width", stylesheets=stylesheets(name), **properties)
