"""app/sessions.py: a closed page's session is let go within seconds, also when its page came and went between two
of the watcher's looks; a page still to connect keeps its session."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from bokeh.document import Document
from bokeh.server.contexts import BokehSessionContext
from panel.io.state import set_curdoc

from softmax_explorer.app import sessions


@dataclass
class Session:
    """What the watcher reads of one of Bokeh's ServerSessions."""

    id: str
    connection_count: int = 0
    milliseconds_since_last_unsubscribe: float = 0
    expiring: bool = False

    def request_expiration(self) -> None:
        self.expiring = True


@dataclass
class Server:
    sessions: list[Session]


def page_loads(session_id: str) -> None:
    """What Panel's onload does in the app: mark_loaded with the page's document current."""
    doc = Document()
    context = BokehSessionContext(session_id, None, doc)
    doc._session_context = weakref.ref(context)
    with set_curdoc(doc):
        sessions.mark_loaded()


def test_a_page_seen_connected_is_let_go_once_closed_for_a_while():
    session = Session("seen", connection_count=1)
    watcher = sessions.ClosedPages(Server([session]))
    watcher.check()
    session.connection_count, session.milliseconds_since_last_unsubscribe = 0, 1000
    watcher.check()
    assert not session.expiring  # closed a second ago: a reload may be coming
    session.milliseconds_since_last_unsubscribe = 1000 * sessions.CLOSED_S + 1
    watcher.check()
    assert session.expiring


def test_a_page_that_came_and_went_between_two_looks_is_let_go_too():
    session = Session("quick")
    watcher = sessions.ClosedPages(Server([session]))
    watcher.check()
    page_loads("quick")  # connected and closed again before the next look: the watcher never saw a connection
    session.milliseconds_since_last_unsubscribe = 1000 * sessions.CLOSED_S + 1
    watcher.check()
    assert session.expiring


def test_a_page_not_yet_connected_keeps_its_session():
    session = Session("waiting", milliseconds_since_last_unsubscribe=30_000)
    watcher = sessions.ClosedPages(Server([session]))
    watcher.check()
    page_loads("another")
    watcher.check()
    assert not session.expiring


def test_the_watcher_forgets_sessions_bokeh_has_freed():
    server = Server([Session("gone")])
    page_loads("gone")
    watcher = sessions.ClosedPages(server)
    watcher.check()
    server.sessions = []
    watcher.check()
    assert "gone" not in sessions._loaded and "gone" not in watcher._connected
