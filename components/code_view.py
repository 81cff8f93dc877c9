"""The standalone PyTorch script for the current setup, with a copy button and the data file to run it on."""

from __future__ import annotations

import html

import panel as pn
import param

from softmax_explorer.components.assets import stylesheets
from softmax_explorer.components.page_controls import CopyButton


class CodeView(pn.viewable.Viewer):
    """Shows ``code`` as text to read and copy; ``data_file`` (a path) is offered for download beside it."""

    code = param.String(default="")
    data_file = param.String(default="", doc="The CSV the script reads, offered for download; '' for none.")

    def __init__(self, **params):
        super().__init__(**params)
        self._copy = CopyButton(label="Copy the code", css_classes=["on-surface"])
        self._html = pn.pane.HTML(sizing_mode="stretch_width", stylesheets=stylesheets("training"))
        self._download = pn.widgets.FileDownload(
            label="Download the data (CSV)", button_type="light", width=240
        )
        self._update()

    @param.depends("code", "data_file", watch=True)
    def _update(self):
        self._copy.text = self.code
        self._html.object = f"<pre class='se-code'><code>{html.escape(self.code)}</code></pre>"
        self._download.visible = bool(self.data_file)
        if self.data_file:
            self._download.file = self.data_file

    def __panel__(self):
        return pn.Column(pn.Row(self._copy, self._download), self._html, sizing_mode="stretch_width")
