"""models/hidden.py against torch: the hidden units' lines, the activation patterns, the regions, the PCA."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from softmax_explorer.models.hidden import (
    activation_patterns,
    activations,
    evenly_spread,
    grid_centres,
    hidden_space,
    hidden_space_classes,
    line_segment,
    linear_regions,
    pre_activations,
    principal_components,
    shown_units,
    unit_line,
)
from softmax_explorer.models.networks import build_model
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer

seeds = st.integers(0, 2**31 - 1)
widths = st.lists(st.integers(1, 20), min_size=1, max_size=3)
kinds = st.sampled_from(["relu", "tanh", "sigmoid", "none"])


def network(seed, hidden, activation):
    torch.manual_seed(seed)
    model = build_model(2, 3, hidden, activation)
    layers = [
        (m.weight.detach().numpy(), m.bias.detach().numpy()) for m in model.modules() if hasattr(m, "bias")
    ]
    hooks = [m for m in model.modules() if isinstance(m, torch.nn.Linear)][:-1]
    return model, layers, hooks


def torch_pre_activations(model, hooks, X):
    seen = []
    handles = [m.register_forward_hook(lambda _m, _i, out: seen.append(out.clone())) for m in hooks]
    with torch.no_grad():
        model(torch.from_numpy(X.astype(np.float32)))
    for h in handles:
        h.remove()
    return [s.numpy() for s in seen]


@settings(max_examples=40, deadline=None)
@given(seeds, widths, kinds)
def test_pre_activations_and_patterns_are_torchs(seed, hidden, activation):
    model, layers, hooks = network(seed, hidden, activation)
    X = np.random.default_rng(seed).normal(size=(50, 2)) * 2
    expected = torch_pre_activations(model, hooks, X)
    found = pre_activations(layers, activation, X)
    for z, e in zip(found, expected, strict=True):
        np.testing.assert_allclose(z, e, atol=1e-5)
    # The pattern is z > 0 unit by unit, except within float32's noise of 0.
    on = activation_patterns(layers, activation, X)
    torch_on = np.concatenate([e > 0 for e in expected], axis=1)
    near_zero = np.concatenate([np.abs(e) < 1e-5 for e in expected], axis=1)
    assert (on == torch_on)[~near_zero].all()


@settings(max_examples=40, deadline=None)
@given(seeds, st.floats(-100, 100), st.floats(0.01, 10), st.floats(-100, 100), st.floats(0.01, 10))
def test_a_first_layer_units_line_is_where_torch_gives_zero(seed, m0, s0, m1, s1):
    """On the line, in the data's units, the unit's pre-activation (the model sees (x - mean) / std) is 0."""
    model, layers, hooks = network(seed, (5,), "relu")
    mean, std = np.array([m0, m1]), np.array([s0, s1])
    extent = (m0 - 3 * s0, m0 + 3 * s0, m1 - 3 * s1, m1 + 3 * s1)
    for unit in range(5):
        weight, bias = layers[0][0][unit], layers[0][1][unit]
        segment = line_segment(unit_line(weight, bias, mean, std), extent)
        if segment is None:
            continue
        ends = np.array(segment).reshape(2, 2)
        assert (
            (ends >= [extent[0], extent[2]] - 1e-6 * std) & (ends <= [extent[1], extent[3]] + 1e-6 * std)
        ).all()
        z = torch_pre_activations(model, hooks, (ends - mean) / std)[0][:, unit]
        np.testing.assert_allclose(z, 0, atol=1e-4 * (1 + np.abs(weight).sum()))


def test_a_line_that_misses_the_box_has_no_segment():
    assert line_segment((1.0, 0.0, -5.0), (0, 1, 0, 1)) is None  # x = 5
    assert line_segment((0.0, 0.0, 1.0), (0, 1, 0, 1)) is None
    assert line_segment((1.0, -1.0, 0.0), (0, 1, 0, 1)) == pytest.approx((0, 0, 1, 1))


def test_grid_centres_are_trainer_grids_cells():
    trainer = Trainer(load_toy("blobs", n=60), Config(hidden=(4,), seed=3))
    centres = grid_centres(trainer.extent, 7, 7)
    expected = trainer.grid(7).reshape(-1, 3)
    found = trainer.predict_proba(centres, units="raw")
    np.testing.assert_allclose(found, expected, atol=1e-6)


@pytest.mark.parametrize("hidden", [(1,), (2,), (3,)])
def test_one_hidden_relu_layer_of_n_units_has_at_most_the_arrangements_regions(hidden):
    """n lines cut the plane into at most 1 + n + n(n - 1)/2 pieces: 2, 4, 7."""
    n = hidden[0]
    for seed in range(20):
        _, layers, _ = network(seed, hidden, "relu")
        X = grid_centres((-4, 4, -4, 4), 120, 120)
        count = linear_regions(layers, "relu", X)
        assert 1 <= count <= 1 + n + n * (n - 1) // 2


def test_regions_count_the_distinct_patterns():
    _, layers, _ = network(0, (2,), "relu")
    X = grid_centres((-4, 4, -4, 4), 60, 60)
    patterns = {tuple(p) for p in activation_patterns(layers, "relu", X)}
    assert linear_regions(layers, "relu", X) == len(patterns)
    assert linear_regions(layers[-1:], "relu", X) == 1  # logistic regression: one linear piece
    assert linear_regions(layers, "none", X) == 1
    assert linear_regions(layers, "tanh", X) is None


def test_the_units_shown_are_all_or_those_with_the_largest_outgoing_weights():
    _, layers, _ = network(1, (10,), "relu")
    assert shown_units(layers, 0) == list(range(10))
    _, layers, _ = network(1, (40, 5), "relu")
    shown = shown_units(layers, 0)
    norms = np.linalg.norm(layers[1][0], axis=0)
    assert len(shown) == 16 and shown == sorted(shown)
    assert norms[shown].min() >= np.delete(norms, shown).max()


@settings(max_examples=30, deadline=None)
@given(seeds, st.integers(3, 12), st.integers(20, 80))
def test_principal_components_are_torchs(seed, h, n):
    A = np.random.default_rng(seed).normal(size=(n, h)) * np.linspace(3, 0.5, h)
    components, variances, mean = principal_components(A)
    _, s, v = torch.pca_lowrank(torch.from_numpy(A), q=h, center=True, niter=8)
    torch_variances = (s[:2] ** 2 / n).numpy()
    np.testing.assert_allclose(variances, torch_variances, rtol=1e-6)
    if variances[0] > 1.001 * variances[1] and variances[1] > 1.001 * np.sort(s.numpy() ** 2 / n)[-3]:
        # Distinct variances: the same directions, up to sign (this module fixes the sign).
        np.testing.assert_allclose(np.abs(components @ v[:, :2].numpy()), np.eye(2), atol=1e-5)
    for c in components:
        assert c[np.argmax(np.abs(c))] > 0
    np.testing.assert_allclose(mean, A.mean(axis=0))


def test_a_two_unit_layers_hidden_space_is_its_activations():
    model, layers, hooks = network(4, (2,), "relu")
    X = np.random.default_rng(0).normal(size=(30, 2))
    space = hidden_space(layers, "relu", X, 0)
    expected = np.maximum(torch_pre_activations(model, hooks, X)[0], 0)
    np.testing.assert_allclose(space["points"], expected, atol=1e-6)
    assert space["share"] == 1.0


def test_the_hidden_spaces_regions_are_the_networks_classes_at_the_data():
    """The last layer is linear: at a point's place in its last hidden layer's space (exact with 2 units), the
    class shown is the network's."""
    model, layers, _ = network(5, (6, 2), "tanh")
    X = np.random.default_rng(1).normal(size=(40, 2))
    space = hidden_space(layers, "tanh", X, 1)
    with torch.no_grad():
        expected = model(torch.from_numpy(X.astype(np.float32))).argmax(dim=1).numpy()
    assert (hidden_space_classes(layers, space, space["points"]) == expected).mean() >= 0.97


def test_a_wide_layers_hidden_space_is_its_first_two_principal_components():
    _, layers, _ = network(6, (8,), "relu")
    X = np.random.default_rng(2).normal(size=(100, 2))
    space = hidden_space(layers, "relu", X, 0)
    A = activations(layers, "relu", X, 0)
    assert space["points"].shape == (100, 2)
    np.testing.assert_allclose(space["points"].mean(axis=0), 0, atol=1e-9)
    assert 0 < space["share"] <= 1
    variances = space["points"].var(axis=0)
    assert variances[0] >= variances[1]
    np.testing.assert_allclose(variances.sum() / A.var(axis=0).sum(), space["share"], rtol=1e-9)


@given(count=st.integers(0, 5000), most=st.integers(0, 6000))
def test_the_sample_is_every_index_or_most_of_them_in_order_and_evenly_spaced(count, most):
    chosen = evenly_spread(count, most)
    if count <= most:
        assert chosen.tolist() == list(range(count))
        return
    assert len(chosen) == most
    if most == 0:
        return
    # Evenly: the gaps are count / most rounded down or up, and the first and last are half a gap from the ends.
    gaps = set(np.diff(chosen).tolist())
    assert gaps <= {count // most, -(-count // most)} and min(gaps, default=1) >= 1
    assert chosen[0] == count // (2 * most) and count - 1 - chosen[-1] <= -(-count // (2 * most))
