"""The toy 2D sets: the same for the same seed, the shapes they promise, and their parameters checked
(models/toys.py)."""

import numpy as np
import pytest

from softmax_explorer.models.toys import TOYS, load_toy


@pytest.mark.parametrize("name", TOYS)
def test_toy_set_is_the_same_for_the_same_seed(name):
    first, second = load_toy(name, seed=3), load_toy(name, seed=3)
    np.testing.assert_array_equal(first.X, second.X)
    np.testing.assert_array_equal(first.y, second.y)


@pytest.mark.parametrize("name", TOYS)
def test_toy_set_changes_with_the_seed(name):
    assert not np.array_equal(load_toy(name, seed=1).X, load_toy(name, seed=2).X)


@pytest.mark.parametrize("name", TOYS)
def test_toy_set_has_n_points_of_two_float_features(name):
    toy = load_toy(name, n=123)
    assert toy.X.shape == (123, 2) and toy.X.dtype == np.float32 and toy.y.shape == (123,)
    np.testing.assert_array_equal(toy.X, toy.X_raw.astype(np.float32))


@pytest.mark.parametrize("name", ["blobs", "spiral"])
def test_blobs_and_spiral_have_as_many_balanced_classes_as_asked(name):
    toy = load_toy(name, n=250, classes=5)
    assert toy.class_names == ("0", "1", "2", "3", "4")
    np.testing.assert_array_equal(np.bincount(toy.y), [50] * 5)


def test_circles_without_noise_lie_on_radii_1_and_one_half():
    toy = load_toy("circles", noise=0)
    np.testing.assert_allclose(np.hypot(*toy.X_raw.T), np.where(toy.y == 0, 1.0, 0.5))


def test_xor_without_noise_is_class_1_where_the_signs_differ():
    toy = load_toy("xor", noise=0)
    np.testing.assert_array_equal(toy.y, np.sign(toy.X_raw[:, 0]) != np.sign(toy.X_raw[:, 1]))


def test_moons_without_noise_lie_on_two_unit_half_circles():
    toy = load_toy("moons", noise=0)
    centre = np.where(toy.y[:, None] == 0, [0.0, 0.0], [1.0, 0.5])
    np.testing.assert_allclose(np.hypot(*(toy.X_raw - centre).T), 1.0)


def test_toy_source_records_every_generator_argument():
    assert load_toy("spiral", n=60).source == {
        "dataset": "spiral",
        "n": 60,
        "classes": 3,
        "noise": 0.05,
        "seed": 0,
    }


def test_unknown_toy_set_names_the_toy_sets():
    with pytest.raises(ValueError, match="blobs, moons, circles, spiral, xor"):
        load_toy("swirl")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"n": 5}, "n must"),
        ({"n": 10.5}, "n must"),
        ({"noise": -0.1}, "noise must"),
        ({"seed": -1}, "seed must"),
        ({"classes": 1}, "classes must"),
        ({"classes": 11}, "classes must"),
        ({"radius": 2}, "radius"),
    ],
)
def test_toy_set_rejects_bad_parameters(params, message):
    with pytest.raises(ValueError, match=message):
        load_toy("blobs", **params)


def test_moons_have_no_classes_parameter():
    with pytest.raises(ValueError, match="classes"):
        load_toy("moons", classes=3)
