"""The training tab's part of the URL: every setting read back as written, and each bad value falls back and warns."""

from __future__ import annotations

import pytest

from softmax_explorer.app.playground_url import KEYS, playground_query, playground_state
from softmax_explorer.app.url_state import EXPLORER_KEYS, format_query, format_value, parse_query, read_query
from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.components.training_playground import TrainingPlayground

CHANGED = {
    "dataset": "spiral",
    "points": "450",
    "noise": "0.35",
    "k": "4",
    "dseed": "7",
    "std": "0",
    "model": "mlp",
    "hidden": "16,8",
    "activation": "tanh",
    "optimizer": "adam",
    "rate": "0.03",
    "batch": "32",
    "wd": "0.001",
    "seed": "5",
    "loss": "squared_error",
    "drawn": "120,845,0,500,500,3",
    "epf": "10",
    "fps": "10",
    "grid": "150",
    "views": "units,space,layer2,unit7",
}


def playground(query: dict[str, str]) -> TrainingPlayground:
    state, warnings = playground_state(query)
    assert warnings == []
    return TrainingPlayground(config=PlaygroundConfig(**state["config"]), **state["run"])


def test_every_setting_has_a_changed_value_in_this_test():
    assert set(CHANGED) == set(KEYS)


def test_no_training_key_is_an_explorer_key():
    assert not set(KEYS) & set(EXPLORER_KEYS)  # one query holds both tabs' settings


def test_a_query_reads_into_the_parameters():
    state, warnings = playground_state(CHANGED)
    assert warnings == []
    assert state["config"] == {
        "dataset": "spiral",
        "points": 450,
        "noise": 0.35,
        "classes": 4,
        "data_seed": 7,
        "standardize": False,
        "model": "mlp",
        "hidden": [16, 8],
        "activation": "tanh",
        "optimizer": "adam",
        "lr": 0.03,
        "batch_size": 32,
        "weight_decay": 0.001,
        "seed": 5,
        "loss": "squared_error",
        "drawn": [(120, 845, 0), (500, 500, 3)],
    }
    assert state["run"] == {
        "epochs_per_frame": 10,
        "frames_per_second": 10,
        "grid": 150,
        "views": ["units", "space", "layer2", "unit7"],
    }


def test_written_query_reads_back_to_the_same_query():
    written = playground_query(playground(CHANGED), full=True)
    assert written == CHANGED
    assert parse_query(format_query(written)) == CHANGED


def test_defaults_write_only_the_data_set_and_model_for_the_training_tab():
    assert playground_query(playground({}), full=True) == {"dataset": "ames", "model": "logreg"}


def test_defaults_write_nothing_while_the_explorer_tab_is_open():
    assert playground_query(playground({}), full=False) == {}


def test_a_learning_rate_matches_its_choice_however_it_is_written():
    for text in ("0.1", "0.10", "1e-1", ".1"):
        assert playground_state({"rate": text})[0]["config"]["lr"] == 0.1


@pytest.mark.parametrize(
    ("key", "text", "says"),
    [
        ("dataset", "nope", "is not one of ames, blobs"),
        ("dataset", "csv", "a CSV file cannot travel in a link"),
        ("points", "20", "is outside 50 to 2000"),
        ("points", "300.5", "not a whole number"),
        ("points", "many", "'many' is not a whole number: use a whole number from 50 to 2000"),
        ("noise", "nan", "not a number: use a number from 0 to 2"),
        ("k", "11", "is outside 2 to 10"),
        ("dseed", "-1", "is outside 0 to 1e+06"),
        ("std", "maybe", "use 1 or 0"),
        ("model", "cnn", "is not one of logreg, mlp"),
        ("hidden", "0", "is outside 1 to 512"),
        ("hidden", "1,2,3,4,5", "give 1 to 4 layer widths"),
        ("activation", "gelu", "is not one of relu, tanh, sigmoid, none"),
        ("optimizer", "rmsprop", "is not one of sgd, momentum, adam"),
        ("rate", "7", "is not one of 0.0001, 0.0003"),
        ("batch", "12", "is not one of 0, 8, 16"),
        ("wd", "0.5", "is not one of 0, 0.0001"),
        ("seed", "1.5", "not a whole number"),
        ("epf", "3", "is not one of 1, 2, 5"),
        ("fps", "60", "is not one of 5, 10, 20, 30"),
        ("grid", "1000", "is not one of 50, 100, 150, 200"),
        ("drawn", "1,2", "give three numbers a point"),
        ("drawn", "1,2,0,3", "give three numbers a point"),
        ("drawn", "1001,2,0", "is outside 0 to 1000"),
        ("drawn", "1,2,0.5", "not a whole number"),
        ("drawn", "1,2,10", "is outside 0 to 9"),
        ("drawn", "1,2,3", "a point of class 3, but this data has 3 classes (0 to 2)"),
        ("drawn", ",".join(["1,2,0"] * 201), "give at most 200 points (got 201)"),
        ("views", "units,weights", "'weights' is not a view: use units, space, layer1 to layer4"),
        ("views", "layer5", "a network has hidden layers 1 to 4"),
        ("views", "unit512", "a layer has units 0 to 511"),
        ("views", "unit1,unit2", "names a view twice"),
    ],
)
def test_a_bad_value_is_left_out_and_warned_about(key, text, says):
    state, warnings = playground_state({key: text})
    assert state == {"config": {}, "run": {}}
    assert len(warnings) == 1 and warnings[0].startswith(f"{key}: ") and says in warnings[0]


def test_a_bad_value_leaves_the_good_ones_in_use():
    state, warnings = playground_state({"dataset": "moons", "rate": "7", "seed": "3"})
    assert state["config"] == {"dataset": "moons", "seed": 3} and len(warnings) == 1


def test_a_playground_built_from_a_bad_query_uses_the_defaults_for_the_bad_values_only():
    state, _ = playground_state({"rate": "7", "epf": "3", "seed": "5"})
    playground = TrainingPlayground(config=PlaygroundConfig(**state["config"]), **state["run"])
    assert (playground.config.lr, playground.epochs_per_frame, playground.config.seed) == (0.1, 2, 5)


def test_drawn_points_are_checked_against_the_classes_of_the_data_they_are_drawn_on():
    assert playground_state({"dataset": "moons", "drawn": "1,2,1"})[0]["config"]["drawn"] == [(1, 2, 1)]
    state, warnings = playground_state({"dataset": "moons", "drawn": "1,2,2"})
    assert "drawn" not in state["config"] and warnings == [
        "drawn: a point of class 2, but this data has 2 classes (0 to 1)"
    ]
    assert playground_state({"dataset": "drawn", "k": "5", "drawn": "1,2,4"})[0]["config"]["drawn"] == [
        (1, 2, 4)
    ]


def test_200_drawn_points_travel_in_a_link():
    points = [(1000, 999, 9)] * 200
    state, warnings = read_query(format_query({"dataset": "blobs", "k": "10", "drawn": format_value(points)}))
    assert warnings == []
    assert playground_state(state) == (
        {"config": {"dataset": "blobs", "classes": 10, "drawn": points}, "run": {}},
        [],
    )


def test_a_drawing_writes_that_its_data_were_drawn():
    drawn = playground({"dataset": "drawn", "drawn": "0,0,1,1000,1000,2"})
    assert playground_query(drawn, full=False) == {"dataset": "drawn", "drawn": "0,0,1,1000,1000,2"}
