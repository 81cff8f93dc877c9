"""The components in a Jupyter notebook: shown with no request leaving the machine, and the training loop tied to
its cell's output.

Panel loads Bokeh's and its own JavaScript, the ES module shims its ESM components need and its stylesheets from a
CDN in a notebook unless told to inline them (``pn.extension(inline=True)``); an offline classroom has no CDN. So
in a Jupyter kernel, importing the components sets ``pn.config.inline``, and the first of them displayed loads
Panel's notebook extension inline if nobody has (or if it was loaded from the CDN before this import). Our own
browser code is already inline: each component's ES module is one esbuild bundle (``components/assets.py``).

In Colab (which is online, and where Panel needs ``jupyter_bokeh`` for its comms) Panel's own choice stands: the
CDN, fetched by the browser, rather than several MB of JavaScript inlined in every output.
"""

from __future__ import annotations

import builtins
import logging
import sys

import panel as pn
from panel.config import panel_extension

log = logging.getLogger(__name__)
EXTENSIONS = ("filedropper",)  # the CSV card's file dropper (as app/main.py loads it)


def _in_kernel() -> bool:
    return hasattr(builtins, "__IPYTHON__") and not pn.state._is_pyodide


def _in_colab() -> bool:
    return "google.colab" in sys.modules


_offline = _in_kernel() and not _in_colab()
# Loaded already, from the CDN: the first component shown loads it again, inline.
_reload = _offline and panel_extension._loaded and not pn.config.inline
if _offline:
    pn.config.inline = True


def prepare() -> None:
    """Before a component's first display in a notebook: Panel's extension loaded (inline, but in Colab)."""
    global _reload
    if not _in_kernel():
        return
    if _offline and not pn.config.inline:  # someone turned it off since: a CDN load from here on
        pn.config.inline = True
        _reload = True
    if (
        _reload
        or not panel_extension._loaded
        or not set(EXTENSIONS) <= set(panel_extension._loaded_extensions)
    ):
        pn.extension(*EXTENSIONS)
        _reload = False


class NotebookViewer(pn.viewable.Viewer):
    """A Viewer that loads what it needs before it is displayed in a notebook cell."""

    def _repr_mimebundle_(self, include=None, exclude=None):
        prepare()
        return super()._repr_mimebundle_(include, exclude)


class OutputWatch:
    """Whether a view's notebook output is still there: yes until the view is first shown, then while one is.

    When an output goes (cleared, its cell run again, the notebook closed), Panel's notebook extension hears of it
    from the page and cleans the view up: it forgets the model it rendered there.
    """

    def __init__(self):
        self._seen = False

    def __call__(self, view) -> bool:
        shown = view is not None and any(ref in pn.state._views for ref in view._models)
        if self._seen and not shown:
            log.info("training loop stopped: its notebook output is gone")
        self._seen |= shown
        return shown or not self._seen
