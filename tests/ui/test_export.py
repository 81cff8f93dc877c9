"""Issue 14, "a one-file explorer": `python -m softmax_explorer export explorer.html` writes one HTML file whose
explorer works from file:// in Chromium with every request beyond the file refused, and computes what
models/softmax.py computes. The server's own browser tests of the explorer (those with nothing to do with a
server) run against the file too, unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from inspect import signature

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.softmax import cross_entropy, cross_entropy_grad
from tests.ui import explorer_page as ui
from tests.ui.conftest import ARTIFACTS, ROOT, checked_page

SHOTS = ROOT / "build" / "screenshots"
SCREEN = {"width": 1920, "height": 1080}
NOTE = "One-file explorer: everything is computed in this browser, with no server."


@dataclass
class Site:
    """The exported file, standing in for a server: `ui.open_explorer(page, site, query)` opens it."""

    url: str
    size: int
    said: str


@pytest.fixture(scope="module")
def site(tmp_path_factory, chromium_path) -> Site:
    """The file the command line writes, as an instructor would make it."""
    path = tmp_path_factory.mktemp("export") / "explorer.html"
    done = subprocess.run(
        [sys.executable, "-m", "softmax_explorer", "export", str(path)],
        cwd=tmp_path_factory.getbasetemp(),  # not the checkout: the installed or checkout package, by its name
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return Site(url=path.as_uri(), size=path.stat().st_size, said=done.stdout)


@contextmanager
def offline_page(browser, **options):
    """A checked page on which every request that is not for a file is refused and recorded in `page.outside`."""
    with checked_page(browser, **options) as page:
        page.outside = []
        page.on("request", lambda r: r.url.startswith("file:") or page.outside.append(r.url))

        def refuse(route):
            page.outside.append(route.request.url)
            route.abort()

        page.context.route(lambda url: not url.startswith("file:"), refuse)
        yield page
        assert page.outside == [], "the file asked something of a server"


@pytest.fixture
def page(browser):
    with offline_page(browser) as page:
        yield page


def test_the_file_loads_offline_with_the_core_s_numbers(page, site):
    started = time.perf_counter()
    ui.open_explorer(page, site, "?logits=1,2,-1&target=1")
    shown_after = time.perf_counter() - started
    ui.assert_matches_core(ui.shown(page), target=1)
    expect(page.locator(".se-file-note")).to_contain_text(NOTE)
    expect(page.locator(".url-warning")).to_be_hidden()
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "export.json").write_text(
        json.dumps({"bytes": site.size, "load_event_ms": load, "shown_s": shown_after})
    )
    print(
        f"\nexplorer.html: {site.size:,} bytes; load event at {load:.0f} ms; explorer shown in {shown_after:.2f} s"
    )
    assert load < 3000


def test_the_address_starts_at_the_state_and_follows_it(page, site):
    ui.open_explorer(page, site)
    assert ui.shown(page).logits == [0.4, 1.3, -0.6]
    ui.wait_for_query(page, tab="explore", logits="0.4,1.3,-0.6", classes="low,medium,high", target="1")


def test_slider_keys_and_exact_entry_match_the_core(page, site):
    ui.open_explorer(page, site, "?logits=1,2,-1&target=1")
    page.keyboard.press("2")
    page.keyboard.press("+")
    ui.assert_matches_core(ui.wait_for_logits(page, [1, 2.5, -1]), target=1)
    page.keyboard.press("ArrowLeft")
    ui.assert_matches_core(ui.wait_for_logits(page, [1, 2.4, -1]), target=1)
    ui.enter(page, ui.LOGITS_FIELD, "1000, -1000, 0.125")
    now = ui.wait_for_logits(page, [1000, -1000, 0.125])
    ui.assert_matches_core(now, target=1)
    ui.wait_for_query(page, logits="1000,-1000,0.125")
    ui.enter(page, ui.LOGITS_FIELD, "1, two")
    expect(page.get_by_role("alert")).to_have_text(
        "Not applied: 'two' is not a number: use a number from -1000 to 1000."
    )
    assert ui.shown(page).logits == [1000, -1000, 0.125]


def test_gradient_steps_move_the_logits_as_the_core_s_gradient_does(page, site):
    ui.open_explorer(page, site, "?logits=1,2,-1&target=1&temperature=2")
    ui.enter(page, "Step size (learning rate)", "0.5")
    ui.wait_for_query(page, lr="0.5")
    ui.click(page, "Gradient step")
    z = np.array([1.0, 2.0, -1.0]) - 0.5 * cross_entropy_grad([1, 2, -1], 1, 2)
    now = ui.wait_for_logits(page, z.tolist())
    ui.assert_matches_core(now, target=1, temperature=2)
    np.testing.assert_allclose(
        ui.numbers(page, ".gradient-bars .grad-row", "data-gradient"),
        cross_entropy_grad(z, 1, 2),
        rtol=1e-12,
    )
    page.keyboard.press("g")  # and by key
    z = z - 0.5 * cross_entropy_grad(z, 1, 2)
    ui.wait_for_logits(page, z.tolist())
    ui.enter(page, "Steps to run", "5")
    ui.click(page, "▶ Run steps")
    for _ in range(5):
        z = z - 0.5 * cross_entropy_grad(z, 1, 2)
    # Five steps in the browser's arithmetic: numpy's exp and the browser's may differ in the last bit.
    now = ui.poll(page, lambda: ui.shown(page), lambda now: np.allclose(now.logits, z, rtol=1e-12, atol=0))
    expect(ui.explorer(page).get_by_role("button", name="▶ Run steps")).to_be_visible()
    assert ui.shown(page).logits == now.logits  # and then no more
    ui.assert_matches_core(now, target=1, temperature=2)
    assert now.loss < cross_entropy([1, 2, -1], 1, 2)


def test_temperature_divides_the_logits_in_every_view(page, site):
    ui.open_explorer(page, site, "?logits=1,2,-1&target=2")
    ui.explorer(page).get_by_label("temperature T (log scale)").focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")  # T = 10^0.1
    expect(ui.explorer(page).locator(".temperature output")).to_have_text("T = 1.26")
    ui.wait_for_query(page, temperature="1.26")
    ui.assert_matches_core(ui.shown(page), target=2, temperature=1.26)
    expect(ui.explorer(page).locator(".readout thead th")).to_contain_text(["z / T"])


def test_presets_hide_their_results_and_challenges_show_their_goals(page, site):
    ui.open_explorer(page, site, "?logits=1,2,-1&target=1")
    ui.click(page, "One much bigger")
    assert ui.wait_for_logits(page, [6, 1, 1]).probability_text == ["?"] * 3
    ui.wait_for_query(page, conceal="1")
    page.keyboard.press("v")
    ui.assert_matches_core(ui.shown(page), target=1)
    ui.click(page, "Challenge: half on the last class")
    ui.wait_for_logits(page, [0, 0, 0])
    challenge = ui.explorer(page).locator(".probability-bars .challenge")
    expect(challenge).to_contain_text("Goal 0.25 / 0.25 / 0.5")
    ui.enter(page, ui.LOGITS_FIELD, "0, 0, 0.693147")
    expect(challenge).to_contain_text("✓ Solved")
    ui.explorer(page).get_by_label("Presets hide the results until revealed").uncheck()
    ui.click(page, "All equal")
    assert ui.wait_for_logits(page, [1.5, 1.5, 1.5]).probability_text == ["0.333"] * 3


def test_classes_come_and_go_and_keep_their_names(page, site):
    ui.open_explorer(page, site, "?logits=1,2,-1&target=2")
    ui.click(page, "+ class")
    ui.assert_matches_core(ui.wait_for_logits(page, [1, 2, -1, 0]), target=2)
    expect(ui.explorer(page).locator(".probability-bars .bar .name")).to_have_text(
        ["low", "medium", "high (true)", "class 4"]
    )
    ui.enter(page, ui.NAMES_FIELD, "cat, dog")
    ui.assert_matches_core(ui.wait_for_logits(page, [1, 2]), target=1)  # the true class was dropped: the last
    expect(ui.explorer(page).locator(".loss-curve .sigmoid-note")).to_be_visible()  # two classes: sigmoid
    ui.click(page, "− class")  # two classes are the fewest
    ui.wait_for_query(page, classes="cat,dog", target="1", logits="1,2")


def test_lecture_mode_and_the_dark_theme_keep_the_state(page, site):
    ui.open_explorer(page, site, "?logits=1,2,-1&target=2&temperature=2")
    page.get_by_role("switch", name="Lecture mode").check()
    expect(page.locator("html.se-present")).to_have_count(1)
    loss = ui.explorer(page).locator(".probability-bars output.loss")
    assert loss.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 48
    expect(page.locator(".se-file-note")).to_be_hidden()  # a secondary note, in lecture mode
    ui.wait_for_query(page, present="1")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.get_by_role("button", name="Switch to the dark theme").click()
    page.wait_for_url("**theme=dark**")
    expect(ui.explorer(page).locator(".readout table.steps")).to_be_visible()
    expect(page.get_by_role("button", name="Switch to the light theme")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") not in (
        light,
        "rgb(255, 255, 255)",
    )
    expect(page.get_by_role("switch", name="Lecture mode")).to_be_checked()
    ui.assert_matches_core(ui.shown(page), target=2, temperature=2)
    page.keyboard.press("l")
    expect(page.locator("html.se-present")).to_have_count(0)


def test_a_reload_keeps_everything_from_the_address(page, site):
    ui.open_explorer(page, site, "?logits=1,2,-1&target=1")
    ui.enter(page, ui.NAMES_FIELD, "cat, dog, bird, fish")
    ui.click(page, "Challenge: each twice the one before")
    ui.enter(page, ui.LOGITS_FIELD, "0.5, -1.25, 2, 3")
    ui.explorer(page).get_by_label("true class: bird").check()
    ui.enter(page, "Steps to run", "7")
    query = ui.wait_for_query(
        page,
        logits="0.5,-1.25,2,3",
        classes="cat,dog,bird,fish",
        target="2",
        goal="0.067,0.133,0.267,0.533",
        steps="7",
    )
    page.reload()
    expect(ui.explorer(page).locator(".readout table.steps")).to_be_visible()
    ui.assert_matches_core(ui.shown(page), target=2)
    expect(ui.explorer(page).locator(".probability-bars .challenge")).to_contain_text("Goal 0.067 / 0.133")
    expect(ui.explorer(page).get_by_label("Steps to run")).to_have_value("7")
    assert ui.query_of(page) == query


def test_a_link_from_the_server_opens_the_same_state_and_says_what_it_cannot_use(page, site):
    ui.open_explorer(
        page, site, "?tab=train&model=mlp&rate=0.3&logits=1,2,-1&target=high&hide=curve&lr=0&theme=dark"
    )
    ui.assert_matches_core(ui.shown(page), target=2)
    expect(ui.explorer(page).locator("figure.loss-curve")).to_be_hidden()
    expect(page.locator(".url-warning")).to_contain_text("lr: '0' is outside 0.01 to 10")
    expect(page.locator(".se-file-note")).to_contain_text("training playground")
    expect(page.locator("html.se-dark")).to_have_count(1)
    # The training tab's keys are kept, for a link back to the server.
    query = ui.wait_for_query(page, tab="explore", model="mlp", rate="0.3")
    assert "lr" not in query


def test_the_app_s_button_downloads_the_file_at_the_state_on_screen(browser, server, tmp_path):
    path = tmp_path / "softmax-explorer.html"
    with checked_page(browser, accept_downloads=True) as app:
        ui.open_explorer(app, server, "?logits=3,-2,0.5&target=0")
        with app.expect_download() as download:
            ui.click(app, "⬇ One file")
        assert download.value.suggested_filename == path.name
        download.value.save_as(path)
    with offline_page(browser) as page:
        page.goto(path.as_uri())
        ui.assert_matches_core(ui.wait_for_logits(page, [3, -2, 0.5]), target=0)


# The server's own tests of what the explorer does in the browser, each run against the file unchanged. Those left
# out test the server itself (round trips, the tab strip, the training tab's hand-off, a slider drag's throttling),
# or a run of several steps to the last bit: the server computes them in numpy, the file in the browser, and
# numpy's exp and V8's may differ in the last bit (test_gradient_steps_... checks a run here to 1e-12).
SERVER_TESTS = {
    "test_explorer_basics": [
        "test_url_logits_show_the_probabilities_and_loss_of_the_core",
        "test_default_state_is_three_house_price_classes",
        "test_keyboard_moves_a_slider_and_every_view_follows",
        "test_huge_logits_give_exact_finite_numbers",
        "test_a_good_url_shows_no_warning",
    ],
    "test_explorer_classes": [
        "test_add_class_adds_a_named_slider_bar_row_and_gradient_bar",
        "test_add_class_stops_at_ten_classes",
        "test_remove_class_drops_the_last_class_and_stops_at_two",
        "test_removing_the_true_class_makes_the_last_class_true",
        "test_renamed_classes_show_in_every_view_and_the_url",
        "test_bad_class_names_show_a_message_and_keep_the_names",
        "test_clicking_a_true_class_radio_changes_the_loss_and_accuracy",
        "test_key_t_makes_the_chosen_class_the_true_class",
    ],
    "test_explorer_entry": [
        "test_shift_buttons_move_every_logit_but_leave_the_probabilities",
        "test_scale_buttons_sharpen_and_flatten_the_probabilities",
        "test_reset_restores_the_starting_logits_and_temperature",
        "test_typed_logits_set_the_sliders_on_enter_to_the_last_digit",
        "test_moving_a_slider_rewrites_the_text_field",
        "test_typing_more_logits_adds_classes",
        "test_bad_logit_text_shows_a_message_and_keeps_the_logits",
        "test_a_logit_past_the_slider_range_widens_the_range",
        "test_logits_of_plus_and_minus_1000_are_exact_and_overflow_nothing",
    ],
    "test_explorer_gradient": [
        "test_gradient_bars_equal_the_core_gradient_divided_by_t",
        "test_gradient_bars_are_coloured_by_sign",
        "test_gradient_step_moves_the_logits_by_minus_lr_times_the_gradient",
        "test_stop_ends_a_run_before_its_steps_are_done",
    ],
    "test_explorer_keys": [
        "test_question_mark_opens_a_help_popover_listing_every_shortcut",
        "test_digit_keys_choose_a_slider_and_plus_minus_nudge_it_by_half",
        "test_key_g_takes_a_gradient_step",
        "test_greater_and_less_keys_shift_every_logit",
        "test_key_r_resets_the_logits",
        "test_key_v_reveals_a_preset_s_hidden_results",
        "test_shortcut_letters_typed_into_a_text_field_stay_text",
    ],
    "test_explorer_loss": [
        "test_both_losses_and_gradients_match_the_core_for_a_confidently_wrong_prediction",
        "test_the_default_shows_cross_entropy_with_the_squared_error_only_as_a_number",
        "test_choosing_squared_error_round_trips_through_the_url",
        "test_key_e_cycles_the_loss_and_g_steps_down_the_chosen_one",
    ],
    "test_explorer_lecture": [
        "test_lecture_mode_toggle_enlarges_the_type_and_the_bars",
        "test_present_in_the_url_starts_in_lecture_mode_and_key_l_leaves_it",
        "test_lecture_mode_keeps_every_readout_column_in_view",
        "test_lecture_mode_prints_ten_probabilities_apart",
        "test_hide_in_the_url_hides_the_temperature_and_gradient_sections",
        "test_hide_in_the_url_can_leave_only_the_sliders_and_bars",
        "test_classes_use_the_okabe_ito_colours_in_order",
        "test_theme_switch_reloads_in_the_dark_theme_with_the_same_state",
        "test_lecture_mode_hides_the_secondary_notes_and_raises_the_contrast",
    ],
    "test_explorer_numbers": [
        "test_readout_columns_equal_the_core_step_by_step",
        "test_readout_shows_z_over_t_only_when_t_is_not_1",
        "test_readout_shows_the_formula_and_names_the_loss_and_the_prediction",
        "test_temperature_slider_runs_on_a_log_scale_from_0_1_to_10",
        "test_ghost_bars_show_the_t_1_probabilities_once_t_is_not_1",
        "test_loss_curve_marks_the_core_loss_at_the_true_logit",
        "test_two_classes_show_that_p_equals_sigmoid_of_the_logit_difference",
    ],
    "test_explorer_presets": [
        "test_warm_up_presets_load_their_situations",
        "test_a_preset_hides_every_result_until_reveal",
        "test_unticking_predict_first_shows_preset_results_at_once",
        "test_challenge_shows_its_goals_and_a_solved_check_once_reached_with_the_sliders",
        "test_challenge_counts_as_solved_only_within_0_01_of_every_goal",
        "test_second_challenge_asks_for_each_probability_twice_the_one_before",
    ],
    "test_explorer_url": [
        "test_every_setting_round_trips_through_the_url",
        "test_hidden_results_and_sections_round_trip_through_the_url",
        "test_bad_values_in_the_url_each_warn_and_fall_back",
    ],
    "test_explorer_largest": [
        "test_the_challenge_is_met_with_the_true_logit_up_and_the_others_down_and_then_explained",
    ],
}


@pytest.mark.parametrize(
    ("module", "name"), [(m, n) for m, names in SERVER_TESTS.items() for n in names], ids=lambda v: v
)
def test_the_server_s_explorer_test_passes_on_the_file(page, site, browser, module, name):
    test = getattr(import_module(f"tests.ui.{module}"), name)
    given = {"page": page, "server": site, "browser": browser}
    test(**{p: given[p] for p in signature(test).parameters})


@pytest.mark.parametrize("lecture", [False, True], ids=["normal", "lecture"])
def test_screenshot_at_1920_by_1080(browser, site, lecture):
    with offline_page(browser, viewport=SCREEN) as page:
        ui.open_explorer(page, site, "?logits=1,2,-1&target=1" + ("&present=1" if lecture else ""))
        expect(ui.explorer(page).locator(".probability-bars .bar .value").first).to_have_text("0.259")
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"export{'-lecture' if lecture else ''}.png"
        page.screenshot(path=path)
        assert path.stat().st_size > 30_000
        bars = ui.explorer(page).locator(".probability-bars .bars").bounding_box()
        assert bars["y"] + bars["height"] <= SCREEN["height"]  # the bars on the first screen
