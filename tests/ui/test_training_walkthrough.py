"""What a first walkthrough of the training tab found (issue 13), checked as a student meets it."""

from __future__ import annotations

import re

import numpy as np
import pytest
from playwright.sync_api import expect

from tests.ui.conftest import checked_page
from tests.ui.explorer_page import poll
from tests.ui.training_page import (
    button,
    chosen,
    click_map,
    csv_load_button,
    curves,
    map_points,
    open_details,
    open_training,
    pause,
    play,
    show_shapes_table,
    training,
    upload_csv,
    wait_for_epoch,
)

QUERY = "dataset=blobs&noise=1&epf=5&fps=5&grid=50"
CSV = "Your CSV file"


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
        show_shapes_table(page)
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


def test_switching_the_theme_keeps_the_data_the_training_and_the_picked_point(browser, server, tmp_path):
    # The CSV lives only on the server: a reload without the carried-over tab lost it (and the 30 epochs).
    rows = ["x,y,label"] + [f"{i % 7},{(i * 3) % 11},{'ab'[i % 2]}" for i in range(60)]
    path = tmp_path / "mine.csv"
    path.write_text("\n".join(rows) + "\n")
    with checked_page(browser) as page:
        open_training(page, server, "epf=10&fps=5")
        upload_csv(page, path)
        csv_load_button(page).click()
        expect(training(page).locator(".csv-loaded")).to_be_visible()
        poll(page, lambda: chosen(page, "Data"), lambda shown: shown == CSV, what="the CSV chosen as data")
        play(page)
        wait_for_epoch(page, lambda e: e >= 30)
        epoch = pause(page)
        points = map_points(page)
        click_map(page, *points[0][:2])
        title = training(page).locator("h3.se-title")
        expect(title).to_contain_text("Point")
        picked = title.inner_text()
        before = curves(page)
        page.get_by_role("button", name="Switch to the dark theme").click()
        page.wait_for_url(re.compile(r"theme=dark"))
        expect(training(page).locator(".se-epoch b[data-epoch]")).to_have_attribute("data-epoch", str(epoch))
        expect(page.get_by_role("button", name="Switch to the light theme")).to_be_visible()
        assert chosen(page, "Data") == CSV
        np.testing.assert_array_equal(map_points(page), points)
        expect(training(page).locator("h3.se-title")).to_have_text(picked)
        assert curves(page) == before
        assert page.locator(".url-warning").is_hidden()
        # The token is used once: the address no longer holds it, and reloading it gives a fresh tab and a note.
        used = page.evaluate("performance.getEntriesByType('navigation')[0].name")
        assert "resume=" in used
        page.wait_for_function("() => !location.search.includes('resume=')")
        page.goto(used)
        expect(page.locator(".url-warning")).to_contain_text("could not be carried over")


@pytest.mark.parametrize("look", ["", "&theme=dark"], ids=["light", "dark"])
def test_lecture_mode_shows_the_numbers_big_and_map_and_curves_on_one_screen(browser, server, look):
    with checked_page(browser, viewport={"width": 1920, "height": 1080}) as page:
        open_training(page, server, f"present=1&epf=5&fps=5{look}")
        play(page)
        wait_for_epoch(page, lambda e: e >= 10)
        pause(page)
        numbers = training(page).locator(".se-epoch b")
        expect(numbers).to_have_count(
            5
        )  # the epoch, training loss and accuracy, validation loss and accuracy
        sizes = numbers.evaluate_all("bs => bs.map(b => parseFloat(getComputedStyle(b).fontSize))")
        assert min(sizes) >= 48, f"the epoch line's numbers are {sizes} px"
        assert page.evaluate("() => [scrollX, scrollY]") == [0, 0]
        parts = {
            "map": training(page).locator("canvas.map"),
            "epoch line": training(page).locator(".se-epoch"),
            "curves": training(page).locator(".curve-charts"),
        }
        for name, part in parts.items():
            box = part.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= 1080, (
                f"the {name} ends at {box['y'] + box['height']:.0f} px"
            )
