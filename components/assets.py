"""The browser side of the components: their ES modules (``js/``) and stylesheets (``css/``), as text.

Each component's module (``js/<name>.js``) imports what it uses from the shared modules (``js/lib/``); esbuild
bundles it with them into ``bundles/<name>.js`` (``make bundle``; the bundles are committed, and a test checks
they are current), so Panel receives self-contained code: no import left to resolve, no CDN, offline in a
notebook or a saved page too. Stylesheets are inline text: Panel's templates mishandle relative stylesheet
paths, and each component's rules are small.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bokeh.models import Div

HERE = Path(__file__).parent


@cache
def _read(path: str) -> str:
    return (HERE / path).read_text(encoding="utf-8")


def esm(name: str) -> str:
    """The bundle of ``js/<name>.js``: the component's module with everything it imports, as one module."""
    return _read(f"bundles/{name}.js")


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
