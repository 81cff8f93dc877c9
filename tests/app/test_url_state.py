"""The query string <-> the app's state: every fallback rule, the warnings' words, and round trips to the
display precision."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from softmax_explorer.app.url_state import (
    ALWAYS,
    app_state,
    explorer_query,
    explorer_state,
    format_query,
    format_value,
    parse_query,
)
from softmax_explorer.components.softmax_explorer import SECTIONS, SoftmaxExplorer

DEFAULT = {"logits": [0.4, 1.3, -0.6], "class_names": ["low", "medium", "high"], "target": 1}


def read(query: str) -> tuple[dict, list[str]]:
    return explorer_state(parse_query(query))


def test_query_parsing_keeps_the_last_of_repeated_keys_and_blank_values():
    assert parse_query("?a=1&b=&a=2") == {"a": "2", "b": ""}
    assert parse_query("a=1") == {"a": "1"}


def test_formatted_query_keeps_commas_readable_and_encodes_the_rest():
    assert format_query({"logits": "1,2", "classes": "cat & dog,b"}) == "?logits=1,2&classes=cat+%26+dog,b"
    assert format_query({}) == ""


def test_no_query_gives_the_defaults_without_warnings():
    assert read("") == (DEFAULT, [])
    assert app_state({}) == ({"tab": "explore", "present": False, "theme": "default"}, [])


@pytest.mark.parametrize(
    ("query", "state"),
    [
        ("tab=train", {"tab": "train", "present": False, "theme": "default"}),
        ("present=1", {"tab": "explore", "present": True, "theme": "default"}),
        ("present=yes", {"tab": "explore", "present": True, "theme": "default"}),
        ("present=off", {"tab": "explore", "present": False, "theme": "default"}),
        ("theme=dark", {"tab": "explore", "present": False, "theme": "dark"}),
    ],
)
def test_page_settings_are_read(query, state):
    assert app_state(parse_query(query)) == (state, [])


@pytest.mark.parametrize(
    ("query", "warning"),
    [
        ("tab=nope", "tab: 'nope' is not one of explore, train"),
        ("present=2", "present: '2' is not on or off: use 1 or 0"),
    ],
)
def test_bad_page_settings_fall_back_and_warn(query, warning):
    assert app_state(parse_query(query)) == (
        {"tab": "explore", "present": False, "theme": "default"},
        [warning],
    )


def test_logits_and_classes_are_read():
    assert read("logits=1,-2.5,3,0&classes=a,b,c,d") == (
        {"logits": [1.0, -2.5, 3.0, 0.0], "class_names": ["a", "b", "c", "d"], "target": 1},
        [],
    )


def test_logits_without_classes_get_numbered_names():
    state, warnings = read("logits=1,2,3,4")
    assert state["class_names"] == ["class 1", "class 2", "class 3", "class 4"] and warnings == []


def test_classes_without_logits_get_default_logits_for_that_many_classes():
    assert read("classes=a,b,c,d,e")[0]["logits"] == [0.4, 1.3, -0.6, 0.9, -1.2]


def test_two_classes_make_the_second_the_default_true_class():
    assert read("logits=1,2")[0]["target"] == 1


@pytest.mark.parametrize(
    ("query", "warning"),
    [
        ("logits=1,x,3", "logits: 'x' is not a number: use a number from -1000 to 1000"),
        ("logits=1,inf", "logits: 'inf' is not a number: use a number from -1000 to 1000"),
        ("logits=5", "logits: give between 2 and 10 logits, separated by commas (got 1)"),
        ("logits=1,2000", "logits: '2000' is outside -1000 to 1000"),
        ("classes=a,a,b", "classes: class names must be different from each other"),
        ("target=3", "target: '3' is not a class: use an index from 0 to 2 or a class name"),
        ("target=-1", "target: '-1' is not a class: use an index from 0 to 2 or a class name"),
        ("target=cat", "target: 'cat' is not a class: use an index from 0 to 2 or a class name"),
        ("temperature=0.05", "temperature: '0.05' is outside 0.1 to 10"),
        ("temperature=11", "temperature: '11' is outside 0.1 to 10"),
        ("temperature=nan", "temperature: 'nan' is not a number: use a number from 0.1 to 10"),
        ("temperature=warm", "temperature: 'warm' is not a number: use a number from 0.1 to 10"),
        ("goal=0.5,0.5", "goal: give 3 probabilities that sum to 1"),
        ("goal=0.5,0.5,0.5", "goal: give 3 probabilities that sum to 1"),
        ("goal=1.5,-0.5,0", "goal: '1.5' is outside 0 to 1"),
        ("conceal=maybe", "conceal: 'maybe' is not on or off: use 1 or 0"),
        (
            "hide=sliders,curve",
            "hide: 'sliders' not known; use any of temperature, gradient, steps, curve, presets, entry, shift, classes",
        ),
        ("lr=0", "lr: '0' is outside 0.01 to 10"),
        ("lr=20", "lr: '20' is outside 0.01 to 10"),
        ("steps=0", "steps: '0' is outside 1 to 500"),
        ("steps=2.5", "steps: '2.5' is not a whole number: use a whole number from 1 to 500"),
        ("losses=mse", "losses: 'mse' is not one of cross_entropy, squared_error, both"),
    ],
)
def test_a_bad_value_falls_back_to_its_default_and_warns(query, warning):
    assert read(query) == (DEFAULT, [warning])


def test_class_names_that_do_not_match_the_logits_fall_back_to_the_default_names():
    assert read("logits=1,2,3&classes=a,b") == (
        {**DEFAULT, "logits": [1.0, 2.0, 3.0]},
        ["classes: 2 names for 3 logits"],
    )


def test_the_true_class_may_be_named():
    assert read("classes=cat,dog,bird&target=bird")[0]["target"] == 2


def test_a_true_class_index_wins_over_a_class_named_like_a_number():
    assert read("logits=1,2,3&classes=1,2,3&target=1")[0]["target"] == 1


def test_every_other_setting_is_read():
    state, warnings = read(
        "goal=0.25,0.25,0.5&conceal=1&hide=temperature,,gradient&lr=0.5&steps=7&temperature=2.5"
    )
    assert warnings == []
    assert state == {
        **DEFAULT,
        "goal": [0.25, 0.25, 0.5],
        "concealed": True,
        "hide": ["temperature", "gradient"],
        "lr": 0.5,
        "steps": 7,
        "temperature": 2.5,
    }


def test_the_query_holds_the_example_always_and_the_rest_only_when_changed():
    assert explorer_query(SoftmaxExplorer()) == {
        "logits": "0.4,1.3,-0.6",
        "target": "1",
        "temperature": "1",
        "classes": "low,medium,high",
    }
    changed = SoftmaxExplorer(goal=[0.25, 0.25, 0.5], concealed=True, hide=["curve"], lr=0.5, steps=7)
    assert {k: v for k, v in explorer_query(changed).items() if k not in ALWAYS} == {
        "goal": "0.25,0.25,0.5",
        "conceal": "1",
        "hide": "curve",
        "lr": "0.5",
        "steps": "7",
    }


def test_the_query_writes_numbers_without_floating_point_noise():
    explorer = SoftmaxExplorer(logits=[0.9, 1.8, -0.6 + 0.5], temperature=0.30000000000000004, lr=1 / 3)
    query = explorer_query(explorer)
    assert (query["logits"], query["temperature"], query["lr"]) == ("0.9,1.8,-0.1", "0.3", "0.333")
    assert explorer.logits[2] == -0.09999999999999998  # the explorer computes with the full value


names = (
    st.text(
        st.characters(blacklist_characters=",", blacklist_categories=("Cs", "Cc")), min_size=1, max_size=24
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def explorers(draw) -> dict:
    """The parameters of any explorer a student can reach."""
    k = draw(st.integers(2, 10))
    weights = draw(st.lists(st.integers(1, 100), min_size=k, max_size=k))
    return {
        "logits": draw(st.lists(st.floats(-1000, 1000), min_size=k, max_size=k)),
        "class_names": draw(st.lists(names, min_size=k, max_size=k, unique=True)),
        "target": draw(st.integers(0, k - 1)),
        "temperature": draw(st.floats(0.1, 10)),
        "goal": draw(st.sampled_from([[], [round(w / sum(weights), 3) for w in weights]])),
        "concealed": draw(st.booleans()),
        "hide": draw(st.lists(st.sampled_from(SECTIONS), unique=True)),
        "lr": draw(st.floats(0.01, 10)),
        "steps": draw(st.integers(1, 500)),
        "objective": draw(st.sampled_from(["cross_entropy", "squared_error", "both"])),
    }


@settings(max_examples=60, deadline=None)
@given(explorers())
def test_every_state_round_trips_through_the_query_string(params):
    query = parse_query(format_query(explorer_query(SoftmaxExplorer(**params))))
    state, warnings = explorer_state(query)
    assert warnings == []
    # Every value read back is the value written, to the display precision (models/inputs.py format_number).
    assert {k: format_value(v) for k, v in {**params, **state}.items()} == {
        k: format_value(v) for k, v in params.items()
    }
    assert {k for k in params if k not in state} <= {"goal", "concealed", "hide", "lr", "steps", "objective"}
    defaults = SoftmaxExplorer.param
    assert all(params[k] == defaults[k].default for k in params if k not in state)
