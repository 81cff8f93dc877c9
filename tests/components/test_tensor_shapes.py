"""The tensor shapes table against torch: every row's shapes are the shapes torch gives for a batch."""

from __future__ import annotations

import pytest
import torch

from softmax_explorer.components.tensor_shapes import TensorShapes, rows
from softmax_explorer.models.networks import build_model

MODELS = {"logistic regression": (), "the course MLP": (100,), "two hidden layers": (16, 8)}


@pytest.mark.parametrize("hidden", MODELS.values(), ids=MODELS.keys())
@pytest.mark.parametrize("batch", [1, 100, 2344])
def test_every_row_has_the_shapes_torch_computes_in_both_conventions(hidden, batch):
    torch.manual_seed(0)
    model = build_model(2, 3, hidden=hidden)
    X = torch.randn(batch, 2)
    shapes = [
        ("X", (2344, 2)),
        *((n, tuple(p.shape)) for n, p in model.named_parameters()),
        ("logits", (2344, 3)),
    ]
    table = rows(shapes, batch, "relu")
    linears = [m for m in model.modules() if isinstance(m, torch.nn.Linear)]
    # The course's forward pass, with W = weight.T, gives the logits torch's does.
    h = X
    for i, linear in enumerate(linears):
        W, b = linear.weight.T, linear.bias
        h = h @ W + b
        if i < len(linears) - 1:
            h = torch.relu(h)
    torch.testing.assert_close(h, model(X))
    found = {
        course: (tuple(torch_shape), tuple(course_shape)) for _, torch_shape, course, course_shape, _ in table
    }
    assert found["X"] == ((batch, 2), (batch, 2))
    for i, linear in enumerate(linears):
        name = "W" if len(linears) == 1 else f"W{i + 1}"
        (torch_shape, course_shape) = next(v for k, v in found.items() if k.startswith(f"{name} = "))
        assert torch_shape == tuple(linear.weight.shape) and course_shape == tuple(linear.weight.T.shape)
        b = "b" if len(linears) == 1 else f"b{i + 1}"
        assert found[b] == (tuple(linear.bias.shape),) * 2
    hidden_rows = [r for r in table if r[2].startswith("h") and " = " in r[2]]
    for (torch_name, shape, *_), width in zip(hidden_rows, hidden, strict=True):
        # The torch name is code that computes the hidden output: run it.
        assert tuple(eval(torch_name, {"model": model, "X": X}).shape) == shape == (batch, width)
    assert table[-1][1] == tuple(model(X).shape) == table[-1][3]


def test_the_warm_up_asks_for_a_batch_of_100_and_the_table_says_so():
    shapes = TensorShapes(shapes=[("X", [2344, 2]), ("weight", [3, 2]), ("bias", [3]), ("logits", [2344, 3])])
    text = shapes._html.object
    assert "batch of 100 " in text and "<code>(100, 2)</code>" in text and "<code>(2, 3)</code>" in text
    assert "W = model.weight.T" in text and "X @ W + b" in text
    shapes._everything.clicks += 1
    assert shapes.batch == 2344 and "batch of 2,344 " in shapes._html.object
    assert shapes._everything.name == "the training set (2,344)"
