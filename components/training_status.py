"""Why training stops on its own, in words for the student: it diverged, it ran away, or nobody is watching."""

from __future__ import annotations

import math
import time

from softmax_explorer.models.training import Trainer

EXPLODED = 20  # a training loss this many times a uniform guess's (log K) ...
RUNAWAY_S = 5.0  # ... for this long has run away (one that overflows to NaN first is caught as divergence)
STALLED_S = 10.0  # a page that has painted no frame for this long is not being read (hidden, or gone): pause


def diverged(trainer: Trainer) -> str:
    """Why training stopped, if the loss became infinite or NaN (the Trainer put the last finite weights back)."""
    if trainer.diverged_at is None:
        return ""
    return (
        f"Training diverged at epoch {trainer.diverged_at}: the loss became infinite or NaN, "
        f"so training stopped and the weights of epoch {trainer.epoch} were put back. "
        "Lower the learning rate, then press Reset."
    )


def stalled() -> str:
    return (
        f"Training paused: this page painted no frame for {STALLED_S:g} s (a hidden tab or a "
        "lost connection). Press Play to go on."
    )


class Runaway:
    """Watches for a training loss that stays far above a uniform guess's, log K, for RUNAWAY_S without becoming
    infinite (Adam at a rate of 10, a huge weight decay): training is running away, though nothing overflowed."""

    def __init__(self):
        self._since: float | None = None

    def check(self, trainer: Trainer) -> str:
        """Why training should pause, if it has run away for RUNAWAY_S by now; "" otherwise."""
        history, k = trainer.history, len(trainer.dataset.class_names)
        if not (len(history) > 1 and history[-1].train_loss > EXPLODED * math.log(k)):
            self._since = None
            return ""
        self._since = self._since or time.monotonic()
        if time.monotonic() - self._since < RUNAWAY_S:
            return ""
        loss, guess = history[-1].train_loss, math.log(k)
        return (
            f"Training paused at epoch {trainer.epoch}: the training loss has grown to {loss:,.0f}, more than "
            f"{EXPLODED:g} times a uniform guess's ({guess:.2f}), so it is running away rather than learning. "
            "Lower the learning rate (or the weight decay), then press Reset."
        )
