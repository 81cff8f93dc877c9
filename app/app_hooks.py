"""Bokeh's server hooks for the directory app `app/` (run by `panel serve app`, once a process).

On start it mounts `/metrics` (app/metrics.py) beside the app, so the plain `panel serve app` command serves it,
and adds the security headers (app/security.py) to every response.
"""

from app import metrics, security


def on_server_loaded(server_context):
    metrics.install(server_context)
    tornado_app = metrics.tornado_app_of(server_context.application_context)
    if tornado_app is not None:
        security.install(tornado_app)
