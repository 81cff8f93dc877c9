"""`/metrics`: this server process's Prometheus metrics (components/metrics.py), in Prometheus' text format.

Mounted without any flag by app/app_hooks.py when `panel serve app` starts (Bokeh runs a directory app's
`app_hooks.py`), so `panel serve app --port P` answers at `http://host:P/metrics`. `ROUTES` also lets Panel mount
it the documented way, `panel serve app --plugins app.metrics`; the hook then leaves the route as it is.
"""

from __future__ import annotations

import gc
import logging
import re

from bokeh.server.tornado import BokehTornado
from tornado.web import RequestHandler

from softmax_explorer.components import metrics

log = logging.getLogger(__name__)
ENDPOINT = "/metrics"


class MetricsHandler(RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", metrics.CONTENT_TYPE)
        self.set_header("Cache-Control", "no-store")
        self.write(metrics.text())


ROUTES = [(ENDPOINT, MetricsHandler)]


def _prefixed(tornado_app: BokehTornado) -> str:
    prefix = getattr(tornado_app, "_prefix", "") or ""
    return (prefix.rstrip("/") + ENDPOINT) if prefix else ENDPOINT


def _routed(tornado_app: BokehTornado, path: str) -> bool:
    """Whether a rule of ``tornado_app`` already serves ``path`` (e.g. mounted by --plugins)."""
    for host_rule in tornado_app.default_router.rules:
        for rule in getattr(host_rule.target, "rules", []):
            regex = getattr(rule.matcher, "regex", None)
            if regex is not None and regex.pattern not in (".*$", r".*$") and re.fullmatch(regex, path):
                return True
    return False


def tornado_app_of(application_context) -> BokehTornado | None:
    """The Bokeh Tornado application that serves ``application_context`` (Bokeh gives its hooks no reference)."""
    for candidate in gc.get_objects():
        if isinstance(candidate, BokehTornado) and application_context in candidate._applications.values():
            return candidate
    return None


def install(server_context) -> bool:
    """Mount `/metrics` on the server running ``server_context``'s application, and count its sessions."""
    application_context = server_context.application_context
    metrics.count_sessions(lambda: len(application_context._sessions))
    tornado_app = tornado_app_of(application_context)
    if tornado_app is None:
        log.warning(
            "/metrics not mounted: no Bokeh server found; use `panel serve app --plugins app.metrics`"
        )
        return False
    path = _prefixed(tornado_app)
    if not _routed(tornado_app, path):
        tornado_app.add_handlers(r".*", [(re.escape(path), MetricsHandler)])
    return True
