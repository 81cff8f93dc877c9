"""Ames as the course makes it: longitude and latitude, standardised, and price thirds as classes (models/ames.py)."""

import numpy as np
import pandas as pd

from softmax_explorer.models.ames import load_ames, price_classes, regenerate_ames
from softmax_explorer.models.data import AMES_CSV


def test_ames_has_2930_houses_with_longitude_latitude_and_three_price_classes(ames):
    assert ames.X.shape == ames.X_raw.shape == (2930, 2)
    assert ames.X.dtype == np.float32 and ames.y.dtype == np.int64
    assert ames.feature_names == ("Longitude", "Latitude")
    assert ames.class_names == ("low", "medium", "high")
    assert set(np.unique(ames.y)) == {0, 1, 2}


def test_ames_raw_features_are_degrees_around_ames_iowa(ames):
    assert np.all((ames.X_raw[:, 0] > -93.8) & (ames.X_raw[:, 0] < -93.5))
    assert np.all((ames.X_raw[:, 1] > 41.9) & (ames.X_raw[:, 1] < 42.1))


def test_ames_features_are_standardised_with_the_population_std(ames):
    np.testing.assert_allclose(ames.X.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(ames.X.std(axis=0), 1, atol=1e-6)
    np.testing.assert_allclose(ames.std, ames.X_raw.std(axis=0, ddof=0))


def test_ames_without_standardising_trains_on_degrees():
    raw = load_ames(standardize=False)
    np.testing.assert_array_equal(raw.X, raw.X_raw.astype(np.float32))


def test_ames_classes_are_thirds_of_the_sale_price(ames):
    price = pd.read_csv(AMES_CSV)["Sale_Price"].to_numpy()
    assert price[ames.y == 0].max() <= price[ames.y == 1].min()
    assert price[ames.y == 1].max() <= price[ames.y == 2].min()
    assert all(abs(np.sum(ames.y == k) - 2930 / 3) < 20 for k in range(3))


def test_price_classes_average_tied_ranks_and_compare_strictly():
    # pct ranks 1/6, 2.5/6, 2.5/6, 4/6 (= 2/3, not above it), 5/6, 1
    np.testing.assert_array_equal(price_classes([1, 2, 2, 3, 4, 5]), [0, 1, 1, 1, 2, 2])


def test_shipped_ames_file_equals_a_fresh_regeneration(tmp_path):
    regenerate_ames(tmp_path / "ames.csv")
    assert (tmp_path / "ames.csv").read_bytes() == AMES_CSV.read_bytes()
