"""Two students on one server: a heavy model beside the default one. Both train, and the light one's clicks stay
quick, because a tick trains for a bounded time whatever the model (components/room.py)."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from tests.ui.conftest import checked_page
from tests.ui.sessions import SilentClient
from tests.ui.training_page import (
    PAUSE,
    PLAY,
    button,
    epoch,
    open_training,
    pause,
    play,
    training,
    wait_for_epoch,
)

# The heaviest run the controls allow: 4 x 512 units, Adam, batch 8, 2000 spiral points, 50 epochs a frame
# (250 mini-batches an epoch: one frame's epochs would hold the server for minutes if a tick ran them whole).
HEAVY = "dataset=spiral&points=2000&model=mlp&hidden=512,512,512,512&optimizer=adam&batch=8&epf=50&rate=0.001"


def test_a_heavy_model_and_the_default_one_both_train_and_pause(browser, server):
    with checked_page(browser) as heavy, checked_page(browser) as light:
        open_training(heavy, server, HEAVY)
        open_training(light, server)
        play(heavy)
        play(light)
        start = epoch(light)
        wait_for_epoch(light, lambda e: e >= start + 20)
        # The heavy model advances too, epoch by epoch, although one of its epochs is many ticks long.
        wait_for_epoch(heavy, lambda e: e >= 1, timeout=60)
        # Pause reaches the light page between two of the heavy page's ticks.
        clicked = time.monotonic()
        button(light, PAUSE).click()
        expect(button(light, PLAY)).to_be_visible(timeout=5_000)
        paused_in = time.monotonic() - clicked
        pause(heavy)
        assert paused_in < 5  # the bound the expect above already enforced, kept for the report


def test_a_busy_room_says_so_without_alarm_and_the_line_goes_with_the_crowd(browser, server):
    # Five more sessions training (websocket clients that press Play and never read): the room lowers this page's
    # frame rate, and the page says so; once they are gone, the line goes.
    with checked_page(browser) as page:
        open_training(page, server, "fps=30")
        play(page)
        busy = training(page).locator(".training-busy")
        expect(busy).to_be_hidden()
        others = [SilentClient(f"{server.url}?tab=train&dataset=blobs&points=100&fps=30") for _ in range(5)]
        try:
            expect(busy).to_have_text(
                re.compile(r"Busy server: [3-6] training here, about \d+ frames/s each")
            )
            assert "alert-info" in busy.get_attribute("class")  # information, not a warning
        finally:
            for other in others:
                other.close()
        expect(busy).to_be_hidden(timeout=20_000)
        pause(page)
