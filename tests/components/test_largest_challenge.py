"""The warm-up's last question as a challenge: met only with the true class's logit up and the others down, within
the bound, at T = 1; once met, the explanation says softmax depends only on the differences."""

from __future__ import annotations

import math

import pytest

from softmax_explorer.components.largest_challenge import largest_status
from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.components.warmups import AT_LEAST, BOUND, LARGEST, largest_check
from softmax_explorer.models.softmax import softmax

NAMES = ["low", "medium", "high"]


@pytest.mark.parametrize("k", range(2, 11))
def test_the_challenge_can_be_met_for_any_number_of_classes_but_not_by_one_logit_alone(k):
    names = [f"c{i}" for i in range(k)]
    top = [-BOUND] * k
    top[1] = BOUND
    assert largest_check(top, 1, 1.0, names)[0]
    up_only = [0.0] * k
    up_only[1] = BOUND
    down_only = [-BOUND] * k
    down_only[1] = 0.0
    assert not largest_check(up_only, 1, 1.0, names)[0]
    assert not largest_check(down_only, 1, 1.0, names)[0]


def test_met_when_the_true_class_is_high_and_the_others_low_and_then_explained():
    met, status, why = largest_check([-5, 5, -5], 1, 1.0, NAMES)
    p = softmax([-5, 5, -5])[1]
    assert met and p >= AT_LEAST
    assert status == f"✓ Solved: p(medium) = {p:.5f} with every logit within ±5."
    assert "depends only on the differences" in why and "z_medium goes up or the others go down, alike" in why
    assert f"= {1 / (1 + 2 * math.exp(-10)):.5f}" in why and "all the others = −5" in why


def test_a_logit_outside_the_bound_or_another_temperature_does_not_count():
    assert largest_check([-5, 6, -5], 1, 1.0, NAMES)[:2] == (
        False,
        "Keep every logit within ±5: z(medium) is 6.",
    )
    met, status, why = largest_check([-5, 5, -5], 1, 0.5, NAMES)
    assert not met and status.startswith("Set T back to 1") and why == ""


def test_with_the_true_logit_at_the_top_the_line_asks_about_the_others():
    met, status, why = largest_check([0, 5, 0], 1, 1.0, NAMES)
    assert not met and why == ""
    assert status == (
        "Goal p(medium) ≥ 0.999 with every logit within ±5: now p(medium) = 0.9867. "
        "medium's logit is at the top: what must the others do?"
    )


def test_the_button_starts_at_zero_logits_and_another_preset_or_reset_ends_it():
    explorer = SoftmaxExplorer(logits=[1, 2, -1], target=1, temperature=2.0, goal=[0.2, 0.3, 0.5])
    explorer.preset(LARGEST)
    assert (
        explorer.largest
        and explorer.logits == [0.0] * 3
        and explorer.goal == []
        and explorer.temperature == 1
    )
    explorer.preset("bigger")
    assert not explorer.largest
    explorer.preset(LARGEST)
    explorer.reset()
    assert not explorer.largest


def test_the_status_follows_the_logits_and_escapes_class_names():
    explorer = SoftmaxExplorer(logits=[1, 2, -1], target=1, class_names=["<b>a</b>", "medium", "c"])
    status = largest_status(explorer)
    assert not status.visible
    explorer.preset(LARGEST)
    line, why = status
    assert status.visible and "now p(medium) = 0.3333" in line.object and not why.visible
    explorer.logits = [6.0, 5.0, -5.0]
    assert "z(&lt;b&gt;a&lt;/b&gt;) is 6" in line.object
    explorer.logits = [-5.0, 5.0, -5.0]
    assert "✓ Solved" in line.object and why.visible and "depends only on the differences" in why.object
