"""Keyboard shortcuts for a tab, with a popover that lists them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import panel as pn
import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, stylesheets


class Shortcuts(JSComponent):
    """Maps keys to callbacks while its tab is visible; '?' shows the list.

    ``keys`` holds ``(key, description, action)`` rows; ``action`` names a callback given to ``on`` or is ``""``
    for keys that another component handles in the browser (listed so that the help is complete).
    """

    keys = param.List(default=[], doc="Rows of (key, description, action name or '').")

    _esm = esm("shortcuts")
    _stylesheets = stylesheets("shortcuts")

    def __init__(self, **params):
        super().__init__(**params)
        self._actions: dict[str, Callable[[], None]] = {}

    def on(self, action: str, callback: Callable[[], None]) -> None:
        """Call ``callback`` when the key bound to ``action`` is pressed."""
        self._actions[action] = callback

    def press(self, action: str) -> None:
        """Run the callback bound to ``action``, as a key press would."""
        if action in self._actions:
            self._actions[action]()

    def _handle_msg(self, msg) -> None:
        if isinstance(msg, dict):
            # Run on the document's next tick, where Bokeh holds its lock: a message handler does not, and a
            # callback that changes models there fails ("_pending_writes should be non-None").
            pn.state.execute(partial(self.press, str(msg.get("action", ""))), schedule=True)
