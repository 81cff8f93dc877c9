"""The training tab's loop in its session: a periodic callback that ticks twice a frame, at the frame rate the
process's room gives the session (components/room.py), and stops when the page closes (in a notebook, when the
cell's output goes) or the session ends. What a frame does is the playground's (``TrainingPlayground.frame``);
when frames come is here.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable

import panel as pn

from softmax_explorer.components import metrics
from softmax_explorer.components.notebook import OutputWatch
from softmax_explorer.components.room import ROOM

log = logging.getLogger(__name__)
# `panel serve` shows INFO only from Bokeh's own loggers; a session's end is reported beside theirs.
log.setLevel(logging.INFO)

TICKS_PER_FRAME = 2


def every(period_ms: int, callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback`` every ``period_ms`` in this session; returns the function that stops it.

    In a server session this is Bokeh's own periodic callback: Panel's also raises the page's busy indicator
    around each call, which costs two messages and a spinner flicker a frame.
    """
    doc = pn.state.curdoc
    if doc is None or doc.session_context is None:  # a notebook, or a test without a server
        callback_ = pn.state.add_periodic_callback(callback, period=period_ms)
        return callback_.stop
    handle = doc.add_periodic_callback(callback, period_ms)

    def stop():
        # ValueError: already removed; AttributeError: the document is destroyed, and its callbacks with it.
        with contextlib.suppress(ValueError, AttributeError):
            doc.remove_periodic_callback(handle)

    return stop


def session_id(doc) -> str | None:
    """The id of ``doc``'s server session (None outside a server: a notebook, a test)."""
    context = getattr(doc, "session_context", None)
    return context.id if context is not None else None


class SessionLoop:
    """The pacing of TrainingPlayground's loop, mixed into it (its state stays the playground's own: ``_loop``,
    ``_period``). The playground has ``playing``, ``frames_per_second`` and ``frame()``, calls ``_start_session``
    once, and starts and stops the ticks as ``playing`` changes."""

    def _start_session(self) -> None:
        self._loop = None
        self._period = 1 / self.frames_per_second  # between ticks of the loop, s
        self._tick_end = self._frame_at = 0.0
        self._output = OutputWatch()  # in a notebook
        self._follow_session()

    def _follow_session(self) -> None:
        """Belong to the current session (or none, outside a server): the end of it stops the loop."""
        self._doc = pn.state.curdoc
        self._session = session_id(self._doc)  # the session whose end is this playground's
        if self._session is not None:
            pn.state.on_session_destroyed(self._session_ended)

    def _start_ticks(self, fps: float) -> None:
        """Tick TICKS_PER_FRAME times a frame at ``fps`` frames a second (the room's rate for this session, not the
        one asked for: a tick that only finds it is not yet due costs the server as much as a small frame's
        messages). Twice a frame, so that a tick the event loop was too busy to run costs a frame half a period,
        not a whole one: otherwise the sessions whose ticks fall behind the busiest moments get fewer frames."""
        if self._loop is not None:
            self._loop()
        self._period = 1 / fps  # between frames
        self._loop = every(max(1, round(1000 * self._period / TICKS_PER_FRAME)), self._tick)

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop()
            self._loop = None
        ROOM.leave(self)
        metrics.TRAINING_PLAYING.set(ROOM.playing)

    def _tick(self) -> None:
        """The loop's callback: a frame, unless the last one ended less than a third of a period ago.

        A frame that outruns its period (many epochs of a big model, a busy server) would leave no time to read
        the browser's messages, Pause among them, before the next; skipping one keeps a third of the time free.
        """
        now = time.monotonic()
        if not self._page_open():
            self.playing = False
            return
        fps = ROOM.frames_per_second(self.frames_per_second)
        if abs(fps * self._period - 1) > 0.25:  # the room's rate for this session has changed: tick at it
            self._start_ticks(fps)
        if now - self._tick_end < self._period / 3:
            self._tick_end = 0.0
            return
        if now - self._frame_at < 0.95 / fps:
            return
        self._frame_at = now
        self.frame()
        self._tick_end = time.monotonic()

    def _page_open(self) -> bool:
        """Whether a browser is still connected to this session (a closed page's session lives on a while), or, in
        a notebook, whether the cell's output is still there (once it has been shown)."""
        context = getattr(self._doc, "session_context", None)
        if context is None:
            return self._output(self.__dict__.get("_layout"))
        session = getattr(context, "session", None)
        if session is None or session.connection_count > 0:
            return True
        log.info("training loop stopped: page closed (session %s)", context.id)
        return False

    def _session_ended(self, session_context) -> None:
        if session_context.id != self._session:
            return  # a page this playground has left (the theme switch carried it to another): not its end
        self._stop_loop()  # stopped here, so that pausing draws nothing for a page that is gone
        self.playing = False
        log.info("training loop stopped: session %s ended", session_context.id)
