"""The training tab's part of the URL: every setting read back as written, and each bad value falls back and warns."""

from __future__ import annotations

import pytest

from softmax_explorer.app.page import Page
from softmax_explorer.app.playground_url import KEYS, playground_query, playground_state, show_linked_point
from softmax_explorer.app.url_state import EXPLORER_KEYS, format_query, format_value, parse_query, read_query
from softmax_explorer.components.admission import PLACES
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
    "pick": "17",
    "backward": "3",
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
        "pick": 17,
        "backward": 3,
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
        ("pick", "<script>alert(1)</script>", "is not a whole number: use a whole number from 0 to 100199"),
        ("pick", "-1", "'-1' is outside 0 to 100199"),
        ("pick", "100200", "'100200' is outside 0 to 100199"),
        ("pick", "1e309", "'1e309' is outside 0 to 100199"),
        ("pick", "9" * 5000, "is not a whole number"),
        ("pick", "2.5", "not a whole number"),
        ("pick", "٣", "is not a whole number"),
        ("backward", "-1", "'-1' is outside 0 to 12"),
        ("backward", "13", "'13' is outside 0 to 12"),
        ("backward", "<img src=x onerror=alert(1)>", "is not a whole number"),
        ("backward", "3", "no point is picked (pick=) to step backward on"),
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


# --- the picked point and the backward steps: read here, checked against the data and the graph loaded ----------


def linked(query: dict[str, str]) -> tuple[TrainingPlayground, list[str]]:
    """The playground a page makes for ``query``: the link's point set once its data are loaded, as app/page.py does."""
    state, warnings = playground_state(query)
    run = dict(state["run"])
    point = {name: run.pop(name) for name in ("pick", "backward") if name in run}
    playground = TrainingPlayground(config=PlaygroundConfig(**state["config"]), **run)
    return playground, warnings + show_linked_point(playground, point)


def test_a_linked_point_shows_its_forward_pass_and_the_backward_steps():
    playground, warnings = linked({"dataset": "blobs", "model": "mlp", "pick": "5", "backward": "3"})
    assert warnings == []
    assert playground.map.picked == 5 and (playground.pick, playground.backward) == (5, 3)
    assert playground.forward.title.startswith("Point 5 (") and playground.forward.graph.revealed == 3
    assert len(playground.forward.graph.nodes) == 6


@pytest.mark.parametrize(
    ("query", "says"),
    [
        (
            {"dataset": "blobs", "pick": "300"},
            "pick: there is no point 300: this data has 300 points, numbered 0 to 299",
        ),
        (
            {"dataset": "moons", "points": "50", "pick": "50"},
            "pick: there is no point 50: this data has 50 points",
        ),
        (
            {"pick": "99999"},
            "pick: there is no house 99,999: this data has 2,930 houses, numbered 0 to 2,929",
        ),
        (
            {"dataset": "drawn", "drawn": "1,2,0,3,4,1", "pick": "2"},
            "pick: there is no point 2: this data has 2 points",
        ),
        (
            {"dataset": "blobs", "pick": "5", "backward": "5"},
            "backward: 5 steps, but this model's graph has 4 nodes (x to L): give 0 to 4",
        ),
    ],
)
def test_a_linked_point_that_does_not_fit_the_data_loaded_is_refused_with_a_warning(query, says):
    playground, warnings = linked(query)
    assert len(warnings) == 1 and warnings[0].startswith(says)
    assert playground.forward.graph.revealed == 0 and playground.backward == 0
    if "backward" not in query:
        assert playground.pick is None and playground.map.picked is None and playground.forward.logits == []
    playground.map.pick(1)  # the session goes on: a click picks a point as ever
    assert playground.pick == 1 and playground.forward.logits


def test_steps_on_a_point_that_was_refused_are_refused_too():
    _, warnings = linked({"dataset": "blobs", "pick": "300", "backward": "2"})
    assert [w.split(":")[0] for w in warnings] == ["pick", "backward"]
    assert "backward: no point is picked to step backward on" in warnings


def test_a_point_of_data_the_link_could_not_load_is_not_picked():
    for query in ({"dataset": "csv", "pick": "3"}, {"dataset": "blobs", "points": "20", "pick": "3"}):
        state, warnings = playground_state(query)
        assert "pick" not in state["run"]
        assert warnings[-1] == "pick: not used, as it names a point of data this link could not load"


def test_picking_writes_the_point_and_a_place_or_new_data_remove_it():
    playground = TrainingPlayground(config=PlaygroundConfig(dataset="blobs", model="mlp"))

    def point() -> dict[str, str]:
        return {
            k: v for k, v in playground_query(playground, full=False).items() if k in ("pick", "backward")
        }

    assert point() == {}
    playground.map.pick(12)
    assert point() == {"pick": "12"}
    playground.forward.graph.revealed = 2  # the browser's backward button, or b pressed twice
    assert point() == {"pick": "12", "backward": "2"}
    playground.map.pick(13)  # another point starts at the forward pass
    assert point() == {"pick": "13"}
    playground.forward.graph.revealed = 1
    playground.map.click(1e6, 1e6)  # a place: no point of the data, not in the link
    assert point() == {} and playground.forward.title == "A place on the map"
    playground.map.pick(14)
    playground.config.data_seed = 3  # new data: nothing picked
    assert point() == {}


def test_a_page_warns_about_a_linked_point_its_data_do_not_have(monkeypatch):
    monkeypatch.setattr(PLACES, "limit", 0)
    page = Page("?tab=train&dataset=blobs&pick=300&rate=7")
    assert page.warning.visible and "pick: there is no point 300" in page.warning.object
    assert "rate: &#x27;7&#x27;" in page.warning.object  # with the link's other warnings, escaped
    assert page.playground.pick is None
    later = Page("?dataset=blobs&pick=400")  # the training tab opened later: the warning comes then
    assert not later.warning.visible and later._query()["pick"] == "400"  # kept until the tab is opened
    later.tabs.active = 1
    assert later.warning.visible and "pick: there is no point 400" in later.warning.object
    assert "pick" not in later._query()
