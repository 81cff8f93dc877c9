"""Points drawn on the map: a fresh drawing of none, and the points drawn added to a data set.

Points drawn on the map (:func:`with_drawn`) come after a data set's own points, or make a data set of their own
(:func:`drawing`); they sit on a grid of DRAW_GRID steps across the map (``models/data.py``), so a link carries
them exactly. The split keeps them apart (``models/data.py``'s ``split_drawn``) and the map around them stays
where it was (``extent``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from softmax_explorer.models.data import DRAW_GRID, Dataset, extent, make_dataset
from softmax_explorer.models.inputs import MAX_CLASSES


def drawing(classes: int = 3) -> Dataset:
    """A fresh drawing: no points yet (with_drawn adds them), ``classes`` classes named 0, 1, ..."""
    if not (isinstance(classes, int) and 2 <= classes <= MAX_CLASSES):
        raise ValueError(f"classes must be a whole number from 2 to {MAX_CLASSES}, got {classes!r}")
    return make_dataset(
        np.zeros((0, 2)),
        np.zeros(0, np.int64),
        class_names=[str(k) for k in range(classes)],
        feature_names=("x1", "x2"),
        name="drawing",
        source={"dataset": "drawn", "classes": classes},
        standardize=False,
    )


def to_grid(bounds, x: float, y: float) -> tuple[int, int]:
    """The place on the drawing grid over ``bounds`` (x0, x1, y0, y1) nearest to (x, y), kept on the map."""
    x0, x1, y0, y1 = bounds
    i, j = (
        round(min(max((v - lo) / (hi - lo), 0.0), 1.0) * DRAW_GRID)
        for v, lo, hi in ((x, x0, x1), (y, y0, y1))
    )
    return int(i), int(j)


def with_drawn(base: Dataset, points) -> Dataset:
    """``base`` and, after its own points, ``points`` drawn on its map: (i, j, class) with i and j from 0 to
    DRAW_GRID across extent(base). They are seen through base's standardisation (its mean and std stay, so the model
    sees base's points as before) and leave the map where it was."""
    points = np.asarray(points, dtype=np.int64).reshape(-1, 3)
    k = len(base.class_names)
    if ((points[:, :2] < 0) | (points[:, :2] > DRAW_GRID)).any():
        raise ValueError(f"a drawn point's place must be from 0 to {DRAW_GRID} each way")
    if ((points[:, 2] < 0) | (points[:, 2] >= k)).any():
        raise ValueError(f"a drawn point's class must be from 0 to {k - 1}: this data has {k} classes")
    x0, x1, y0, y1 = extent(base)
    X_new = np.column_stack(
        [x0 + points[:, 0] * (x1 - x0) / DRAW_GRID, y0 + points[:, 1] * (y1 - y0) / DRAW_GRID]
    )
    return replace(
        base,
        X=np.concatenate([base.X, ((X_new - base.mean) / base.std).astype(np.float32)]),
        X_raw=np.concatenate([base.X_raw, X_new]),
        y=np.concatenate([base.y, points[:, 2]]),
        drawn=base.drawn + len(points),
    )
