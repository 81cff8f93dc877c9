"""The training tab's model and optimizer controls in a real browser, checked in the model line, shapes and script.

One page on the moons serves the module; each test sets what it needs first.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.ui.conftest import checked_page
from tests.ui.training_page import (
    button,
    choose,
    enter,
    losses,
    open_training,
    shapes,
    training,
    wait_for_code,
    wait_for_epoch,
    wait_for_shapes,
)

HIDDEN = "Hidden layer widths (press Enter)"


@pytest.fixture(scope="module")
def page(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, "dataset=moons&grid=50&fps=5")
        yield page


def use_model(page, name: str) -> None:
    training(page).get_by_role("button", name=name, exact=True).click()


def model_line(page) -> str:
    return training(page).locator(".se-model-code").inner_text()


def test_an_mlp_shows_its_layers(page):
    use_model(page, "MLP (hidden layers)")
    expect(training(page).locator(".se-model-code")).to_have_text(
        "model = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 2))"
    )
    wait_for_shapes(page, X=(240, 2), **{"0_weight": (100, 2), "2_weight": (2, 100), "logits": (240, 2)})


def test_hidden_widths_text_sets_the_layers(page):
    use_model(page, "MLP (hidden layers)")
    enter(page, HIDDEN, "16, 8")
    wait_for_shapes(page, **{"0_weight": (16, 2), "2_weight": (8, 16), "4_weight": (2, 8)})
    assert model_line(page) == (
        "model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 2))"
    )


def test_bad_hidden_widths_are_refused_with_the_reason(page):
    use_model(page, "MLP (hidden layers)")
    enter(page, HIDDEN, "12")
    before = wait_for_shapes(page, **{"0_weight": (12, 2), "2_weight": (2, 12)})
    enter(page, HIDDEN, "0")
    expect(training(page).get_by_text("Hidden layers not changed: '0' is outside 1 to 512.")).to_be_visible()
    assert shapes(page) == before


def test_the_activation_changes_the_model(page):
    use_model(page, "MLP (hidden layers)")
    choose(page, "Activation", "tanh")
    expect(training(page).locator(".se-model-code")).to_contain_text("nn.Tanh()")
    wait_for_code(page, "nn.Tanh(),")


def test_logistic_regression_has_one_layer(page):
    use_model(page, "Logistic regression")
    expect(training(page).locator(".se-model-code")).to_have_text("model = nn.Linear(2, 2)")
    wait_for_shapes(page, weight=(2, 2), bias=(2,))


@pytest.mark.parametrize(
    ("label", "option", "fragment"),
    [
        ("Optimizer", "Adam", "optimizer = torch.optim.Adam(model.parameters(), lr=0.1)"),
        ("Optimizer", "SGD with momentum 0.9", "torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)"),
        ("Learning rate", "0.03", "torch.optim.SGD(model.parameters(), lr=0.03)"),
        ("Batch size", "32", "torch.randperm(len(y_train), generator=batch_order).split(32)"),
        ("Weight decay (L2)", "0.001", "torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.001)"),
    ],
)
def test_an_optimizer_setting_reaches_the_script(page, label, option, fragment):
    use_model(page, "Logistic regression")
    defaults = {
        "Optimizer": "SGD",
        "Learning rate": "0.1",
        "Batch size": "full batch",
        "Weight decay (L2)": "0.0",
    }
    for name, value in defaults.items():
        choose(page, name, value)
    wait_for_code(page, "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n")
    choose(page, label, option)
    wait_for_code(page, fragment)


def test_the_seed_sets_the_initial_weights(page):
    use_model(page, "Logistic regression")
    enter(page, "Seed (initial weights, batch order)", "42")
    wait_for_code(page, "torch.manual_seed(42)")
    first = losses(page)
    enter(page, "Seed (initial weights, batch order)", "7")
    wait_for_code(page, "torch.manual_seed(7)")
    assert losses(page)[1] != first[1]  # other initial weights, another initial loss


def test_a_model_change_starts_over_at_epoch_0(page):
    use_model(page, "Logistic regression")
    button(page, "Step").click()
    wait_for_epoch(page, lambda e: e >= 1)
    choose(page, "Learning rate", "0.3")
    wait_for_epoch(page, lambda e: e == 0)
