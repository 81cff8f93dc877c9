"""Issue 13, items 4, 6 and 11: what the explorer writes. Numbers as a person would write them (to the display
precision, in the text field, the sliders, the table and the address) while it computes with every digit; a tie for
the highest probability said to be one; a long class name cut with an ellipsis, whole on hover and in the table."""

from __future__ import annotations

import re

import numpy as np
from playwright.sync_api import expect

from softmax_explorer.models.inputs import format_logits, format_number
from softmax_explorer.models.softmax import cross_entropy_grad
from tests.ui.explorer_page import (
    LOGITS_FIELD,
    click,
    enter,
    explorer,
    open_explorer,
    query_of,
    shown,
    wait_for_logits,
    wait_for_query,
)
from tests.ui.training_page import open_training, training

SHORT = re.compile(r"-?\d+(\.\d{1,3})?")  # a logit as a person writes it: at most three decimals


def written(page) -> dict[str, list[str]]:
    """The logits as the field, the sliders, the table and the address write them."""
    tab = explorer(page)
    return {
        "field": tab.get_by_label(LOGITS_FIELD).input_value().split(", "),
        "sliders": tab.locator(".slider-row output").all_inner_texts(),
        "table": tab.locator(".readout tbody td.logit").all_inner_texts(),
        "link": query_of(page)["logits"].split(","),
    }


def test_plus_half_on_minus_0_6_shows_minus_0_1_in_the_field_the_views_and_the_address(page, server):
    open_explorer(page, server)  # the default logits: 0.4, 1.3, -0.6
    click(page, "+0.5")
    expect(explorer(page).get_by_label(LOGITS_FIELD)).to_have_value("0.9, 1.8, -0.1")
    wait_for_query(page, logits="0.9,1.8,-0.1")
    assert all(texts == ["0.9", "1.8", "-0.1"] for texts in written(page).values()), written(page)
    # The explorer computes with the full value, -0.09999999999999998.
    assert wait_for_logits(page, [0.4 + 0.5, 1.3 + 0.5, -0.6 + 0.5]).logits[2] == -0.09999999999999998


def test_gradient_steps_leave_short_numbers_in_the_field_and_the_address(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    z = np.array([1.0, 2.0, -1.0])
    for _ in range(3):
        click(page, "Gradient step")
        z = z - cross_entropy_grad(z, 1)
        wait_for_logits(page, z)  # every digit, in the views
    expect(explorer(page).get_by_label(LOGITS_FIELD)).to_have_value(format_logits(z))
    wait_for_query(page, logits=",".join(format_number(v) for v in z))
    for where, texts in written(page).items():
        assert all(SHORT.fullmatch(t) for t in texts), (where, texts)


def test_logits_handed_over_by_the_training_tab_are_written_short_and_kept_whole(page, server):
    open_training(page, server, "grid=50&fps=5")
    frame = training(page).locator(".decision-map svg.axes rect.frame").bounding_box()
    page.mouse.click(frame["x"] + 0.5 * frame["width"], frame["y"] + 0.5 * frame["height"])
    handed = training(page).locator(".readout tbody td.logit")
    expect(handed.first).to_be_visible()
    logits = [float(v) for v in handed.evaluate_all("els => els.map(e => e.dataset.value)")]
    assert not all(SHORT.fullmatch(repr(v)) for v in logits), "float32 logits have many digits"
    training(page).get_by_role("button", name="Open these logits in the explorer").click()
    wait_for_logits(page, logits)
    wait_for_query(page, logits=",".join(format_number(v) for v in logits))
    for where, texts in written(page).items():
        assert all(SHORT.fullmatch(t) for t in texts), (where, texts)


def test_all_equal_then_reveal_says_it_is_a_tie_broken_by_the_first_index(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    click(page, "All equal")
    click(page, "Reveal the results")
    line = explorer(page).locator(".readout .accuracy-line")
    expect(line).to_contain_text(
        "Prediction (highest p): low (a 3-way tie of low, medium and high: argmax, as torch.argmax does, "
        "takes the first of them, so the accuracy is 0); true class: medium; accuracy 0"
    )
    assert np.argmax(shown(page).probabilities) == 0  # as numpy (and torch) break the tie
    explorer(page).get_by_label("true class: low").check()
    expect(line).to_contain_text("so the accuracy is 1); true class: low; accuracy 1")


def test_a_clear_winner_mentions_no_tie(page, server):
    open_explorer(page, server, "?logits=1.5,1.5,1.6&target=2")
    expect(explorer(page).locator(".readout .accuracy-line")).to_contain_text(
        "Prediction (highest p): high; true class: high; accuracy 1"
    )
    expect(explorer(page).locator(".readout .accuracy-line .tie")).to_have_text("")


LONG = "long_class_name_<b>&</b>"  # 24 characters, the most a name may have, markup included


def test_a_long_class_name_ends_in_an_ellipsis_and_shows_whole_on_hover_and_in_the_table(page, server):
    assert len(LONG) == 24
    open_explorer(page, server, "?logits=1,2,-1,0,0.5,3,-2,1,2,0&target=1")
    enter(page, "Class names (press Enter)", f"low, {LONG}, c, d, e, f, g, h, i, j")
    tab = explorer(page)
    name = tab.locator(".probability-bars .bar .name").nth(1)
    expect(name).to_have_text(f"{LONG} (true)")
    # Cut (two lines at most) with an ellipsis, not clipped mid-letter without a sign.
    style = name.evaluate("e => [getComputedStyle(e).webkitLineClamp, e.scrollHeight > e.clientHeight + 1]")
    assert style == ["2", True]
    assert name.get_attribute("title") == f"{LONG} (true)"
    name.hover()  # the title is what a hover shows
    assert tab.locator(".slider-row label.class-name").nth(1).get_attribute("title") == LONG
    assert tab.locator(".gradient-bars .grad-row .name").nth(1).get_attribute("title") == LONG
    # Whole in the table, as text: the markup in the name is not markup.
    cell = tab.locator(".readout tbody .row-name").nth(1)
    expect(cell).to_have_text(f"{LONG} (true)")
    assert cell.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.querySelector('b') === null")
