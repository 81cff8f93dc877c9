"""Issue 3, items 6 and 7: shift, scale and reset buttons; the exact-entry field, synced both ways with the sliders."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import expect

from softmax_explorer.models.softmax import softmax
from tests.ui import explorer_page as ui


def test_shift_buttons_move_every_logit_but_leave_the_probabilities(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    before = ui.shown(page).probabilities
    ui.click(page, "+0.5")
    now = ui.wait_for_logits(page, [1.5, 2.5, -0.5])
    np.testing.assert_allclose(now.probabilities, before, rtol=1e-14)
    ui.assert_matches_core(now, target=1)
    ui.click(page, "−0.5")
    ui.click(page, "−0.5")
    now = ui.wait_for_logits(page, [0.5, 1.5, -1.5])
    np.testing.assert_allclose(now.probabilities, before, rtol=1e-14)


def test_scale_buttons_sharpen_and_flatten_the_probabilities(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.click(page, "×2")
    now = ui.wait_for_logits(page, [2, 4, -2])
    ui.assert_matches_core(now, target=1)
    assert max(now.probabilities) > max(softmax([1, 2, -1]))
    ui.click(page, "×0.5")
    ui.click(page, "×0.5")
    now = ui.wait_for_logits(page, [0.5, 1, -0.5])
    ui.assert_matches_core(now, target=1)
    assert max(now.probabilities) < max(softmax([1, 2, -1]))


def test_reset_restores_the_starting_logits_and_temperature(page, server):
    ui.open_explorer(page, server, "?logits=5,-3,7&target=2&temperature=3")
    ui.click(page, "Reset")
    now = ui.wait_for_logits(page, [0.4, 1.3, -0.6])
    expect(ui.explorer(page).locator(".temperature output")).to_have_text("T = 1.00")
    ui.assert_matches_core(now, target=2)  # the true class is kept
    ui.wait_for_query(page, logits="0.4,1.3,-0.6", temperature="1", target="2")


def test_typed_logits_set_the_sliders_on_enter_to_the_last_digit(page, server):
    ui.open_explorer(page, server)
    ui.enter(page, ui.LOGITS_FIELD, "1, 2, -1")
    now = ui.wait_for_logits(page, [1, 2, -1])
    assert now.slider_values == [1, 2, -1]
    ui.assert_matches_core(now, target=1)
    ui.enter(page, ui.LOGITS_FIELD, "0.123456789012345, -2.5e-7, 3")
    ui.assert_matches_core(ui.wait_for_logits(page, [0.123456789012345, -2.5e-7, 3]), target=1)
    # Computed with every digit typed; the address writes them, as everywhere, to the display precision.
    ui.wait_for_query(page, logits="0.123,-2.5e-7,3")
    assert ui.shown(page).logits == [0.123456789012345, -2.5e-7, 3]


def test_moving_a_slider_rewrites_the_text_field(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    slider = ui.explorer(page).get_by_label("logit for high")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(ui.explorer(page).get_by_label(ui.LOGITS_FIELD)).to_have_value("1, 2, -0.9")


def test_typing_more_logits_adds_classes(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.enter(page, ui.LOGITS_FIELD, "1, 2, -1, 4")
    ui.assert_matches_core(ui.wait_for_logits(page, [1, 2, -1, 4]), target=1)
    expect(ui.explorer(page).get_by_label("logit for class 4")).to_have_value("4")


def test_bad_logit_text_shows_a_message_and_keeps_the_logits(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    message = "Not applied: 'two' is not a number: use a number from -1000 to 1000."
    ui.enter(page, ui.LOGITS_FIELD, "1, two, 3")
    expect(ui.explorer(page).get_by_text(message)).to_be_visible()
    now = ui.shown(page)
    assert now.logits == [1, 2, -1] and now.slider_values == [1, 2, -1]
    # Good text afterwards is applied and clears the message.
    ui.enter(page, ui.LOGITS_FIELD, "0, 0, 1")
    ui.wait_for_logits(page, [0, 0, 1])
    expect(ui.explorer(page).get_by_text(message)).to_be_hidden()


def test_a_logit_past_the_slider_range_widens_the_range(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    sliders = ui.explorer(page).locator("input.logit")
    assert sliders.first.get_attribute("max") == "10"
    ui.enter(page, ui.LOGITS_FIELD, "1, 37.5, -1")
    ui.wait_for_logits(page, [1, 37.5, -1])
    for i in range(3):
        expect(sliders.nth(i)).to_have_attribute("max", "50")
        expect(sliders.nth(i)).to_have_attribute("min", "-50")
    expect(ui.explorer(page).get_by_label("logit for medium")).to_have_value("37.5")  # not clamped to 10


def test_logits_of_plus_and_minus_1000_are_exact_and_overflow_nothing(page, server):
    ui.open_explorer(page, server)
    ui.enter(page, ui.LOGITS_FIELD, "1000, -1000, 999")
    now = ui.wait_for_logits(page, [1000, -1000, 999])
    ui.assert_matches_core(now, target=1)
    assert now.loss_text == "2000.313"  # 2000 + log(1 + e^-1)
    assert now.slider_values == [1000, -1000, 999]
    readout = ui.explorer(page).locator("section.readout")
    text = readout.inner_text()
    assert "NaN" not in text and "Infinity" not in text
    # exp(1000) from logarithms: 1.97 × 10^434, with the note that no overflow happens.
    expect(readout.locator("td.exp").first).to_have_text("1.97 × 10434")
    expect(readout.locator(".overflow-note")).to_contain_text("No overflow")
    expect(readout.locator("td.exp-shifted").first).to_have_text("1.0000")
