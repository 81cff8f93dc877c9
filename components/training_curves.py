"""Training and validation loss and accuracy against epochs, live, and the validation confusion matrix."""

from __future__ import annotations

import html

import numpy as np
import panel as pn
import param
from panel.custom import JSComponent

from components.assets import esm, html_div, stylesheets
from models.training import Metrics

COLUMNS = ("epoch", "train_loss", "train_acc", "val_loss", "val_acc")
MAX_POINTS = 300  # rows sent for the curves: enough for a smooth line, few enough to send five times a second


class TrainingCurves(JSComponent):
    """Loss and accuracy against epochs, training and validation, drawn in the browser as two small charts."""

    history = param.Bytes(default=None, doc="float32 rows (epoch, train_loss, train_acc, val_loss, val_acc).")

    _esm = esm("training_curves")
    _stylesheets = stylesheets("training_curves")

    def show(self, history: list[Metrics]) -> None:
        """Send ``history``, evenly thinned to at most MAX_POINTS rows (the first and the last always kept)."""
        keep = np.unique(np.linspace(0, len(history) - 1, min(len(history), MAX_POINTS)).round().astype(int))
        rows = np.array([[getattr(history[i], c) for c in COLUMNS] for i in keep], dtype="<f4")
        self.history = rows.tobytes()

    def reset(self) -> None:
        self.history = b""


class EpochLine(pn.viewable.Viewer):
    """The epoch counter and the latest training and validation loss and accuracy, updated every frame."""

    def __init__(self, **params):
        super().__init__(**params)
        self._div = html_div("epoch_line")  # updated every frame

    def show(self, metrics: Metrics, frame_ms: tuple[float, float] = (0.0, 0.0)) -> None:
        """Show ``metrics``; ``frame_ms`` (the server's time to train and to draw a frame) goes in data attributes."""
        self._div.text = (
            f"<div class='se-epoch' data-train-ms='{frame_ms[0]:.3f}' data-draw-ms='{frame_ms[1]:.3f}'>"
            f"<span>Epoch <b class='epoch' data-epoch='{metrics.epoch}'>{metrics.epoch}</b></span>"
            f"<span>training loss <b>{metrics.train_loss:.3f}</b>, accuracy <b>{metrics.train_acc:.1%}</b></span>"
            f"<span>validation loss <b>{metrics.val_loss:.3f}</b>, accuracy <b>{metrics.val_acc:.1%}</b></span></div>"
        )

    def __panel__(self):
        return pn.pane.Bokeh(self._div, sizing_mode="stretch_width")


class ConfusionMatrix(pn.viewable.Viewer):
    """Validation counts by true class (rows) and predicted class (columns), shaded by row share."""

    counts = param.Array(default=np.zeros((0, 0), int), doc="(K, K) counts: counts[true, predicted].")
    class_names = param.List(default=[], item_type=str)

    def __init__(self, **params):
        super().__init__(**params)
        self._div = html_div("training", text=self._render())  # updated twice a second while training

    @param.depends("counts", "class_names", watch=True)
    def _update(self):
        self._div.text = self._render()

    def _render(self) -> str:
        counts, names = self.counts, [html.escape(n) for n in self.class_names]
        if counts.size == 0 or len(names) != len(counts):
            return ""
        shares = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
        head = "".join(f"<th scope='col'>{n}</th>" for n in names)
        rows = "".join(
            f"<tr><th scope='row'>{name}</th>"
            + "".join(
                f"<td data-count='{c}' style='background:rgba(0,114,178,{0.08 + 0.7 * s:.2f});"
                f"{'font-weight:700;' if i == j else ''}'>{c}</td>"
                for j, (c, s) in enumerate(zip(counts[i], shares[i], strict=True))
            )
            + "</tr>"
            for i, name in enumerate(names)
        )
        total, right = counts.sum(), np.trace(counts)
        return (
            f"<table class='se-confusion'><caption>Validation confusion matrix: {right} of {total} right "
            f"({right / max(total, 1):.1%})</caption><thead><tr><th>true ↓ / predicted →</th>{head}</tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )

    def __panel__(self):
        return pn.pane.Bokeh(self._div, sizing_mode="stretch_width")
