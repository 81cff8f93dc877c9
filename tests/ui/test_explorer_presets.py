"""Issue 3, item 8: warm-up presets that hide their results until revealed, and challenges with a visible check."""

from __future__ import annotations

import math

from playwright.sync_api import expect

from tests.ui import explorer_page as ui

PREDICT_FIRST = "Presets hide the results until revealed"


def test_warm_up_presets_load_their_situations(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    for name, logits in [
        ("All equal", [1.5] * 3),
        ("One much bigger", [6, 1, 1]),
        ("One much smaller", [1, 1, -4]),
    ]:
        ui.click(page, name)
        ui.wait_for_logits(page, logits)


def test_a_preset_hides_every_result_until_reveal(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    assert ui.explorer(page).get_by_label(PREDICT_FIRST).is_checked()  # by default: students predict first
    ui.click(page, "One much bigger")
    tab = ui.explorer(page)
    reveal = tab.get_by_role("button", name="Reveal the results")
    expect(reveal).to_be_visible()
    now = ui.wait_for_logits(page, [6, 1, 1])
    assert now.probability_text == ["?"] * 3 and now.loss_text == "?" and now.accuracy_text == "?"
    expect(tab.locator(".probability-bars .bar .value")).to_have_text(["?"] * 3)
    expect(tab.locator(".gradient-bars .value")).to_have_text(["?"] * 3)
    # Nothing else on screen gives p away: not the exponentials, their sum, nor the loss curve read at z.
    expect(tab.locator(".readout td.exp-shifted")).to_have_text(["?"] * 3)
    expect(tab.locator(".readout td.exp")).to_have_text(["?"] * 3)
    expect(tab.locator(".readout tfoot td.sum")).to_have_text("?")
    expect(tab.locator(".loss-curve .loss-path")).to_be_hidden()
    expect(tab.locator(".loss-curve .p-curve")).to_be_hidden()
    expect(tab.locator(".loss-curve circle.current")).to_be_hidden()
    ui.wait_for_query(page, conceal="1")
    reveal.click()
    expect(reveal).to_be_hidden()
    now = ui.shown(page)
    ui.assert_matches_core(now, target=1)
    expect(tab.locator(".loss-curve .loss-path")).to_be_visible()
    ui.poll(
        page,
        lambda: ui.query_of(page),
        lambda q: "conceal" not in q,
        what="the link no longer hiding results",
    )


def test_unticking_predict_first_shows_preset_results_at_once(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.explorer(page).get_by_label(PREDICT_FIRST).uncheck()
    ui.click(page, "All equal")
    now = ui.wait_for_logits(page, [1.5] * 3)
    ui.assert_matches_core(now, target=1)
    assert now.probability_text == ["0.333"] * 3
    expect(ui.explorer(page).get_by_role("button", name="Reveal the results")).to_be_hidden()


def start_challenge(page, server, name: str):
    """Open the explorer, pick the challenge ``name``, and return the line that reports its progress."""
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.click(page, name)
    return ui.explorer(page).locator(".probability-bars .challenge")


def test_challenge_shows_its_goals_and_a_solved_check_once_reached_with_the_sliders(page, server):
    status = start_challenge(page, server, "Challenge: half on the last class")
    tab = ui.explorer(page)
    expect(status).to_have_text("Goal 0.25 / 0.25 / 0.5: 0 of 3 within 0.01.")
    goals = tab.locator(".probability-bars .goal")
    for i in range(3):
        expect(goals.nth(i)).to_be_visible()
    ui.wait_for_query(page, goal="0.25,0.25,0.5", logits="0,0,0")
    tab.get_by_label("logit for high").focus()
    for _ in range(7):
        page.keyboard.press("ArrowRight")  # z = 0, 0, 0.7: p = 0.249, 0.249, 0.502
    expect(status).to_have_text("✓ Solved: every probability is within 0.01 of its goal (0.25 / 0.25 / 0.5).")
    expect(status).to_have_class("challenge solved")


def test_challenge_counts_as_solved_only_within_0_01_of_every_goal(page, server):
    status = start_challenge(page, server, "Challenge: half on the last class")
    expect(status).to_contain_text("0 of 3 within 0.01")
    ui.enter(page, ui.LOGITS_FIELD, "0, 0, 0.64")  # p = 0.257, 0.257, 0.487: the last is 0.013 off
    ui.wait_for_logits(page, [0, 0, 0.64])
    expect(status).to_have_text("Goal 0.25 / 0.25 / 0.5: 2 of 3 within 0.01.")
    ui.enter(page, ui.LOGITS_FIELD, f"0, 0, {math.log(2)!r}")  # p = 1/4, 1/4, 1/2
    expect(status).to_contain_text("✓ Solved")


def test_second_challenge_asks_for_each_probability_twice_the_one_before(page, server):
    status = start_challenge(page, server, "Challenge: each twice the one before")
    expect(status).to_have_text("Goal 0.143 / 0.286 / 0.571: 0 of 3 within 0.01.")
    ui.enter(page, ui.LOGITS_FIELD, f"0, {math.log(2)!r}, {math.log(4)!r}")
    expect(status).to_contain_text("✓ Solved")
