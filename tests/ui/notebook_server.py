"""A real JupyterLab (or Notebook 7) server from the test extra, on loopback, and a notebook driven in Chromium.

The server runs from this venv on 127.0.0.1 at a free port with a token, in a temporary root directory, with its
configuration, data and runtime directories inside that root too (a developer's own settings play no part); it
is stopped by its process id. The page records every request it makes, so a test can check none left the
machine.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.ui.conftest import ARTIFACTS, ROOT, free_port

LOCAL_HOSTS = ("127.0.0.1",)


class JupyterServer:
    """``jupyter lab`` (which serves Notebook 7's /tree and /notebooks pages as well) in a subprocess."""

    def __init__(self, root: Path, start_timeout: float = 90):
        self.root = root
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        ARTIFACTS.mkdir(exist_ok=True)
        self.log = ARTIFACTS / f"jupyter-{self.port}.log"
        self._out = self.log.open("w")
        self.home = home = root / ".jupyter-home"
        # Settings the pages read: they neither offer nor fetch news, nor check for a new release, and start a
        # notebook's kernel without asking which.
        for plugin, settings in {
            "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
            "notebook-extension/tracker": {"autoStartDefaultKernel": True},
        }.items():
            path = home / "settings" / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(settings))
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
            "IPYTHONDIR": str(home / "ipython"),
            "PYTHONPATH": str(ROOT),  # the kernel imports softmax_explorer from this checkout
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={self.port}",
                "--port-retries=0",
                f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={root}",
                "--ServerApp.open_browser=False",
                *(["--allow-root"] if os.geteuid() == 0 else []),  # a container's root
            ],
            cwd=root,
            env=env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its kernels are its children: stop() ends the group by the server's id
        )
        deadline = time.monotonic() + start_timeout
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"JupyterLab did not start:\n{self.output()}")
            time.sleep(0.3)

    def kernels(self) -> list[dict]:
        """The server's kernels (id, execution_state, connections, ...); none while one is starting (the server
        fails to list a kernel it is starting)."""
        try:
            with urllib.request.urlopen(f"{self.url}/api/kernels?token={self.token}", timeout=10) as answer:
                return json.loads(answer.read())
        except urllib.error.HTTPError:
            return []

    def run(self, notebook: str, code: str, timeout: float = 30) -> str:
        """Run ``code`` in the kernel of the notebook at ``notebook`` (relative to the root), as a second client
        beside the page, and return what it printed: the kernel's state, not what the page shows."""
        from jupyter_client import BlockingKernelClient

        with urllib.request.urlopen(f"{self.url}/api/sessions?token={self.token}", timeout=10) as answer:
            (kernel,) = [s["kernel"] for s in json.loads(answer.read()) if s["path"] == notebook]
        client = BlockingKernelClient(
            connection_file=str(self.home / "runtime" / f"kernel-{kernel['id']}.json")
        )
        client.load_connection_file()
        client.start_channels()
        printed: list[str] = []
        try:
            reply = client.execute_interactive(
                code,
                timeout=timeout,
                output_hook=lambda msg: printed.append(msg["content"].get("text", "")),
                store_history=False,
            )
        finally:
            client.stop_channels()
        assert reply["content"]["status"] == "ok", reply["content"]
        return "".join(printed)

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            return False

    def page_url(self, path: str) -> str:
        return f"{self.url}/{path.lstrip('/')}?token={self.token}"

    def output(self) -> str:
        return self.log.read_text()

    def stop(self) -> None:
        """Stop the server and its kernels: SIGTERM to its process group (by the server's id), then SIGKILL."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self._out.close()


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook of code cells with ``cells`` as their sources (not yet run)."""
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "id": f"cell-{i}",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": source,
            }
            for i, source in enumerate(cells)
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(notebook, indent=1))
    return path


class Requests:
    """Every request a page makes, in order, and those that went to a host other than 127.0.0.1 (refused)."""

    def __init__(self, page: Page):
        self.all: list[str] = []
        self.outside: list[str] = []
        # A route sees every request the page makes (service workers' included, as those are off): one that would
        # leave the machine is recorded and refused, so the test sees it even offline.
        page.context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        self.all.append(url)
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


def run_all_cells(page: Page) -> None:
    """Run > Run All Cells, from the menu bar (the same in JupyterLab and Notebook 7)."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def wait_for_kernel(page: Page, server: JupyterServer, timeout: float = 120) -> None:
    """Wait until the page's notebook is connected to its kernel and the kernel is idle (the page's own indicator
    says "idle" before its kernel has even started, so the server is asked too)."""
    deadline = time.monotonic() + timeout
    while not any(k["connections"] and k["execution_state"] == "idle" for k in server.kernels()):
        if time.monotonic() > deadline:
            raise AssertionError(f"no kernel connected within {timeout} s: {server.kernels()}")
        page.wait_for_timeout(200)
    page.wait_for_function(
        "() => document.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status') === 'idle'",
        timeout=timeout * 1000,
    )
