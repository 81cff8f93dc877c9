"""Closed pages let go of their sessions within seconds, while a page still opening keeps its own for a minute.

Bokeh frees a session once it has had no connection for `--unused-session-lifetime`. One number cannot serve
both cases: a page whose websocket is slow to come (a full room builds 40 pages at once) needs a minute, but a
page that was open and closed should not hold its memory that long. So the lifetime is generous
(deploy/serve.sh) and this watcher asks Bokeh to expire, at its next check, any session that had a connection
and has had none for CLOSED_S. (Its training loop stopped already, at the tick after the close.)

"Had a connection" cannot be left to the watcher's eye alone: a page opened and closed between two of its looks
(a student clicking through, a quick reload) would keep its session the whole minute. So each page also says so
itself when it has loaded (`mark_loaded`, run by Panel's onload in app/main.py).
"""

from __future__ import annotations

import asyncio
import logging

import panel as pn
from tornado.ioloop import PeriodicCallback
from tornado.websocket import WebSocketClosedError

log = logging.getLogger(__name__)

CLOSED_S = 3.0
EVERY_MS = 1000

_loaded: set[str] = set()  # ids of the sessions whose page has loaded (so connected), while Bokeh holds them


def mark_loaded() -> None:
    """Remember that the current session's page has connected (for Panel's ``pn.state.onload``)."""
    context = pn.state.curdoc.session_context if pn.state.curdoc else None
    if context is not None:
        _loaded.add(context.id)


class ClosedPages:
    """Watches a server's sessions and expires the ones whose page was closed."""

    def __init__(self, server_context):
        self._server = server_context
        self._connected: set[str] = set()  # sessions that have had a connection

    def check(self) -> None:
        alive = set()
        for session in self._server.sessions:
            alive.add(session.id)
            if session.connection_count > 0 or session.id in _loaded:
                self._connected.add(session.id)
            if (
                session.connection_count == 0
                and session.id in self._connected
                and session.milliseconds_since_last_unsubscribe > 1000 * CLOSED_S
            ):
                session.request_expiration()
        self._connected &= alive
        _loaded.intersection_update(alive)


def _quiet_closed_websockets(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """A message for a page closed a moment ago is not an error: Bokeh sends without awaiting, and Tornado's
    failed write would otherwise log "Task exception was never retrieved" with a traceback."""
    if isinstance(context.get("exception"), WebSocketClosedError):
        log.debug("a message for a closed page was dropped")
        return
    loop.default_exception_handler(context)


def install(server_context) -> PeriodicCallback:
    """Start watching ``server_context``'s sessions (from Bokeh's on_server_loaded hook)."""
    asyncio.get_event_loop().set_exception_handler(_quiet_closed_websockets)
    callback = PeriodicCallback(ClosedPages(server_context).check, EVERY_MS)
    callback.start()
    return callback
