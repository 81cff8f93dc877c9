"""The training sessions of one server process, and the share of its time each may take.

A process runs Python on one core at a time, and a class's sessions share it: each session's loop asks the room
how long its next tick may train and how often it may tick. Alone, a session gets its frame rate and up to
TICK_S of training a tick; as more sessions play, each gets an equal part of TRAINING_SHARE of the core, and
the frame rate falls (never below MIN_FPS) before training does, because a frame costs the server more than it
shows. What is left of the core goes to clicks, key presses and pages opening, so those stay quick.
"""

from __future__ import annotations

import weakref

TRAINING_SHARE = 0.75  # of one core, for all the sessions' training together
TICK_S = 0.025  # the longest a tick trains, whatever the model: Pause and clicks wait at most this long
FRAME_COST_S = 0.002  # the server's own cost of a frame, besides training (measured: BENCHMARKS.md)
MIN_FPS = 2


class Room:
    """The sessions that are training in this process (held weakly: a closed page's session leaves by itself)."""

    def __init__(self):
        self._playing: weakref.WeakSet = weakref.WeakSet()

    def join(self, session) -> None:
        self._playing.add(session)

    def leave(self, session) -> None:
        self._playing.discard(session)

    @property
    def playing(self) -> int:
        return len(self._playing)

    def frames_per_second(self, wanted: float) -> float:
        """The frame rate a session may have: ``wanted``, or less when the frames alone would fill the core."""
        n = max(1, self.playing)
        affordable = (1 - TRAINING_SHARE) / (n * FRAME_COST_S)
        return max(MIN_FPS, min(wanted, affordable))

    def budget(self, fps: float) -> float:
        """The seconds a session's tick may train, at ``fps`` ticks a second."""
        n = max(1, self.playing)
        return min(TICK_S, TRAINING_SHARE / (n * fps))

    def busy(self, wanted: float) -> str:
        """A line for a student whose frame rate the room has lowered, or "" if it has not."""
        fps = self.frames_per_second(wanted)
        if fps >= wanted:
            return ""
        return f"Busy server: {self.playing} training here, about {fps:.0f} frames/s each"


ROOM = Room()  # one a process
