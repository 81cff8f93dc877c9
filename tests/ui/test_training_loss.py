"""The training tab trains with squared error (nn.MSELoss() on the softmax probabilities) when chosen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.training import Config, Trainer
from tests.ui import training_page as ui
from tests.ui.explorer_page import poll, wait_for_query

SQUARED = "Squared error (MSELoss on softmax)"


def loss_chart(page):
    return ui.training(page).locator(".curve-charts figure").first


def test_choosing_squared_error_trains_with_mse_loss_on_softmax(page, server):
    ui.open_training(page, server)
    ui.training(page).get_by_role("button", name=SQUARED, exact=True).click()
    wait_for_query(page, loss="squared_error")
    ui.wait_for_code(page, "criterion = nn.MSELoss()", "criterion(torch.softmax(logits, dim=1), F.one_hot(")
    expect(loss_chart(page).locator("figcaption")).to_contain_text("Squared-error loss")
    # The curves plot the loss being minimised: at epoch 0, the untrained model's squared error.
    expected = Trainer(load_ames(), Config(loss="squared_error")).history[0].train_loss
    start = poll(
        page, lambda: loss_chart(page).get_attribute("data-train"), lambda v: v, what="the first point"
    )
    assert float(start) == pytest.approx(expected, abs=1e-6)
    ui.play(page)
    ui.wait_for_epoch(page, lambda e: e >= 5)
    ui.pause(page)
    assert ui.losses(page)[1] < 2 / 3  # a squared error of probabilities, not a cross-entropy


def test_a_link_with_squared_error_opens_training_with_it(page, server):
    ui.open_training(page, server, "loss=squared_error")
    expect(loss_chart(page).locator("figcaption")).to_contain_text("Squared-error loss")
    assert "criterion = nn.MSELoss()" in ui.wait_for_code(page, "criterion = nn.MSELoss()")
    expect(page.get_by_text("could not be used")).to_be_hidden()
