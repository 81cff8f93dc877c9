"""Issue 3, item 4: gradient bars, one gradient step, and "run N steps" animating the descent."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.softmax import cross_entropy, cross_entropy_grad
from tests.ui.explorer_page import (
    assert_matches_core,
    click,
    enter,
    explorer,
    numbers,
    open_explorer,
    shown,
    wait_for_logits,
    wait_for_query,
)

ORANGE, BLUE = "rgb(213, 94, 0)", "rgb(0, 114, 178)"  # Okabe-Ito vermillion (positive) and blue (negative)


def record_losses(page) -> None:
    """From now on, keep every loss the readout shows, with the time it showed, in window.losses."""
    explorer(page).locator(".readout output.loss").evaluate("""(out) => {
        window.losses = [];
        new MutationObserver(() => {
            const last = window.losses[window.losses.length - 1];
            if (!last || last[1] !== out.dataset.value) window.losses.push([performance.now(), out.dataset.value]);
        }).observe(out, { attributes: true });
    }""")


def test_gradient_bars_equal_the_core_gradient_divided_by_t(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&temperature=2")
    expected = cross_entropy_grad([1, 2, -1], 1, 2)
    np.testing.assert_allclose(
        numbers(page, ".gradient-bars .grad-row", "data-gradient"), expected, rtol=1e-12
    )
    assert explorer(page).locator(".gradient-bars .value").all_inner_texts() == [
        ("+" if g >= 0 else "−") + f"{abs(g):.3f}" for g in expected
    ]


def test_gradient_bars_are_coloured_by_sign(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=2")
    rows = explorer(page).locator(".gradient-bars .grad-row")
    colours = rows.locator(".fill").evaluate_all("els => els.map(e => getComputedStyle(e).backgroundColor)")
    assert colours == [ORANGE, ORANGE, BLUE]  # only the true class's gradient is negative
    assert [rows.nth(i).evaluate("e => e.classList.contains('negative')") for i in range(3)] == [
        False,
        False,
        True,
    ]
    # Each bar grows from the zero line: negative ones to the left, positive ones to the right.
    zero = [rows.nth(i).locator(".axis").bounding_box() for i in range(3)]
    fills = [rows.nth(i).locator(".fill").bounding_box() for i in range(3)]
    middle = [z["x"] + z["width"] / 2 for z in zero]
    assert fills[0]["x"] == pytest.approx(middle[0], abs=1) and fills[2]["x"] + fills[2][
        "width"
    ] == pytest.approx(middle[2], abs=1)


def test_gradient_step_moves_the_logits_by_minus_lr_times_the_gradient(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&temperature=2")
    enter(page, "Step size (learning rate)", "0.5")
    wait_for_query(page, lr="0.5")
    click(page, "Gradient step")
    z = np.array([1.0, 2.0, -1.0]) - 0.5 * cross_entropy_grad([1, 2, -1], 1, 2)
    now = wait_for_logits(page, z.tolist())  # exactly: the same arithmetic as the core's
    assert now.slider_values == pytest.approx(np.round(z, 1), abs=1e-9)  # the sliders move to the 0.1 grid
    assert_matches_core(now, target=1, temperature=2)
    assert now.loss < cross_entropy([1, 2, -1], 1, 2)


def test_run_steps_animates_the_logits_while_the_loss_falls_then_stops(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    enter(page, "Steps to run", "5")
    wait_for_query(page, steps="5")
    record_losses(page)
    click(page, "▶ Run steps")
    z = np.array([1.0, 2.0, -1.0])
    expected_losses = []
    for _ in range(5):
        z = z - cross_entropy_grad(z, 1)
        expected_losses.append(cross_entropy(z, 1))
    now = wait_for_logits(page, z.tolist())
    assert_matches_core(now, target=1)
    seen = page.evaluate("window.losses")
    losses = [float(v) for _, v in seen]
    assert losses == pytest.approx(expected_losses, rel=1e-12)  # five steps, each shown, none after
    assert all(b < a for a, b in pairwise(losses))
    times = [t for t, _ in seen]
    assert times[-1] - times[0] > 4 * 50  # shown one after another over several frames, not all at once
    expect(explorer(page).get_by_role("button", name="▶ Run steps")).to_be_visible()


def test_stop_ends_a_run_before_its_steps_are_done(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&steps=500")
    record_losses(page)
    click(page, "▶ Run steps")
    page.wait_for_function("window.losses.length >= 3")
    click(page, "■ Stop")  # the run button reads "Stop" while it runs
    expect(explorer(page).get_by_role("button", name="▶ Run steps")).to_be_visible()
    stopped = shown(page).logits
    page.wait_for_timeout(500)  # six periods of the animation: a run still going would have moved the logits
    assert shown(page).logits == stopped
    assert len(page.evaluate("window.losses")) < 20
