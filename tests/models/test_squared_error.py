"""Squared error between softmax probabilities and one-hot targets, and its gradient, against torch autograd."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from softmax_explorer.models.softmax import cross_entropy_grad, squared_error, squared_error_grad
from tests.models.test_softmax import batches, extreme, t, temperatures, vectors


def torch_squared_error(z, target, temperature, reduction="mean"):
    """``F.mse_loss(softmax(z / T), onehot)`` and its gradient by ``backward()``: what nn.MSELoss() does."""
    logits = t(z).requires_grad_()
    p = torch.softmax(logits / temperature, dim=-1)
    onehot = F.one_hot(torch.as_tensor(target), p.shape[-1]).to(p.dtype)
    loss = F.mse_loss(p, onehot, reduction=reduction)
    loss.backward()
    return loss.item(), logits.grad.numpy()


@settings(deadline=None)  # torch's autograd, on a shared machine
@given(batches(extreme), temperatures)
def test_batch_squared_error_and_gradient_match_mse_loss_and_autograd(batch, temperature):
    z, target = batch
    loss, grad = torch_squared_error(z, target, temperature)
    assert squared_error(z, target, temperature) == pytest.approx(loss, rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(squared_error_grad(z, target, temperature), grad, rtol=1e-9, atol=1e-15)


@settings(deadline=None)  # torch's autograd, on a shared machine
@given(vectors(extreme), temperatures)
def test_single_example_squared_error_and_gradient_match_autograd(example, temperature):
    z, target = example
    loss, grad = torch_squared_error(z, target, temperature)
    value = squared_error(z, target, temperature)
    assert isinstance(value, float)
    assert value == pytest.approx(loss, rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(squared_error_grad(z, target, temperature), grad, rtol=1e-9, atol=1e-15)


@settings(deadline=None)  # torch's autograd, on a shared machine
@given(batches(extreme), temperatures)
def test_sum_adds_the_examples_losses_each_a_mean_over_the_classes(batch, temperature):
    z, target = batch
    k = z.shape[1]
    loss, grad = torch_squared_error(z, target, temperature, reduction="sum")
    assert squared_error(z, target, temperature, "sum") == pytest.approx(loss / k, rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(
        squared_error_grad(z, target, temperature, "sum"), grad / k, rtol=1e-9, atol=1e-15
    )
    rows = squared_error(z, target, temperature, "none")
    np.testing.assert_allclose(
        rows, [squared_error(r, y, temperature) for r, y in zip(z, target, strict=True)]
    )
    np.testing.assert_allclose(
        squared_error_grad(z, target, temperature, "none"),
        [squared_error_grad(r, y, temperature) for r, y in zip(z, target, strict=True)],
    )


@pytest.mark.parametrize("scale", [1e3, 1e4, 1e300])
def test_extreme_logits_give_finite_exact_answers(scale):
    z = np.array([1.0, 0.0, -1.0]) * scale
    assert squared_error(z, 2) == pytest.approx(2 / 3)  # p = (1, 0, 0) against y = (0, 0, 1)
    assert squared_error(z, 0) == 0.0
    assert np.all(np.isfinite(squared_error_grad(z, 2, 0.1)))


def test_confidently_wrong_gets_a_vanishing_squared_error_gradient_and_a_large_cross_entropy_one():
    z = [8.0, 0.0, 0.0]
    assert cross_entropy_grad(z, 2)[2] == pytest.approx(-1, abs=1e-3)
    assert np.abs(squared_error_grad(z, 2)).max() < 1e-3
    # Less sure and wrong, squared error pushes harder: its gradient is not monotone in the error.
    assert abs(squared_error_grad([2.0, 0.0, 0.0], 2)[2]) > abs(squared_error_grad(z, 2)[2])


def test_squared_error_is_checked_as_strictly_as_cross_entropy():
    with pytest.raises(ValueError, match=r"logits must be finite, got nan at index \(1, 0\)"):
        squared_error([[1, 2], [np.nan, 0]], [0, 1])
    with pytest.raises(ValueError, match="out of range for 3 classes"):
        squared_error_grad([1, 2, 3], 3)
    with pytest.raises(ValueError, match="temperature must be"):
        squared_error([1, 2], 0, temperature=0)
    with pytest.raises(ValueError, match="reduction must be"):
        squared_error_grad([[1, 2]], [0], reduction="max")


@settings(deadline=None)  # torch's autograd, on a shared machine
@given(st.integers(2, 10), temperatures)
def test_equal_logits_give_a_zero_gradient_for_no_class_but_the_pull_of_the_target(k, temperature):
    grad = squared_error_grad(np.zeros(k), 0, temperature)
    assert grad[0] < 0 and np.all(grad[1:] > 0)
    assert grad.sum() == pytest.approx(0, abs=1e-15)  # softmax ignores a shift, so the gradient sums to 0
