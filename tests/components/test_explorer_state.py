"""The explorer's state and actions in Python (no views): derived values equal the core, actions do what they say."""

from __future__ import annotations

import numpy as np
import pytest

from softmax_explorer.app.url_state import explorer_state
from softmax_explorer.components.explorer_state import ExplorerState
from softmax_explorer.components.warmups import CHALLENGES, PRESETS
from softmax_explorer.models.softmax import cross_entropy, cross_entropy_grad, softmax

Z = [1.0, 2.0, -1.0]


def explorer(**params) -> ExplorerState:
    return ExplorerState(
        **{"logits": list(Z), "class_names": ["low", "medium", "high"], "target": 1, **params}
    )


@pytest.mark.parametrize("temperature", [0.1, 1.0, 3.7])
def test_derived_values_equal_the_core(temperature):
    e = explorer(temperature=temperature)
    np.testing.assert_array_equal(e.probabilities, softmax(Z, temperature))
    assert e.loss == cross_entropy(Z, 1, temperature)
    np.testing.assert_array_equal(e.gradient, cross_entropy_grad(Z, 1, temperature))


def test_derived_values_follow_the_true_class():
    e = explorer()
    e.target = 2
    assert e.loss == cross_entropy(Z, 2)
    np.testing.assert_array_equal(e.gradient, cross_entropy_grad(Z, 2))


def test_names_and_logits_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="3 logits but 2 class names"):
        ExplorerState(logits=list(Z), class_names=["a", "b"])


def test_shift_moves_every_logit_and_keeps_the_probabilities():
    e = explorer()
    e.shift(0.5)
    assert e.logits == [1.5, 2.5, -0.5]
    np.testing.assert_allclose(e.probabilities, softmax(Z), rtol=1e-14)


def test_shift_stops_at_the_logit_limit():
    e = explorer(logits=[999.8, 0.0, -1000.0])
    e.shift(0.5)
    assert e.logits == [1000.0, 0.5, -999.5]


def test_scale_multiplies_every_logit():
    e = explorer()
    e.scale(2.0)
    assert e.logits == [2.0, 4.0, -2.0]
    np.testing.assert_array_equal(e.probabilities, softmax([2.0, 4.0, -2.0]))


def test_reset_restores_the_default_logits_and_keeps_classes_and_true_class():
    e = explorer(target=2, temperature=4.0, goal=[0.25, 0.25, 0.5], concealed=True)
    e.reset()
    assert (e.logits, e.temperature, e.goal, e.concealed) == ([0.4, 1.3, -0.6], 1.0, [], False)
    assert (e.class_names, e.target) == (["low", "medium", "high"], 2)


def test_gradient_step_subtracts_lr_times_the_gradient():
    e = explorer(lr=0.3, temperature=2.0)
    e.gradient_step()
    assert e.logits == (np.array(Z) - 0.3 * cross_entropy_grad(Z, 1, 2.0)).tolist()
    assert e.loss < cross_entropy(Z, 1, 2.0)


def test_run_then_run_again_stops():
    e = explorer()
    e.run()
    assert e.running
    e.run()
    assert not e.running


@pytest.mark.parametrize("name", list(PRESETS))
def test_a_preset_hides_its_results_when_predicting_first(name):
    e = explorer(goal=[0.2, 0.3, 0.5], temperature=2.0)
    e.preset(name)
    assert e.logits == PRESETS[name][1](3)
    assert (e.concealed, e.goal, e.temperature) == (True, [], 1.0)


def test_a_preset_shows_its_results_when_not_predicting_first():
    e = explorer(predict_first=False)
    e.preset("equal")
    assert not e.concealed


def test_presets_pose_the_warm_up_situations():
    assert PRESETS["equal"][1](4) == [1.5] * 4
    bigger, smaller = PRESETS["bigger"][1](3), PRESETS["smaller"][1](3)
    assert bigger[0] - max(bigger[1:]) >= 5 and min(smaller[:-1]) - smaller[-1] >= 5


def test_a_challenge_sets_its_goal_and_zero_logits():
    e = explorer(concealed=True)
    e.preset("half")
    assert (e.logits, e.goal, e.concealed) == ([0.0] * 3, [0.25, 0.25, 0.5], False)


@pytest.mark.parametrize("k", range(2, 11))
@pytest.mark.parametrize("challenge", list(CHALLENGES))
def test_every_challenge_goal_is_solvable_and_fits_in_a_link(challenge, k):
    goal = CHALLENGES[challenge][1](k)
    logits = np.log(np.asarray(goal) / sum(goal))  # the exact answer, for the goal scaled to sum to 1
    assert np.all(np.abs(softmax(logits) - goal) <= 0.01)
    state, warnings = explorer_state({"logits": ",".join(["0"] * k), "goal": ",".join(map(str, goal))})
    assert warnings == [] and state["goal"] == goal


def test_reveal_shows_hidden_results():
    e = explorer(concealed=True)
    e.reveal()
    assert not e.concealed


def test_add_class_appends_a_named_class_with_logit_zero():
    e = explorer()
    e.add_class()
    assert (e.class_names, e.logits) == (["low", "medium", "high", "class 4"], [*Z, 0.0])


def test_add_class_stops_at_ten():
    e = ExplorerState(logits=[0.0] * 10, class_names=[f"c{i}" for i in range(10)])
    e.add_class()
    assert len(e.logits) == len(e.class_names) == 10


def test_remove_class_drops_the_last_and_stops_at_two():
    e = explorer(target=2)
    e.remove_class()
    e.remove_class()
    assert (e.class_names, e.logits, e.target) == (["low", "medium"], [1.0, 2.0], 1)


def test_a_change_in_the_number_of_classes_drops_the_challenge():
    e = explorer(goal=[0.25, 0.25, 0.5])
    e.add_class()
    assert e.goal == []


def test_typed_logits_set_the_logits_and_clear_the_message():
    e = explorer(message="Not applied: earlier.")
    e.set_logits_text("0.5, -2, 3")
    assert (e.logits, e.message) == ([0.5, -2.0, 3.0], "")


def test_typed_logits_for_more_classes_name_the_new_ones():
    e = explorer()
    e.set_logits_text("1, 2, 3, 4, 5")
    assert e.class_names == ["low", "medium", "high", "class 4", "class 5"]


def test_typed_logits_for_more_classes_skip_names_already_taken():
    e = ExplorerState(logits=[1.0, 2.0], class_names=["class 3", "b"], target=0)
    e.set_logits_text("1, 2, 3")
    assert (e.class_names, e.logits) == (["class 3", "b", "class 4"], [1.0, 2.0, 3.0])


def test_bad_typed_logits_leave_the_logits_and_say_why():
    e = explorer()
    e.set_logits_text("1, x")
    assert (e.logits, e.message) == (Z, "Not applied: 'x' is not a number: use a number from -1000 to 1000.")


def test_typed_class_names_rename_and_resize():
    e = explorer(target=2)
    e.set_class_names_text("cat, dog")
    assert (e.class_names, e.logits, e.target) == (["cat", "dog"], [1.0, 2.0], 1)
    e.set_class_names_text("cat, dog, bird, fish")
    assert e.logits == [1.0, 2.0, 0.0, 0.0]


def test_bad_class_names_leave_the_names_and_say_why():
    e = explorer()
    e.set_class_names_text("a, a")
    assert (e.class_names, e.message) == (
        ["low", "medium", "high"],
        "Not applied: class names must be different from each other.",
    )
