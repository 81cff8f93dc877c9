"""Trainer.weights: the whole model as plain arrays, enough to run its forward pass elsewhere (the browser's map)."""

from __future__ import annotations

import numpy as np
import pytest

from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer

ACTIVATE = {
    "relu": lambda h: np.maximum(h, 0),
    "tanh": np.tanh,
    "sigmoid": lambda h: 1 / (1 + np.exp(-h)),
    "none": lambda h: h,
}


@pytest.mark.parametrize("activation", list(ACTIVATE))
def test_the_weights_give_the_models_probabilities(activation):
    trainer = Trainer(
        load_toy("moons", n=100, noise=0.1, seed=0), Config(hidden=(8, 5), activation=activation)
    )
    trainer.step(5)
    X = np.random.default_rng(0).normal(size=(50, 2)).astype(np.float32)
    h = X.astype(np.float64)
    layers = trainer.weights()
    for i, (weight, bias) in enumerate(layers):
        h = h @ weight.T.astype(np.float64) + bias
        if i < len(layers) - 1:
            h = ACTIVATE[activation](h)
    p = np.exp(h - h.max(axis=1, keepdims=True))
    np.testing.assert_allclose(p / p.sum(axis=1, keepdims=True), trainer.predict_proba(X), atol=1e-6)


def test_logistic_regression_is_one_layer_of_float32():
    ((weight, bias),) = Trainer(load_toy("blobs", n=60, seed=0, classes=4)).weights()
    assert weight.shape == (4, 2) and bias.shape == (4,)
    assert weight.dtype == bias.dtype == np.float32
