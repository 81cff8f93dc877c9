"""Bokeh's server hooks for the directory app `app/` (run by `panel serve app`, once a process).

On start it mounts `/metrics` (app/metrics.py) beside the app, so the plain `panel serve app` command serves it.
"""

from app import metrics


def on_server_loaded(server_context):
    metrics.install(server_context)
