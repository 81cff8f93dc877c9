"""Bokeh's server hooks for the directory app `app/` (run by `panel serve app`, once a process).

On start it mounts `/metrics` (app/metrics.py) beside the app, so the plain `panel serve app` command serves it,
adds the security headers (app/security.py) to every response, names the replica and lets nginx route new pages
around a full one (app/replica.py), and frees closed pages' sessions within seconds
(app/sessions.py). It imports the app's modules before the first page is asked for, and freezes them for the
garbage collector.
"""

import gc

from softmax_explorer.app import metrics, replica, security, sessions


def on_server_loaded(server_context):
    metrics.install(server_context)
    sessions.install(server_context)
    tornado_app = metrics.tornado_app_of(server_context.application_context)
    if tornado_app is not None:
        security.install(tornado_app)
        replica.install(tornado_app)
    # Import what every session uses now, once, then move it out of the garbage collector's view: Panel collects
    # after sessions end, and a full collection over torch, Bokeh and Panel stalls every page for ~0.4 s. (Last:
    # frozen objects are no longer listed by gc.get_objects, which metrics.install searches.)
    import softmax_explorer.app.page  # noqa: F401

    gc.collect()
    gc.freeze()
