"""The decision map: one byte a cell (class and confidence), its palette, the points it draws and what a click picks."""

from __future__ import annotations

import numpy as np
import pytest

from components.decision_map import FRAMES_IN_FLIGHT, PICK_RADIUS, SHADES, DecisionMap, encode, map_palette
from components.layouts import FRAME, POINTS, unpack
from components.palette import CLASS_COLORS
from models.data import load_ames, load_toy, split_indices
from models.training import Trainer


def cells(*probabilities) -> np.ndarray:
    """A (1, M, K) grid of the given probability rows."""
    return np.array([probabilities], dtype=np.float32)


def test_encode_gives_the_top_class_times_shades():
    codes = encode(cells([0.1, 0.8, 0.1], [0.05, 0.05, 0.9], [0.7, 0.2, 0.1]))
    assert codes.dtype == np.uint8 and codes.shape == (1, 3)
    assert (codes // SHADES).tolist() == [[1, 2, 0]]


def test_encode_gives_a_guess_the_lowest_shade_and_certainty_the_highest():
    codes = encode(cells([1 / 3, 1 / 3, 1 / 3], [0, 0, 1.0], [0.5, 0.5, 0.0]))
    assert (codes % SHADES).tolist() == [[0, SHADES - 1, (SHADES - 1) // 4]]  # 0.5 of 3 classes: a quarter up


def test_encode_shades_rise_with_confidence():
    confidence = np.linspace(0.5, 1, 11)
    codes = encode(cells(*np.column_stack([confidence, 1 - confidence])))
    levels = (codes % SHADES)[0]
    assert levels[0] == 0 and levels[-1] == SHADES - 1 and (np.diff(levels.astype(int)) > 0).all()


def test_encode_ten_classes_fit_in_a_byte():
    p = np.full(10, 0.01)
    p[9] = 0.91
    assert encode(cells(p))[0, 0] // SHADES == 9


def test_map_palette_has_shades_for_each_class():
    assert len(map_palette(3, "#ffffff")) == 3 * SHADES
    assert len(map_palette(10, "#212529")) == 10 * SHADES


def test_map_palette_runs_from_near_the_background_to_near_the_class_colour():
    palette = map_palette(2, "#ffffff")
    brightness = [sum(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in palette[:SHADES]]
    assert brightness == sorted(brightness, reverse=True)  # darker (more colour) as the model grows surer
    assert palette[SHADES] != palette[0]  # the second class has its own colours


@pytest.fixture(scope="module")
def moons():
    return load_toy("moons", n=100, noise=0.05, seed=0)


@pytest.fixture
def drawn(moons):
    """A map showing the moons and their model's probabilities."""
    decision_map = DecisionMap()
    trainer = Trainer(moons)
    decision_map.show_data(moons, *split_indices(len(moons)), trainer.extent)
    decision_map.show_probabilities(trainer.grid(20))
    return decision_map, trainer


def canvas_of(decision_map: DecisionMap):
    return decision_map.__panel__()


def test_training_points_are_circles_and_validation_points_triangles(drawn, moons):
    points = unpack(POINTS, canvas_of(drawn[0]).points)
    train, validation = split_indices(len(moons))
    assert sorted(np.flatnonzero(points["part"] == 0)) == sorted(train)  # drawn as circles
    assert sorted(np.flatnonzero(points["part"] == 1)) == sorted(validation)  # drawn as triangles


def test_points_are_sent_exactly_with_their_classes(drawn, moons):
    points = unpack(POINTS, canvas_of(drawn[0]).points)
    np.testing.assert_array_equal(points["x"], moons.X_raw[:, 0])
    np.testing.assert_array_equal(points["y"], moons.X_raw[:, 1])
    np.testing.assert_array_equal(points["cls"], moons.y)


def test_points_are_coloured_with_the_class_colours_of_both_tabs(drawn):
    assert canvas_of(drawn[0]).class_colors == list(CLASS_COLORS)


def test_a_frame_holds_its_number_and_the_encoded_grid(drawn):
    decision_map, trainer = drawn
    frame = unpack(FRAME, canvas_of(decision_map).frame)
    assert (frame["number"], frame["height"], frame["width"]) == (1, 20, 20)
    np.testing.assert_array_equal(frame["codes"].reshape(20, 20), encode(trainer.grid(20)))


def test_frames_are_numbered_in_order(drawn):
    decision_map, trainer = drawn
    decision_map.show_probabilities(trainer.grid(20))
    assert unpack(FRAME, canvas_of(decision_map).frame)["number"] == 2


def test_the_browser_may_fall_behind_by_a_few_frames_but_no_more(drawn):
    decision_map, trainer = drawn
    canvas = canvas_of(decision_map)
    for _ in range(FRAMES_IN_FLIGHT - 1):
        decision_map.show_probabilities(trainer.grid(20))
    assert not decision_map.ready  # FRAMES_IN_FLIGHT sent, none painted
    canvas._handle_msg({"shown": 1})  # the browser painted the first
    assert decision_map.ready


def test_the_legend_names_the_classes(drawn):
    assert canvas_of(drawn[0]).class_names == ["0", "1"]


def test_axes_are_labelled_with_the_features(drawn):
    canvas = canvas_of(drawn[0])
    assert (canvas.x_label, canvas.y_label) == ("x1", "x2")


def test_ames_axes_are_labelled_in_degrees():
    decision_map = DecisionMap()
    ames = load_ames()
    decision_map.show_data(ames, *split_indices(len(ames)), Trainer(ames).extent)
    assert (canvas_of(decision_map).x_label, canvas_of(decision_map).y_label) == (
        "Longitude (degrees)",
        "Latitude (degrees)",
    )


def test_a_click_near_a_point_picks_it(drawn, moons):
    decision_map, trainer = drawn
    x0, x1, _, _ = trainer.extent
    x, y = moons.X_raw[7] + [0.2 * PICK_RADIUS * (x1 - x0), 0]
    decision_map.click(x, y)
    assert decision_map.picked == 7
    assert decision_map.clicked == tuple(moons.X_raw[7])
    assert canvas_of(decision_map).marker == list(moons.X_raw[7])


def test_a_click_far_from_every_point_picks_a_place(drawn):
    decision_map, trainer = drawn
    x0, _, _, y1 = trainer.extent
    decision_map.click(x0, y1)  # a corner: the extent reaches beyond the points
    assert decision_map.picked is None
    assert decision_map.clicked == (x0, y1)


def test_new_data_clears_the_pick(drawn, moons):
    decision_map, trainer = drawn
    decision_map.pick(3)
    decision_map.show_data(moons, *split_indices(len(moons)), trainer.extent)
    assert decision_map.picked is None and decision_map.clicked is None
