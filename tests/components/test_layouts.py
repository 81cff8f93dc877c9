"""The byte layouts of what the map sends: what pack writes, unpack (and the browser) reads back."""

from __future__ import annotations

import numpy as np
import pytest

from softmax_explorer.components.layouts import POINTS, pack, unpack

GRID = [("number", "u4"), ("height", "u2"), ("width", "u2"), ("codes", "u1", "height*width")]


def test_points_come_back_exactly():
    x, y = np.array([-93.6123456789, 1e-300, 5.0]), np.array([42.0, -1.5, 1e300])
    points = unpack(POINTS, pack(POINTS, n=3, x=x, y=y, cls=[0, 2, 9], part=[1, 0, 1]))
    assert points["n"] == 3
    np.testing.assert_array_equal(points["x"], x)
    np.testing.assert_array_equal(points["y"], y)
    assert points["cls"].tolist() == [0, 2, 9] and points["part"].tolist() == [1, 0, 1]


def test_each_array_starts_at_a_multiple_of_its_item_size():
    # The browser reads arrays in place: a Float64Array over a buffer needs an offset that is a multiple of 8.
    data = pack(POINTS, n=1, x=[1.0], y=[2.0], cls=[3], part=[0])
    assert len(data) == 8 + 8 + 8 + 1 + 1
    assert np.frombuffer(data, "<f8", 1, 8)[0] == 1.0


def test_an_array_may_be_as_long_as_a_product_of_earlier_fields():
    codes = np.arange(6, dtype=np.uint8)
    data = pack(GRID, number=7, height=2, width=3, codes=codes)
    assert len(data) == 4 + 2 + 2 + 6
    frame = unpack(GRID, data)
    assert (frame["number"], frame["height"], frame["width"]) == (7, 2, 3)
    assert frame["codes"].tolist() == codes.tolist()


def test_an_array_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError, match="codes must have height\\*width = 6 entries"):
        pack(GRID, number=1, height=2, width=3, codes=np.zeros(5))
