"""The epoch line and the loss and accuracy curves (what the browser is sent), the confusion matrix and its counts."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix

from softmax_explorer.components.layouts import NUMBERS, unpack
from softmax_explorer.components.training_curves import COLUMNS, MAX_POINTS, ConfusionMatrix, TrainingCurves
from softmax_explorer.models.training import Metrics, confusion_counts


def history(*epochs: int, loss: float = 1.0) -> list[Metrics]:
    return [Metrics(e, loss / (e + 1), 0.5, loss / (e + 1) + 0.1, 0.4) for e in epochs]


def rows(data: bytes) -> np.ndarray:
    return np.frombuffer(data or b"", dtype="<f4").reshape(-1, len(COLUMNS))


def shown(curves: TrainingCurves) -> dict[str, list]:
    """The rows a view rendered now would get: float32, one column per metric."""
    return {column: rows(curves.history)[:, i].tolist() for i, column in enumerate(COLUMNS)}


class Browser:
    """The rows a view holds from the messages it was sent (as js/training_curves.js keeps them)."""

    def __init__(self, curves: TrainingCurves):
        self.rows, self.messages = np.zeros((0, len(COLUMNS)), "<f4"), []
        curves._send_msg = self.receive

    def receive(self, message: bytes) -> None:
        numbers = unpack(NUMBERS, message)
        self.messages.append(numbers)
        new = numbers["history"].reshape(-1, len(COLUMNS))
        kept = self.rows[: len(self.rows) - numbers["drop"]]
        self.rows = new.copy() if numbers["replace"] else np.concatenate([kept, new])


def test_the_curves_send_every_metric_of_a_short_history():
    curves = TrainingCurves()
    browser = Browser(curves)
    curves.show(history(0, 5, 10), frame_ms=(3.25, 0.5))
    data = shown(curves)
    assert data["epoch"] == [0, 5, 10]
    np.testing.assert_allclose(data["train_loss"], [m.train_loss for m in history(0, 5, 10)], rtol=1e-7)
    np.testing.assert_allclose(data["val_acc"], [0.4] * 3, rtol=1e-7)
    np.testing.assert_array_equal(browser.rows, rows(curves.history))
    assert browser.messages[0]["train_ms"] == 3.25 and browser.messages[0]["draw_ms"] == 0.5


def test_while_training_a_message_carries_only_the_new_rows():
    curves, runs = TrainingCurves(), history(*range(50))
    browser = Browser(curves)
    for end in range(1, 51):
        curves.show(runs[:end])
    assert [m["rows"] for m in browser.messages] == [1] * 50 and not any(m["drop"] for m in browser.messages)
    assert not any(m["replace"] for m in browser.messages[1:])
    assert browser.rows[:, 0].tolist() == list(range(50)) == shown(curves)["epoch"]


def test_a_long_run_is_thinned_to_every_other_row_keeping_the_first_and_the_latest():
    curves, runs = TrainingCurves(), history(*range(5000))
    browser = Browser(curves)
    for end in range(1, 5001):
        curves.show(runs[:end])
        assert len(browser.rows) <= 2 * MAX_POINTS
    epochs = shown(curves)["epoch"]
    assert browser.rows[:, 0].tolist() == epochs
    assert MAX_POINTS <= len(epochs) <= 2 * MAX_POINTS and epochs[0] == 0 and epochs[-1] == 4999
    assert np.diff(epochs[:-1]).min() == np.diff(epochs[:-1]).max()  # evenly spaced, but for the latest
    assert sum(m["replace"] for m in browser.messages) <= 1 + math.ceil(math.log2(5000 / MAX_POINTS))


def test_a_whole_long_history_at_once_is_thinned_too():
    curves = TrainingCurves()
    curves.show(history(*range(5000)))
    epochs = shown(curves)["epoch"]
    assert MAX_POINTS <= len(epochs) <= 2 * MAX_POINTS and epochs[0] == 0 and epochs[-1] == 4999


def test_a_history_that_is_not_the_one_shown_replaces_the_curves():
    # After a reset or a divergence the trainer's history is shorter; the browser draws what it is sent.
    curves = TrainingCurves()
    browser = Browser(curves)
    curves.show(history(0, 5, 10))
    curves.show(history(0, 5, 7, 8))  # as long or longer, but other entries
    assert shown(curves)["epoch"] == [0, 5, 7, 8] == browser.rows[:, 0].tolist()
    assert browser.messages[-1]["replace"] == 1


def test_reset_clears_the_curves():
    curves = TrainingCurves()
    browser = Browser(curves)
    curves.show(history(0, 5, 10))
    curves.reset()
    assert shown(curves)["epoch"] == [] and len(browser.rows) == 0


@pytest.mark.parametrize("seed", range(5))
def test_confusion_counts_match_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 11))
    y_true, y_pred = rng.integers(0, k, 200), rng.integers(0, k, 200)
    np.testing.assert_array_equal(
        confusion_counts(y_true, y_pred, k), confusion_matrix(y_true, y_pred, labels=range(k))
    )


def test_confusion_counts_keep_classes_never_seen():
    counts = confusion_counts(np.array([0, 0]), np.array([0, 1]), 4)
    assert counts.shape == (4, 4) and counts.sum() == 2 and counts[0, 0] == counts[0, 1] == 1


def matrix_html(matrix: ConfusionMatrix) -> str:
    return matrix.__panel__().object.text


def test_the_confusion_matrix_says_how_many_were_right():
    matrix = ConfusionMatrix(counts=np.array([[5, 1], [2, 12]]), class_names=["no", "yes"])
    text = matrix_html(matrix)
    assert "17 of 20 right (85.0%)" in text
    assert [int(c) for c in re.findall(r"data-count='(\d+)'", text)] == [5, 1, 2, 12]


def test_the_confusion_matrix_escapes_class_names():
    matrix = ConfusionMatrix(counts=np.eye(2, dtype=int), class_names=["<b>", "a&b"])
    assert "&lt;b&gt;" in matrix_html(matrix) and "a&amp;b" in matrix_html(matrix)
