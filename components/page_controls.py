"""Page-wide controls in the header: lecture mode, the theme, and a copy-link button."""

from __future__ import annotations

import param
from panel.custom import JSComponent

from components.assets import esm, stylesheets


class LectureToggle(JSComponent):
    """A switch for lecture mode: larger type and bars for projection (key l)."""

    present = param.Boolean(default=False)

    _esm = esm("lecture_toggle")
    _stylesheets = stylesheets("page_controls")


class CopyLink(JSComponent):
    """A button that copies the page's address, and with it the whole state, to the clipboard."""

    copied = param.String(default="", doc="The last address copied.")

    _esm = esm("copy_link")
    _stylesheets = stylesheets("page_controls")


class ThemeSwitch(JSComponent):
    """A button that reloads the page in the other theme (light or dark), keeping the state in the address."""

    theme = param.Selector(default="default", objects=["default", "dark"], constant=True)

    _esm = esm("theme_switch")
    _stylesheets = stylesheets("page_controls")
