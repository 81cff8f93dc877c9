"""build_model: logistic regression is one Linear layer; MLPs alternate Linear layers and activations."""

import pytest
import torch
from torch import nn

from softmax_explorer.models.networks import build_model


def test_no_hidden_layer_is_exactly_one_linear_layer():
    model = build_model(2, 3)
    assert type(model) is nn.Linear
    assert (model.in_features, model.out_features) == (2, 3)


@pytest.mark.parametrize(
    ("activation", "kind"), [("relu", nn.ReLU), ("tanh", nn.Tanh), ("sigmoid", nn.Sigmoid)]
)
def test_one_hidden_layer_is_linear_activation_linear(activation, kind):
    model = build_model(2, 3, hidden=(100,), activation=activation)
    assert [type(layer) for layer in model] == [nn.Linear, kind, nn.Linear]
    assert [tuple(p.shape) for p in model.parameters()] == [(100, 2), (100,), (3, 100), (3,)]


def test_activation_none_stacks_linear_layers_only():
    model = build_model(2, 4, hidden=(8, 8), activation="none")
    assert [type(layer) for layer in model] == [nn.Linear, nn.Linear, nn.Linear]


def test_hidden_layers_have_the_sizes_given_and_an_activation_between_each_pair():
    model = build_model(2, 5, hidden=(16, 8), activation="tanh")
    assert [type(layer) for layer in model] == [nn.Linear, nn.Tanh, nn.Linear, nn.Tanh, nn.Linear]
    assert [(layer.in_features, layer.out_features) for layer in model[::2]] == [(2, 16), (16, 8), (8, 5)]


@pytest.mark.parametrize("hidden", [(), (100,), (10, 10)])
def test_model_maps_n_points_to_n_rows_of_class_logits(hidden):
    assert build_model(2, 7, hidden).forward(torch.zeros(13, 2)).shape == (13, 7)


def test_same_seed_gives_the_same_initial_weights():
    torch.manual_seed(5)
    first = build_model(2, 3, (20,))
    torch.manual_seed(5)
    second = build_model(2, 3, (20,))
    assert all(torch.equal(a, b) for a, b in zip(first.parameters(), second.parameters(), strict=True))


def test_relu_mlp_trains_like_the_notebooks_out_of_place_relu():
    torch.manual_seed(0)
    ours = build_model(2, 3, (10,))
    notebook = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 3))
    notebook.load_state_dict(ours.state_dict())
    X, y = torch.randn(50, 2), torch.randint(0, 3, (50,))
    for model in (ours, notebook):
        nn.functional.cross_entropy(model(X), y).backward()
    assert all(
        torch.equal(a.grad, b.grad) for a, b in zip(ours.parameters(), notebook.parameters(), strict=True)
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"hidden": (0,)}, "hidden must be a whole number >= 1"),
        ({"hidden": (2.5,)}, "hidden must be a whole number >= 1"),
        ({"n_features": 0}, "n_features"),
        ({"n_classes": 1}, "n_classes must be at least 2"),
        ({"activation": "gelu"}, "activation must be one of relu, tanh, sigmoid, none"),
    ],
)
def test_bad_arguments_raise_a_value_error_that_names_them(arguments, message):
    with pytest.raises(ValueError, match=message):
        build_model(**arguments)
