"""The epoch line and the loss and accuracy curves against epochs, live, and the validation confusion matrix."""

from __future__ import annotations

import html
import math

import numpy as np
import panel as pn
import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, html_div, stylesheets
from softmax_explorer.components.layouts import NUMBERS, pack
from softmax_explorer.models.training import LOSSES, Metrics

COLUMNS = ("epoch", "train_loss", "train_acc", "val_loss", "val_acc")
MAX_POINTS = 300  # the rows the browser holds: between this and twice this, once there are that many


class TrainingCurves(JSComponent):
    """The epoch line (the epoch, the latest training and validation loss and accuracy) over two small charts of
    loss and accuracy against epochs, training and validation, drawn in the browser.

    While training, :meth:`show` sends only what is new, as one message (layouts.NUMBERS) ten times a second: no
    parameter changes, which cost the server several times more. The rows it keeps, and the browser with it, are
    every entry of the history, then every other one once they would pass 2 x MAX_POINTS, then every fourth...,
    and the latest always: evenly spaced, so the charts stay smooth and cheap however long the run.
    """

    history = param.Bytes(
        default=None,
        doc="float32 rows (epoch, train_loss, train_acc, val_loss, val_acc), for a view shown later.",
    )
    loss = param.Selector(
        default="cross_entropy",
        objects=list(LOSSES),
        doc="The loss being minimised, which the loss chart plots.",
    )
    frame_ms = param.List(default=[0.0, 0.0], doc="The server's ms to train and to draw the latest frame.")

    _esm = esm("training_curves")
    _stylesheets = stylesheets("training_curves")

    def __init__(self, **params):
        super().__init__(**params)
        self._rows = np.zeros((0, len(COLUMNS)), "<f4")
        self._stride = 1  # the rows held are every stride-th entry of the history, and the latest
        self._count = (
            0  # the entries of the history shown, and the latest of them: a history whose entry there
        )
        self._last: Metrics | None = None  # is another is a new one (after a reset or a divergence)

    def show(self, history: list[Metrics], frame_ms: tuple[float, float] = (0.0, 0.0)) -> None:
        """Show ``history`` and ``frame_ms``: only the entries not shown yet, unless the rows must be thinned or
        ``history`` is not the one shown before."""
        n = len(history)
        extends = 0 < self._count <= n and history[self._count - 1] is self._last
        stride = self._stride if extends else 1
        while math.ceil(n / stride) + 1 > 2 * MAX_POINTS:
            stride *= 2
        if extends and stride == self._stride:
            # The latest entry shown, if it was held only as the latest, gives way to the new ones.
            drop = int(n > self._count and (self._count - 1) % stride != 0)
            sent = _rows(history, [i for i in range(self._count, n) if i % stride == 0 or i == n - 1])
            self._rows = np.concatenate([self._rows[: len(self._rows) - drop], sent])
            replace = False
        else:
            self._rows = sent = _rows(history, [*range(0, n, stride), *([n - 1] if (n - 1) % stride else [])])
            drop, replace = 0, True
        self._stride, self._count, self._last = stride, n, history[-1] if history else None
        with param.discard_events(self):  # for a view rendered later; the views now get the message
            self.param.update(history=self._rows.tobytes(), frame_ms=[float(v) for v in frame_ms])
        message = dict(replace=replace, drop=drop, train_ms=frame_ms[0], draw_ms=frame_ms[1])
        self._send_msg(pack(NUMBERS, **message, rows=len(sent), history=sent.ravel()))

    def reset(self) -> None:
        self.show([])


def _rows(history: list[Metrics], indices: list[int]) -> np.ndarray:
    """The float32 rows (COLUMNS) of ``history``'s entries at ``indices``."""
    rows = [[getattr(history[i], c) for c in COLUMNS] for i in indices]
    return np.array(rows, "<f4").reshape(-1, len(COLUMNS))


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
