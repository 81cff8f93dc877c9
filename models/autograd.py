"""Autograd on one point: the forward pass as a chain of tensors, each with its value and its gradient.

``x -> z1 = x @ W1.T + b1 -> h1 = relu(z1) -> ... -> logits -> p = softmax(logits) -> L = -log p[y]``, computed by
the trained model's own Linear layers and activations (so the numbers are exactly the model's), then
``L.backward()`` with ``retain_grad()`` on every intermediate: each node's ``grad`` is dL/d(node) as torch's
autograd computes it, not a formula of ours. At the logits it is ``p - onehot(y)``, the explorer's gradient.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

# How each node's gradient follows from the next node's: the chain rule, one local step (shown beside the numbers).
ACTIVATION_RULES = {
    "relu": "dL/d{z} = dL/d{h} * ({z} > 0)",
    "tanh": "dL/d{z} = dL/d{h} * (1 - {h}²)",
    "sigmoid": "dL/d{z} = dL/d{h} * {h} * (1 - {h})",
}


@dataclass(frozen=True)
class Node:
    """One tensor of the forward pass: what it is, how it was made, its value and dL/d(it)."""

    name: str  # "x", "z1", "h1", ..., "logits", "p", "L"
    op: str  # how the forward pass made it, e.g. "x @ W1.T + b1"
    shape: tuple[int, ...]
    value: np.ndarray
    grad: np.ndarray
    rule: str  # how backward gets its gradient from the next node's, e.g. "dL/dx = dL/dz1 @ W1"
    grad_fn: str  # torch's name for the operation that made it ("" for the input x)
    parameters: tuple[
        tuple[str, tuple[int, ...]], ...
    ] = ()  # the weights its op uses, e.g. (("W1", (100, 2)), ...)


def layers(model: nn.Module) -> list[nn.Module]:
    """The model's modules in forward order: ``[Linear]`` for logistic regression, a Sequential's children else."""
    if isinstance(model, nn.Linear):
        return [model]
    if isinstance(model, nn.Sequential) and model and isinstance(model[-1], nn.Linear):
        return list(model)
    raise ValueError(
        f"expected nn.Linear or an nn.Sequential ending in nn.Linear, got {type(model).__name__}"
    )


def activation_name(module: nn.Module) -> str:
    """``relu``, ``tanh`` or ``sigmoid`` for the module that computes it."""
    for name, kind in (("relu", nn.ReLU), ("tanh", nn.Tanh), ("sigmoid", nn.Sigmoid)):
        if isinstance(module, kind):
            return name
    raise ValueError(f"no activation known as {type(module).__name__}: expected ReLU, Tanh or Sigmoid")


def graph(model: nn.Module, x, target: int) -> list[Node]:
    """The nodes of ``model``'s forward pass for one point ``x`` (its features as the model sees them, shape
    ``(n_features,)``) with true class ``target``, in forward order, after ``L.backward()``.

    The point goes in as a batch of one, ``(1, n_features)``, as the model sees a batch. The model's own
    parameters are left as they were: their ``.grad`` is put back after the backward pass, so a training loop
    sharing the model is not disturbed.
    """
    modules = layers(model)
    linears = [m for m in modules if isinstance(m, nn.Linear)]
    x = torch.as_tensor(np.asarray(x, dtype=np.float32)).reshape(1, -1).clone().requires_grad_(True)
    if x.shape[1] != linears[0].in_features:
        raise ValueError(f"the model takes {linears[0].in_features} features, got {x.shape[1]}")
    k = linears[-1].out_features
    if not (isinstance(target, int | np.integer) and 0 <= target < k):
        raise ValueError(f"target must be a class from 0 to {k - 1}, got {target!r}")
    parameters = list(model.parameters())
    kept = [p.grad for p in parameters]
    for (
        p
    ) in parameters:  # backward adds into an existing .grad in place: let it fill fresh ones, dropped below
        p.grad = None
    try:
        with torch.enable_grad():
            tensors, described = _forward(modules, linears, x, int(target))
            for t in tensors[1:]:
                t.retain_grad()
            tensors[-1].backward()
    finally:
        for p, g in zip(parameters, kept, strict=True):
            p.grad = g
    return [
        Node(
            name=name,
            op=op,
            shape=tuple(t.shape),
            value=t.detach().numpy().copy(),
            grad=t.grad.detach().numpy().copy(),
            rule=rule,
            grad_fn=type(t.grad_fn).__name__ if t.grad_fn is not None else "",
            parameters=used,
        )
        for t, (name, op, rule, used) in zip(tensors, described, strict=True)
    ]


def _forward(modules, linears, x, target):
    """The forward pass, one tensor a node, with each node's (name, op, backward rule, parameters used)."""
    single = len(linears) == 1
    tensors, described = [x], [("x", "the point, a batch of one", "", ())]
    layer = 0
    for module in modules:
        previous = described[-1][0]
        if isinstance(module, nn.Linear):
            layer += 1
            last = module is linears[-1]
            name = "logits" if last else f"z{layer}"
            w, b = ("W", "b") if single else (f"W{layer}", f"b{layer}")
            tensors.append(module(tensors[-1]))
            used = ((w, tuple(module.weight.shape)), (b, tuple(module.bias.shape)))
            described.append((name, f"{previous} @ {w}.T + {b}", "", used))
            rule = f"dL/d{previous} = dL/d{name} @ {w}"
        else:
            kind = activation_name(module)
            name = f"h{layer}"
            # ReLU runs in place in the training tab's models (networks.py), which would overwrite z with h: the
            # same function out of place keeps both tensors, with the same numbers.
            tensors.append(torch.relu(tensors[-1]) if kind == "relu" else module(tensors[-1]))
            described.append((name, f"{kind}({previous})", "", ()))
            rule = ACTIVATION_RULES[kind].format(z=previous, h=name)
        before = described[-2]  # gets its gradient through this node
        described[-2] = (*before[:2], rule, before[3])
    p = torch.softmax(tensors[-1], dim=1)
    loss = -torch.log(p[0, target])
    tensors += [p, loss]
    described[-1] = (
        *described[-1][:2],
        "dL/dlogits = p - onehot(y): softmax's Jacobian times dL/dp",
        described[-1][3],
    )
    described += [
        ("p", "softmax(logits)", f"dL/dp = -1/p[y] at y = {target}, 0 elsewhere", ()),
        ("L", f"-log p[y], y = {target}", "dL/dL = 1: where backward starts", ()),
    ]
    return tensors, described
