"""The toy 2D sets: blobs, moons, circles, spiral and xor, made from a seed, and :func:`load_toy`, which checks
their parameters and makes a Dataset of one (in its own units: the toys are not standardised).

The generators use only numpy, because :mod:`models.codegen` copies their source into the scripts it writes.
"""

from __future__ import annotations

import inspect

import numpy as np

from softmax_explorer.models.data import Dataset, make_dataset
from softmax_explorer.models.inputs import MAX_CLASSES

# Each generator returns (X, y) with X of shape (n, 2) and y of shape (n,).


def blobs(n=300, classes=3, noise=0.5, seed=0):
    """Gaussian clouds, one a class, centred evenly on a circle of radius 2."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % classes
    angle = 2 * np.pi * y / classes
    X = 2 * np.column_stack([np.cos(angle), np.sin(angle)])
    return X + noise * rng.standard_normal((n, 2)), y


def moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles: class 0 arches up, class 1 below it arches down."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    t = rng.uniform(0, np.pi, n)
    X = np.column_stack(
        [np.where(y == 0, np.cos(t), 1 - np.cos(t)), np.where(y == 0, np.sin(t), 0.5 - np.sin(t))]
    )
    return X + noise * rng.standard_normal((n, 2)), y


def circles(n=200, noise=0.05, seed=0):
    """A ring of radius 1 (class 0) around a ring of radius 0.5 (class 1)."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    t = rng.uniform(0, 2 * np.pi, n)
    radius = np.where(y == 0, 1.0, 0.5)
    X = radius[:, None] * np.column_stack([np.cos(t), np.sin(t)])
    return X + noise * rng.standard_normal((n, 2)), y


def spiral(n=300, classes=3, noise=0.05, seed=0):
    """Arms that wind out from the centre, one a class, each turning 4 radians (as in Stanford's cs231n)."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % classes
    radius = rng.uniform(0.05, 1, n)
    t = 4 * radius + 2 * np.pi * y / classes
    X = radius[:, None] * np.column_stack([np.cos(t), np.sin(t)])
    return X + noise * rng.standard_normal((n, 2)), y


def xor(n=200, noise=0.05, seed=0):
    """Points in the square [-1, 1]^2; class 1 where the two coordinates have opposite signs."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (n, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(np.int64)
    return X + noise * rng.standard_normal((n, 2)), y


TOYS = {toy.__name__: toy for toy in (blobs, moons, circles, spiral, xor)}


def load_toy(name: str, **params) -> Dataset:
    """A toy set by name, with its generator's parameters (n, noise, seed; classes for blobs and spiral)."""
    if name not in TOYS:
        raise ValueError(f"unknown toy data set {name!r}; the toy sets are {', '.join(TOYS)}")
    try:
        arguments = inspect.signature(TOYS[name]).bind(**params)
    except TypeError as error:
        raise ValueError(f"{name}: {error}") from error
    arguments.apply_defaults()
    params = arguments.arguments
    n, noise, seed, classes = params["n"], params["noise"], params["seed"], params.get("classes", 2)
    if not (isinstance(n, int) and n >= 10):
        raise ValueError(f"n must be a whole number of points >= 10, got {n!r}")
    if not (isinstance(noise, int | float) and 0 <= noise < np.inf):
        raise ValueError(f"noise must be a number >= 0, got {noise!r}")
    if not (isinstance(seed, int) and seed >= 0):
        raise ValueError(f"seed must be a whole number >= 0, got {seed!r}")
    if not (isinstance(classes, int) and 2 <= classes <= MAX_CLASSES):
        raise ValueError(f"classes must be a whole number from 2 to {MAX_CLASSES}, got {classes!r}")
    X_raw, y = TOYS[name](**params)
    return make_dataset(
        X_raw,
        y,
        class_names=[str(k) for k in range(classes)],
        feature_names=("x1", "x2"),
        name=name,
        source={"dataset": name, **params},
        standardize=False,
    )
