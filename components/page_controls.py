"""Page-wide controls: lecture mode, the theme, a copy button (for the page's link, or any text), tab keys."""

from __future__ import annotations

import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, stylesheets


class LectureToggle(JSComponent):
    """A switch for lecture mode: larger type and bars for projection (key l)."""

    present = param.Boolean(default=False)

    _esm = esm("lecture_toggle")
    _stylesheets = stylesheets("page_controls")


class CopyButton(JSComponent):
    """A button that copies ``text`` to the clipboard, or the page's address (the whole state) if it is empty."""

    label = param.String(default="Copy link")
    text = param.String(default="", doc="What to copy; empty for the page's address.")
    copied = param.String(default="", doc="The last text copied.")

    _esm = esm("copy_button")
    _stylesheets = stylesheets("page_controls")


class ThemeSwitch(JSComponent):
    """A button that reloads the page in the other theme (light or dark). The page decides the address to reload
    at (``on_switch(theme)`` returns its query string: the state, and what must be carried over); without an
    answer the browser reloads its own address in the other theme."""

    theme = param.Selector(default="default", objects=["default", "dark"], constant=True)

    _esm = esm("theme_switch")
    _stylesheets = stylesheets("page_controls")

    def __init__(self, on_switch=None, **params):
        super().__init__(**params)
        self._on_switch = on_switch

    def _handle_msg(self, msg) -> None:
        if self._on_switch and isinstance(msg, dict) and msg.get("switch") in ("default", "dark"):
            self._send_msg({"go": self._on_switch(msg["switch"])})


class TabKeys(JSComponent):
    """Nothing to see: gives the page's tab strips ARIA roles and keys (Enter, Space, arrows, Home, End)."""

    _esm = esm("tab_keys")
