"""Issue 3, item 11: every setting lives in the address, a bad one warns, and "Copy link" copies the address."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.ui import explorer_page as ui
from tests.ui.conftest import checked_page


def test_every_setting_round_trips_through_the_url(page, server, browser):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    tab = ui.explorer(page)
    ui.enter(page, ui.NAMES_FIELD, "cat, dog, bird, fish")
    ui.wait_for_logits(page, [1, 2, -1, 0])
    ui.click(page, "Challenge: each twice the one before")
    ui.wait_for_logits(page, [0, 0, 0, 0])
    ui.enter(page, ui.LOGITS_FIELD, "0.5, -1.25, 2, 3")
    tab.get_by_label("true class: bird").check()
    tab.get_by_label("temperature T (log scale)").focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")  # T = 10^0.1
    ui.enter(page, "Step size (learning rate)", "0.25")
    ui.enter(page, "Steps to run", "7")
    page.get_by_role("switch", name="Lecture mode").check()
    query = ui.wait_for_query(
        page,
        logits="0.5,-1.25,2,3",
        classes="cat,dog,bird,fish",
        target="2",
        temperature="1.26",
        goal="0.067,0.133,0.267,0.533",
        lr="0.25",
        steps="7",
        present="1",
    )

    with checked_page(browser) as again:
        again.goto(page.url)
        tab = ui.explorer(again)
        expect(tab.locator(".readout table.steps")).to_be_visible(timeout=20_000)
        assert ui.shown(again).logits == [0.5, -1.25, 2, 3]
        expect(tab.locator(".probability-bars .bar .name")).to_have_text(
            ["cat", "dog", "bird (true)", "fish"]
        )
        expect(tab.get_by_label("true class: bird")).to_be_checked()
        expect(tab.locator(".temperature output")).to_have_text("T = 1.26")
        expect(tab.locator(".probability-bars .challenge")).to_contain_text(
            "Goal 0.067 / 0.133 / 0.267 / 0.533"
        )
        expect(tab.get_by_label("Step size (learning rate)")).to_have_value("0.25")
        expect(tab.get_by_label("Steps to run")).to_have_value("7")
        expect(again.get_by_role("switch", name="Lecture mode")).to_be_checked()
        expect(again.locator(".url-warning")).to_be_hidden()
        assert ui.wait_for_query(again, logits="0.5,-1.25,2,3") == query


def test_hidden_results_and_sections_round_trip_through_the_url(page, server, browser):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1&hide=curve,temperature")
    ui.click(page, "One much smaller")
    ui.wait_for_query(page, conceal="1", hide="curve,temperature", logits="1,1,-4")

    with checked_page(browser) as again:
        again.goto(page.url)
        tab = ui.explorer(again)
        expect(tab.get_by_role("button", name="Reveal the results")).to_be_visible(timeout=20_000)
        expect(tab.locator(".probability-bars .bar .value")).to_have_text(["?"] * 3)
        expect(tab.locator("figure.loss-curve")).to_be_hidden()
        expect(tab.get_by_label("temperature T (log scale)")).to_be_hidden()


def test_bad_values_in_the_url_each_warn_and_fall_back(page, server):
    ui.open_explorer(
        page,
        server,
        "?logits=1,2,-1&goal=0.9,0.9,0.9&conceal=maybe&hide=sliders&lr=0&steps=1000&present=2&tab=nope",
    )
    warning = page.locator(".url-warning")
    expect(warning).to_be_visible()
    for complaint in [
        "goal: give 3 probabilities that sum to 1",
        "conceal: 'maybe' is not on or off: use 1 or 0",
        "hide: 'sliders' not known",
        "lr: '0' is outside 0.01 to 10",
        "steps: '1000' is outside 1 to 500",
        "present: '2' is not on or off: use 1 or 0",
        "tab: 'nope' is not one of explore, train",
    ]:
        expect(warning).to_contain_text(complaint)
    tab = ui.explorer(page)
    expect(tab.get_by_label("Step size (learning rate)")).to_have_value("1")
    expect(tab.get_by_label("Steps to run")).to_have_value("20")
    expect(tab.locator(".probability-bars .challenge")).to_be_hidden()
    expect(page.get_by_role("switch", name="Lecture mode")).not_to_be_checked()
    assert ui.shown(page).probability_text == ["0.259", "0.705", "0.035"]  # not concealed


def test_copy_link_puts_the_current_address_on_the_clipboard(browser, server):
    with checked_page(browser, permissions=["clipboard-read", "clipboard-write"]) as page:
        ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
        ui.click(page, "+0.5")
        ui.wait_for_query(page, logits="1.5,2.5,-0.5")
        page.get_by_role("button", name="Copy link").click()
        expect(page.get_by_role("status").filter(has_text="Copied ✓")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.evaluate("location.href")
        assert "logits=1.5,2.5,-0.5" in copied
