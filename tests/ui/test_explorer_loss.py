"""Cross-entropy against squared error in the explorer: a confidently wrong prediction gets a large cross-entropy
gradient and a vanishing squared-error one, in the numbers, the gradient bars and the loss curve."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.softmax import (
    cross_entropy,
    cross_entropy_grad,
    squared_error,
    squared_error_grad,
)
from tests.ui import explorer_page as ui

WRONG = "?logits=8,0,0&target=2"  # sure of class 0, and the true class is 2
SHOTS = Path(__file__).resolve().parents[2] / os.environ.get("SCREENSHOTS", "build/screenshots")


def gradients(page, loss: str) -> list[float]:
    return ui.numbers(page, f".gradient-bars .grad-row[data-loss='{loss}']", "data-gradient")


def test_both_losses_and_gradients_match_the_core_for_a_confidently_wrong_prediction(page, server):
    ui.open_explorer(page, server, WRONG + "&losses=both")
    expect(page.get_by_text("could not be used")).to_be_hidden()
    ce, se = cross_entropy_grad([8, 0, 0], 2), squared_error_grad([8, 0, 0], 2)
    np.testing.assert_allclose(gradients(page, "cross_entropy"), ce, rtol=1e-12)
    np.testing.assert_allclose(gradients(page, "squared_error"), se, rtol=1e-9, atol=1e-15)
    assert ce[2] == pytest.approx(-1, abs=1e-3) and np.abs(se).max() < 1e-3
    # The numbers: both losses, and both gradients in the table.
    tab = ui.explorer(page)
    assert float(tab.locator(".readout output.loss").get_attribute("data-value")) == pytest.approx(
        cross_entropy([8, 0, 0], 2), rel=1e-12
    )
    assert float(tab.locator(".readout output.squared-error").get_attribute("data-value")) == pytest.approx(
        squared_error([8, 0, 0], 2), rel=1e-12
    )
    np.testing.assert_allclose(ui.numbers(page, ".readout tbody td.grad-ce"), ce, rtol=1e-12)
    np.testing.assert_allclose(ui.numbers(page, ".readout tbody td.grad-se"), se, rtol=1e-9, atol=1e-15)
    # The curve: each loss's point at the true class's logit.
    assert float(tab.locator(".loss-curve circle.current").get_attribute("data-loss")) == pytest.approx(
        cross_entropy([8, 0, 0], 2), rel=1e-12
    )
    assert float(tab.locator(".loss-curve circle.current-se").get_attribute("data-loss")) == pytest.approx(
        squared_error([8, 0, 0], 2), rel=1e-12
    )
    # On one scale, the squared error's bar for the true class is a sliver beside cross-entropy's.
    fills = tab.locator(".gradient-bars .grad-row[data-class='2'] .fill")
    widths = fills.evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert widths[0] > 100 * max(widths[1], 0.01)


def test_the_default_shows_cross_entropy_with_the_squared_error_only_as_a_number(page, server):
    ui.open_explorer(page, server, WRONG)
    tab = ui.explorer(page)
    expect(tab.locator(".readout output.squared-error")).to_have_text("0.666")
    expect(tab.locator(".gradient-bars .grad-row")).to_have_count(3)
    expect(tab.locator(".readout tbody td.grad-se")).to_have_count(0)
    expect(tab.locator(".loss-curve circle.current-se")).to_be_hidden()


def test_choosing_squared_error_round_trips_through_the_url(page, server):
    ui.open_explorer(page, server, WRONG)
    ui.click(page, "Squared error")
    assert "loss" not in ui.wait_for_query(page, losses="squared_error")  # the training tab's loss is its own
    np.testing.assert_allclose(gradients(page, "squared_error"), squared_error_grad([8, 0, 0], 2), atol=1e-15)
    page.reload()
    ui.open_explorer(page, server, "?" + "&".join(f"{k}={v}" for k, v in ui.query_of(page).items()))
    expect(ui.explorer(page).locator(".gradient-bars .grad-row[data-loss='squared_error']")).to_have_count(3)
    expect(ui.explorer(page).locator(".loss-curve figcaption")).to_contain_text("Squared error as z")


def test_key_e_cycles_the_loss_and_g_steps_down_the_chosen_one(page, server):
    ui.open_explorer(page, server, "?logits=2,0,0&target=2")
    page.locator("body").press("e")
    expect(ui.explorer(page).locator(".gradient-bars .grad-row[data-loss='squared_error']")).to_have_count(3)
    page.locator("body").press("g")
    z = np.array([2.0, 0.0, 0.0]) - squared_error_grad([2, 0, 0], 2)
    ui.wait_for_logits(page, z.tolist())
    page.locator("body").press("e")
    expect(ui.explorer(page).locator(".gradient-bars .grad-row")).to_have_count(6)
    ui.wait_for_query(page, losses="both")


@pytest.mark.parametrize("mode", ["", "lecture", "dark"])
def test_screenshot_of_both_losses_at_1920_by_1080(page, server, mode):
    page.set_viewport_size({"width": 1920, "height": 1080})
    extra = {"": "", "lecture": "&present=1", "dark": "&theme=dark"}[mode]
    ui.open_explorer(page, server, WRONG + "&losses=both" + extra)
    expect(ui.explorer(page).locator(".loss-curve circle.current-se")).to_be_visible()
    ui.explorer(page).locator("figure.loss-curve").scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"explorer-losses{'-' if mode else ''}{mode}.png"
    page.screenshot(path=path)
    assert path.stat().st_size > 30_000
