"""The decision map: the model it is sent each frame, the points it draws, flow control and what a click picks."""

from __future__ import annotations

import numpy as np
import pytest

from softmax_explorer.components.decision_map import FRAMES_IN_FLIGHT, PICK_RADIUS, DecisionMap
from softmax_explorer.components.layouts import NETWORK, POINTS, unpack
from softmax_explorer.components.palette import CLASS_COLORS
from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.data import split_indices
from softmax_explorer.models.networks import ACTIVATIONS
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer


@pytest.fixture(scope="module")
def moons():
    return load_toy("moons", n=100, noise=0.05, seed=0)


@pytest.fixture
def drawn(moons):
    """A map showing the moons and their model's probabilities."""
    decision_map = DecisionMap()
    trainer = Trainer(moons)
    decision_map.show_data(moons, *split_indices(len(moons)), trainer.extent)
    decision_map.show_model(trainer, 20)
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


def frame_of(decision_map: DecisionMap) -> dict:
    return unpack(NETWORK, canvas_of(decision_map).frame)


def test_a_frame_is_the_model_its_widths_weights_and_activation(moons):
    decision_map = DecisionMap()
    trainer = Trainer(moons, Config(hidden=(5, 4), activation="tanh"))
    trainer.step(3)
    decision_map.show_model(trainer, 150)
    frame = frame_of(decision_map)
    assert (frame["number"], frame["cells"]) == (1, 150)
    assert frame["widths"].tolist() == [2, 5, 4, 2]
    assert list(ACTIVATIONS)[frame["activation"]] == "tanh"
    weights = np.concatenate([a.ravel() for layer in trainer.weights() for a in layer])
    np.testing.assert_array_equal(frame["weights"], weights)  # float32, exactly


def test_a_frame_holds_the_standardisation_the_model_sees_its_inputs_through():
    ames = load_ames()
    decision_map = DecisionMap()
    decision_map.show_model(Trainer(ames))
    frame = frame_of(decision_map)
    np.testing.assert_array_equal(frame["mean"], ames.mean)
    np.testing.assert_array_equal(frame["std"], ames.std)
    assert frame["widths"].tolist() == [2, 3] and len(frame["weights"]) == 2 * 3 + 3


def test_frames_go_as_messages_and_the_last_is_kept_for_views_rendered_later(drawn):
    decision_map, trainer = drawn
    canvas = canvas_of(decision_map)
    sent = []
    canvas._send_msg = sent.append
    changes = []
    canvas.param.watch(changes.append, "frame")
    decision_map.show_model(trainer, 20)
    assert sent == [canvas.frame] and frame_of(decision_map)["number"] == 2
    assert changes == []  # no parameter change to process and send: the message carries the frame


def test_a_view_rendered_mid_training_starts_from_the_newest_frame(drawn):
    decision_map, trainer = drawn
    trainer.step(2)
    decision_map.show_model(trainer, 20)
    model = canvas_of(decision_map).get_root()  # what a page (or a notebook cell) opened now receives
    assert unpack(NETWORK, model.data.frame)["number"] == 2


def test_the_browser_may_fall_behind_by_a_few_frames_but_no_more(drawn):
    decision_map, trainer = drawn
    canvas = canvas_of(decision_map)
    for _ in range(FRAMES_IN_FLIGHT - 1):
        decision_map.show_model(trainer, 20)
    assert not decision_map.ready  # FRAMES_IN_FLIGHT sent, none painted
    canvas._handle_msg({"shown": 1})  # the browser painted the first
    assert decision_map.ready


def test_a_wide_networks_frame_waits_until_the_last_is_painted(moons):
    decision_map = DecisionMap()
    decision_map.show_model(Trainer(moons, Config(hidden=(512, 512))))
    assert not decision_map.ready  # 1 MB of weights: one such frame in flight at most
    canvas_of(decision_map)._handle_msg({"shown": 1})
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
