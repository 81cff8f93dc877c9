"""Issue 3, items 1 and 2: classes (2 to 10, added, removed, renamed) and the true class (by mouse and by key)."""

from __future__ import annotations

from playwright.sync_api import expect

from softmax_explorer.models.softmax import cross_entropy
from tests.ui import explorer_page as ui


def names_in_every_view(page) -> list[list[str]]:
    """The class names on the sliders, the bars, the readout's rows and the gradient bars, in that order."""
    sliders = (
        ui.explorer(page)
        .locator("input.logit")
        .evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    )
    return [
        [s.removeprefix("logit for ") for s in sliders],
        [
            n.removesuffix(" (true)")
            for n in ui.explorer(page).locator(".probability-bars .bar .name").all_inner_texts()
        ],
        [
            n.removesuffix(" (true)")
            for n in ui.explorer(page).locator(".readout tbody .row-name").all_inner_texts()
        ],
        ui.explorer(page).locator(".gradient-bars .grad-row .name").all_inner_texts(),
    ]


def wait_for_names(page, names: list[str]) -> None:
    ui.poll(
        page,
        lambda: names_in_every_view(page),
        lambda seen: seen == [names] * 4,
        what=f"every view naming {names}",
    )


def test_add_class_adds_a_named_slider_bar_row_and_gradient_bar(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.click(page, "+ class")
    wait_for_names(page, ["low", "medium", "high", "class 4"])
    ui.assert_matches_core(ui.wait_for_logits(page, [1, 2, -1, 0]), target=1)
    ui.wait_for_query(page, classes="low,medium,high,class 4", logits="1,2,-1,0")


def test_add_class_stops_at_ten_classes(page, server):
    ui.open_explorer(page, server, "?logits=" + ",".join(["1"] * 9))
    ui.click(page, "+ class")
    expect(ui.explorer(page).locator("input.logit")).to_have_count(10)
    ui.click(page, "+ class")
    # Handled after the second "+ class": once it shows, that click has been handled too.
    ui.click(page, "+0.5")
    ui.wait_for_logits(page, [1.5] * 9 + [0.5])
    expect(ui.explorer(page).locator("input.logit")).to_have_count(10)


def test_remove_class_drops_the_last_class_and_stops_at_two(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.click(page, "− class")
    wait_for_names(page, ["low", "medium"])
    ui.click(page, "− class")
    ui.click(page, "+0.5")
    ui.assert_matches_core(ui.wait_for_logits(page, [1.5, 2.5]), target=1)
    wait_for_names(page, ["low", "medium"])


def test_removing_the_true_class_makes_the_last_class_true(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=2")
    ui.click(page, "− class")
    wait_for_names(page, ["low", "medium"])
    assert ui.explorer(page).get_by_label("true class: medium").is_checked()
    ui.assert_matches_core(ui.shown(page), target=1)


def test_renamed_classes_show_in_every_view_and_the_url(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.enter(page, ui.NAMES_FIELD, "cat, dog, bird")
    wait_for_names(page, ["cat", "dog", "bird"])
    expect(ui.explorer(page).locator(".readout .loss-line")).to_contain_text("true class dog")
    ui.wait_for_query(page, classes="cat,dog,bird", logits="1,2,-1")


def test_bad_class_names_show_a_message_and_keep_the_names(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.enter(page, ui.NAMES_FIELD, "cat, cat, bird")
    expect(page.get_by_text("Not applied: class names must be different from each other.")).to_be_visible()
    assert names_in_every_view(page) == [["low", "medium", "high"]] * 4


def test_clicking_a_true_class_radio_changes_the_loss_and_accuracy(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    assert ui.shown(page).accuracy_text == "1"
    ui.explorer(page).get_by_label("true class: high").check()
    now = ui.shown(page)  # the views follow in the browser, before any round trip
    assert now.accuracy_text == "0"
    assert now.loss_text == f"{cross_entropy([1, 2, -1], 2):.3f}" == "3.349"
    ui.assert_matches_core(now, target=2)
    expect(ui.explorer(page).locator(".probability-bars .bar.is-target .name")).to_have_text("high (true)")
    ui.wait_for_query(page, target="2")


def test_key_t_makes_the_chosen_class_the_true_class(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    page.locator("body").press("1")
    page.keyboard.press("t")
    assert ui.explorer(page).get_by_label("true class: low").is_checked()
    ui.assert_matches_core(ui.shown(page), target=0)
    ui.wait_for_query(page, target="0")
