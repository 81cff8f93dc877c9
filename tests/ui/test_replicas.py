"""Two replicas behind nginx, started by the shipped script (deploy/serve-replicas.sh) on loopback ports.

One class, in order: a student trains on one replica; a second tab of hers finds that replica full (one training
place a replica here) and is sent to the other; a third student, with both full, still gets the explorer and a
message on the training tab; then the first replica is killed, its page says so while the page on the other
keeps training, and new pages open on the survivor. Each page's HTTP request and websocket are checked to reach
the same replica in the replicas' own logs.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from softmax_explorer.app.page import DISCONNECTED
from tests.ui.conftest import ROOT, checked_page, free_port
from tests.ui.explorer_page import explorer, poll
from tests.ui.training_page import epoch, map_painted, play, show_tab, training, wait_for_epoch

QUERY = "dataset=blobs&epf=2&fps=5&grid=50"
SCREENSHOTS = Path(os.environ.get("REPLICA_SCREENSHOTS", "build/screenshots"))


class Replicas:
    """deploy/serve-replicas.sh with R=2 in its own process group; its replicas' logs and PIDs under ``run``."""

    def __init__(self, run: Path):
        self.run, self.port = run, free_port()
        first = free_port()
        while not _free(first + 1):
            first = free_port()
        env = {
            **os.environ,
            "R": "2",
            "PORT": str(self.port),
            "LISTEN": f"127.0.0.1:{self.port}",
            "PUBLIC": f"127.0.0.1:{self.port}",
            "REPLICA_PORT": str(first),
            "MAX_TRAINING": "1",  # so that two students fill both replicas
            "RUN_DIR": str(run),
            "PANEL": f"{sys.executable} -m panel",
        }
        self.out = (run / "serve-replicas.out").open("w")
        self.script = subprocess.Popen(
            ["sh", "deploy/serve-replicas.sh"], cwd=ROOT, env=env, stdout=self.out, stderr=subprocess.STDOUT
        )
        self.url = f"http://127.0.0.1:{self.port}/app"
        deadline = time.monotonic() + 150
        while "Softmax Explorer for the class" not in (run / "serve-replicas.out").read_text():
            if self.script.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("serve-replicas.sh did not start:\n" + self.output())
            time.sleep(0.2)

    def output(self) -> str:
        logs = [self.run / "serve-replicas.out", *sorted((self.run / "logs").glob("*.log"))]
        return "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in logs if p.exists())

    def pid(self, name: str) -> int:
        return int((self.run / f"{name}.pid").read_text())

    def log(self, name: str) -> str:
        return (self.run / "logs" / f"{name}.log").read_text()

    def metric(self, name: str, metric: str) -> float:
        """``metric`` as replica ``name``'s own /metrics gives it (on its loopback port, not through nginx)."""
        port = re.search(rf"server 127\.0\.0\.1:(\d+);  # {name}\n", (self.run / "site.conf").read_text())[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
            text = answer.read().decode()
        return float(re.search(rf"^{metric} (\S+)$", text, re.M)[1])

    def sessions(self, name: str, kind: str) -> list[str]:
        """Sessions whose page (``kind`` "page") or websocket ("websocket") replica ``name`` logged."""
        return re.findall(rf"replica {name}: {kind} for session (\S+)", self.log(name))

    def stop(self) -> None:
        """SIGTERM to the script (it stops its replicas and nginx); then anything left, by its own PID."""
        if self.script.poll() is None:
            self.script.terminate()
            try:
                self.script.wait(30)
            except subprocess.TimeoutExpired:
                self.script.kill()
                self.script.wait(5)
        for pid_file in [*self.run.glob("r*.pid"), self.run / "nginx.pid"]:
            with contextlib.suppress(OSError, ValueError):  # gone already, as it should be
                os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)
        self.out.close()


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture(scope="module")
def replicas(chromium_path, tmp_path_factory):
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        message = "nginx not found (install Debian's `nginx`)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message + "; the replicas' test must run in CI")
        pytest.skip(message)
    replicas = Replicas(tmp_path_factory.mktemp("replicas"))
    yield replicas
    replicas.stop()


@pytest.fixture(scope="module")
def pages(browser, replicas):
    """Pages that stay open across the module's tests (a class's students), closed at the end."""
    with ExitStack() as stack:
        yield SimpleNamespace(open=lambda **options: stack.enter_context(checked_page(browser, **options)))


def visit(page, replicas, query: str) -> str:
    """Open the app at ``query`` through nginx; the name of the replica that served the page."""
    response = page.goto(f"{replicas.url}?{query}")
    assert response.status == 200
    return response.headers.get("x-softmax-replica", "")


def train(page) -> None:
    """Play on the training tab until the epoch has moved."""
    expect(training(page).locator(".se-epoch b[data-epoch]")).to_be_visible(timeout=60_000)
    play(page)
    wait_for_epoch(page, lambda e: e >= 4, timeout=30)


def lost(page):
    """Panel's notice that the page's connection ended (a toast; its text is also in a screen-reader announcer)."""
    return page.locator(".notyf__message", has_text=DISCONNECTED)


def shows_explorer(page) -> None:
    expect(explorer(page).locator(".readout table.steps")).to_be_visible(timeout=30_000)


@pytest.fixture(scope="module")
def first(pages, replicas):
    """The first student, on the training tab, training."""
    page = pages.open()
    replica = visit(page, replicas, f"tab=train&{QUERY}")
    train(page)
    return SimpleNamespace(page=page, replica=replica)


def test_a_page_and_its_websocket_reach_the_same_replica(first, replicas):
    assert first.replica in ("r1", "r2")
    other = "r2" if first.replica == "r1" else "r1"
    pages = replicas.sessions(first.replica, "page")
    assert pages, replicas.output()
    poll(first.page, lambda: replicas.sessions(first.replica, "websocket"), lambda ws: pages[-1] in ws)
    assert pages[-1] not in replicas.log(other)
    assert "websocket for session" not in replicas.log(other)


def test_a_full_replica_sends_the_next_page_to_the_other(first, pages, replicas):
    # A second tab of the same browser: its cookie names the first replica, whose one training place is taken.
    second = first.page.context.new_page()
    second.set_default_timeout(15000)
    assert visit(second, replicas, f"tab=train&{QUERY}") not in ("", first.replica)
    assert "page refused" in replicas.log(first.replica)
    train(second)
    first.second = second


def test_with_every_replica_full_a_new_student_gets_the_explorer_and_a_notice(first, pages, replicas):
    page = pages.open()
    page.set_viewport_size({"width": 1920, "height": 1080})
    visit(page, replicas, f"tab=train&{QUERY}")
    expect(page.locator(".training-full")).to_contain_text("Training is full on this server", timeout=60_000)
    page.screenshot(path=str(shot("replicas-training-full.png")), animations="disabled")
    show_tab(page, "Softmax explorer")
    shows_explorer(page)


def test_a_dead_replica_says_so_while_the_other_keeps_training(first, replicas):
    os.kill(replicas.pid(first.replica), signal.SIGKILL)
    expect(lost(first.page)).to_be_visible(timeout=20_000)
    first.page.set_viewport_size({"width": 1920, "height": 1080})
    # The toast's fade-in, finished: a page behind others in headless Chromium may not have run it yet.
    first.page.screenshot(path=str(shot("replicas-connection-lost.png")), animations="disabled")
    before, frames = epoch(first.second), map_painted(first.second)
    wait_for_epoch(first.second, lambda e: e >= before + 10)
    assert map_painted(first.second) > frames
    expect(lost(first.second)).to_have_count(0)


def test_new_pages_open_on_the_survivor(first, pages, replicas):
    survivor = "r2" if first.replica == "r1" else "r1"
    for page in (first.page, pages.open()):  # a reload of the dead replica's page, and a new student
        assert visit(page, replicas, "logits=3,1,0") == survivor
        shows_explorer(page)
    with urllib.request.urlopen(f"http://127.0.0.1:{replicas.port}/liveness", timeout=10) as answer:
        assert answer.status == 200


def test_a_closed_page_gives_its_training_place_back(first, pages, replicas):
    survivor = "r2" if first.replica == "r1" else "r1"
    assert replicas.metric(survivor, "softmax_training_places_taken") == 1  # the second tab's
    first.second.close()
    poll(first.page, lambda: replicas.metric(survivor, "softmax_training_places_taken"), lambda n: n == 0, 30)
    page = pages.open()
    assert visit(page, replicas, f"tab=train&{QUERY}") == survivor
    train(page)


def shot(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name
