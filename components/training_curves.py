"""Training and validation loss and accuracy against epochs, live, and the validation confusion matrix."""

from __future__ import annotations

import html

import numpy as np
import panel as pn
import param
from bokeh.models import ColumnDataSource, Range1d
from bokeh.plotting import figure

from components.assets import html_div
from components.figure_style import set_text_size
from models.training import Metrics

TRAIN_COLOR, VALIDATION_COLOR = "#0072B2", "#D55E00"
COLUMNS = ("epoch", "train_loss", "train_acc", "val_loss", "val_acc")
MIN_EPOCHS = 50  # the curves' first x range


class TrainingCurves(pn.viewable.Viewer):
    """Loss and accuracy curves that grow as training runs; only new points are sent each frame."""

    large_text = param.Boolean(default=False, doc="Text sized for a lecture hall.")

    def __init__(self, **params):
        super().__init__(**params)
        self._source = ColumnDataSource(data={c: [] for c in COLUMNS})
        # One x range for both, set here: an automatic range would be recomputed by the browser every frame and
        # sent back to the server, two messages a frame for nothing.
        self._epochs = Range1d(0, MIN_EPOCHS)
        self._loss = self._figure("Cross-entropy loss", "loss", Range1d(0, 1.2))
        self._accuracy = self._figure("Accuracy", "acc", Range1d(0, 1))
        self._shown = 0
        self._text_size()

    @param.depends("large_text", watch=True)
    def _text_size(self):
        for fig in (self._loss, self._accuracy):
            set_text_size(fig, self.large_text)

    def _figure(self, title: str, metric: str, y_range) -> figure:
        fig = figure(title=title, height=230, sizing_mode="stretch_width", toolbar_location=None,
                     x_axis_label="epoch", x_range=self._epochs, y_range=y_range, tools="")
        fig.line("epoch", f"train_{metric}", source=self._source, color=TRAIN_COLOR, line_width=2.5,
                 legend_label="training")
        fig.line("epoch", f"val_{metric}", source=self._source, color=VALIDATION_COLOR, line_width=2.5,
                 line_dash="dashed", legend_label="validation")
        fig.legend.location = "top_right" if metric == "loss" else "bottom_right"
        fig.legend.background_fill_alpha = 0.8
        return fig

    def show(self, history: list[Metrics]) -> None:
        """Show ``history``: stream the entries not yet shown, or start over if it is not a continuation."""
        if len(history) < self._shown or (self._shown and self._source.data["epoch"][-1] != history[self._shown - 1].epoch):
            self._shown = 0
        if not self._shown:
            # Replaced, not streamed: a stream that follows a replacement in the same held batch (reset, then
            # draw) never reaches the browser, which then lacked epoch 0.
            self._source.data = {c: [getattr(m, c) for m in history] for c in COLUMNS}
        elif len(history) > self._shown:
            self._source.stream({c: [getattr(m, c) for m in history[self._shown:]] for c in COLUMNS})
        else:
            return
        self._shown = len(history)
        if history[-1].epoch > self._epochs.end:  # grow by half, so that the axis changes seldom
            self._epochs.end = float(max(MIN_EPOCHS, 1.5 * history[-1].epoch))
        top = max(max(m.train_loss, m.val_loss) for m in history)
        if np.isfinite(top) and top * 1.05 > self._loss.y_range.end:
            self._loss.y_range.end = float(np.ceil(top * 1.1 * 4) / 4)

    def reset(self) -> None:
        self._source.data = {c: [] for c in COLUMNS}
        self._shown = 0
        self._loss.y_range.end = 1.2
        self._epochs.end = MIN_EPOCHS

    def __panel__(self):
        return pn.Row(pn.pane.Bokeh(self._loss, sizing_mode="stretch_width"),
                      pn.pane.Bokeh(self._accuracy, sizing_mode="stretch_width"), sizing_mode="stretch_width")


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
            f"<tr><th scope='row'>{name}</th>" + "".join(
                f"<td data-count='{c}' style='background:rgba(0,114,178,{0.08 + 0.7 * s:.2f});"
                f"{'font-weight:700;' if i == j else ''}'>{c}</td>"
                for j, (c, s) in enumerate(zip(counts[i], shares[i], strict=True)))
            + "</tr>" for i, name in enumerate(names))
        total, right = counts.sum(), np.trace(counts)
        return (f"<table class='se-confusion'><caption>Validation confusion matrix: {right} of {total} right "
                f"({right / max(total, 1):.1%})</caption><thead><tr><th>true ↓ / predicted →</th>{head}</tr>"
                f"</thead><tbody>{rows}</tbody></table>")

    def __panel__(self):
        return pn.pane.Bokeh(self._div, sizing_mode="stretch_width")


def confusion_counts(y_true: np.ndarray, y_pred: np.ndarray, k: int) -> np.ndarray:
    """counts[i, j]: how many points of class i were predicted as class j."""
    return np.bincount(y_true * k + y_pred, minlength=k * k).reshape(k, k)
