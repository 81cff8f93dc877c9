"""Divergence in a real browser: a learning rate of 100 stops training with a clear message; Reset recovers.

The blobs MLP at lr = 100 diverges at epoch 12 (the Ames MLP at 17); logistic regression never does, as its
loss grows only linearly with the weights.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer
from tests.ui.conftest import checked_page
from tests.ui.training_page import (
    PAUSE,
    PLAY,
    alert_text,
    button,
    choose,
    epoch,
    open_training,
    pause,
    play,
    settled_epoch,
    training,
    wait_for_epoch,
)

QUERY = "dataset=blobs&model=mlp&epf=5&fps=5&grid=50"


@pytest.fixture(scope="module")
def diverges_at() -> int:
    trainer = Trainer(load_toy("blobs", n=300, noise=0.1, seed=0), Config(hidden=(100,), lr=100.0))
    trainer.step(100)
    return trainer.diverged_at


@pytest.fixture(scope="module")
def page(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, QUERY + "&rate=100")
        yield page


def status(page):
    return training(page).locator(".training-status")


def test_a_rate_of_100_from_the_url_diverges_and_pauses_with_a_clear_message(page, diverges_at):
    play(page)
    expect(status(page)).to_be_visible(timeout=20_000)
    assert alert_text(status(page)) == (
        f"Training diverged at epoch {diverges_at}: the loss became infinite or NaN, so training stopped and the "
        f"weights of epoch {diverges_at - 1} were put back. Lower the learning rate, then press Reset."
    )
    expect(button(page, PLAY)).to_be_visible()
    assert settled_epoch(page) == diverges_at - 1


def test_reset_recovers_from_divergence(page):
    if not status(page).is_visible():
        play(page)
        expect(status(page)).to_be_visible(timeout=20_000)
    button(page, "Reset").click()
    expect(status(page)).to_be_hidden()
    wait_for_epoch(page, lambda e: e == 0)
    choose(page, "Learning rate", "0.1")
    play(page)
    wait_for_epoch(page, lambda e: e >= 40)
    pause(page)
    expect(status(page)).to_be_hidden()


def test_a_rate_of_100_chosen_in_the_select_diverges(page, diverges_at):
    button(page, "Reset").click()
    choose(page, "Learning rate", "0.1")
    choose(page, "Learning rate", "100.0")
    wait_for_epoch(page, lambda e: e == 0)
    play(page)
    expect(status(page)).to_be_visible(timeout=20_000)
    expect(button(page, PAUSE)).to_be_hidden()
    assert epoch(page) == diverges_at - 1
