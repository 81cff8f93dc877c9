"""The classifiers the training tab offers: logistic regression and multilayer perceptrons, as plain torch modules."""

from __future__ import annotations

from itertools import pairwise

from torch import nn

# ReLU works in place: its input is a Linear layer's output, which autograd does not keep, and overwriting it saves
# an (N, width) tensor per forward pass, which is what makes a 200x200 decision map fast.
ACTIVATIONS = {"relu": lambda: nn.ReLU(inplace=True), "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "none": None}


def build_model(n_features: int = 2, n_classes: int = 3, hidden=(), activation: str = "relu") -> nn.Module:
    """``nn.Linear(n_features, n_classes)`` without hidden layers, else Linear layers with ``activation`` between.

    ``hidden=(100,)`` gives ``nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))``. The layers are
    made in order, so ``torch.manual_seed(s)`` before this call fixes the initial weights.
    """
    hidden = tuple(hidden)
    for name, size in (
        ("n_features", n_features),
        ("n_classes", n_classes),
        *(("hidden", h) for h in hidden),
    ):
        if not (isinstance(size, int) and not isinstance(size, bool) and size >= 1):
            raise ValueError(f"{name} must be a whole number >= 1, got {size!r}")
    if n_classes < 2:
        raise ValueError(f"n_classes must be at least 2, got {n_classes}")
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {activation!r}")
    if not hidden:
        return nn.Linear(n_features, n_classes)
    layers = []
    for n_in, n_out in pairwise((n_features, *hidden)):
        layers.append(nn.Linear(n_in, n_out))
        if ACTIVATIONS[activation]:
            layers.append(ACTIVATIONS[activation]())
    return nn.Sequential(*layers, nn.Linear(hidden[-1], n_classes))
