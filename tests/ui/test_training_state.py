"""The training tab's state in a real browser: the URL, sessions that stay apart, lecture mode. (A closed page's loop
stopping at once, and the server's CPU back where it was after, are tests/ui/test_session_lifecycle.py's.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from softmax_explorer.components.training_playground import TrainingPlayground
from tests.ui.conftest import checked_page
from tests.ui.explorer_page import poll, query_of, wait_for_query
from tests.ui.training_page import (
    alert_text,
    button,
    choose,
    chosen,
    code,
    enter,
    epoch,
    figure_font_sizes,
    map_points,
    open_training,
    play,
    shapes,
    training,
    wait_for_epoch,
    wait_for_shapes,
)

PER_FRAME = TrainingPlayground.param.epochs_per_frame.label
CONFIGURED = {
    "tab": "train",
    "dataset": "moons",
    "model": "mlp",
    "hidden": "16,8",
    "optimizer": "adam",
    "rate": "0.03",
    "batch": "32",
    "wd": "0.001",
    "seed": "7",
    "epf": "10",
}


@pytest.fixture(scope="module")
def configured(browser, server):
    """A page whose training tab a student set up by hand."""
    with checked_page(browser) as page:
        open_training(page, server, "grid=50&fps=5")
        choose(page, "Data", "Toy: moons")
        # The toy set's controls move in above the model's buttons when the server answers: click after that, or
        # the click can land where the button was (CI saw it miss once).
        wait_for_query(page, dataset="moons")
        training(page).get_by_role("button", name="MLP (hidden layers)").click()
        wait_for_query(page, model="mlp")
        enter(page, "Hidden layer widths (press Enter)", "16, 8")
        choose(page, "Optimizer", "Adam")
        choose(page, "Learning rate", "0.03")
        choose(page, "Batch size", "32")
        choose(page, "Weight decay (L2)", "0.001")
        enter(page, "Seed (initial weights, batch order)", "7")
        choose(page, PER_FRAME, "10")
        yield page


def test_the_url_holds_the_configuration(configured):
    wait_for_query(configured, **CONFIGURED)


def test_reloading_the_url_restores_the_configuration(configured):
    wait_for_query(configured, **CONFIGURED)
    configured.reload()
    expect(training(configured).locator(".se-epoch b[data-epoch]")).to_be_visible(timeout=30_000)
    shown = {
        label: chosen(configured, label)
        for label in ("Data", "Optimizer", "Learning rate", "Batch size", "Weight decay (L2)", PER_FRAME)
    }
    assert shown == {
        "Data": "Toy: moons",
        "Optimizer": "Adam",
        "Learning rate": "0.03",
        "Batch size": "32",
        "Weight decay (L2)": "0.001",
        PER_FRAME: "10",
    }
    assert training(configured).get_by_label("Hidden layer widths (press Enter)").input_value() == "16, 8"
    assert shapes(configured)["0.weight"] == (16, 2)
    script = code(configured)
    assert "torch.manual_seed(7)" in script and ".split(32)" in script
    assert "torch.optim.Adam(model.parameters(), lr=0.03, weight_decay=0.001)" in script
    assert {k: v for k, v in query_of(configured).items() if k in CONFIGURED} == CONFIGURED


def test_bad_url_values_warn_and_fall_back_to_the_defaults(page, server):
    open_training(page, server, "dataset=nope&model=mlp&hidden=0&rate=7&epf=3&grid=50")
    warning = alert_text(page.locator(".url-warning"))
    for key in ("dataset: 'nope'", "hidden: '0'", "rate: '7'", "epf: '3'"):
        assert key in warning
    assert chosen(page, "Data") == "Ames houses (price class by location)"
    assert chosen(page, "Learning rate") == "0.1" and chosen(page, PER_FRAME) == "2"
    assert training(page).get_by_label("Hidden layer widths (press Enter)").input_value() == "100"
    wait_for_shapes(page, **{"0_weight": (100, 2)})  # model=mlp was good, so it is used


@pytest.fixture(scope="module")
def two_sessions(browser, server):
    """Two students' pages, each in its own browser context."""
    with checked_page(browser) as first, checked_page(browser) as second:
        for page in (first, second):
            open_training(page, server, "dataset=blobs&epf=10&fps=5&grid=50")
        yield first, second


def test_training_in_one_session_leaves_another_at_epoch_0(two_sessions):
    first, second = two_sessions
    play(first)
    wait_for_epoch(first, lambda e: e >= 30)
    assert epoch(second) == 0
    button(first, re.compile("Pause$")).click()


def test_a_data_change_in_one_session_is_not_seen_in_another(two_sessions):
    first, second = two_sessions
    before = map_points(second)
    choose(first, "Data", "Toy: moons")
    poll(
        first,
        lambda: len(map_points(first)),
        lambda n: n == 300 and not (map_points(first) == before).all(),
        what="the first page showing the moons",
    )
    assert chosen(second, "Data") == "Toy: blobs"
    assert (map_points(second) == before).all()


def px(sizes: set[str]) -> float:
    """The one font size in ``sizes``, in pixels."""
    (size,) = sizes
    return float(size.removesuffix("px"))


def test_lecture_mode_enlarges_the_figures_text(page, server):
    open_training(page, server, "dataset=blobs&grid=50")
    normal = figure_font_sizes(page)
    assert len(normal) == 1
    page.get_by_role("switch", name="Lecture mode").click()
    large = poll(
        page, lambda: figure_font_sizes(page), lambda sizes: sizes != normal, what="larger axis labels"
    )
    assert len(large) == 1 and px(large) >= 1.4 * px(normal)
    wait_for_query(page, present="1")


def test_a_lecture_mode_link_opens_with_large_figure_text(page, server):
    open_training(page, server, "dataset=blobs&grid=50&present=1")
    assert px(figure_font_sizes(page)) >= 18
