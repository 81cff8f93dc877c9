"""Training places: the limit from the environment, taking and giving back places, and the page of a student
who finds them all taken (the explorer as usual, a notice on the training tab)."""

from __future__ import annotations

import pytest

from softmax_explorer.app.page import Page
from softmax_explorer.components.admission import ENV, PLACES, Places, limit_from_env
from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.components.training_playground import TrainingPlayground


@pytest.mark.parametrize(("text", "limit"), [(None, 0), ("", 0), (" 12 ", 12), ("0", 0)])
def test_the_limit_comes_from_the_environment(text, limit):
    assert limit_from_env({} if text is None else {ENV: text}) == limit


@pytest.mark.parametrize("text", ["ten", "-1", "2.5"])
def test_a_limit_that_is_not_a_whole_number_is_refused_with_its_name(text):
    with pytest.raises(ValueError, match=ENV):
        limit_from_env({ENV: text})


def test_places_run_out_at_the_limit_and_come_back_when_given_back():
    places = Places(limit=2)
    assert places.take("a") and places.take("b")
    assert places.full and not places.take("c")
    places.give_back("a")
    assert not places.full and places.take("c")
    assert places.taken == 2


def test_a_holder_takes_one_place_however_often_it_asks():
    places = Places(limit=1)
    assert places.take("a") and places.take("a")
    assert places.taken == 1


def test_without_a_limit_nobody_is_refused():
    places = Places(limit=0)
    assert all(places.take(n) for n in range(500))
    assert not places.full


def test_giving_back_a_place_never_held_changes_nothing():
    places = Places(limit=1)
    places.take("a")
    places.give_back("b")
    assert places.taken == 1 and places.full


@pytest.fixture
def one_place_taken(monkeypatch):
    """This process admits one training student, and someone else holds that place."""
    monkeypatch.setattr(PLACES, "limit", 1)
    monkeypatch.setattr(PLACES, "_holders", {"someone else"})
    return PLACES


def test_a_student_past_the_limit_gets_the_explorer_and_a_notice_on_the_training_tab(one_place_taken):
    page = Page("?tab=train")
    assert page.playground is None
    (shown,) = page.holders[1].objects
    assert "training-full" in shown.css_classes
    assert "Training is full on this server: 1 student is training here" in shown.object
    assert "Softmax explorer tab works as usual" in shown.object
    page.tabs.active = 0
    assert page.holders[0].objects  # the explorer, shown when its tab opens
    assert isinstance(page.explorer, SoftmaxExplorer)


def test_the_training_tab_asks_again_when_it_is_opened_again(one_place_taken):
    page = Page("?tab=train")
    assert page.playground is None
    page.tabs.active = 0
    one_place_taken.give_back("someone else")
    page.tabs.active = 1
    assert isinstance(page.playground, TrainingPlayground)
    assert "training-full" not in page.holders[1].objects[0].css_classes
    assert one_place_taken.full  # the place is this page's now


def test_a_student_within_the_limit_trains_as_before(monkeypatch):
    monkeypatch.setattr(PLACES, "limit", 2)
    monkeypatch.setattr(PLACES, "_holders", set())
    page = Page("?tab=train")
    assert isinstance(page.playground, TrainingPlayground)
    assert PLACES.taken == 1
