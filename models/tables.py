"""The user's own data: a CSV file (:func:`load_csv`) or a table handed in from a notebook
(``components/notebook_data.py``), checked and made into a Dataset by the same rules (:func:`table_dataset`).

A file is checked before it is parsed (its size, that it is UTF-8 text, its header: :func:`csv_columns`), then its
rows, values and classes, within the limits of ``models/inputs.py``; every refusal says what to change. Features
are standardised when asked, as the course does.

:func:`encode_labels` uses only numpy and pandas, because :mod:`models.codegen` copies its source into the scripts
it writes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from softmax_explorer.models.data import Dataset, make_dataset
from softmax_explorer.models.inputs import (
    CSV_MAX_BYTES,
    CSV_MAX_COLUMNS,
    CSV_MAX_ROWS,
    MAX_CLASSES,
    MAX_NAME,
    quote,
)


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
    return make_dataset(
        X_raw, y, class_names, features, name, source, standardize=standardize, dropped_rows=dropped_rows
    )
