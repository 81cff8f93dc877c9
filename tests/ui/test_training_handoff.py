"""The hand-off from the training tab lands at the top of the explorer (issue 13, item 1): the training tab is
long, and the page kept its scroll when the tab changed, so the explorer opened 860-1140 px down, on the tail of
its loss curve."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.ui.conftest import checked_page
from tests.ui.explorer_page import explorer, wait_for_logits
from tests.ui.training_page import button, open_training, training, wait_for_epoch


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (1920, 1080)])
def test_open_in_explorer_shows_the_bars_and_the_loss_in_the_viewport(browser, server, width, height):
    with checked_page(browser, viewport={"width": width, "height": height}) as page:
        open_training(page, server, "grid=50&fps=5")
        button(page, "Step").click()
        wait_for_epoch(page, lambda e: e == 1)
        frame = training(page).locator(".decision-map svg.axes rect.frame").bounding_box()
        page.mouse.click(frame["x"] + frame["width"] * 0.55, frame["y"] + frame["height"] * 0.4)
        open_button = training(page).get_by_role("button", name="Open these logits in the explorer")
        open_button.scroll_into_view_if_needed()  # the student scrolls down to the forward pass
        logits = [
            float(v)
            for v in training(page)
            .locator(".readout td.logit")
            .evaluate_all("els => els.map(e => e.getAttribute('data-value'))")
        ]
        assert (
            open_button.bounding_box()["y"] > height / 2
        )  # the page is scrolled: the button sat below a screen
        open_button.click()
        wait_for_logits(page, logits)
        for what in (".probability-bars .bars", ".probability-bars .loss-summary"):
            locator = explorer(page).locator(what)
            expect(locator).to_be_visible()
            box = locator.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, (what, box)
