"""The page's own defences, in a real browser against a real server: markup that reached the page anyway could
not run (Content-Security-Policy), and the server offers nothing but the app."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from softmax_explorer.app.security import POLICY
from tests.ui.explorer_page import open_explorer


def base(server) -> str:
    return server.url.rsplit("/", 1)[0]


def test_every_response_carries_the_policy(server):
    for path in ("/app", "/liveness", "/metrics"):
        with urllib.request.urlopen(base(server) + path, timeout=30) as response:
            assert response.headers["Content-Security-Policy"] == POLICY
            assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_an_inline_event_handler_is_refused_by_the_browser(page, server):
    open_explorer(page, server, "")
    violations = page.evaluate("""() => new Promise((done) => {
      const seen = [];
      document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
      document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__ran = 1" onload="window.__ran = 1">');
      setTimeout(() => done({ ran: window.__ran === 1, seen }), 500);
    })""")
    assert violations["ran"] is False
    assert "script-src-attr" in violations["seen"]


def test_a_script_from_another_site_is_refused(page, server):
    open_explorer(page, server, "")
    blocked = page.evaluate("""() => new Promise((done) => {
      document.addEventListener("securitypolicyviolation", (e) => done(e.blockedURI));
      const script = document.createElement("script");
      script.src = "http://127.0.0.2:9/x.js";  // another origin (on this machine): the policy refuses it
      document.head.append(script);
      setTimeout(() => done(null), 1000);
    })""")
    assert blocked and blocked.startswith("http://127.0.0.2")


@pytest.mark.parametrize("path", ["/admin", "/admin/sessions"])
def test_no_admin_page_is_served(server, path):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(base(server) + path, timeout=30)
    assert error.value.code == 404
