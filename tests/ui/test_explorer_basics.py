"""The explorer in a real browser: it loads cleanly, shows the core's numbers, and follows the sliders live."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from tests.ui.explorer_page import (
    assert_matches_core,
    explorer,
    open_explorer,
    query_of,
    shown,
    wait_for_query,
)


def test_page_loads_without_console_errors_or_outside_requests(browser, server):
    page = browser.new_page()
    problems, requests = [], []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"{m.type}: {m.text}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    page.on("request", lambda r: requests.append(r.url))
    open_explorer(page, server)
    page.wait_for_timeout(500)
    assert problems == []
    local = (f"http://localhost:{server.port}/", f"ws://localhost:{server.port}/", "blob:", "data:")
    outside = [u for u in requests if not u.startswith(local)]
    assert outside == [], "the app must work with no internet: nothing may load from a CDN"
    page.close()


def test_url_logits_show_the_probabilities_and_loss_of_the_core(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    now = shown(page)
    assert now.logits == [1.0, 2.0, -1.0]
    assert_matches_core(now, target=1)
    assert now.probability_text == ["0.259", "0.705", "0.035"]
    assert now.loss_text == "0.349"


def test_default_state_is_three_house_price_classes(page, server):
    open_explorer(page, server)
    names = explorer(page).locator(".probability-bars .bar .name").all_inner_texts()
    assert [n.replace(" (true)", "") for n in names] == ["low", "medium", "high"]
    assert_matches_core(shown(page), target=1)


def test_keyboard_moves_a_slider_and_every_view_follows(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    slider = page.get_by_label("logit for low")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    now = shown(page)
    assert now.logits == pytest.approx([1.5, 2.0, -1.0])
    assert now.slider_values == pytest.approx([1.5, 2.0, -1.0])
    assert_matches_core(now, target=1)
    # Python receives the change too: it writes the new state to the address bar.
    wait_for_query(page, logits="1.5,2,-1")


def test_views_follow_a_mouse_drag_before_the_button_is_released(page, server):
    open_explorer(page, server, "?logits=0,0,0&target=2")
    box = page.get_by_label("logit for high").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 2, y)
    page.mouse.down()
    seen = []
    for fraction in (0.6, 0.75, 0.9):
        page.mouse.move(box["x"] + box["width"] * fraction, y, steps=3)
        now = shown(page)  # the mouse button is still down
        assert now.logits[2] > 0 and now.logits[2] == now.slider_values[2]
        assert_matches_core(now, target=2)
        seen.append(now.logits[2])
    page.mouse.up()
    assert seen == sorted(seen) and len(set(seen)) == 3


def test_huge_logits_give_exact_finite_numbers(page, server):
    open_explorer(page, server, "?logits=1000,-1000,0&target=1")
    now = shown(page)
    assert now.probability_text == ["1.000", "0.000", "0.000"]
    assert now.loss_text == "2000.000"
    assert_matches_core(now, target=1)
    text = explorer(page).locator("section.readout").inner_text()
    assert "NaN" not in text and "Infinity" not in text
    # exp(1000) is shown from logarithms, not overflowed.
    assert "10434" in explorer(page).locator(".readout td.exp").first.inner_text().replace(" ", "").replace(
        "×", ""
    )


# Several bad keys a link, each named (the table of every key and value is tests/app/test_url_properties.py's).
@pytest.mark.parametrize(
    ("query", "complaints"),
    [
        (
            "?logits=nan,1,2&target=7&temperature=-1&classes=a,b,c,d,e,f,g,h,i,j,k",
            [
                "logits: 'nan' is not a number",
                "target: '7' is not a class",
                "temperature: '-1' is outside 0.1 to 10",
                "between 2 and 10 class names",
            ],
        ),
        (
            "?logits=inf,1,2&temperature=0",
            ["logits: 'inf' is not a number", "temperature: '0' is outside 0.1 to 10"],
        ),
        ("?logits=one,two,three", ["logits: 'one' is not a number"]),
        ("?logits=" + ",".join(["1"] * 11), ["between 2 and 10 logits"]),
    ],
)
def test_a_bad_url_warns_and_falls_back_to_a_working_app(page, server, query, complaints):
    open_explorer(page, server, query)
    warning = page.locator(".url-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("could not be used")
    for complaint in complaints:
        expect(warning).to_contain_text(complaint)
    now = shown(page)
    assert all(np.isfinite(now.logits)) and 2 <= len(now.logits) <= 10
    # And the app still works: a slider moves its logit down, and the views follow.
    page.locator("input.logit").first.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".readout tbody td.logit").first).not_to_have_attribute(
        "data-value", str(now.logits[0])
    )
    after = shown(page)
    assert after.logits[0] < now.logits[0] and after.logits[1:] == now.logits[1:]
    assert_matches_core(after, target=int(query_of(page).get("target", 1)) if "target=7" not in query else 1)


def test_a_good_url_shows_no_warning(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&temperature=1&classes=low,medium,high")
    expect(page.locator(".url-warning")).to_be_hidden()
