"""Issue 15, the warm-up's shape questions on the Tensor shapes tab: predict, check, see each answer marked with
why; a hostile answer is refused in words and the page keeps working."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.ui.test_screenshots import save
from tests.ui.training_page import open_details, open_training, training

INJECTED = "document.querySelectorAll('img[src=x], img[onerror]').length"


def answer(page, **typed: str) -> None:
    """Type the answers (X, W, b, Y for X @ W + b), moving between the fields with Tab as a person may."""
    names = {"X": "X", "W": "W", "b": "b", "Y": "X @ W + b"}
    for key, text in typed.items():
        field = training(page).get_by_role("textbox", name=names[key], exact=True)
        field.fill(text)


def check(page) -> None:
    training(page).get_by_role("button", name="Check", exact=True).click()


def open_quiz(page, server, query: str) -> None:
    open_training(page, server, query)
    open_details(page, "Tensor shapes")
    expect(training(page).get_by_text("a batch of 100 houses goes through")).to_be_visible()


def test_two_wrong_answers_are_marked_with_the_right_shapes_and_why_and_the_table_shows(page, server):
    open_quiz(page, server, "dataset=ames&model=logreg")
    table = training(page).locator("table.se-shapes")
    expect(table).to_be_hidden()  # predict first
    answer(page, X="100x2", W="(3, 2)", b="[1, 3]", Y="100, 3")
    check(page)
    marks = training(page).locator("ul.se-quiz-marks li")
    expect(marks).to_have_count(4)
    expect(training(page).locator(".se-quiz-score")).to_have_text("2 of 4 right")
    expect(marks.nth(0)).to_have_text(
        "✓ X: (100, 2) X is (batch, in) = (100, 2): one row a house, one column a feature."
    )
    expect(marks.nth(1)).to_have_text(
        "✗ W: (3, 2), but it is (2, 3) W is (in, out) = (2, 3) in the course's X @ W + b; nn.Linear stores its "
        "transpose, weight (3, 2)."
    )
    expect(marks.nth(2)).to_contain_text("✗ b: (1, 3), but it is (3,)")
    expect(marks.nth(3)).to_contain_text("✓ X @ W + b: (100, 3)")
    expect(marks.nth(1)).to_have_class("wrong")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr").nth(1)).to_contain_text("(2, 3)")


def test_a_hostile_answer_is_refused_in_words_and_the_page_keeps_working(page, server):
    open_quiz(page, server, "dataset=ames&model=logreg")
    answer(page, X="<img src=x onerror=alert(1)>", W="9" * 10_000, b="(3,)", Y="(100, 3)")
    check(page)
    warning = training(page).get_by_text("Not checked yet: every answer must be a shape.")
    expect(warning).to_be_visible()
    alert = training(page).locator(".notice").filter(has_text="Not checked yet")
    expect(alert).to_contain_text(
        "X: '<img src=x onerror=alert(1)>' is not a shape: write one such as (100, 2)"
    )
    expect(alert).to_contain_text(re.compile(r"W: the answer is too long \([\d,]+ characters\)"))
    page.wait_for_timeout(300)
    assert page.evaluate(INJECTED) == 0, "the answer became markup"
    expect(training(page).locator("table.se-shapes")).to_be_hidden()  # nothing revealed
    # The session keeps working: the answers fixed, with the keyboard, are checked.
    answer(page, X="(100, 2)", W="(2, 3)")
    field = training(page).get_by_role("textbox", name="X @ W + b", exact=True)
    field.focus()
    page.keyboard.press("Enter")
    expect(training(page).locator(".se-quiz-score")).to_have_text("4 of 4 right")
    expect(warning).to_be_hidden()


def test_the_question_follows_the_batch_field_and_stays_the_warm_ups_with_the_mlp(page, server):
    open_quiz(page, server, "dataset=ames&model=mlp")
    expect(training(page).get_by_text("own layers are in the table")).to_be_visible()
    batch = training(page).get_by_label("Batch size (rows of X)")
    batch.fill("32")
    batch.press("Enter")
    expect(training(page).get_by_text("a batch of 32 houses goes through nn.Linear(2, 3)")).to_be_visible()
    answer(page, X="32x2", W="2x3", b="3", Y="32x3")
    check(page)
    expect(training(page).locator(".se-quiz-score")).to_have_text("4 of 4 right")


def test_the_marked_quiz_at_1920_by_1080_normal_and_in_lecture_mode_and_dark(browser, server):
    for name, query in [("shape-quiz", ""), ("shape-quiz-lecture", "&present=1&theme=dark")]:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        open_quiz(page, server, f"dataset=ames&model=logreg{query}")
        answer(page, X="100x2", W="(3, 2)", b="[1, 3]", Y="100, 3")
        check(page)
        expect(training(page).locator(".se-quiz-score")).to_have_text("2 of 4 right")
        training(page).locator("ul.se-quiz-marks li").last.scroll_into_view_if_needed()
        save(page, name)
        page.close()
