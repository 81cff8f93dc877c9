"""Response headers that keep a page from running script it was not built with, and from being framed.

The Content-Security-Policy forbids inline event handlers (``onerror=...``, the usual way injected markup runs)
and any script from elsewhere. Panel's pages need inline ``<script>`` elements (the document's JSON and its
start-up) and compile the components' modules from text (``blob:`` URLs and ``eval``), so those stay allowed;
every resource the app uses is served by the app itself, so nothing else needs to be.
"""

from __future__ import annotations

from tornado.web import OutputTransform

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
        "script-src-attr 'none'",  # no onerror=, onload=, onclick= in markup, wherever it came from
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' ws: wss: blob:",  # Panel fetches the components' compiled modules from blob: URLs
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders(OutputTransform):
    """Adds HEADERS to every response of the server (a response that sets one itself keeps its own)."""

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        for name, value in HEADERS.items():
            headers.setdefault(name, value)
        return status_code, headers, chunk


def install(tornado_app) -> None:
    """Add the headers to ``tornado_app``'s responses (once)."""
    if SecurityHeaders not in tornado_app.transforms:
        tornado_app.transforms.append(SecurityHeaders)
