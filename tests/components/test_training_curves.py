"""The loss and accuracy curves, the confusion matrix and its counts."""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix

from components.training_curves import COLUMNS, MAX_POINTS, ConfusionMatrix, TrainingCurves
from models.training import Metrics, confusion_counts


def history(*epochs: int, loss: float = 1.0) -> list[Metrics]:
    return [Metrics(e, loss / (e + 1), 0.5, loss / (e + 1) + 0.1, 0.4) for e in epochs]


def shown(curves: TrainingCurves) -> dict[str, list]:
    """The curves' data as sent to the browser: float32 rows, one column per metric."""
    rows = np.frombuffer(curves.history or b"", dtype="<f4").reshape(-1, len(COLUMNS))
    return {column: rows[:, i].tolist() for i, column in enumerate(COLUMNS)}


def test_the_curves_send_every_metric_of_a_short_history():
    curves = TrainingCurves()
    curves.show(history(0, 5, 10))
    data = shown(curves)
    assert data["epoch"] == [0, 5, 10]
    np.testing.assert_allclose(data["train_loss"], [m.train_loss for m in history(0, 5, 10)], rtol=1e-7)
    np.testing.assert_allclose(data["val_acc"], [0.4] * 3, rtol=1e-7)


def test_a_long_history_is_thinned_evenly_keeping_the_first_and_last_epochs():
    curves = TrainingCurves()
    curves.show(history(*range(5000)))
    epochs = shown(curves)["epoch"]
    assert len(epochs) == MAX_POINTS and epochs[0] == 0 and epochs[-1] == 4999
    gaps = np.diff(epochs)
    assert gaps.min() >= 16 and gaps.max() <= 18


def test_a_shorter_history_replaces_the_curves():
    # After a reset or a divergence the trainer's history is shorter; the browser draws what it is sent.
    curves = TrainingCurves()
    curves.show(history(0, 5, 10))
    curves.show(history(0, 5, 7))
    assert shown(curves)["epoch"] == [0, 5, 7]


def test_reset_clears_the_curves():
    curves = TrainingCurves()
    curves.show(history(0, 5, 10))
    curves.reset()
    assert shown(curves)["epoch"] == []


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
