"""What a first walkthrough of the training tab found (issue 13), checked as a student meets it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.ui.conftest import checked_page
from tests.ui.training_page import button, open_details, open_training, pause, play, training, wait_for_epoch

QUERY = "dataset=blobs&noise=1&epf=5&fps=5&grid=50"


@pytest.mark.parametrize("width, height", [(1440, 900), (1920, 1080)])
def test_the_confusion_matrix_sits_right_under_its_tab_after_play_and_pause(browser, server, width, height):
    # The hidden tabs (tensor shapes, code) took their space before it: the matrix was 516-745 px further down.
    with checked_page(browser, viewport={"width": width, "height": height}) as page:
        open_training(page, server, QUERY)
        play(page)
        wait_for_epoch(page, lambda e: e >= 10)
        pause(page)
        open_details(page, "Confusion matrix")
        header = training(page).get_by_role("tab", name="Confusion matrix").bounding_box()
        table = training(page).locator("table.se-confusion")
        expect(table).to_be_visible()
        gap = table.bounding_box()["y"] - (header["y"] + header["height"])
        assert 0 <= gap < 60, f"the matrix is {gap:.0f} px below its tab's header"


def test_the_shapes_answer_the_warm_up_for_100_houses_in_both_conventions(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, "dataset=ames&model=logreg")
        open_details(page, "Tensor shapes")
        table = training(page).locator("table.se-shapes")
        expect(table.locator("caption")).to_contain_text("batch of 100 ")
        cells = table.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => [...r.querySelectorAll('th, td')].slice(0, 4).map(c => c.innerText))"
        )
        assert cells[:4] == [
            ["X", "(100, 2)", "X", "(100, 2)"],
            ["weight", "(3, 2)", "W = model.weight.T", "(2, 3)"],
            ["bias", "(3,)", "b", "(3,)"],
            ["logits", "(100, 3)", "X @ W + b", "(100, 3)"],
        ]
        button(page, "the training set (2,344)").click()
        expect(table.locator("caption")).to_contain_text("batch of 2,344 ")
        expect(table.locator("tbody tr").first).to_contain_text("(2344, 2)")
        field = training(page).get_by_label("Batch size (rows of X)")
        field.fill("32")
        field.press("Enter")
        expect(table.locator("tbody tr").last).to_contain_text("(32, 3)")
