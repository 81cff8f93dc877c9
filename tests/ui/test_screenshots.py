"""The README's screenshots: both tabs, normal and in lecture mode.

Every test run makes them in build/screenshots (so a test run leaves the checkout as it was); `make screenshots`
makes them in docs/screenshots, the README's, on purpose (SCREENSHOTS=docs/screenshots). Each test also checks
what the picture must show, so a broken page fails here rather than in the README.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from tests.ui.conftest import ROOT
from tests.ui.explorer_page import explorer, open_explorer

SHOTS = ROOT / os.environ.get("SCREENSHOTS", "build/screenshots")


def save(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=path)
    assert path.stat().st_size > 30_000  # a rendered page, not a blank one


@pytest.mark.parametrize(
    ("name", "query", "size"),
    [
        ("explorer", "?logits=1,2,-1&target=1", (1400, 1000)),
        ("explorer-lecture", "?logits=1,2,-1&target=1&present=1", (1920, 1080)),
    ],
)
def test_explorer_screenshot(browser, server, name, query, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    open_explorer(page, server, query)
    expect(explorer(page).locator(".probability-bars .bar .value").first).to_have_text("0.259")
    save(page, name)
    page.close()


@pytest.mark.parametrize(
    ("name", "query", "size"),
    [
        ("training", "?tab=train&model=mlp&epf=20", (1400, 1300)),
        ("training-lecture", "?tab=train&model=mlp&epf=20&present=1", (1920, 1080)),
    ],
)
def test_training_screenshot(browser, server, name, query, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(server.url + query)
    play = page.get_by_role("button", name="▶ Play")
    play.click()
    epoch = page.locator("b[data-epoch]")
    expect(epoch).not_to_have_attribute("data-epoch", "0", timeout=20_000)
    page.wait_for_timeout(4000)
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="▶ Play")).to_be_visible(timeout=20_000)
    canvas = page.locator(".bk-Canvas canvas, canvas").first.bounding_box()
    page.mouse.click(canvas["x"] + canvas["width"] * 0.55, canvas["y"] + canvas["height"] * 0.3)
    expect(page.locator("h3.se-title")).to_be_visible(timeout=20_000)
    page.mouse.move(0, 0)  # no hover tooltip in the picture
    assert int(epoch.get_attribute("data-epoch")) > 100
    save(page, name)
    page.close()
