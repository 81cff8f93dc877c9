"""One replica of several behind nginx (deploy/nginx/): it names itself, turns new pages away when it is full,
and logs which sessions' pages and websockets it serves.

- Every response names the replica in `X-Softmax-Replica` (from `SOFTMAX_EXPLORER_REPLICA`, when set). nginx
  copies it into the browser's affinity cookie, so the page's websocket reaches the process that holds its
  session.
- A page request that nginx marks with `X-Softmax-Admission: route-around` is answered `503` before any session is
  built when this process's training places are all taken (components/admission.py), so nginx asks the next
  replica instead (`proxy_next_upstream http_503`). nginx asks again without the mark when every replica is full,
  and then the page is served as usual: the explorer works and the training tab says why it cannot train. Without
  a proxy (no mark) a full process serves every page the same way, so `panel serve app` alone never refuses one.
- "page for session S" and "websocket for session S" lines in the log show where each request of a session went
  (the replicas' test reads them; an operator can too).
"""

from __future__ import annotations

import logging
import os

from bokeh.server.views.doc_handler import DocHandler
from bokeh.server.views.ws import WSHandler
from bokeh.util.token import get_session_id
from tornado.web import OutputTransform

from softmax_explorer.components.admission import PLACES

log = logging.getLogger(__name__)

REPLICA_ENV = "SOFTMAX_EXPLORER_REPLICA"
REPLICA_HEADER = "X-Softmax-Replica"
ADMISSION_HEADER = "X-Softmax-Admission"
ROUTE_AROUND = "route-around"
RETRY_AFTER_S = 30
FULL_PAGE = (
    "<!doctype html><title>Full</title><p>This server's training places are all taken; "
    "the proxy in front of it should have sent you elsewhere. Reload the page in a minute.</p>"
)


class ReplicaName(OutputTransform):
    """Adds `X-Softmax-Replica: <name>` to every response (the name is set on the class by ``install``)."""

    name = ""

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        if self.name:
            headers.setdefault(REPLICA_HEADER, self.name)
        return status_code, headers, chunk


class PageHandler:
    """Mixed into the app's page handler: 503 for nginx's marked page requests while full; logs the session."""

    async def prepare(self):
        if self.request.headers.get(ADMISSION_HEADER) == ROUTE_AROUND and PLACES.full:
            log.info("%s full (%d training): page refused, nginx asks another replica", _me(), PLACES.taken)
            self.set_status(503)
            self.set_header("Retry-After", str(RETRY_AFTER_S))
            self.set_header("Cache-Control", "no-store")
            self.finish(FULL_PAGE)
            return
        await super().prepare()

    async def get_session(self):
        session = await super().get_session()
        log.info("%s page for session %s", _me(), session.id)
        return session


class SocketHandler:
    """Mixed into Bokeh's websocket handler: logs the session each websocket is for."""

    def open(self):
        protocol = self.request.headers.get("Sec-WebSocket-Protocol", "")
        token = protocol.split(",")[-1].strip()
        if token:
            log.info("%s websocket for session %s", _me(), get_session_id(token))
        return super().open()


def _me() -> str:
    return f"replica {ReplicaName.name}:" if ReplicaName.name else "replica:"


def _mix_into(tornado_app, base: type, mixin: type) -> None:
    """Put ``mixin`` in front of every routing rule's handler that is a ``base`` (Bokeh's or Panel's subclass)."""
    for host_rule in tornado_app.default_router.rules:
        for rule in getattr(host_rule.target, "rules", []):
            target = rule.target
            if isinstance(target, type) and issubclass(target, base) and not issubclass(target, mixin):
                rule.target = type(target.__name__, (mixin, target), {})


def install(tornado_app, environ=os.environ) -> None:
    """Name this replica in every response, route page requests around it when full, log its sessions."""
    ReplicaName.name = environ.get(REPLICA_ENV, "")
    if ReplicaName not in tornado_app.transforms:
        tornado_app.transforms.append(ReplicaName)
    _mix_into(tornado_app, DocHandler, PageHandler)
    _mix_into(tornado_app, WSHandler, SocketHandler)
    log.setLevel(logging.INFO)  # `panel serve` sets only Bokeh's loggers to INFO
