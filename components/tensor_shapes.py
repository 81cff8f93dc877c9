"""The tensors of the current setup and their shapes for the current data, as the warm-up questions ask."""

from __future__ import annotations

import html

import panel as pn
import param

from components.assets import stylesheets

EXPLAIN = {
    "X": "inputs: one row a point, (longitude, latitude) or (x1, x2)",
    "logits": "one score a class for every point; softmax turns each row into probabilities",
}


def describe(name: str, shape: tuple[int, ...]) -> str:
    """What a tensor named as ``model.named_parameters()`` names it is, in the course's words."""
    if name in EXPLAIN:
        return EXPLAIN[name]
    layer, kind = name.rsplit(".", 1) if "." in name else ("", name)
    where = f"nn.Linear {layer}" if layer else "nn.Linear"
    if kind == "weight":
        return f"{where}'s W, stored (out, in): it computes X @ W.T + b, so a ({shape[1]}) input gives ({shape[0]})"
    return f"{where}'s bias b: one number per output"


class TensorShapes(pn.viewable.Viewer):
    """A table of X, every layer's weight and bias, and the logits, with their shapes."""

    shapes = param.List(
        default=[], doc="(name, shape) pairs in forward order, as Trainer.shapes() gives them."
    )

    def __init__(self, **params):
        super().__init__(**params)
        self._html = pn.pane.HTML(sizing_mode="stretch_width", stylesheets=stylesheets("training"))
        self._update()

    @param.depends("shapes", watch=True)
    def _update(self):
        rows = "".join(
            f"<tr><th scope='row'><code>{html.escape(name)}</code></th><td class='shape'><code>"
            f"{tuple(shape)}</code></td><td>{html.escape(describe(name, tuple(shape)))}</td></tr>"
            for name, shape in self.shapes
        )
        count = sum(_size(shape) for name, shape in self.shapes if name not in EXPLAIN)
        self._html.object = (
            "<table class='se-shapes'><caption>Tensors for the current data and model "
            f"({count:,} trainable numbers)</caption><thead><tr><th>tensor</th><th>shape</th><th>what it is</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )

    def __panel__(self):
        return self._html


def _size(shape) -> int:
    size = 1
    for n in shape:
        size *= n
    return size
