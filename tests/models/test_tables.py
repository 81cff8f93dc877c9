"""The user's CSV files: read, standardised and labelled as the course does, and every file that cannot be a table
of two features and a label refused with the reason (models/tables.py)."""

import numpy as np
import pytest

from softmax_explorer.models.tables import csv_columns, load_csv

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
