"""Issue 3, item 12: every control has an accessible name, and the warm-up can be done with the keyboard alone."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import expect

from softmax_explorer.models.softmax import cross_entropy_grad
from tests.ui import explorer_page as ui

CONTROLS = ("button", "slider", "textbox", "checkbox", "radio", "switch", "spinbutton", "combobox")


def tab_to(page, name: str, key: str = "Tab", limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until the control named ``name`` has the focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        if ui.focused_name(page) == name:
            return
    raise AssertionError(f"{limit} presses of {key} never reached {name!r}")


def test_every_control_has_an_accessible_name(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1&conceal=1")  # the Reveal button shows too
    expect(ui.explorer(page).get_by_role("button", name="Reveal the results")).to_be_visible()
    unnamed = []  # lines of the accessibility tree such as `- button` or `- checkbox [checked]`: no "name"
    for line in page.locator("body").aria_snapshot().splitlines():
        words = line.strip().lstrip("-").strip().lstrip("'").split()
        if words and words[0].rstrip(":") in CONTROLS and not (len(words) > 1 and words[1].startswith('"')):
            unnamed.append(line.strip())
    assert unnamed == []
    sliders = ui.explorer(page).get_by_role("slider")
    expect(sliders).to_have_count(4)  # three logits and the temperature
    expect(ui.explorer(page).get_by_role("radio")).to_have_count(3)


def test_the_warm_up_can_be_done_with_the_keyboard_alone(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    tab_to(page, "All equal")
    page.keyboard.press("Enter")
    ui.wait_for_logits(page, [1.5, 1.5, 1.5])
    assert ui.shown(page).probability_text == ["?"] * 3  # a preset asks for a prediction first
    tab_to(page, "Reveal the results", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(ui.explorer(page).locator(".probability-bars .bar .value")).to_have_text(["0.333"] * 3)
    tab_to(page, "logit for low", key="Shift+Tab")
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    assert ui.shown(page).logits == [2.5, 1.5, 1.5]
    tab_to(page, "true class: medium", key="Shift+Tab")  # the radio group: Tab stops on the checked one
    page.keyboard.press("ArrowDown")
    expect(ui.explorer(page).get_by_label("true class: high")).to_be_checked()
    tab_to(page, "temperature T (log scale)")
    page.keyboard.press("End")
    expect(ui.explorer(page).locator(".temperature output")).to_have_text("T = 10.0")
    tab_to(page, ui.LOGITS_FIELD)
    page.keyboard.press("Control+A")
    page.keyboard.type("1, 2, -1")
    page.keyboard.press("Enter")
    ui.wait_for_logits(page, [1, 2, -1])
    tab_to(page, "Gradient step")
    page.keyboard.press("Enter")
    ui.wait_for_logits(page, (np.array([1.0, 2.0, -1.0]) - cross_entropy_grad([1, 2, -1], 2, 10)).tolist())
    tab_to(page, "Lecture mode", key="Shift+Tab")
    page.keyboard.press("Space")
    ui.wait_for_query(page, present="1")


def test_the_page_tabs_are_tabs_that_the_keyboard_opens(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    explorer_tab = page.get_by_role("tab", name="Softmax explorer", exact=True)
    expect(explorer_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tablist").first).to_be_visible()
    explorer_tab.focus()
    page.keyboard.press("ArrowRight")  # moves to the training tab and opens it
    expect(page.get_by_role("button", name="▶ Play")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("tab", name="Training playground", exact=True)).to_be_focused()
    expect(page.get_by_role("tab", name="Training playground", exact=True)).to_have_attribute(
        "aria-selected", "true"
    )
    ui.wait_for_query(page, tab="train")
    page.keyboard.press("ArrowRight")  # wraps round to the first tab
    expect(explorer_tab).to_have_attribute("aria-selected", "true")
    ui.wait_for_query(page, tab="explore")
    page.keyboard.press("End")
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    expect(ui.explorer(page).get_by_label(ui.LOGITS_FIELD)).to_be_visible()
    ui.wait_for_logits(page, [1, 2, -1])  # an arrow key on a tab moved a tab, not a logit
