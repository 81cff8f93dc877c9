"""A student's own data for the training playground in a notebook: numpy arrays or a pandas DataFrame; and the
playground's settings given directly (``TrainingPlayground(data=(X, y), model="mlp", lr=0.3)``).

``TrainingPlayground(data=(X, y), class_names=[...])`` or ``TrainingPlayground(data=frame)``. The data go through
the same checks and the same Dataset building as an uploaded CSV file (``models.tables.table_dataset``): numbers,
2 to MAX_CLASSES classes with short names, at most CSV_MAX_ROWS rows, no constant feature. What only arrays can get
wrong (their shapes, a missing label, labels that do not fit ``class_names``) is checked here first.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.models.data import Dataset
from softmax_explorer.models.inputs import CSV_MAX_ROWS, MAX_CLASSES, MAX_NAME, quote
from softmax_explorer.models.tables import table_dataset

MIN_POINTS = 10  # as for a toy set: fewer leave the validation part a point or two
DATA_FILE = (
    "data.csv"  # where the code tab's script reads the data from (frame.to_csv(DATA_FILE, index=False))
)
USAGE = "give data=(X, y) with X of shape (N, 2) and y of shape (N,), or a DataFrame of three columns"


def _row(row) -> str:
    return f"row {row}"


def _table(data) -> tuple[pd.DataFrame, list[str], str]:
    """``data`` as a table with a RangeIndex: its two feature columns' names and its label column's name."""
    if isinstance(data, pd.DataFrame):
        if data.shape[1] != 3:
            raise ValueError(
                f"a DataFrame needs three columns, two features and then the label, but this one has "
                f"{data.shape[1]}; choose them, e.g. frame[['x', 'y', 'label']]"
            )
        table = data.reset_index(drop=True)
        table.columns = [str(c) for c in table.columns]
        return table, list(table.columns[:2]), table.columns[2]
    if not (isinstance(data, tuple | list) and len(data) == 2):
        raise ValueError(f"{USAGE} (two features, then the label), not {type(data).__name__}")
    X, y = data
    names = [str(c) for c in X.columns] if isinstance(X, pd.DataFrame) else ["x1", "x2"]
    X = np.asarray(X, dtype=object)
    y = np.asarray(y, dtype=object)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(
            f"X must have shape (N, 2), a row a point and a column a feature (the map has two axes), "
            f"but it has shape {X.shape}; choose two features, e.g. X[:, [0, 1]]"
        )
    if y.ndim != 1:
        raise ValueError(
            f"y must have shape (N,), one label a point, but it has shape {y.shape}; try y.ravel()"
        )
    if len(y) != len(X):
        raise ValueError(f"X has {len(X):,} points but y has {len(y):,} labels: give one label a point")
    label = str(getattr(data[1], "name", None) or "label")
    return pd.DataFrame({names[0]: X[:, 0], names[1]: X[:, 1], label: y}), names, label


def _indices(labels: pd.Series, class_names: list[str]) -> np.ndarray:
    """Class indices for ``labels`` that are indices 0 .. K-1 into ``class_names``, or among its names."""
    k = len(class_names)
    names = {name: i for i, name in enumerate(class_names)}
    if labels.map(lambda v: isinstance(v, str)).all():
        unknown = labels[~labels.isin(names)]
        if len(unknown):
            raise ValueError(
                f"{_row(unknown.index[0])} has the label {quote(unknown.iloc[0])}, not one of class_names"
            )
        return labels.map(names).to_numpy(dtype=np.int64)
    numbers = pd.to_numeric(labels, errors="coerce").to_numpy(dtype=np.float64)
    bad = ~((numbers == np.round(numbers)) & (numbers >= 0) & (numbers < k))
    if bad.any():
        row = int(np.argmax(bad))
        raise ValueError(
            f"with {k} class names a label is a class index from 0 to {k - 1} (or a name), but {_row(row)} "
            f"has {quote(labels.iloc[row])}"
        )
    return numbers.astype(np.int64)


def notebook_dataset(data, class_names=None, standardize: bool = True) -> Dataset:
    """A Dataset from ``data=(X, y)`` (arrays, lists, a two-column DataFrame and a Series) or from a DataFrame
    whose first two columns are the features and whose third is the label; class k is ``class_names[k]`` when
    given (labels are then indices or names), else the labels sorted (as numbers, if all are)."""
    table, features, label = _table(data)
    if len({*features, label}) != 3:
        raise ValueError(
            f"the features and the label need three different names, got {features} and {quote(label)}"
        )
    if not MIN_POINTS <= len(table) <= CSV_MAX_ROWS:
        raise ValueError(f"give {MIN_POINTS} to {CSV_MAX_ROWS:,} points, not {len(table):,}")
    missing = table[label].isna()
    if missing.any():
        raise ValueError(f"{_row(int(np.argmax(missing)))} has no label")
    source = {
        "dataset": "csv",
        "file": DATA_FILE,
        "features": features,
        "label": label,
        "standardize": standardize,
        "notebook": True,  # named so in the data menu
    }
    dataset = table_dataset(table, features, label, DATA_FILE, source, place=_row)
    if class_names is None:
        return dataset
    class_names = [str(name) for name in class_names]
    if not 2 <= len(class_names) <= MAX_CLASSES or len(set(class_names)) != len(class_names):
        raise ValueError(f"class_names needs 2 to {MAX_CLASSES} different names, got {class_names}")
    long = [name for name in class_names if len(name) > MAX_NAME]
    if long:
        raise ValueError(f"the class {quote(long[0])} has a name longer than {MAX_NAME} characters")
    return replace(dataset, y=_indices(table[label], class_names), class_names=tuple(class_names))


def playground_params(params: dict, data=None, class_names=None) -> dict:
    """A TrainingPlayground's parameters with a notebook's conveniences: the configuration's own parameters given
    directly (``model="mlp", lr=0.3``), and ``data`` (with ``class_names``) as the data set (see notebook_data)."""
    if class_names is not None and data is None:
        raise ValueError("class_names names the classes of data=(X, y): give data too")
    settings = {
        name: params.pop(name) for name in list(params) if name in PlaygroundConfig.param and name != "name"
    }
    if settings and "config" in params:
        raise ValueError(f"give either config or its parameters ({', '.join(settings)}), not both")
    if data is not None:
        dataset = notebook_dataset(data, class_names, standardize=settings.pop("standardize", True))
        config = params.get("config") or PlaygroundConfig(**settings)
        config.upload.dataset = dataset  # as a CSV file loaded: the data set becomes "csv"
        params["config"] = config
    elif settings:
        params["config"] = PlaygroundConfig(**settings)
    return params
