"""Softmax and cross-entropy in numpy: exact, stable for every finite logit, and checked against torch.

Every function takes logits ``z`` of shape (K,) for one example or (N, K) for a batch, and an optional
temperature T > 0 that divides the logits first (``softmax(z / T)``), as in ``F.cross_entropy(z / T, y)``.
Stability comes from shifting by the largest logit before exponentiating (the log-sum-exp trick), so logits of
+/-1e4 (or +/-1e300) give finite, correct answers where a naive ``exp(z) / exp(z).sum()`` overflows.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

Reduction = Literal["mean", "sum", "none"]


def _logits(z, axis: int | None = -1) -> np.ndarray:
    """Return ``z`` as a float64 array after checking that it holds finite numbers."""
    try:
        z = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"logits must be numbers, got {z!r}") from error
    if z.ndim == 0:
        raise ValueError("logits must have at least one dimension (one logit per class), got a scalar")
    if z.size == 0:
        raise ValueError(f"logits must not be empty, got shape {z.shape}")
    if axis is not None and not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis {axis} is out of range for logits of shape {z.shape}")
    if not np.all(np.isfinite(z)):
        where = tuple(int(i) for i in np.argwhere(~np.isfinite(z))[0])
        raise ValueError(
            f"logits must be finite, got {z[where]} at index {where if z.ndim > 1 else where[0]}"
        )
    return z


def _temperature(temperature) -> float:
    try:
        t = float(temperature)
    except (TypeError, ValueError) as error:
        raise ValueError(f"temperature must be a number > 0, got {temperature!r}") from error
    if not (np.isfinite(t) and t > 0):
        raise ValueError(f"temperature must be a finite number > 0, got {temperature!r}")
    return t


def _shifted(z: np.ndarray, temperature: float, axis: int) -> np.ndarray:
    """``(z - max z) / T``: every entry <= 0 and the largest exactly 0, so ``exp`` cannot overflow."""
    # Dividing after the shift keeps a tiny T from turning large logits into inf - inf = nan.
    with np.errstate(over="ignore"):
        return (z - z.max(axis=axis, keepdims=True)) / temperature


def logsumexp(z, axis: int = -1) -> np.ndarray:
    """``log(sum(exp(z)))`` along ``axis``, computed as ``max(z) + log(sum(exp(z - max(z))))``."""
    z = _logits(z, axis)
    top = z.max(axis=axis, keepdims=True)
    with np.errstate(over="ignore"):
        out = top + np.log(np.exp(z - top).sum(axis=axis, keepdims=True))
    return np.squeeze(out, axis=axis)


def log_softmax(z, temperature: float = 1.0, axis: int = -1) -> np.ndarray:
    """``log softmax(z / T)``: the log-probabilities, exact even where the probability underflows to 0."""
    z = _logits(z, axis)
    s = _shifted(z, _temperature(temperature), axis)
    return s - np.log(np.exp(s).sum(axis=axis, keepdims=True))


def softmax(z, temperature: float = 1.0, axis: int = -1) -> np.ndarray:
    """``exp(z / T) / sum(exp(z / T))``: probabilities that are >= 0 and sum to 1 along ``axis``."""
    z = _logits(z, axis)
    e = np.exp(_shifted(z, _temperature(temperature), axis))
    return e / e.sum(axis=axis, keepdims=True)


def _targets(z: np.ndarray, target) -> np.ndarray:
    """Check ``target`` against logits of shape (K,) or (N, K) and return it as an int array."""
    if z.ndim not in (1, 2):
        raise ValueError(f"logits must have shape (K,) or (N, K), got shape {z.shape}")
    k = z.shape[-1]
    t = np.asarray(target)
    expected = () if z.ndim == 1 else (z.shape[0],)
    if t.shape != expected:
        want = "one int" if z.ndim == 1 else f"shape ({z.shape[0]},)"
        raise ValueError(f"target must be {want} for logits of shape {z.shape}, got shape {t.shape}")
    if t.dtype == bool or not (np.issubdtype(t.dtype, np.integer) or _whole(t)):
        raise ValueError(f"target must hold class indices (integers), got {target!r}")
    t = t.astype(np.int64)
    bad = (t < 0) | (t >= k)
    if np.any(bad):
        raise ValueError(f"target {t[bad].flat[0]} is out of range for {k} classes (0 to {k - 1})")
    return t


def _whole(t: np.ndarray) -> bool:
    return np.issubdtype(t.dtype, np.floating) and bool(np.all(np.isfinite(t) & (t == np.round(t))))


def _reduction(reduction: str) -> str:
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}")
    return reduction


def cross_entropy(z, target, temperature: float = 1.0, reduction: Reduction = "mean"):
    """``-log softmax(z / T)[target]``, as ``F.cross_entropy(z / T, target, reduction=...)`` computes it.

    For one example (z of shape (K,), an int target) it returns a Python float. For a batch (z of shape
    (N, K), targets of shape (N,)) it returns the mean or the sum as a float, or the N per-row losses.
    """
    z = _logits(z)
    t = _targets(z, target)
    reduction = _reduction(reduction)
    logp = log_softmax(z, temperature)
    if z.ndim == 1:
        return float(-logp[t])
    losses = -logp[np.arange(z.shape[0]), t]
    if reduction == "none":
        return losses
    return float(losses.mean() if reduction == "mean" else losses.sum())


def cross_entropy_grad(z, target, temperature: float = 1.0, reduction: Reduction = "mean") -> np.ndarray:
    """dL/dz of :func:`cross_entropy`: ``(softmax(z / T) - onehot(target)) / T``, the shape of ``z``.

    For a batch with the mean reduction every row is divided by N, as autograd gives; with ``"sum"`` or
    ``"none"`` each row is its own example's gradient.
    """
    z = _logits(z)
    t = _targets(z, target)
    reduction = _reduction(reduction)
    temperature = _temperature(temperature)
    grad = softmax(z, temperature)
    if z.ndim == 1:
        grad[t] -= 1.0
        return grad / temperature
    grad[np.arange(z.shape[0]), t] -= 1.0
    grad /= temperature
    return grad / z.shape[0] if reduction == "mean" else grad


def squared_error(z, target, temperature: float = 1.0, reduction: Reduction = "mean"):
    """``mean_k (softmax(z / T)_k - onehot(target)_k)^2``: the squared error of the probabilities against the one-hot
    target, averaged over the K classes, as ``F.mse_loss(softmax(z / T), onehot)`` (``nn.MSELoss()``) computes it.

    One example (z of shape (K,)) gives a Python float. A batch (N, K) gives the mean over its N * K entries
    (``"mean"``, exactly ``nn.MSELoss()``'s), the sum of the N per-example losses (``"sum"``: ``nn.MSELoss(
    reduction="sum")`` divided by K), or the N per-example losses (``"none"``), each a mean over its K classes.
    """
    z = _logits(z)
    t = _targets(z, target)
    reduction = _reduction(reduction)
    error = softmax(z, temperature) - _onehot(z, t)
    if z.ndim == 1:
        return float((error**2).mean())
    losses = (error**2).mean(axis=1)
    if reduction == "none":
        return losses
    return float(losses.mean() if reduction == "mean" else losses.sum())


def squared_error_grad(z, target, temperature: float = 1.0, reduction: Reduction = "mean") -> np.ndarray:
    """dL/dz of :func:`squared_error`: ``J^T 2 (p - y) / (K T)`` with ``J = diag(p) - p p^T``, the shape of ``z``.

    ``J^T g = p * (g - p . g)``: every entry carries a factor p_i, so a confidently wrong prediction (p of the
    true class near 0, of another near 1) gets a gradient near 0, where cross-entropy's ``p - y`` stays near -1.
    For a batch with the mean reduction every row is divided by N as well, as autograd gives.
    """
    z = _logits(z)
    t = _targets(z, target)
    reduction = _reduction(reduction)
    temperature = _temperature(temperature)
    p = softmax(z, temperature)
    g = 2.0 * (p - _onehot(z, t)) / z.shape[-1]
    grad = p * (g - (p * g).sum(axis=-1, keepdims=True)) / temperature
    return grad / z.shape[0] if z.ndim == 2 and reduction == "mean" else grad


def _onehot(z: np.ndarray, t: np.ndarray) -> np.ndarray:
    """1 at each example's target class, 0 elsewhere, the shape of ``z``."""
    y = np.zeros_like(z)
    if z.ndim == 1:
        y[t] = 1.0
    else:
        y[np.arange(z.shape[0]), t] = 1.0
    return y
