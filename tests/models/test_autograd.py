"""models/autograd.py: every node's value and gradient against an independent torch computation."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from softmax_explorer.models.autograd import graph
from softmax_explorer.models.networks import build_model
from softmax_explorer.models.softmax import cross_entropy, cross_entropy_grad, softmax

ACTIVATIONS = ("relu", "tanh", "sigmoid", "none")
point = st.lists(st.floats(-3, 3, allow_nan=False, width=32), min_size=2, max_size=2)


@st.composite
def nets(draw):
    """A small model as the training tab builds it, with seeded random weights, and its number of classes."""
    hidden = tuple(draw(st.lists(st.integers(1, 12), max_size=3)))
    k = draw(st.integers(2, 5))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(draw(st.integers(0, 2**16)))
        model = build_model(2, k, hidden, draw(st.sampled_from(ACTIVATIONS)))
    return model, k


def independent(model, x, target) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """The forward pass written out from the weights (``x @ W.T + b``, the activation's formula), and
    torch.autograd.grad of the loss with respect to each tensor: (values, gradients) in forward order."""
    modules = [model] if isinstance(model, torch.nn.Linear) else list(model)
    tensors = [torch.tensor([x], dtype=torch.float32, requires_grad=True)]
    for m in modules:
        t = tensors[-1]
        if isinstance(m, torch.nn.Linear):
            tensors.append(t @ m.weight.detach().T + m.bias.detach())
        elif isinstance(m, torch.nn.ReLU):
            tensors.append(t.clamp(min=0))
        elif isinstance(m, torch.nn.Tanh):
            tensors.append(torch.tanh(t))
        else:
            tensors.append(1 / (1 + torch.exp(-t)))
    p = torch.softmax(tensors[-1], dim=1)
    tensors += [p, -torch.log(p[0, target])]
    grads = torch.autograd.grad(tensors[-1], tensors)
    return tensors, list(grads)


@settings(max_examples=60, deadline=None)
@given(nets(), point, st.data())
def test_every_nodes_value_and_gradient_match_an_independent_torch_computation(net, x, data):
    model, k = net
    target = data.draw(st.integers(0, k - 1))
    nodes = graph(model, x, target)
    values, grads = independent(model, x, target)
    assert len(nodes) == len(values)
    for node, value, grad in zip(nodes, values, grads, strict=True):
        assert node.shape == tuple(value.shape), node.name
        np.testing.assert_allclose(
            node.value, value.detach().numpy(), rtol=1e-5, atol=1e-6, err_msg=node.name
        )
        np.testing.assert_allclose(node.grad, grad.numpy(), rtol=1e-4, atol=1e-6, err_msg=node.name)


@settings(max_examples=60, deadline=None)
@given(nets(), point, st.data())
def test_the_logits_gradient_is_softmax_minus_onehot(net, x, data):
    model, k = net
    target = data.draw(st.integers(0, k - 1))
    nodes = {n.name: n for n in graph(model, x, target)}
    logits = nodes["logits"].value[0].astype(np.float64)
    np.testing.assert_allclose(nodes["logits"].grad[0], cross_entropy_grad(logits, target), atol=1e-6)
    np.testing.assert_allclose(nodes["p"].value[0], softmax(logits), atol=1e-6)
    assert float(nodes["L"].value) == pytest.approx(cross_entropy(logits, target), rel=1e-5, abs=1e-6)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_the_logits_are_exactly_the_models_and_its_gradients_are_left_alone(activation):
    torch.manual_seed(3)
    model = build_model(2, 3, (100,), activation)
    model(torch.ones(1, 2)).sum().backward()
    before = [p.grad.clone() for p in model.parameters()]
    x = np.array([0.25, -1.5], dtype=np.float32)
    nodes = graph(model, x, 2)
    with torch.no_grad():
        assert np.array_equal(nodes[-3].value, model(torch.from_numpy(x).reshape(1, 2)).numpy())
    for p, kept in zip(model.parameters(), before, strict=True):
        assert torch.equal(p.grad, kept)


def test_the_course_mlp_has_the_nodes_of_its_forward_pass_in_order():
    model = build_model(2, 3, (100,), "relu")
    nodes = graph(model, [0.0, 1.0], 0)
    assert [(n.name, n.op, n.shape) for n in nodes] == [
        ("x", "the point, a batch of one", (1, 2)),
        ("z1", "x @ W1.T + b1", (1, 100)),
        ("h1", "relu(z1)", (1, 100)),
        ("logits", "h1 @ W2.T + b2", (1, 3)),
        ("p", "softmax(logits)", (1, 3)),
        ("L", "-log p[y], y = 0", ()),
    ]
    assert [n.grad_fn for n in nodes] == [
        "",
        "AddmmBackward0",
        "ReluBackward0",
        "AddmmBackward0",
        "SoftmaxBackward0",
        "NegBackward0",
    ]


def test_logistic_regression_goes_from_x_to_the_logits_directly():
    nodes = graph(build_model(2, 3), [1.0, 2.0], 1)
    assert [n.name for n in nodes] == ["x", "logits", "p", "L"]
    assert nodes[1].op == "x @ W.T + b"
    assert nodes[0].rule == "dL/dx = dL/dlogits @ W"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (([1.0, 2.0, 3.0], 0), "takes 2 features"),
        (([1.0, 2.0], 3), "target must be a class from 0 to 2"),
    ],
)
def test_bad_points_and_classes_are_refused(args, message):
    with pytest.raises(ValueError, match=message):
        graph(build_model(2, 3), *args)
