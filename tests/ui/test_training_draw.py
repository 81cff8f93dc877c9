"""Own data by clicking (issue 13, item 10): draw mode on the map adds points of the chosen class that join
training at once (the model goes on: the epoch does not go back to 0), undo and clear take them back, and the link
says the data were drawn and brings them back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import numpy as np
from playwright.sync_api import expect

from softmax_explorer.components.layouts import POINTS, unpack
from tests.ui.conftest import checked_page
from tests.ui.explorer_page import poll
from tests.ui.training_page import (
    button,
    click_map,
    epoch,
    map_bytes,
    open_training,
    pause,
    play,
    training,
    wait_for_epoch,
)

QUERY = "grid=50&fps=5&epf=5"


def points(page) -> dict:
    """The points the map holds, in the data's order: x, y, cls, part (1: validation)."""
    return unpack(POINTS, map_bytes(page, "points"))


def wait_for_points(page, n: int) -> dict:
    poll(page, lambda: int(points(page)["n"]), lambda shown: shown == n, 10, f"{n} points on the map")
    return points(page)


def draw_at(page, k: str, places) -> None:
    training(page).get_by_role("radio", name=k, exact=True).check()
    for x, y in places:
        click_map(page, x, y)


def test_a_fresh_drawing_trains_on_the_points_drawn_and_its_link_brings_them_back(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, f"dataset=drawn&k=2&{QUERY}")
        expect(button(page, "✎ Drawing: click the map")).to_have_attribute("aria-pressed", "true")
        left, right = [(-1.2, 0.5), (-1.0, -0.5), (-1.4, 0.0)], [(1.2, 0.5), (1.0, -0.5), (1.4, 0.0)]
        draw_at(page, "0", left)
        draw_at(page, "1", right)
        drawn = wait_for_points(page, 6)
        np.testing.assert_allclose(
            np.column_stack([drawn["x"], drawn["y"]]), left + right, atol=0.015
        )  # to a pixel
        assert list(drawn["cls"]) == [0, 0, 0, 1, 1, 1] and list(drawn["part"]) == [0, 0, 0, 0, 1, 0]
        expect(training(page).locator(".draw-note")).to_contain_text("6 drawn")
        expect(training(page).locator(".draw-note")).to_contain_text("Every 5th is for validation")
        play(page)
        wait_for_epoch(page, lambda e: e >= 20)
        pause(page)
        expect(training(page).locator(".se-epoch")).to_contain_text("accuracy 100.0%")
        link = poll(page, lambda: page.url, lambda url: "drawn=" in url, 5, "the link to carry the points")
        query = parse_qs(urlparse(link).query)
        assert query["dataset"] == ["drawn"] and len(query["drawn"][0].split(",")) == 18
        with checked_page(browser) as again:
            again.goto(link)
            expect(training(again).locator(".se-epoch b[data-epoch]")).to_be_visible(timeout=30_000)
            shown = wait_for_points(again, 6)
            for field in ("x", "y", "cls", "part"):
                np.testing.assert_array_equal(shown[field], drawn[field])


def test_a_point_drawn_while_training_joins_it_and_the_run_goes_on(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, f"dataset=moons&points=100&model=mlp&hidden=16&{QUERY}")
        n = int(points(page)["n"])
        play(page)
        wait_for_epoch(page, lambda e: e >= 30)
        button(page, "✎ Draw points").click()
        before = epoch(page)
        draw_at(page, "1", [(0.0, 1.0)])  # a point of the lower moon's class among the upper moon
        shown = wait_for_points(page, n + 1)
        assert shown["cls"][-1] == 1
        assert epoch(page) >= before  # not reset: the model keeps its weights and goes on
        wait_for_epoch(page, lambda e: e >= before + 20)
        pause(page)
        expect(training(page).locator("h3.se-title")).to_be_hidden()  # a click in draw mode picks nothing


def test_undo_and_clear_take_the_points_back(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, f"dataset=blobs&points=50&{QUERY}")
        button(page, "✎ Draw points").click()
        draw_at(page, "2", [(0.0, 0.0), (0.5, 0.5), (1.0, 1.0)])
        wait_for_points(page, 53)
        button(page, "Undo").click()
        wait_for_points(page, 52)
        button(page, "Clear").click()
        wait_for_points(page, 50)
        poll(page, lambda: page.url, lambda url: "drawn=" not in url, 5, "the link to drop the points")
