"""The data the training tab trains on: a :class:`Dataset`, its split into training and validation parts, and the
map around it.

A Dataset is N points with two features each and one class per point. ``X`` is what the model sees (standardised
for Ames and CSV files, as the course does); ``X_raw`` keeps the original units so that plots can label their axes
in degrees. :func:`split` divides a data set into training and validation parts exactly as scikit-learn's
``train_test_split`` does; :func:`extent` is the map's range around its points. The loaders that make Datasets
live beside this file: Ames houses (``models/ames.py``, from AMES_CSV, the file shipped in ``models/data/``), the
toy 2D sets (``models/toys.py``), the user's CSV file or table (``models/tables.py``) and points drawn on the map
(``models/drawn.py``, on a grid of DRAW_GRID steps across the map).

:func:`split_indices` and :func:`split_drawn` use only numpy, because :mod:`models.codegen` copies their source
into the scripts it writes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

AMES_CSV = Path(__file__).with_name("data") / "ames.csv"
MARGIN = 0.1  # the decision map reaches this fraction of the data's range beyond the outermost points
DRAWING_EXTENT = (-2.0, 2.0, -2.0, 2.0)  # a fresh drawing's map: x1 and x2 from -2 to 2
DRAW_GRID = 1000  # a drawn point sits on one of DRAW_GRID + 1 places across the map, each way


@dataclass(frozen=True, eq=False)
class Dataset:
    """Points with two features and a class each, as the model sees them and in their original units."""

    X: np.ndarray  # (N, 2) float32: (X_raw - mean) / std, what the model is trained on
    X_raw: np.ndarray  # (N, 2) float64 in the original units (degrees for Ames)
    y: np.ndarray  # (N,) int64 class indices into class_names
    class_names: tuple[str, ...]
    feature_names: tuple[str, str]
    mean: np.ndarray  # (2,) the mean of X_raw over the whole data set (0 when not standardised)
    std: np.ndarray  # (2,) its population standard deviation (1 when not standardised)
    name: str
    source: dict  # the loader's name and arguments: enough to load the same data again (see models.codegen)
    dropped_rows: int = 0  # rows of a CSV file left out because a value was missing
    drawn: int = 0  # the last ``drawn`` points were drawn on the map (see with_drawn)

    def __len__(self) -> int:
        """The number of points."""
        return len(self.y)

    def standardize(self, points) -> np.ndarray:
        """Points in original units, shape (2,) or (M, 2), in the units the model sees (float32)."""
        return ((np.asarray(points, dtype=np.float64) - self.mean) / self.std).astype(np.float32)


def make_dataset(X_raw, y, class_names, feature_names, name, source, standardize, dropped_rows=0) -> Dataset:
    """A Dataset from raw features, standardised over all N points when asked."""
    X_raw = np.asarray(X_raw, dtype=np.float64)
    mean, std = (X_raw.mean(axis=0), X_raw.std(axis=0)) if standardize else (np.zeros(2), np.ones(2))
    return Dataset(
        X=((X_raw - mean) / std).astype(np.float32),
        X_raw=X_raw,
        y=np.asarray(y, dtype=np.int64),
        class_names=tuple(class_names),
        feature_names=tuple(feature_names),
        mean=mean,
        std=std,
        name=name,
        source=source,
        dropped_rows=dropped_rows,
    )


def split_indices(n, test_size=0.2, seed=42):
    """Training and validation indices of n points, as scikit-learn's train_test_split(random_state=seed) draws them."""
    n_val = int(np.ceil(test_size * n))
    order = np.random.RandomState(seed).permutation(n)
    return order[n_val:], order[:n_val]


def split_drawn(n, drawn, test_size=0.2, seed=42):
    """Training and validation indices of n points whose last ``drawn`` were drawn on the map: the others as
    split_indices draws them, the drawn ones by their order, every 5th (the 5th, 10th, ...) for validation, so that
    a new point never moves another from its part."""
    train, val = split_indices(n - drawn, test_size, seed)
    new = np.arange(n - drawn, n)
    validates = np.arange(drawn) % 5 == 4
    return np.concatenate([train, new[~validates]]), np.concatenate([val, new[validates]])


def split(dataset: Dataset, test_size: float = 0.2, seed: int = 42) -> tuple[Dataset, Dataset]:
    """The (training, validation) parts of a data set (split_drawn's); both keep the whole set's mean and std.

    A drawing's parts may be empty (it has only the points drawn so far); a data set's own points may not leave
    the training part empty."""
    if not 0 < test_size < 1:
        raise ValueError(f"test_size must be between 0 and 1, got {test_size!r}")
    train, val = split_drawn(len(dataset), dataset.drawn, test_size, seed)
    own = len(dataset) - dataset.drawn
    if own and not len(split_indices(own, test_size, seed)[0]):
        raise ValueError(f"test_size={test_size} leaves no training points out of {own}")
    return tuple(
        replace(dataset, X=dataset.X[i], X_raw=dataset.X_raw[i], y=dataset.y[i]) for i in (train, val)
    )


def extent(dataset: Dataset) -> tuple[float, float, float, float]:
    """The map's x0, x1, y0, y1: the range of the data's own points and MARGIN of it beyond (the points drawn on the
    map do not move it); a fresh drawing's DRAWING_EXTENT."""
    own = dataset.X_raw[: len(dataset) - dataset.drawn]
    if not len(own):
        return DRAWING_EXTENT
    lo, hi = own.min(axis=0), own.max(axis=0)
    pad = MARGIN * np.where(hi > lo, hi - lo, 1.0)
    return float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1])
