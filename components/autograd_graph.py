"""Autograd on one point: the forward pass as a chain of tensors with their values and, stepping backward from the
loss, their gradients as torch's ``loss.backward()`` computed them (models/autograd.py)."""

from __future__ import annotations

import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, stylesheets
from softmax_explorer.models.autograd import Node


def as_data(node: Node) -> dict:
    """A node as the browser takes it: shapes as lists, values and gradients flattened in row-major order."""
    return {
        "name": node.name,
        "op": node.op,
        "shape": list(node.shape),
        "value": [float(v) for v in node.value.ravel()],
        "grad": [float(v) for v in node.grad.ravel()],
        "rule": node.rule,
        "grad_fn": node.grad_fn,
        "parameters": [[name, list(shape)] for name, shape in node.parameters],
    }


class AutogradGraph(JSComponent):
    """The nodes of one forward pass, x to the loss L; ``revealed`` of them, from L back, show their gradient.

    The browser steps backward (button or key b, Shift+B for all, or back to none) and sets ``revealed``.
    """

    nodes = param.List(default=[], doc="The nodes in forward order, as :func:`as_data` makes them.")
    class_names = param.List(
        default=[], item_type=str, doc="Names of the logits' and probabilities' entries."
    )
    revealed = param.Integer(default=0, bounds=(0, None), doc="How many nodes, from L back, show dL/d(node).")

    _esm = esm("autograd_graph")
    _stylesheets = stylesheets("autograd_graph")

    def show(self, nodes: list[Node], class_names: list[str], restart: bool) -> None:
        """Show ``nodes``; back to the forward pass alone when ``restart`` (another point), else keep the step."""
        self.param.update(
            nodes=[as_data(n) for n in nodes],
            class_names=list(class_names),
            revealed=0 if restart else min(self.revealed, len(nodes)),
        )
