"""Inside an MLP: what each hidden unit computes over the plane, and where the data land in a hidden layer.

The reference maths of the training tab's "Inside the network" views (components/js/lib/hidden.js repeats it in
the browser, and its tests check it against this module). A network is given as ``Trainer.weights()`` gives it:
each Linear layer's ``(weight (out, in), bias (out,))`` in forward order, with ``activation`` between them, seeing
its inputs standardised, ``(x - mean) / std``.

- A unit of the first hidden layer computes ``w . x + b`` of the standardised x, so ``w . x + b = 0`` is a line in
  the plane (:func:`unit_line`); its ReLU is active on the side where ``w . x + b > 0``.
- A ReLU net is linear wherever the on/off pattern of all its hidden units is the same: the number of distinct
  patterns over the map's cells is its number of linear regions there (:func:`linear_regions`).
- A hidden layer's activations place each data point in a space of as many dimensions as the layer has units:
  with 2 units that is a plane to draw, otherwise its first two principal components are (:func:`hidden_space`).
  The browser places at most a budget of points x units there, an evenly spread sample of the points when there
  are more (:func:`evenly_spread`), and the principal components of that sample.
"""

from __future__ import annotations

import numpy as np

Layers = list[tuple[np.ndarray, np.ndarray]]
SHOWN_UNITS = 16  # every unit up to this many, else this many: those with the largest outgoing weights


def _act(z: np.ndarray, activation: str) -> np.ndarray:
    if activation == "relu":
        return np.maximum(z, 0.0)
    if activation == "tanh":
        return np.tanh(z)
    if activation == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    return z


def pre_activations(layers: Layers, activation: str, X: np.ndarray) -> list[np.ndarray]:
    """Each hidden layer's ``z = W h + b`` (M, units) for standardised inputs X (M, 2), in float64."""
    h, out = np.asarray(X, dtype=np.float64), []
    for weight, bias in layers[:-1]:
        z = h @ np.asarray(weight, np.float64).T + np.asarray(bias, np.float64)
        out.append(z)
        h = _act(z, activation)
    return out


def activations(layers: Layers, activation: str, X: np.ndarray, layer: int) -> np.ndarray:
    """Hidden layer ``layer``'s (0 the first) activations ``act(z)`` (M, units) for standardised inputs X."""
    return _act(pre_activations(layers, activation, X)[layer], activation)


def unit_line(weight: np.ndarray, bias: float, mean, std) -> tuple[float, float, float]:
    """First-layer unit ``w . (x - mean) / std + b``, written in the data's units as ``a x + c y + d``: the
    coefficients (a, c, d) of its line ``a x + c y + d = 0``."""
    w = np.asarray(weight, np.float64)
    a, c = w / np.asarray(std, np.float64)
    return float(a), float(c), float(bias - a * mean[0] - c * mean[1])


def line_segment(line: tuple[float, float, float], extent) -> tuple[float, float, float, float] | None:
    """Where the line ``a x + c y + d = 0`` crosses the box ``extent`` (x0, x1, y0, y1): its two ends, or None
    when it misses the box (or a = c = 0: no line)."""
    a, c, d = line
    x0, x1, y0, y1 = extent
    ends = []
    if c != 0:
        ends += [(x, -(a * x + d) / c) for x in (x0, x1)]
    if a != 0:
        ends += [(-(c * y + d) / a, y) for y in (y0, y1)]
    slack = 1e-9 * max(x1 - x0, y1 - y0)
    inside = [(x, y) for x, y in ends if x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack]
    if len(inside) < 2:
        return None
    inside.sort()
    (ax, ay), (bx, by) = inside[0], inside[-1]
    return (ax, ay, bx, by)


def grid_centres(extent, width: int, height: int) -> np.ndarray:
    """The centres (width * height, 2) of a grid of cells over ``extent``, row by row from the bottom, as
    ``Trainer.grid`` and the browser's map lay them out."""
    x0, x1, y0, y1 = extent
    gx, gy = np.meshgrid(
        x0 + (np.arange(width) + 0.5) / width * (x1 - x0), y0 + (np.arange(height) + 0.5) / height * (y1 - y0)
    )
    return np.column_stack([gx.ravel(), gy.ravel()])


def activation_patterns(layers: Layers, activation: str, X: np.ndarray) -> np.ndarray:
    """Which hidden units are on (z > 0) at each standardised input: booleans (M, all hidden units)."""
    return np.concatenate([z > 0 for z in pre_activations(layers, activation, X)], axis=1)


def linear_regions(layers: Layers, activation: str, X: np.ndarray) -> int | None:
    """How many linear pieces of the network the inputs X (M, 2) meet: for ReLU, the number of distinct on/off
    patterns; 1 for a network without an activation (it is linear, as is logistic regression); None for tanh and
    sigmoid, which are nowhere linear pieces."""
    if len(layers) == 1 or activation == "none":
        return 1
    if activation != "relu":
        return None
    return len(np.unique(activation_patterns(layers, activation, X), axis=0))


def shown_units(layers: Layers, layer: int, most: int = SHOWN_UNITS) -> list[int]:
    """The units of hidden layer ``layer`` the small multiples show, in order: all of them up to ``most``, else the
    ``most`` whose outgoing weights (the next layer's column) have the largest norm (ties: the lower index)."""
    outgoing = np.asarray(layers[layer + 1][0], np.float64)
    units = outgoing.shape[1]
    if units <= most:
        return list(range(units))
    norms = np.sqrt((outgoing**2).sum(axis=0))
    order = sorted(range(units), key=lambda u: (-norms[u], u))
    return sorted(order[:most])


def principal_components(A: np.ndarray, k: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first ``k`` principal components of the rows of A (N, H): (components (k, H), their variances (k,), the
    mean (H,)). Each component's sign makes its largest entry (in size; ties: the first) positive, so the answer
    is one and the same wherever it is computed."""
    A = np.asarray(A, np.float64)
    mean = A.mean(axis=0)
    centred = A - mean
    variances, vectors = np.linalg.eigh(centred.T @ centred / len(A))
    order = np.argsort(-variances, kind="stable")[:k]
    components = vectors[:, order].T
    for v in components:
        if v[np.argmax(np.abs(v))] < 0:
            v *= -1
    return components, np.maximum(variances[order], 0.0), mean


def evenly_spread(count: int, most: int) -> np.ndarray:
    """At most ``most`` of the indices ``0 ... count - 1``, evenly spread and in order: the middle one of each of
    ``most`` equal runs, ``(2 i + 1) count // (2 most)``; all of them when ``count <= most``."""
    m = min(count, max(0, int(most)))
    if m == count:
        return np.arange(count)
    return (2 * np.arange(m) + 1) * count // (2 * m)


def hidden_space(layers: Layers, activation: str, X: np.ndarray, layer: int) -> dict:
    """Where the standardised inputs X (N, 2) land in hidden layer ``layer``: the layer's own two activations if
    it has 2 units, else their first two principal components. ``{"points": (N, 2), "axes": (2, H) the
    directions drawn, "origin": (H,) the point drawn at (0, 0), "share": the fraction of the variance shown}``."""
    A = activations(layers, activation, X, layer)
    units = A.shape[1]
    if units <= 2:
        axes = np.eye(2) if units == 2 else np.array([[1.0], [0.0]])
        return {"points": A @ axes.T, "axes": axes, "origin": np.zeros(units), "share": 1.0}
    axes, variances, mean = principal_components(A)
    total = A.var(axis=0).sum()
    return {
        "points": (A - mean) @ axes.T,
        "axes": axes,
        "origin": mean,
        "share": float(variances.sum() / total) if total > 0 else 1.0,
    }


def hidden_space_classes(layers: Layers, space: dict, places: np.ndarray) -> np.ndarray | None:
    """The class the network gives each place (M, 2) of the hidden-space view of its last hidden layer: the last
    layer is linear in that layer's activations, so the regions are exact on the plane drawn."""
    weight, bias = (np.asarray(a, np.float64) for a in layers[-1])
    h = space["origin"] + np.asarray(places, np.float64) @ space["axes"]
    return (h @ weight.T + bias).argmax(axis=1)
