"""The one-time tokens that carry a training tab over the theme switch's reload."""

from __future__ import annotations

import pytest

from softmax_explorer.app import carry_over
from softmax_explorer.app.carry_over import MAX_KEPT, TOKEN, CarryOver
from softmax_explorer.app.url_state import app_state
from tests.hostile import TABLE


def test_a_token_gives_back_what_was_left_once():
    kept = CarryOver()
    token = kept.put("tab")
    assert TOKEN.fullmatch(token)
    assert kept.take(token) == "tab"
    assert kept.take(token) is None


def test_tokens_are_unguessable_and_distinct():
    kept = CarryOver()
    tokens = {kept.put(i) for i in range(MAX_KEPT)}
    assert len(tokens) == MAX_KEPT and all(len(t) == 22 for t in tokens)


def test_what_waits_too_long_is_forgotten(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(carry_over.time, "monotonic", lambda: clock[0])
    kept = CarryOver()
    old = kept.put("old")
    clock[0] += carry_over.TTL_S / 2
    young = kept.put("young")
    clock[0] += carry_over.TTL_S / 2 + 1
    assert kept.take(old) is None and kept.take(young) == "young" and len(kept) == 0


def test_no_more_than_max_kept_wait_at_once_the_oldest_going_first():
    kept = CarryOver()
    first = kept.put("first")
    for i in range(MAX_KEPT):
        kept.put(i)
    assert len(kept) == MAX_KEPT and kept.take(first) is None


@pytest.mark.parametrize("value", [h.value for h in TABLE] + ["", "a" * 21, "a" * 23, "../" * 8])
def test_a_hostile_resume_value_takes_nothing_and_is_refused_with_a_warning(value):
    kept = CarryOver()
    kept.put("tab")
    assert kept.take(value) is None and len(kept) == 1
    state, warnings = app_state({"resume": value})
    assert "resume" not in state
    assert len(warnings) == 1 and warnings[0].startswith("resume: ")


def test_a_well_formed_token_reaches_the_page():
    token = CarryOver().put("tab")
    state, warnings = app_state({"resume": token})
    assert state["resume"] == token and warnings == []
