"""The Dataset and its split: standardised points, and training and validation parts exactly as scikit-learn's
train_test_split makes them (models/data.py)."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sklearn.model_selection import train_test_split

from softmax_explorer.models.data import split, split_indices
from softmax_explorer.models.toys import load_toy


def test_standardize_maps_raw_points_to_the_models_features(ames):
    np.testing.assert_array_equal(ames.standardize(ames.X_raw), ames.X)
    np.testing.assert_array_equal(ames.standardize(ames.X_raw[7]), ames.X[7])


def test_split_with_seed_42_equals_sklearn_train_test_split(ames):
    X_train, X_val, y_train, y_val = train_test_split(ames.X, ames.y, test_size=0.2, random_state=42)
    train, val = split(ames, test_size=0.2, seed=42)
    np.testing.assert_array_equal(train.X, X_train)
    np.testing.assert_array_equal(val.X, X_val)
    np.testing.assert_array_equal(train.y, y_train)
    np.testing.assert_array_equal(val.y, y_val)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 400), test_size=st.floats(0.01, 0.9), seed=st.integers(0, 2**31 - 1))
def test_split_indices_equal_sklearn_for_any_size_and_seed(n, test_size, seed):
    assume(np.ceil(test_size * n) < n)  # scikit-learn refuses an empty training set, as split does
    points = np.arange(n)
    expected_train, expected_val = train_test_split(points, test_size=test_size, random_state=seed)
    train, val = split_indices(n, test_size, seed)
    np.testing.assert_array_equal(train, expected_train)
    np.testing.assert_array_equal(val, expected_val)


def test_split_parts_keep_raw_points_and_the_whole_sets_standardisation(ames):
    train, val = split(ames)
    assert len(train) + len(val) == 2930 and len(val) == 586
    np.testing.assert_array_equal(train.standardize(train.X_raw), train.X)
    assert train.mean is ames.mean and val.std is ames.std


@pytest.mark.parametrize("test_size", [0, 1, -0.2, 1.5])
def test_split_rejects_a_test_size_outside_0_to_1(ames, test_size):
    with pytest.raises(ValueError, match="test_size"):
        split(ames, test_size=test_size)


def test_split_rejects_a_test_size_that_leaves_no_training_points():
    with pytest.raises(ValueError, match="leaves no training points"):
        split(load_toy("moons", n=10), test_size=0.95)
