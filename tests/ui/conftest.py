"""Browser tests: headless Chromium (Debian's, through Playwright) against a real `panel serve app` server.

Outside CI a machine without Chromium skips these tests; under CI (CI=true) a missing browser fails the run.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.ui.sessions import brief_visit, run

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Tests that time frames, CPU or sessions, or start servers behind nginx: `make test` runs them after the others,
# one at a time, with the machine to themselves; the others run in two workers (pytest-xdist), one a core.
SOLO = {
    "test_explorer_gradient.py",
    "test_replicas.py",
    "test_session_lifecycle.py",
    "test_training_run.py",
    "test_training_sharing.py",
}


def pytest_collection_modifyitems(items):
    for item in items:
        path = Path(str(item.fspath))
        if path.is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.ui)
            if path.name in SOLO:
                item.add_marker(pytest.mark.solo)


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"]
    return next((shutil.which(c) for c in candidates if c and shutil.which(c)), None)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        message = "Chromium not found (install Debian's `chromium` or set CHROMIUM=/path/to/chromium)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message + "; browser tests must run in CI")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PanelServer:
    """`panel serve app` in a subprocess, as `make serve` runs it; its output is kept for the tests to read."""

    def __init__(self, args=()):
        self.port = free_port()
        self.log = ARTIFACTS / f"panel-serve-{self.port}.log"
        ARTIFACTS.mkdir(exist_ok=True)
        self._out = self.log.open("w")
        # The class server's own settings (deploy/serve.sh), and ``args`` if given.
        self.process = subprocess.Popen(
            ["sh", "deploy/serve.sh", "--port", str(self.port), *args],
            cwd=ROOT,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PANEL": f"{sys.executable} -m panel", "BOKEH_VALIDATE_DOC": "true"},
        )
        deadline = time.monotonic() + 60
        while "Bokeh app running" not in self.output():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"panel serve did not start:\n{self.output()}")
            time.sleep(0.1)
        self.url = f"http://localhost:{self.port}/app"
        # The first session imports torch and the components (several seconds): pay that here, not in a test. As
        # a page would: its websocket opens, then closes, so the server lets the session go within seconds
        # (app/sessions.py) rather than keeping it the unused-session lifetime (60 s) for a page still to come.
        run(brief_visit(self.url))

    def output(self) -> str:
        return self.log.read_text()

    def errors(self) -> list[str]:
        """Tracebacks in the server's log, but for a browser that closed while Tornado was writing to it."""
        records = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", self.output())
        return [r for r in records if "Traceback" in r and "WebSocketClosedError" not in r]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._out.close()


@pytest.fixture(scope="session")
def server(chromium_path):
    server = PanelServer()
    yield server
    server.stop()
    assert not server.errors(), f"the server logged errors; see {server.log}:\n" + "\n".join(server.errors())


@contextmanager
def checked_page(browser, **context_options):
    """A page in a fresh browser context, closed on exit; an uncaught JavaScript error fails on exit."""
    context = browser.new_context(**{"viewport": {"width": 1400, "height": 1000}, **context_options})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(15000)
    try:
        yield page
    finally:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def page(browser, request):
    """A fresh page; an uncaught JavaScript error fails the test that caused it."""
    with checked_page(browser) as page:
        yield page
