"""The explorer's loss choice: cross-entropy, squared error of the probabilities, or both side by side."""

import numpy as np
import pytest

from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.models.softmax import cross_entropy_grad, squared_error, squared_error_grad


def test_squared_error_and_its_gradient_are_derived_beside_cross_entropy():
    e = SoftmaxExplorer(logits=[8, 0, 0], target=2)
    assert e.squared_error == squared_error([8, 0, 0], 2)
    np.testing.assert_array_equal(e.squared_gradient, squared_error_grad([8, 0, 0], 2))
    e.temperature = 0.5
    np.testing.assert_array_equal(e.squared_gradient, squared_error_grad([8, 0, 0], 2, 0.5))


@pytest.mark.parametrize(
    ("objective", "grad"),
    [
        ("cross_entropy", cross_entropy_grad),
        ("squared_error", squared_error_grad),
        ("both", cross_entropy_grad),
    ],
)
def test_a_gradient_step_follows_the_chosen_loss(objective, grad):
    e = SoftmaxExplorer(logits=[2, 0, 0], target=2, objective=objective, lr=0.5)
    e.gradient_step()
    np.testing.assert_allclose(e.logits, np.array([2, 0, 0]) - 0.5 * grad([2, 0, 0], 2))


def test_key_e_cycles_through_the_losses():
    e = SoftmaxExplorer()
    seen = []
    for _ in range(3):
        e.next_objective()
        seen.append(e.objective)
    assert seen == ["squared_error", "both", "cross_entropy"]


def test_the_views_are_told_the_chosen_loss():
    e = SoftmaxExplorer(objective="both")
    assert {view.objective for view in e._views} == {"both"}
    e.objective = "squared_error"
    assert {view.objective for view in e._views} == {"squared_error"}
