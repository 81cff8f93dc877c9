"""Issue 15, the warm-up's last question as a challenge: with the sliders, the true class's logit up is not enough;
with the others down too it is met, and the page explains why (softmax depends only on differences)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.ui import explorer_page as ui
from tests.ui.test_screenshots import save

LABEL = "Challenge: the true class's p as large as it can be"


def press(page, label: str, key: str, times: int) -> None:
    """Focus the slider ``label`` and press ``key`` ``times`` times (+ and - move it by 0.5)."""
    ui.explorer(page).get_by_label(label).focus()
    for _ in range(times):
        page.keyboard.press(key)


def test_the_challenge_is_met_with_the_true_logit_up_and_the_others_down_and_then_explained(page, server):
    ui.open_explorer(page, server, "?logits=1,2,-1&target=1")
    ui.click(page, LABEL)
    ui.wait_for_logits(page, [0, 0, 0])
    ui.wait_for_query(page, largest="1", logits="0,0,0")
    tab = ui.explorer(page)
    status = tab.locator(".se-largest-status")
    expect(status).to_have_text("Goal p(medium) ≥ 0.999 with every logit within ±5: now p(medium) = 0.3333.")
    press(page, "logit for medium", "+", 10)  # z = 0, 5, 0: p(medium) = 0.987, not enough
    expect(status).to_contain_text(
        "now p(medium) = 0.9867. medium's logit is at the top: what must the others do?"
    )
    press(page, "logit for medium", "+", 2)  # 6 is past the bound
    expect(status).to_have_text("Keep every logit within ±5: z(medium) is 6.")
    press(page, "logit for medium", "-", 2)
    press(page, "logit for low", "-", 10)
    press(page, "logit for high", "-", 10)  # z = -5, 5, -5
    ui.wait_for_logits(page, [-5, 5, -5])
    expect(status).to_have_text("✓ Solved: p(medium) = 0.99991 with every logit within ±5.")
    why = tab.get_by_text("Softmax depends only on the differences between logits")
    expect(why).to_be_visible()
    expect(why).to_contain_text("whether z_medium goes up or the others go down, alike")
    expect(why).to_contain_text("p(medium) = 1 / (1 + 2·exp(−10)) = 0.99991")
    ui.click(page, "Reset")  # ends the challenge
    expect(status).to_be_hidden()


def test_the_solved_challenge_at_1920_by_1080_normal_and_in_lecture_mode(browser, server):
    for name, query in [("largest", ""), ("largest-lecture", "&present=1")]:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        ui.open_explorer(page, server, f"?logits=-5,5,-5&target=1&largest=1{query}")
        expect(ui.explorer(page).locator(".se-largest-status")).to_contain_text("✓ Solved")
        expect(ui.explorer(page).get_by_text("depends only on the differences")).to_be_visible()
        save(page, name)
        page.close()
