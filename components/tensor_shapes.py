"""The tensors of the current model and their shapes for a batch, in torch's convention and in the course's.

The warm-up asks, for a batch of 100 houses, for the shapes of X, W, b and ``X @ W + b`` with W as the course
writes it, (2, 3); ``nn.Linear`` stores its weight the other way round, (3, 2), and computes ``X @ weight.T + b``.
The table shows both side by side (``W = linear.weight.T``), for a batch size the student chooses (100 by default,
as the question has it; the training set's size is a click away). Above it, the warm-up's four questions
(``components/shape_quiz.py``): the table stays hidden until the student checks the answers or asks for it.
"""

from __future__ import annotations

import html
from functools import cached_property

import panel as pn
import param

from softmax_explorer.components.assets import stylesheets
from softmax_explorer.components.shape_quiz import ShapeQuiz

WARM_UP_BATCH = 100


def rows(shapes: list[tuple[str, tuple[int, ...]]], batch: int, activation: str) -> list[tuple[str, ...]]:
    """The table's rows for ``shapes`` (Trainer.shapes(): X, each layer's weight and bias, logits) and a batch of
    ``batch``: (torch name, torch shape, course name, course shape, what it is), in forward order."""
    layers = [_layer(name) for name, _ in shapes if name.endswith("weight")]
    out, depth = [], len(layers)
    inputs = "X"
    for name, shape in shapes:
        if name == "X":
            out.append(("X", (batch, shape[1]), "X", (batch, shape[1]), "one row a point (standardised)"))
        elif name == "logits":
            k = shape[1]
            out.append(
                (
                    "logits",
                    (batch, k),
                    "X @ W + b" if depth == 1 else f"h{depth - 1} @ W{depth} + b{depth}",
                    (batch, k),
                    "scores; softmax makes each row probabilities",
                )
            )
        else:
            layer, kind = _layer(name), name.rsplit(".", 1)[-1]
            i = layers.index(layer) + 1
            suffix = "" if depth == 1 else str(i)
            if kind == "weight":
                course = f"W{suffix} = {'model' if depth == 1 else f'model[{layer}]'}.weight.T"
                what = f"{shape[1]} in, {shape[0]} out; torch stores (out, in)"
                out.append((name, shape, course, shape[::-1], what))
            else:
                out.append((name, shape, f"b{suffix}", shape, "added to every row"))
                if i < depth:  # the hidden layer's output, after its activation
                    hidden = f"h{i} = {activation}({inputs} @ W{i} + b{i})"
                    sliced = f"model[:{int(layer) + 2}](X)"  # its Linear and activation, as torch computes it
                    out.append((sliced, (batch, shape[0]), hidden, (batch, shape[0]), "the hidden units"))
                    inputs = f"h{i}"
    return out


class TensorShapes(pn.viewable.Viewer):
    """A table of X, every layer's weight and bias (both conventions), the hidden outputs and the logits."""

    shapes = param.List(
        default=[], doc="(name, shape) pairs in forward order, as Trainer.shapes() gives them."
    )
    activation = param.String(default="relu", doc="The hidden layers' activation, as the code names it.")
    batch = param.Integer(default=WARM_UP_BATCH, bounds=(1, 1_000_000), label="Batch size (rows of X)")
    revealed = param.Boolean(default=False, doc="The table is shown (predict first: hidden until checked).")

    def __init__(self, **params):
        super().__init__(**params)
        self._html = pn.pane.HTML(sizing_mode="stretch_width", stylesheets=stylesheets("training"))
        self._warm_up = pn.widgets.Button(name=f"{WARM_UP_BATCH} (the warm-up)", margin=(24, 5, 5, 5))
        self._warm_up.on_click(lambda _: setattr(self, "batch", WARM_UP_BATCH))
        self._everything = pn.widgets.Button(margin=(24, 5, 5, 5))
        self._everything.on_click(lambda _: setattr(self, "batch", max(1, self.train_size)))
        self.quiz = ShapeQuiz()
        self.quiz.param.watch(lambda _: setattr(self, "revealed", True), "checked")
        self._show = pn.widgets.Button(
            label="Show the table",
            description="Show every tensor's shape without answering first",
            margin=(4, 5),
        )
        self._show.on_click(lambda _: setattr(self, "revealed", True))
        self._update()
        self._reveal()

    @property
    def train_size(self) -> int:
        return self.shapes[0][1][0] if self.shapes else 0

    @param.depends("revealed", watch=True)
    def _reveal(self):
        self._html.visible, self._show.visible = self.revealed, not self.revealed

    @param.depends("shapes", "activation", "batch", watch=True)
    def _update(self):
        shapes = [(name, tuple(shape)) for name, shape in self.shapes]
        if shapes:
            deep = sum(name.endswith("weight") for name, _ in shapes) > 1
            self.quiz.param.update(
                batch=self.batch,
                n_in=shapes[0][1][1],
                n_out=shapes[-1][1][1],
                note="The question is the warm-up's, about a logistic regression; this MLP's own layers are in "
                "the table."
                if deep
                else "",
            )
        body = "".join(
            f"<tr><th scope='row'><code>{html.escape(name)}</code></th><td class='shape'><code>{torch}</code></td>"
            f"<td class='course'><code>{html.escape(course)}</code></td><td class='course-shape'><code>{mine}"
            f"</code></td><td>{html.escape(what)}</td></tr>"
            for name, torch, course, mine, what in rows(shapes, self.batch, self.activation)
        )
        count = sum(_size(shape) for name, shape in shapes if name not in ("X", "logits"))
        self._everything.name = f"the training set ({self.train_size:,})"
        self._html.object = (
            f"<table class='se-shapes'><caption>Tensors for a batch of {self.batch:,} "
            f"({count:,} trainable numbers)</caption><thead><tr><th>in torch</th><th>shape</th>"
            "<th>as the course writes it</th><th>shape</th><th>what it is</th></tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )

    def __panel__(self):
        return self._layout

    @cached_property
    def _layout(self):  # built when the tab is first opened, then kept
        batch = pn.widgets.IntInput.from_param(self.param.batch, width=200)
        row = pn.Row(batch, self._warm_up, self._everything)
        return pn.Column(row, self.quiz, self._show, self._html, sizing_mode="stretch_width")


def _layer(name: str) -> str:
    """The layer a parameter belongs to: "2" for "2.weight" (nn.Sequential), "" for nn.Linear's own "weight"."""
    return name.rsplit(".", 1)[0] if "." in name else ""


def _size(shape) -> int:
    size = 1
    for n in shape:
        size *= n
    return size
