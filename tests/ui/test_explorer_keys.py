"""Issue 3, item 10: the keyboard shortcuts, and the help popover that lists them."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import expect

from softmax_explorer.models.softmax import cross_entropy_grad
from tests.ui import explorer_page as ui


def test_question_mark_opens_a_help_popover_listing_every_shortcut(page, server):
    ui.open_explorer(page, server)
    help_ = ui.explorer(page).locator(".shortcut-help")
    expect(help_).to_have_attribute("role", "dialog")
    expect(help_).to_have_attribute("aria-label", "Keyboard shortcuts")
    expect(help_).to_be_hidden()
    page.locator("body").press("?")
    expect(help_).to_be_visible()
    keys = help_.locator("kbd").all_inner_texts()
    assert keys == ["1 … 9, 0", "← → ↑ ↓", "+ / -", "t", "g", "n", ">", "<", "r", "e", "v", "l", "?"]
    page.keyboard.press("?")
    expect(help_).to_be_hidden()
    ui.explorer(page).get_by_role("button", name="⌨ Shortcuts").click()
    expect(help_).to_be_visible()


def test_digit_keys_choose_a_slider_and_plus_minus_nudge_it_by_half(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    page.locator("body").press("3")
    assert ui.focused_name(page) == "logit for high"
    page.keyboard.press("+")
    assert ui.shown(page).logits == [1, 2, -0.5]
    page.keyboard.press("-")
    page.keyboard.press("-")
    page.keyboard.press("1")
    page.keyboard.press("+")
    now = ui.shown(page)
    assert now.logits == now.slider_values == [1.5, 2, -1.5]
    ui.assert_matches_core(now, target=1)
    ui.wait_for_query(page, logits="1.5,2,-1.5")


def test_key_g_takes_a_gradient_step(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    page.locator("body").press("g")
    z = np.array([1.0, 2.0, -1.0]) - cross_entropy_grad([1, 2, -1], 1)
    ui.assert_matches_core(ui.wait_for_logits(page, z.tolist()), target=1)


def test_key_n_runs_the_chosen_number_of_steps(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1&steps=3")
    page.locator("body").press("n")
    z = np.array([1.0, 2.0, -1.0])
    for _ in range(3):
        z = z - cross_entropy_grad(z, 1)
    ui.wait_for_logits(page, z.tolist())
    expect(ui.explorer(page).get_by_role("button", name="▶ Run steps")).to_be_visible()


def test_greater_and_less_keys_shift_every_logit(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    page.locator("body").press(">")
    ui.wait_for_logits(page, [1.5, 2.5, -0.5])
    page.keyboard.press("<")
    page.keyboard.press("<")
    ui.wait_for_logits(page, [0.5, 1.5, -1.5])


def test_key_r_resets_the_logits(page, server):
    ui.open_explorer(page, server, "?logits=5,-3,7&target=1&temperature=3")
    page.locator("body").press("r")
    ui.wait_for_logits(page, [0.4, 1.3, -0.6])
    expect(ui.explorer(page).locator(".temperature output")).to_have_text("T = 1.00")


def test_key_v_reveals_a_preset_s_hidden_results(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.click(page, "All equal")
    expect(ui.explorer(page).get_by_role("button", name="Reveal the results")).to_be_visible()
    page.locator("body").press("v")
    expect(ui.explorer(page).get_by_role("button", name="Reveal the results")).to_be_hidden()
    assert ui.shown(page).probability_text == ["0.333"] * 3


def test_shortcut_letters_typed_into_a_text_field_stay_text(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    field = ui.explorer(page).get_by_label(ui.LOGITS_FIELD)
    field.focus()
    page.keyboard.type("grv><+3")
    expect(field).to_have_value("1, 2, -1grv><+3")
    ui.click(page, "+0.5")  # handled after the keys: had any of them acted, the logits would not be these
    ui.wait_for_logits(page, [1.5, 2.5, -0.5])


def test_explorer_keys_do_nothing_while_another_tab_is_shown(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    page.get_by_role("tab", name="Training playground").click()
    for key in ["g", ">", "<", "1", "+", "t", "v"]:  # none of them the training tab's own keys
        page.keyboard.press(key)
    page.get_by_role("tab", name="Softmax explorer").click()
    ui.click(page, "+0.5")  # handled after the keys: had any of them acted, the logits would not be these
    now = ui.wait_for_logits(page, [1.5, 2.5, -0.5])
    ui.assert_matches_core(now, target=1)
