"""Issue 9: the link's reader takes anything. Every key of both tabs with every hostile value, and any text at all
(hypothesis), gives a valid state and short plain-text warnings, never an exception; a valid link round-trips (to the display
precision).

The browser fuzz (tests/ui/test_hostile_urls.py) loads a page per case; this checks the same table in Python first,
where it costs milliseconds.
"""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote, urlencode

import param
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from softmax_explorer.app import url_state
from softmax_explorer.app.page import url_warning
from softmax_explorer.app.playground_url import KEYS, playground_query, playground_state
from softmax_explorer.app.url_state import (
    TABS,
    app_state,
    explorer_query,
    explorer_state,
    format_query,
    format_value,
)
from softmax_explorer.components.hidden_units import parse_views
from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.components.softmax_explorer import SECTIONS, SoftmaxExplorer
from softmax_explorer.components.training_playground import TrainingPlayground
from tests.hostile import (
    ALL_KEYS,
    DUPLICATE,
    MARKUP,
    MAX_WARNING,
    TABLE,
    UNKNOWN,
    Hostile,
    quotes_at_length,
    warned_about,
)

# The app reads a link with read_query (bounded, with warnings of its own) once the fix is in; parse_query before.
read_query = getattr(url_state, "read_query", lambda search: (url_state.parse_query(search), []))


def read(search: str) -> list[str]:
    """Every warning the page would show for ``search``; fails if a state is not one the components accept."""
    query, warnings = read_query(search)
    page, page_warnings = app_state(query)
    explorer, explorer_warnings = explorer_state(query)
    training, training_warnings = playground_state(query)
    warnings = [*warnings, *page_warnings, *explorer_warnings, *training_warnings]
    assert isinstance(warnings, list) and all(isinstance(w, str) for w in warnings)
    assert page["tab"] in TABS and isinstance(page["present"], bool)
    k = len(explorer["logits"])
    assert len(explorer["class_names"]) == k and 0 <= explorer["target"] < k
    assert len(explorer.get("goal", [])) in (0, k)
    SoftmaxExplorer(**explorer)  # its parameters check types and bounds
    PlaygroundConfig(**training["config"])
    for name, value in training["run"].items():
        parameter = TrainingPlayground.param[name]
        if name == "views":  # a list of tokens, read by their own parser
            assert parse_views(",".join(value)) == value
        elif isinstance(parameter, param.Integer):  # pick, backward: within bounds (the data's come later)
            assert isinstance(value, int) and parameter.bounds[0] <= value <= parameter.bounds[1]
        else:
            assert value in TrainingPlayground.param[name].objects
    return warnings


def assert_shown_safely(warnings: list[str], value: str) -> None:
    """Short warnings, none quoting 200 characters of ``value``, and none of its markup left raw in the Alert."""
    for warning in warnings:
        assert len(warning) <= MAX_WARNING, f"a warning of {len(warning):,} characters: {warning[:120]!r}…"
        assert not quotes_at_length(warning, value), (
            f"the warning quotes the value at length: {warning[:120]!r}…"
        )
    html = url_warning(warnings).object.lower()
    for tag in ("<img", "<script", "<svg", "<iframe"):
        assert tag not in html, f"raw {tag} in the warning's HTML: {html[:300]!r}"


CASES = [pytest.param(key, case, id=f"{key}-{case.id}") for key in ALL_KEYS for case in TABLE]


@pytest.mark.parametrize(("key", "case"), CASES)
def test_a_hostile_value_falls_back_with_a_short_escaped_warning_naming_its_key(key, case: Hostile):
    warnings = read(f"{key}={quote(case.value, safe=',')}")  # commas unencoded, as the app writes them
    if case.must_warn(key):
        assert warned_about(warnings, key), f"no warning names {key}: {warnings}"
    assert_shown_safely(warnings, case.value)


@pytest.mark.parametrize("key", ALL_KEYS)
def test_the_last_of_repeated_hostile_values_is_refused_too(key):
    warnings = read("&".join(f"{key}={quote(value)}" for value in DUPLICATE))
    assert warned_about(warnings, key), f"no warning names {key}: {warnings}"
    assert_shown_safely(warnings, DUPLICATE[-1])


def test_unknown_keys_change_nothing_and_stay_text():
    warnings = read(urlencode(UNKNOWN))
    assert_shown_safely(warnings, MARKUP[0])
    assert explorer_state(read_query(urlencode(UNKNOWN))[0]) == explorer_state({})


@pytest.mark.parametrize(
    "search",
    [
        "&".join(f"k{i}={i}" for i in range(20_000)),  # 20,000 keys
        "logits=" + "1," * 200_000,  # 400,000 characters in one value
        "&".join(f"{key}={MARKUP[0]}" for key in ALL_KEYS * 50),  # every key, 50 times
        "%" * 5000 + "=" * 5000 + "&" * 5000,
    ],
    ids=["20000-keys", "400k-value", "every-key-50-times", "bare-separators"],
)
def test_a_huge_query_string_is_read_without_failing(search):
    assert_shown_safely(read(search), search)


# --- hypothesis: any text in, a valid state and a list of warnings out ------------------------------------------

values = st.one_of(
    st.text(max_size=60),
    st.sampled_from([case.value for case in TABLE] + list(DUPLICATE)),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**30), 10**30).map(str),
    st.lists(st.floats(-2000, 2000).map(repr), max_size=15).map(",".join),
    st.lists(st.sampled_from([*SECTIONS, "x", ""]), max_size=5).map(",".join),
)
keys = st.one_of(st.sampled_from(ALL_KEYS), st.text(max_size=10))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_as_the_query_string_gives_a_state_and_warnings(search):
    read(search)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(keys, values), max_size=12))
def test_any_values_of_the_known_keys_give_a_state_and_warnings(pairs):
    assert_shown_safely(read(urlencode(pairs)), "")
    read("&".join(f"{k}={v}" for k, v in pairs))  # unencoded, as a hand-typed link may be


# --- a valid link round-trips ------------------------------------------------------------------------------------


def spellings(low: float, high: float) -> st.SearchStrategy[str]:
    """A number from ``low`` to ``high`` as a person or the app may write it."""
    number = st.floats(low, high, allow_subnormal=False)
    return st.one_of(number.map(repr), number.map(lambda v: f"{v:.4g}"), number.map(lambda v: f"{v:.3e}"))


names = st.text(
    st.characters(blacklist_characters=",", blacklist_categories=("Cs", "Cc", "Z")), min_size=1, max_size=24
)


@st.composite
def explorer_links(draw) -> dict[str, str]:
    """A link's explorer part with valid values, some of them spelled unlike the app writes them."""
    k = draw(st.integers(2, 10))
    weights = draw(st.lists(st.integers(1, 100), min_size=k, max_size=k))
    class_names = draw(st.lists(names, min_size=k, max_size=k, unique=True))
    named = draw(st.booleans())  # a target may be a class's name when the link names the classes
    link = {
        "logits": ",".join(draw(st.lists(spellings(-1000, 1000), min_size=k, max_size=k))),
        "classes": ",".join(class_names) if named else None,
        "target": draw(st.sampled_from(class_names) if named else st.integers(0, k - 1).map(str)),
        "temperature": draw(spellings(0.1, 10)),
        "goal": ",".join(f"{w / sum(weights):.3f}" for w in weights),
        "conceal": draw(st.sampled_from(["1", "0", "true", "off", "yes"])),
        "hide": ",".join(draw(st.lists(st.sampled_from(SECTIONS), unique=True))),
        "lr": draw(spellings(0.01, 10)),
        "steps": str(draw(st.integers(1, 500))),
    }
    # The logits always: the goal and a target index are only valid for their number of classes.
    return {
        key: text
        for key, text in link.items()
        if text is not None and (key in ("logits", "classes") or draw(st.booleans()))
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(explorer_links())
def test_a_valid_explorer_link_round_trips_through_the_explorer(link):
    state, warnings = explorer_state(read_query(urlencode(link))[0])
    assert warnings == []
    explorer = SoftmaxExplorer(**state)
    again, warnings = explorer_state(read_query(format_query(explorer_query(explorer)))[0])
    assert warnings == []
    # The link carries numbers to the display precision (models/inputs.py format_number): read again, it says
    # the same as the state it was written from.
    assert all(same(getattr(explorer, name), value) for name, value in again.items())
    assert all(
        same(again.get(name, SoftmaxExplorer.param[name].default), value) for name, value in state.items()
    )


def same(a, b) -> bool:
    """Whether two values are the same as a link writes them."""
    return format_value(a) == format_value(b)


def setting(parameter) -> st.SearchStrategy:
    """Any valid value of a training parameter (a choice, a flag, layer widths, points drawn, a number within
    bounds)."""
    if parameter.name == "drawn":  # classes 0 and 1: every data set has them
        return st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1)), max_size=30)
    if parameter.name == "views":  # at most one of each kind: units, space, layer<n>, unit<i>
        kinds = [st.just("units"), st.just("space"), st.integers(1, 4).map("layer{}".format)]
        kinds.append(st.integers(0, 511).map("unit{}".format))
        return st.lists(st.sampled_from(range(4)), unique=True).flatmap(
            lambda chosen: st.tuples(*(kinds[i] for i in chosen)).map(list)
        )
    if hasattr(parameter, "objects") and parameter.objects:
        return st.sampled_from(parameter.objects)
    if isinstance(parameter.default, bool):
        return st.booleans()
    if isinstance(parameter.default, list):
        return st.lists(st.integers(1, 512), min_size=1, max_size=4)
    low, high = parameter.bounds
    return st.integers(low, high) if isinstance(parameter, param.Integer) else st.floats(low, high)


OWNERS = {"config": PlaygroundConfig, "run": TrainingPlayground}


def stepped_on_a_point(state: dict) -> dict:
    """Backward steps only with a point picked, to step on (alone, they are refused with a warning)."""
    if "pick" not in state["run"]:
        state["run"].pop("backward", None)
    return state


training_states = st.fixed_dictionaries(
    {
        owner: st.fixed_dictionaries(
            {},
            optional={
                name: setting(OWNERS[owner].param[name]) for key, (o, name) in KEYS.items() if o == owner
            },
        )
        for owner in OWNERS
    }
).map(stepped_on_a_point)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(training_states)
def test_a_valid_training_link_round_trips(state):
    run = {
        name: state["run"].get(name, TrainingPlayground.param[name].default)
        for o, name in KEYS.values()
        if o == "run"
    }
    # playground_query reads the settings only: a stand-in spares building a Trainer per example.
    playground = SimpleNamespace(config=PlaygroundConfig(**state["config"]), **run)
    again, warnings = playground_state(read_query(format_query(playground_query(playground, full=True)))[0])
    assert warnings == []
    for owner, settings_ in state.items():
        assert all(
            same(again[owner].get(name, OWNERS[owner].param[name].default), value)
            for name, value in settings_.items()
        ), (owner, settings_, again[owner])
