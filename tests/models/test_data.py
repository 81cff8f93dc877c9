"""Data sets: Ames as the course makes it, the scikit-learn split, the toy generators and the user's CSV files."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sklearn.model_selection import train_test_split

from softmax_explorer.models import data
from softmax_explorer.models.data import (
    csv_columns,
    load_ames,
    load_csv,
    load_toy,
    price_classes,
    split,
    split_indices,
)

# --- Ames ---------------------------------------------------------------------------------------------------------


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


def test_standardize_maps_raw_points_to_the_models_features(ames):
    np.testing.assert_array_equal(ames.standardize(ames.X_raw), ames.X)
    np.testing.assert_array_equal(ames.standardize(ames.X_raw[7]), ames.X[7])


def test_ames_without_standardising_trains_on_degrees():
    raw = load_ames(standardize=False)
    np.testing.assert_array_equal(raw.X, raw.X_raw.astype(np.float32))


def test_ames_classes_are_thirds_of_the_sale_price(ames):
    price = pd.read_csv(data.AMES_CSV)["Sale_Price"].to_numpy()
    assert price[ames.y == 0].max() <= price[ames.y == 1].min()
    assert price[ames.y == 1].max() <= price[ames.y == 2].min()
    assert all(abs(np.sum(ames.y == k) - 2930 / 3) < 20 for k in range(3))


def test_price_classes_average_tied_ranks_and_compare_strictly():
    # pct ranks 1/6, 2.5/6, 2.5/6, 4/6 (= 2/3, not above it), 5/6, 1
    np.testing.assert_array_equal(price_classes([1, 2, 2, 3, 4, 5]), [0, 1, 1, 1, 2, 2])


def test_shipped_ames_file_equals_a_fresh_regeneration(tmp_path):
    data.regenerate_ames(tmp_path / "ames.csv")
    assert (tmp_path / "ames.csv").read_bytes() == data.AMES_CSV.read_bytes()


# --- split ----------------------------------------------------------------------------------------------------------


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


# --- toy sets -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", data.TOYS)
def test_toy_set_is_the_same_for_the_same_seed(name):
    first, second = load_toy(name, seed=3), load_toy(name, seed=3)
    np.testing.assert_array_equal(first.X, second.X)
    np.testing.assert_array_equal(first.y, second.y)


@pytest.mark.parametrize("name", data.TOYS)
def test_toy_set_changes_with_the_seed(name):
    assert not np.array_equal(load_toy(name, seed=1).X, load_toy(name, seed=2).X)


@pytest.mark.parametrize("name", data.TOYS)
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


# --- CSV files ------------------------------------------------------------------------------------------------------

HOUSES = b"lon,lat,kind,price\n1.0,2.0,flat,10\n2.0,1.0,house,20\n3.0,5.0,flat,30\n4.0,3.0,villa,40\n"


def test_csv_from_bytes_is_the_same_as_from_its_path(tmp_path):
    path = tmp_path / "houses.csv"
    path.write_bytes(HOUSES)
    from_path, from_bytes = load_csv(path, ["lon", "lat"], "kind"), load_csv(HOUSES, ["lon", "lat"], "kind")
    np.testing.assert_array_equal(from_path.X, from_bytes.X)
    np.testing.assert_array_equal(from_path.y, from_bytes.y)
    assert from_path.name == "houses.csv" and from_path.source["file"] == str(path)


def test_csv_features_are_standardised_and_raw_values_kept():
    houses = load_csv(HOUSES, ["lon", "lat"], "kind")
    np.testing.assert_array_equal(houses.X_raw, [[1, 2], [2, 1], [3, 5], [4, 3]])
    np.testing.assert_allclose(houses.X.mean(axis=0), 0, atol=1e-7)
    np.testing.assert_allclose(houses.X.std(axis=0), 1, atol=1e-6)


def test_csv_text_labels_become_classes_in_sorted_order():
    houses = load_csv(HOUSES, ["lon", "lat"], "kind")
    assert houses.class_names == ("flat", "house", "villa")
    np.testing.assert_array_equal(houses.y, [0, 1, 0, 2])


def test_csv_number_labels_are_sorted_as_numbers():
    table = b"a,b,label\n1,2,10\n2,3,2\n3,1,2\n4,4,10\n5,0,1\n"
    labelled = load_csv(table, ["a", "b"], "label")
    assert labelled.class_names == ("1", "2", "10")
    np.testing.assert_array_equal(labelled.y, [2, 1, 1, 2, 0])


def test_csv_rows_with_a_missing_value_are_dropped_and_counted():
    table = b"a,b,label,notes\n1,2,x,\n,3,y,n\n4,5,,n\n6,7,y,n\n8,9,x,n\n"
    labelled = load_csv(table, ["a", "b"], "label")
    assert labelled.dropped_rows == 2
    np.testing.assert_array_equal(labelled.X_raw, [[1, 2], [6, 7], [8, 9]])


def test_csv_missing_column_is_named_and_the_columns_listed():
    with pytest.raises(ValueError, match=r"no column 'size'.*'lon', 'lat', 'kind', 'price'"):
        load_csv(HOUSES, ["lon", "size"], "kind")


def test_csv_non_numeric_feature_names_the_column_line_and_value():
    with pytest.raises(
        ValueError, match=r"column 'lat' must hold numbers, but line 3 of the file has 'north'"
    ):
        load_csv(HOUSES.replace(b"2.0,1.0", b"2.0,north"), ["lon", "lat"], "kind")


def test_csv_infinite_feature_is_not_a_number_it_can_use():
    with pytest.raises(ValueError, match="must hold numbers"):
        load_csv(HOUSES.replace(b"3.0,5.0", b"inf,5.0"), ["lon", "lat"], "kind")


def test_csv_with_one_class_is_rejected():
    with pytest.raises(ValueError, match="has 1 classes; it needs 2 to 10"):
        load_csv(HOUSES.replace(b"house", b"flat").replace(b"villa", b"flat"), ["lon", "lat"], "kind")


def test_csv_with_eleven_classes_is_rejected():
    table = b"a,b,label\n" + b"".join(b"%d,%d,c%d\n" % (i, i * i, i) for i in range(11))
    with pytest.raises(ValueError, match="has 11 classes; it needs 2 to 10"):
        load_csv(table, ["a", "b"], "label")


def test_csv_with_more_than_100000_rows_is_rejected():
    table = b"a,b,label\n" + b"1,2,x\n" * 100_001
    with pytest.raises(ValueError, match="more than 100,000 rows"):
        load_csv(table, ["a", "b"], "label")


def test_csv_larger_than_5_mb_is_rejected_before_it_is_parsed():
    with pytest.raises(ValueError, match=r"5\.0 MB; files of up to 5 MB"):
        load_csv(b"a,b,label\n" + b"9" * 5_000_000, ["a", "b"], "label")


def test_csv_that_is_not_text_is_rejected():
    with pytest.raises(ValueError, match="not UTF-8 text"):
        load_csv(b"a,b,c\n\xff\xfe\xfa,1,2\n", ["a", "b"], "c")


def test_csv_constant_feature_cannot_be_standardised():
    with pytest.raises(ValueError, match="'lon' has the same value in every row"):
        load_csv(b"lon,lat,kind\n1,2,flat\n1,3,house\n1,4,flat\n", ["lon", "lat"], "kind")


def test_csv_label_may_not_also_be_a_feature():
    with pytest.raises(ValueError, match="two different feature columns and a third"):
        load_csv(HOUSES, ["lon", "lat"], "lat")


def test_split_rejects_a_test_size_that_leaves_no_training_points():
    with pytest.raises(ValueError, match="leaves no training points"):
        split(load_toy("moons", n=10), test_size=0.95)


def test_csv_columns_reads_the_header():
    assert csv_columns(b"price,x,y\n1,2,3\n") == ["price", "x", "y"]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "has 0 columns"),
        (b"a;b;c\n1;2;3\n", "separated by semicolons"),
        (b"a,b,a\n1,2,3\n", "'a' appears more than once"),
        (b"a,,c\n1,2,3\n", "a column has no name"),
        ("é,b,c\n1,2,3\n".encode("latin-1"), "not UTF-8"),
        ("a,b,c\n".encode("utf-16"), "UTF-16 text, not UTF-8"),
        (b"\x00\x01\x02garbage", "not text"),
        (b",".join(b"c%d" % i for i in range(5000)), "5,000 columns"),
    ],
)
def test_csv_columns_refuses_what_cannot_be_a_table_of_three_columns(data, says):
    with pytest.raises(ValueError, match=says):
        csv_columns(data)


def test_a_csv_file_over_the_size_limit_is_refused_before_it_is_read():
    with pytest.raises(ValueError, match=r"files of up to 0\.001 MB"):
        load_csv(b"x,y,c\n" + b"1,2,a\n" * 1000, ["x", "y"], "c", max_bytes=1000)
