"""Issue 3, item 10: lecture mode, sections hidden through the URL, the colour-blind-safe palette, the themes; issue
13, item 8: lecture mode readable from the back row at 1920 x 1080."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.ui.explorer_page import (
    LOGITS_FIELD,
    NAMES_FIELD,
    explorer,
    open_explorer,
    poll,
    query_of,
    shown,
    wait_for_query,
)

# Okabe and Ito's colour-blind-safe colours in the order the palette documents them (blue, orange, bluish green,
# reddish purple, sky blue, vermillion, yellow), then Tol's wine and teal and a grey.
PALETTE = [
    "rgb(0, 114, 178)",
    "rgb(230, 159, 0)",
    "rgb(0, 158, 115)",
    "rgb(204, 121, 167)",
    "rgb(86, 180, 233)",
    "rgb(213, 94, 0)",
    "rgb(240, 228, 66)",
    "rgb(136, 34, 85)",
    "rgb(68, 170, 153)",
    "rgb(136, 136, 136)",
]


def sizes(page) -> tuple[float, float, float]:
    """The readout's type size, a bar's value label's type size and the bars' height, in pixels."""
    tab = explorer(page)
    font = "e => parseFloat(getComputedStyle(e).fontSize)"
    return (
        tab.locator(".readout table.steps").evaluate(font),
        tab.locator(".bar .value").first.evaluate(font),
        tab.locator(".probability-bars .bars").bounding_box()["height"],
    )


def test_lecture_mode_toggle_enlarges_the_type_and_the_bars(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    normal = sizes(page)
    page.get_by_role("switch", name="Lecture mode").check()
    lecture = poll(page, lambda: sizes(page), lambda now: now[0] > normal[0], what="larger type")
    assert all(big >= 1.3 * small for big, small in zip(lecture, normal, strict=True))
    wait_for_query(page, present="1")


def test_present_in_the_url_starts_in_lecture_mode_and_key_l_leaves_it(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&present=1")
    switch = page.get_by_role("switch", name="Lecture mode")
    expect(switch).to_be_checked()
    lecture = sizes(page)
    page.locator("body").press("l")
    expect(switch).not_to_be_checked()
    normal = poll(page, lambda: sizes(page), lambda now: now[0] < lecture[0], what="smaller type")
    assert all(big >= 1.3 * small for big, small in zip(lecture, normal, strict=True))
    poll(page, lambda: query_of(page), lambda q: "present" not in q, what="present=1 leaving the link")


def test_lecture_mode_keeps_every_readout_column_in_view(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&temperature=2&present=1")
    readout = explorer(page).locator("section.readout").bounding_box()
    last = explorer(page).locator(".readout tbody td.neg-log-p").first.bounding_box()
    assert last["x"] + last["width"] <= readout["x"] + readout["width"] + 1, "the −log p column is cut off"


def test_lecture_mode_prints_ten_probabilities_apart(page, server):
    open_explorer(page, server, "?logits=1,2,-1,0,0.5,3,-2,1,2,0&present=1")
    overflowing = (
        explorer(page)
        .locator(".bar .value")
        .evaluate_all("els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length")
    )
    assert overflowing == 0


def test_hide_in_the_url_hides_the_temperature_and_gradient_sections(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&hide=temperature,gradient")
    tab = explorer(page)
    expect(tab.get_by_label("temperature T (log scale)")).to_be_hidden()
    expect(tab.locator("figure.gradient-bars")).to_be_hidden()
    expect(tab.get_by_role("button", name="Gradient step")).to_be_hidden()
    expect(tab.get_by_label("Step size (learning rate)")).to_be_hidden()
    for shown_still in (
        tab.locator(".readout table.steps"),
        tab.locator(".loss-curve svg"),
        tab.get_by_role("button", name="+0.5"),
        tab.get_by_label(LOGITS_FIELD),
    ):
        expect(shown_still).to_be_visible()
    assert wait_for_query(page, logits="1,2,-1")["hide"] == "temperature,gradient"


def test_hide_in_the_url_can_leave_only_the_sliders_and_bars(page, server):
    page.goto(server.url + "?logits=1,2,-1&target=1&hide=steps,curve,presets,entry,shift,classes")
    tab = explorer(page)
    expect(tab.get_by_label("logit for low")).to_be_visible(timeout=20_000)
    for hidden in (
        tab.locator("section.readout"),
        tab.locator("figure.loss-curve"),
        tab.get_by_role("button", name="All equal"),
        tab.get_by_label(LOGITS_FIELD),
        tab.get_by_label(NAMES_FIELD),
        tab.get_by_role("button", name="+0.5"),
    ):
        expect(hidden).to_be_hidden()
    expect(tab.locator(".probability-bars .bar").first).to_be_visible()


def test_classes_use_the_okabe_ito_colours_in_order(page, server):
    open_explorer(page, server, "?logits=1,2,-1,0,0.5,3,-2,1,2,0")
    tab = explorer(page)
    bars = tab.locator(".probability-bars .fill").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    rows = tab.locator(".slider-row").evaluate_all("els => els.map(e => getComputedStyle(e).borderLeftColor)")
    swatches = tab.locator(".readout tbody .swatch").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert bars == rows == swatches == PALETTE


def test_theme_switch_reloads_in_the_dark_theme_with_the_same_state(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=2&temperature=2")
    background = "() => getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.get_by_role("button", name="Switch to the dark theme").click()
    page.wait_for_url("**theme=dark**")
    expect(explorer(page).locator(".readout table.steps")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name="Switch to the light theme")).to_be_visible()
    now = shown(page)
    assert now.logits == [1, 2, -1]
    assert explorer(page).get_by_label("true class: high").is_checked()
    expect(explorer(page).locator(".temperature output")).to_have_text("T = 2.00")
    dark = page.evaluate(background)
    luminance = sum(int(c) for c in dark[dark.index("(") + 1 : -1].split(",")[:3]) / 3
    assert dark != light and luminance < 80


# --- issue 13, item 8: readable from the back row, at 1920 x 1080 ---------------------------------------------------

SCREEN = {"width": 1920, "height": 1080}
TEN = "?logits=1,2,-1,0,0.5,3,-2,1,2,0&target=1"


def font_px(locator) -> list[float]:
    return locator.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")


def alpha(color: str) -> float:
    """The opacity of a computed CSS colour: rgb(...) is opaque, color(srgb r g b / a) and rgba(...) say."""
    found = re.search(r"/\s*([\d.]+)\)$", color) or re.search(r"rgba\([^)]*,\s*([\d.]+)\)$", color)
    return float(found[1]) if found else 1.0


@pytest.mark.parametrize("theme", ["default", "dark"])
def test_lecture_mode_shows_the_probabilities_and_the_loss_at_48_px_or_more(page, server, theme):
    page.set_viewport_size(SCREEN)
    open_explorer(page, server, f"?logits=1,2,-1&target=1&theme={theme}")
    tab = explorer(page)
    numbers = (tab.locator(".probability-bars .bar .value"), tab.locator(".probability-bars output.loss"))
    assert all(px < 48 for n in numbers for px in font_px(n))  # ordinary type when not lecturing
    page.get_by_role("switch", name="Lecture mode").check()
    poll(page, lambda: font_px(numbers[1]), lambda px: px[0] >= 48, what="a large loss")
    probabilities, loss = (font_px(n) for n in numbers)
    assert len(probabilities) == 3 and min(probabilities) >= 48 and loss[0] >= 48
    expect(numbers[1]).to_have_text("0.349")


@pytest.mark.parametrize("query", ["?logits=1,2,-1&target=1", TEN])
def test_lecture_mode_keeps_the_bars_and_the_loss_on_one_screen(page, server, query):
    page.set_viewport_size(SCREEN)
    open_explorer(page, server, query + "&present=1")
    tab = explorer(page)
    main = {
        "bars": tab.locator(".probability-bars .bars"),
        "loss": tab.locator(".probability-bars .loss-summary"),
        "sliders": tab.get_by_role("group", name="Logits, one slider per class"),
    }
    assert page.evaluate("window.scrollY") == 0
    for what, locator in main.items():
        box = locator.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"], (what, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= SCREEN["width"], (what, box)


def test_lecture_mode_hides_the_secondary_notes_and_raises_the_contrast(page, server):
    page.set_viewport_size(SCREEN)
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    tab = explorer(page)
    notes = [tab.locator(".readout .overflow-note"), tab.locator(".temperature .hint")]
    muted = tab.locator(".readout thead th").first
    for note in notes:
        expect(note).to_be_visible()
    normal = alpha(muted.evaluate("e => getComputedStyle(e).color"))
    page.get_by_role("switch", name="Lecture mode").check()
    for note in notes:
        expect(note).to_be_hidden()
    lecture = alpha(muted.evaluate("e => getComputedStyle(e).color"))
    assert normal < 0.7 and lecture >= 0.85
