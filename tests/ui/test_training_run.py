"""The training tab's run in a real browser: play, pause, step, reset, keys, speed, the map, curves and matrix.

One page on the blobs toy set serves the whole module (a page load costs seconds); each test starts by resetting.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.components.decision_map import FRAMES_IN_FLIGHT
from softmax_explorer.components.training_playground import TrainingPlayground
from tests.ui.conftest import checked_page
from tests.ui.explorer_page import poll
from tests.ui.training_page import (
    MAP_MODEL,
    PAUSE,
    PLAY,
    button,
    choose,
    confusion_counts,
    curves,
    drawn_curve_points,
    epoch,
    losses,
    map_legend,
    map_painted,
    map_pixels,
    open_training,
    pause,
    play,
    settled_epoch,
    settled_map,
    train_until,
    training,
    wait_for_epoch,
)

PER_FRAME = TrainingPlayground.param.epochs_per_frame.label
# 300 blobs, of which 60 are held out; a small map; 5 frames a second keeps the headless browser responsive.
QUERY = "dataset=blobs&noise=1&epf=5&fps=5&grid=50"
VALIDATION_SIZE = 60


@pytest.fixture(scope="module")
def page(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, QUERY)
        yield page


@pytest.fixture(autouse=True)
def at_epoch_0(page):
    """Every test starts paused at epoch 0, nothing focused."""
    if button(page, PAUSE).is_visible():
        pause(page)
    button(page, "Reset").click()
    wait_for_epoch(page, lambda e: e == 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")


def test_play_advances_the_epoch_and_lowers_the_loss(page):
    _, start_train, start_validation = losses(page)
    play(page)
    wait_for_epoch(page, lambda e: e >= 20)
    _, train_loss, validation_loss = losses(page)
    assert train_loss < start_train and validation_loss < start_validation


def test_pause_stops_training(page):
    play(page)
    wait_for_epoch(page, lambda e: e >= 10)
    stopped = pause(page)
    page.wait_for_timeout(1000)  # five frames' time at 5 frames a second: none may come
    assert epoch(page) == stopped


def test_after_a_pause_step_continues_from_the_epoch_shown(page):
    # Frames are skipped while the browser is busy; the pause must still show where training stopped.
    play(page)
    wait_for_epoch(page, lambda e: e >= 10)
    stopped = pause(page)
    button(page, "Step").click()
    wait_for_epoch(page, lambda e: e != stopped)
    assert settled_epoch(page) == stopped + 1


def test_step_adds_exactly_one_epoch(page):
    button(page, "Step").click()
    wait_for_epoch(page, lambda e: e == 1)
    button(page, "Step").click()
    wait_for_epoch(page, lambda e: e == 2)
    assert settled_epoch(page) == 2
    expect(button(page, PLAY)).to_be_visible()


def test_reset_returns_to_epoch_0_and_the_initial_loss(page):
    initial = losses(page)
    train_until(page, 20)
    assert losses(page)[1] != initial[1]
    button(page, "Reset").click()
    poll(page, lambda: losses(page), lambda now: now == initial, what="the initial epoch and losses")


def test_space_plays_and_pauses(page):
    page.keyboard.press(" ")
    expect(button(page, PAUSE)).to_be_visible()
    wait_for_epoch(page, lambda e: e >= 10)
    page.keyboard.press(" ")
    expect(button(page, PLAY)).to_be_visible()
    stopped = settled_epoch(page)
    page.wait_for_timeout(600)
    assert epoch(page) == stopped


def test_key_s_steps_one_epoch(page):
    page.keyboard.press("s")
    wait_for_epoch(page, lambda e: e == 1)
    assert settled_epoch(page) == 1


def test_key_r_resets(page):
    button(page, "Step").click()
    wait_for_epoch(page, lambda e: e == 1)
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("r")
    wait_for_epoch(page, lambda e: e == 0)


def test_space_on_a_focused_button_presses_that_button_only(page):
    button(page, "Step").focus()
    page.keyboard.press(" ")
    wait_for_epoch(page, lambda e: e == 1)
    assert settled_epoch(page) == 1  # the shortcut did not also start training
    expect(button(page, PLAY)).to_be_visible()


def test_epochs_per_frame_sets_the_epochs_gained_each_frame(page):
    # Record every epoch the page draws: each frame redraws the epoch line once.
    page.locator(".se-epoch").evaluate("""line => {
        const root = line.getRootNode();
        window.seenEpochs = [];
        new MutationObserver(() => {
            const shown = root.querySelector("b[data-epoch]");
            const value = shown && Number(shown.dataset.epoch);
            if (value !== null && value !== window.seenEpochs.at(-1)) window.seenEpochs.push(value);
        }).observe(root, {subtree: true, childList: true, characterData: true});
    }""")
    gains = {}
    for per_frame in ("50", "5"):
        choose(page, PER_FRAME, per_frame)
        button(page, "Reset").click()
        wait_for_epoch(page, lambda e: e == 0)
        page.evaluate("window.seenEpochs.length = 0")
        play(page)
        wait_for_epoch(page, lambda e, n=int(per_frame): e >= 4 * n)
        pause(page)
        seen = page.evaluate("window.seenEpochs")
        gains[per_frame] = set(np.diff(seen).tolist())
    choose(page, PER_FRAME, "5")
    # A frame trains its epochs within the tick's time budget (components/room.py), so on a busy machine a frame
    # may gain fewer and frames drawn together gain more; a frame with time enough gains exactly its number.
    assert 50 in gains["50"] and 5 in gains["5"]
    assert max(gains["50"]) > max(gains["5"])


def test_the_map_is_drawn_on_a_canvas(page):
    canvas = training(page).locator("canvas.map")
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    assert box["width"] > 400 and box["height"] > 300
    # grid=50: at most 50 cells a side, which the plot's size (a cell every 4 pixels) allows both ways.
    _, grid = settled_map(page, (50, 50))
    assert np.ptp(grid.max(axis=-1)) > 0.05  # shaded by confidence, not one flat colour
    pixels = map_pixels(page).reshape(-1, 3)
    assert len(np.unique(pixels, axis=0)) > 10  # the regions' shades and the points, not a blank canvas


def test_the_map_changes_while_training(page):
    _, before = settled_map(page, (50, 50))
    shown = map_pixels(page)
    play(page)
    wait_for_epoch(page, lambda e: e >= 20)
    during = map_painted(page)
    wait_for_epoch(page, lambda e: e >= 40)
    assert map_painted(page) > during  # new models keep being drawn
    pause(page)
    _, after = settled_map(page, (50, 50))
    assert np.abs(after - before).max() > 0.01
    assert not np.array_equal(shown, map_pixels(page))  # and the canvas shows it


def test_the_map_shows_the_last_model_at_its_finest_once_training_stops(page):
    play(page)
    wait_for_epoch(page, lambda e: e >= 30)
    pause(page)
    number, _ = settled_map(page, (50, 50))
    assert number > 1 and map_painted(page) == number


def test_a_paused_browser_gets_no_backlog_of_frames(page):
    # With the page's JavaScript stopped (a frozen laptop) nothing is painted or acknowledged, so the server may
    # have FRAMES_IN_FLIGHT frames on their way, then sends no more however long the pause. The page reads what
    # came during the pause all at once when it resumes: a burst of at most FRAMES_IN_FLIGHT frames.
    # The numbers (curves, epoch line) are messages too, of a few dozen bytes, and not held back.
    cdp = page.context.new_cdp_session(page)
    frames = []  # (when the page read it, whether it is a map frame)
    canvas = page.evaluate(f"() => {MAP_MODEL}.id")
    cdp.on(
        "Network.webSocketFrameReceived",
        lambda e: frames.append((e["timestamp"], is_message_to(canvas, e["response"]["payloadData"]))),
    )
    cdp.send("Network.enable")
    cdp.send("Debugger.enable")
    play(page)
    wait_for_epoch(page, lambda e: e >= 10)
    before = len(frames)
    cdp.send("Debugger.pause")
    time.sleep(4)  # 20 frames' time at 5 frames a second
    cdp.send("Debugger.resume")
    wait_for_epoch(page, lambda e: e >= 20)  # and training and drawing go on
    pause(page)
    cdp.detach()
    after = [when for when, is_map in frames[before:] if is_map]
    # In the first second after it resumed: what was waiting, then at most 5 (and one at the edge) at 5 frames a
    # second; without flow control all 20 frames sent during the pause would come here.
    soon = [when for when in after if when - after[0] < 1.0]
    assert len(soon) <= FRAMES_IN_FLIGHT + 6, (
        f"{len(soon)} frames in 1 s: {[round(t - after[0], 3) for t in after]}"
    )


def is_message_to(model_id: str, payload: str) -> bool:
    """Whether a websocket frame's text is an ESM message (Bokeh's header part) for the model ``model_id``."""
    return '"esm_event"' in payload and model_id in payload


def test_the_legend_names_each_class_and_both_parts(page):
    assert map_legend(page) == ["0", "1", "2", "● training", "▲ validation"]


def test_the_curves_grow_with_each_frame_and_end_at_the_shown_epoch(page):
    assert curves(page)["epoch"] == [0]
    stopped = train_until(page, 20)
    _, train_loss, _ = losses(page)
    shown = poll(
        page, lambda: curves(page), lambda c: c["epoch"][-1] == stopped, what="the curve reaching the epoch"
    )
    assert len(shown["epoch"]) > 2 and shown["epoch"] == sorted(shown["epoch"])
    assert round(shown["train_loss"][-1], 3) == train_loss
    assert drawn_curve_points(page) == len(shown["epoch"])
    drawn = training(page).locator(".curve-charts figure").first.get_attribute("data-train")
    assert round(float(drawn), 3) == train_loss


def test_confusion_matrix_counts_every_validation_point(page):
    train_until(page, 10)
    counts = confusion_counts(page)
    assert counts.shape == (3, 3)
    assert counts.sum() == VALIDATION_SIZE
