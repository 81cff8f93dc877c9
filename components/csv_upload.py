"""The student's own data: upload a CSV file, pick its two feature columns and its label, load it.

Everything about the file is bounded on the server before it is read: its size as the chunks arrive (the
browser's limit alone can be changed by anyone), then its columns, rows and classes (``models/tables.py``). A
refused file leaves the data already loaded as it was, and says why.
"""

from __future__ import annotations

import os

import panel as pn
import param

from softmax_explorer.components.notice import notice, show
from softmax_explorer.models.data import Dataset
from softmax_explorer.models.inputs import CSV_MAX_BYTES, quote
from softmax_explorer.models.tables import csv_columns, load_csv

CHUNK_BYTES = 1_000_000  # per websocket message, well under the server's message limit (deploy/serve.sh)
# A class server may take larger (or only smaller) files: SOFTMAX_EXPLORER_CSV_MB=20, for instance.
MAX_BYTES = int(float(os.environ.get("SOFTMAX_EXPLORER_CSV_MB", CSV_MAX_BYTES / 1e6)) * 1e6)


class BoundedFileDropper(pn.widgets.FileDropper):
    """Panel's FileDropper that stops keeping a file's chunks once it is larger than ``max_bytes``."""

    max_bytes = param.Integer(default=CSV_MAX_BYTES, bounds=(1, None))
    refused = param.String(default="", doc="Why the last file was not taken.")

    _rename = {**pn.widgets.FileDropper._rename, "max_bytes": None, "refused": None}  # server-side only

    def _process_event(self, event):
        data = event.data
        if event.event_name == "upload_event":
            name = data.get("name", "")
            if data.get("chunk") != 1 and name not in self._file_buffer:
                return  # the rest of a file refused already
            kept = (
                sum(len(chunk) for chunk in self._file_buffer.get(name, [])) if data.get("chunk") != 1 else 0
            )
            if kept + len(data.get("data") or b"") > self.max_bytes or len(self._file_buffer) > 1:
                self._file_buffer.clear()  # what arrived of it is dropped at once, the rest as it comes
                message = f"{quote(name)} is larger than {self.max_bytes / 1e6:g} MB, the largest file taken"
                if message != self.refused:
                    self.refused = message
                return
            if data.get("chunk") == 1:
                self.refused = ""
        super()._process_event(event)


class CsvUpload(pn.viewable.Viewer):
    """Upload a CSV, pick its columns, load it; ``dataset`` is the last file loaded."""

    dataset = param.ClassSelector(class_=Dataset, default=None, doc="The last CSV file loaded, if any.")
    x = param.Selector(default=None, objects=[], label="Feature on the x axis")
    y = param.Selector(default=None, objects=[], label="Feature on the y axis")
    label = param.Selector(default=None, objects=[], label="Label (the class)")
    file_name = param.String(default="", doc="The file picked, not yet loaded.")
    error = param.String(default="", doc="Why the last file could not be used.")
    max_bytes = param.Integer(default=MAX_BYTES, bounds=(1, None))

    def __init__(self, **params):
        super().__init__(**params)
        self._data = b""
        self._seen: dict = {}
        self._dropper = BoundedFileDropper(
            accepted_filetypes=[".csv", "text/csv"],
            max_file_size=f"{self.max_bytes / 1e6:g}MB",
            max_bytes=self.max_bytes,
            chunk_size=CHUNK_BYTES,
            multiple=False,
            layout="compact",
            sizing_mode="stretch_width",
        )
        self._dropper.param.watch(self._uploaded, "value")
        self._dropper.param.watch(lambda e: e.new and self._fail(e.new), "refused")
        self._layout = None

    def _fail(self, text: str) -> None:
        self.error = text

    def _uploaded(self, event) -> None:
        # A file dropped soon after another can arrive before the old one is taken out, so the dropper may hold
        # both: read the one that is new, and forget the rest.
        fresh = [name for name, data in event.new.items() if self._seen.get(name) is not data]
        for stale in [name for name in event.new if fresh and name != fresh[-1]]:
            del event.new[stale]
        self._seen = dict(event.new)
        if not fresh:  # a file was taken out: what was loaded stays
            return
        name, data = fresh[-1], event.new[fresh[-1]]
        data = data.encode() if isinstance(data, str) else data
        try:
            columns = csv_columns(data, self.max_bytes)
        except ValueError as problem:
            self.param.update(file_name="", error=f"{quote(name)}: {problem}")
            return
        self._data = data
        for parameter, value in zip(("x", "y", "label"), columns, strict=False):
            self.param[parameter].objects = columns
            setattr(self, parameter, value)
        self.param.update(file_name=name, error="")

    def load(self) -> None:
        """Read the file picked with the columns chosen; set ``dataset`` or ``error``."""
        try:
            dataset = load_csv(
                self._data,
                features=(self.x, self.y),
                label=self.label,
                name=self.file_name,
                max_bytes=self.max_bytes,
            )
        except ValueError as problem:
            self.error = f"{quote(self.file_name)}: {problem}"
            return
        self.param.update(error="", dataset=dataset)

    def summary(self) -> str:
        """What the last load gave, in a sentence."""
        data = self.dataset
        if data is None:
            return ""
        n = data.dropped_rows
        dropped = (
            (
                f"; {n:,} {'row' if n == 1 else 'rows'} with missing values {'was' if n == 1 else 'were'} "
                "left out"
            )
            if n
            else ""
        )
        return f"Loaded {len(data):,} rows of {data.name}: classes {', '.join(data.class_names)}{dropped}."

    def __panel__(self):
        if self._layout is None:
            w = pn.widgets
            pickers = [
                w.Select.from_param(self.param[p], sizing_mode="stretch_width") for p in ("x", "y", "label")
            ]
            load = w.Button(label="Load the CSV", button_type="primary", disabled=True)
            load.on_click(lambda _: self.load())
            # The button names the file: an upload takes seconds, and this says which file a press loads.
            self.param.watch(
                lambda e: load.param.update(
                    label=f"Load {e.new}" if e.new else "Load the CSV", disabled=not e.new
                ),
                "file_name",
            )
            error, loaded = (
                notice("danger", css_classes=["csv-error"]),
                notice("success", css_classes=["csv-loaded"]),
            )
            self.param.watch(lambda e: show(error, e.new), "error")
            self.param.watch(
                lambda e: show(loaded, "" if self.error else self.summary()), ["dataset", "error"]
            )
            self._layout = pn.Card(
                self._dropper,
                *pickers,
                load,
                error,
                loaded,
                title="Your own data (CSV)",
                collapsed=True,
                sizing_mode="stretch_width",
            )
        return self._layout
