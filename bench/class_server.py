"""The server bench/classroom.py measures: a fresh `panel serve` of a checkout (or of the bare ceiling app), its
CPU, memory and log, and its /metrics."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import psutil
from prometheus_client.parser import text_string_to_metric_families
from tornado.httpclient import AsyncHTTPClient, HTTPClientError

from tests.ui.conftest import free_port

BARE_APP = Path(__file__).with_name("apps") / "bare" / "app.py"


class Server:
    """A fresh server of the checkout ``root`` (its deploy/serve.sh, if it has one), or of ``app`` (a Panel script,
    served as /app), its log kept for tracebacks."""

    def __init__(self, root: Path, extra: list[str], log_path: Path, app: Path | None = None):
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self._out = log_path.open("w")
        origins = [f"--allow-websocket-origin=127.0.0.1:{port}", f"--allow-websocket-origin=localhost:{port}"]
        flags = ["--address", "127.0.0.1", "--port", str(port), *origins, *extra]
        panel = [sys.executable, "-m", "panel"]
        if app is not None:
            command, env = [*panel, "serve", str(app), "--liveness", *flags], None
        elif (root / "deploy" / "serve.sh").exists():  # as tests/ui/conftest.py's PanelServer; it execs panel
            command, env = ["sh", "deploy/serve.sh", *flags], {**os.environ, "PANEL": shlex.join(panel)}
        else:
            command, env = [*panel, "serve", "app", "--liveness", *flags], None
        self.process = subprocess.Popen(
            command, cwd=root, env=env, stdout=self._out, stderr=subprocess.STDOUT
        )
        self.ps = psutil.Process(self.process.pid)
        deadline = time.monotonic() + 90
        while "Bokeh app running" not in self.output():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"panel serve did not start:\n{self.output()}")
            time.sleep(0.1)

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def errors(self) -> list[str]:
        """Tracebacks in the log, but for a client that closed its websocket while the server wrote to it."""
        records = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", self.output())
        return [
            r
            for r in records
            if "Traceback" in r and "WebSocketClosedError" not in r and "StreamClosedError" not in r
        ]

    def cpu(self) -> float:
        times = self.ps.cpu_times()
        return times.user + times.system

    def runqueue_wait(self) -> float | None:
        """Seconds the server has spent ready to run but waiting for a CPU (Linux's schedstat): the machine's
        other load, which this benchmark cannot control, shows here."""
        try:
            return int(Path(f"/proc/{self.process.pid}/schedstat").read_text().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            return None

    def rss(self) -> float:
        return self.ps.memory_info().rss

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._out.close()


async def scrape(base: str) -> dict[str, float]:
    """/metrics, as {sample name: value} (unlabelled samples; histogram buckets are left out); {} without one."""
    try:
        response = await AsyncHTTPClient().fetch(f"{base}/metrics", request_timeout=60)
    except HTTPClientError as error:
        if error.code == 404:  # the bare app
            return {}
        raise
    samples = {}
    for family in text_string_to_metric_families(response.body.decode()):
        for sample in family.samples:
            if not sample.labels:
                samples[sample.name] = sample.value
    return samples
