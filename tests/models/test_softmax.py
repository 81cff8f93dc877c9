"""The numpy core against torch, on random and extreme logits, plus its invariances and error messages."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from softmax_explorer.models.softmax import cross_entropy, cross_entropy_grad, log_softmax, logsumexp, softmax

# Ordinary logits, and logits up to +/-1e4 where a naive exp() overflows float64 (exp(710) = inf).
moderate = st.floats(-50, 50, allow_nan=False)
extreme = st.floats(-1e4, 1e4, allow_nan=False)
temperatures = st.floats(0.05, 20)


def batches(elements):
    """Logit matrices (N, K) with 1 <= N <= 6 and 2 <= K <= 10, with matching targets."""
    shapes = st.tuples(st.integers(1, 6), st.integers(2, 10))
    return shapes.flatmap(
        lambda s: st.tuples(
            hnp.arrays(np.float64, s, elements=elements),
            hnp.arrays(np.int64, (s[0],), elements=st.integers(0, s[1] - 1)),
        )
    )


def vectors(elements):
    """One example's logits (K,) with 2 <= K <= 10, and a target class."""
    return st.integers(2, 10).flatmap(
        lambda k: st.tuples(hnp.arrays(np.float64, (k,), elements=elements), st.integers(0, k - 1))
    )


def t(a):
    return torch.tensor(a, dtype=torch.float64)


@given(batches(extreme), temperatures)
def test_softmax_matches_torch(batch, temperature):
    z, _ = batch
    expected = F.softmax(t(z) / temperature, dim=-1).numpy()
    np.testing.assert_allclose(softmax(z, temperature), expected, rtol=1e-12, atol=1e-300)


@given(batches(extreme), temperatures)
def test_log_softmax_matches_torch(batch, temperature):
    z, _ = batch
    expected = F.log_softmax(t(z) / temperature, dim=-1).numpy()
    np.testing.assert_allclose(log_softmax(z, temperature), expected, rtol=1e-9, atol=1e-9)


@given(batches(extreme))
def test_logsumexp_matches_torch(batch):
    z, _ = batch
    np.testing.assert_allclose(logsumexp(z), torch.logsumexp(t(z), dim=-1).numpy(), rtol=1e-12)


@given(batches(extreme), temperatures, st.sampled_from(["mean", "sum", "none"]))
def test_batch_cross_entropy_matches_torch(batch, temperature, reduction):
    z, y = batch
    expected = F.cross_entropy(t(z) / temperature, torch.tensor(y), reduction=reduction).numpy()
    np.testing.assert_allclose(cross_entropy(z, y, temperature, reduction), expected, rtol=1e-9, atol=1e-9)


@given(vectors(extreme), temperatures)
def test_single_example_cross_entropy_is_a_float_equal_to_torch(example, temperature):
    z, y = example
    loss = cross_entropy(z, y, temperature)
    assert type(loss) is float
    expected = F.cross_entropy(t(z)[None] / temperature, torch.tensor([y])).item()
    assert loss == pytest.approx(expected, rel=1e-9, abs=1e-9)


@given(batches(extreme), temperatures, st.sampled_from(["mean", "sum"]))
def test_gradient_matches_autograd(batch, temperature, reduction):
    z, y = batch
    zt = t(z).requires_grad_()
    F.cross_entropy(zt / temperature, torch.tensor(y), reduction=reduction).backward()
    np.testing.assert_allclose(cross_entropy_grad(z, y, temperature, reduction), zt.grad.numpy(), atol=1e-12)


@given(vectors(extreme), temperatures)
def test_single_example_gradient_matches_autograd(example, temperature):
    z, y = example
    zt = t(z).requires_grad_()
    F.cross_entropy(zt / temperature, torch.tensor(y)).backward()
    np.testing.assert_allclose(cross_entropy_grad(z, y, temperature), zt.grad.numpy(), atol=1e-12)


def test_gradient_is_probabilities_minus_one_hot():
    z = np.array([1.0, 2.0, -1.0])
    np.testing.assert_allclose(cross_entropy_grad(z, 1), softmax(z) - np.array([0, 1, 0]))


def test_gradient_with_reduction_none_is_each_rows_own_gradient():
    z, y = np.array([[1.0, 2.0], [0.0, 3.0]]), np.array([0, 1])
    np.testing.assert_allclose(
        cross_entropy_grad(z, y, reduction="none"), cross_entropy_grad(z, y, reduction="sum")
    )


@given(vectors(moderate), st.floats(-1e3, 1e3))
def test_adding_a_constant_leaves_softmax_unchanged(example, c):
    z, _ = example
    np.testing.assert_allclose(softmax(z + c), softmax(z), atol=1e-12)


@given(vectors(extreme))
def test_probabilities_are_non_negative_and_sum_to_one(example):
    z, _ = example
    p = softmax(z)
    assert np.all(p >= 0)
    assert p.sum() == pytest.approx(1.0, abs=1e-12)


def test_scaling_the_logits_changes_softmax():
    z = np.array([1.0, 2.0, -1.0])
    assert not np.allclose(softmax(2 * z), softmax(z))
    assert softmax(2 * z).max() > softmax(z).max()


def test_equal_logits_give_uniform_probabilities():
    np.testing.assert_allclose(softmax(np.full(7, 3.5)), np.full(7, 1 / 7))
    assert cross_entropy(np.zeros(4), 2) == pytest.approx(np.log(4))


@given(vectors(moderate))
def test_low_temperature_tends_to_one_hot_on_the_largest_logit(example):
    z, _ = example
    top, second = np.sort(z)[-1], np.sort(z)[-2]
    assume(top - second > 1e-2)
    expected = (z == top).astype(float)
    np.testing.assert_allclose(softmax(z, temperature=1e-4), expected, atol=1e-12)


def test_low_temperature_splits_the_mass_between_tied_largest_logits():
    np.testing.assert_allclose(softmax([2.0, 5.0, 5.0, 1.0], temperature=1e-6), [0.0, 0.5, 0.5, 0.0])


def test_temperature_to_zero_gives_exactly_one_hot():
    np.testing.assert_array_equal(softmax([1.0, 3.0, 2.0], temperature=1e-9), [0.0, 1.0, 0.0])


@given(vectors(moderate))
def test_high_temperature_tends_to_uniform(example):
    z, _ = example
    np.testing.assert_allclose(softmax(z, temperature=1e9), np.full(len(z), 1 / len(z)), atol=1e-6)


@pytest.mark.parametrize("scale", [1e3, 1e4, 1e300])
def test_huge_logits_give_finite_exact_answers(scale):
    z = np.array([scale, -scale, 0.0])
    np.testing.assert_array_equal(softmax(z), [1.0, 0.0, 0.0])
    assert cross_entropy(z, 0) == 0.0
    assert cross_entropy(z, 2) == pytest.approx(scale)
    assert logsumexp(z) == pytest.approx(scale)
    assert np.all(np.isfinite(cross_entropy_grad(z, 1)))


def test_loss_at_logits_of_1000_is_2000_not_inf():
    # The naive formula gives exp(1000) = inf and then inf / inf = nan.
    assert cross_entropy([1000.0, -1000.0, 0.0], 1) == pytest.approx(2000.0)


@pytest.mark.parametrize("fn", [softmax, log_softmax, logsumexp])
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_logits_are_rejected(fn, bad):
    with pytest.raises(ValueError, match="logits must be finite"):
        fn([1.0, bad, 0.0])


def test_non_finite_logits_are_rejected_by_the_loss_and_its_gradient():
    for fn in (cross_entropy, cross_entropy_grad):
        with pytest.raises(ValueError, match=r"logits must be finite, got nan at index \(1, 0\)"):
            fn([[1.0, 2.0], [np.nan, 0.0]], [0, 1])


@pytest.mark.parametrize("temperature", [0.0, -1.0, np.nan, np.inf, "warm"])
def test_temperature_must_be_a_positive_number(temperature):
    with pytest.raises(ValueError, match="temperature must be"):
        softmax([1.0, 2.0], temperature=temperature)
    with pytest.raises(ValueError, match="temperature must be"):
        cross_entropy_grad([1.0, 2.0], 0, temperature=temperature)


@pytest.mark.parametrize("z", [3.0, [], [[]], "abc", [1.0, "x"]])
def test_malformed_logits_are_rejected(z):
    with pytest.raises(ValueError, match="logits must"):
        softmax(z)


def test_axis_out_of_range_is_rejected():
    with pytest.raises(ValueError, match="axis 1 is out of range"):
        softmax([1.0, 2.0], axis=1)


def test_three_dimensional_logits_are_rejected_by_the_loss():
    with pytest.raises(ValueError, match=r"shape \(K,\) or \(N, K\)"):
        cross_entropy(np.zeros((2, 2, 2)), [0, 0])


@pytest.mark.parametrize(
    ("z", "target", "message"),
    [
        ([1.0, 2.0, 3.0], 3, "target 3 is out of range for 3 classes"),
        ([1.0, 2.0, 3.0], -1, "target -1 is out of range"),
        ([[1.0, 2.0], [3.0, 4.0]], [0, 2], "target 2 is out of range for 2 classes"),
        ([1.0, 2.0, 3.0], [0], "target must be one int"),
        ([[1.0, 2.0], [3.0, 4.0]], [0], r"target must be shape \(2,\)"),
        ([1.0, 2.0, 3.0], 1.5, "target must hold class indices"),
        ([1.0, 2.0, 3.0], "a", "target must hold class indices"),
        ([1.0, 2.0, 3.0], True, "target must hold class indices"),
    ],
)
def test_bad_targets_are_rejected(z, target, message):
    for fn in (cross_entropy, cross_entropy_grad):
        with pytest.raises(ValueError, match=message):
            fn(z, target)


def test_whole_float_targets_are_accepted():
    assert cross_entropy([1.0, 2.0], 1.0) == cross_entropy([1.0, 2.0], 1)


def test_unknown_reduction_is_rejected():
    with pytest.raises(ValueError, match="reduction must be"):
        cross_entropy([[1.0, 2.0]], [0], reduction="max")


def test_sigmoid_equals_two_class_softmax():
    z = np.linspace(-30, 30, 61)
    p = softmax(np.stack([np.zeros_like(z), z], axis=1))[:, 1]
    np.testing.assert_allclose(p, 1 / (1 + np.exp(-z)), rtol=1e-12)


@settings(max_examples=50)
@given(vectors(moderate))
def test_loss_is_minus_log_probability_of_the_true_class(example):
    z, y = example
    assert cross_entropy(z, y) == pytest.approx(-np.log(softmax(z)[y]), rel=1e-9, abs=1e-12)
