"""Sessions without a browser, and a server's cost, for tests/ui/test_session_lifecycle.py and bench/soak.py.

A `BokehClient` speaks Bokeh's websocket protocol (the token from the page's HTML, then ACK, PULL-DOC) far enough
to press Play; after that it may simply stop reading, as a frozen or paused tab does. Its asyncio loop runs in a
thread of its own, so that it can sit beside Playwright's sync API.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import psutil
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

MB = 2**20


def session_token(url: str) -> str:
    """The session token that the page at ``url`` (HTTP GET, which also makes the session) carries."""
    html = urllib.request.urlopen(url, timeout=120).read().decode()
    return re.search(r'"token":\s*"([^"]+)"', html).group(1)


def websocket_url(url: str) -> str:
    parts = urlsplit(url)
    return f"ws://{parts.netloc}{parts.path}/ws"


async def connect(url: str, origin: str | None = None):
    """A websocket to the session of a fresh GET of ``url``, sent with ``origin`` as its Origin header."""
    token = await asyncio.to_thread(session_token, url)
    request = HTTPRequest(
        websocket_url(url), headers={"Origin": origin} if origin else {}, request_timeout=30
    )
    return await websocket_connect(request, subprotocols=["bokeh", token], max_message_size=64 * MB)


async def receive(ws) -> tuple[dict, dict]:
    """One Bokeh message: its header and content (its buffers read and dropped)."""
    header = json.loads(await ws.read_message())
    await ws.read_message()  # metadata
    content = json.loads(await ws.read_message())
    for _ in range(2 * header.get("num_buffers", 0)):
        await ws.read_message()
    return header, content


async def send(ws, msgtype: str, content: dict) -> None:
    await ws.write_message(json.dumps({"msgid": str(time.monotonic_ns()), "msgtype": msgtype}))
    await ws.write_message("{}")
    await ws.write_message(json.dumps(content))


def _models(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from _models(value)
    elif isinstance(node, list):
        for value in node:
            yield from _models(value)


async def play_training(url: str):
    """Open the training tab's session at ``url``, press Play as a browser would, and return the websocket."""
    ws = await connect(url)
    await receive(ws)  # ACK
    await send(ws, "PULL-DOC-REQ", {})
    header, content = await receive(ws)
    while header["msgtype"] != "PULL-DOC-REPLY":
        header, content = await receive(ws)
    toggle = next(
        m["id"]
        for m in _models(content["doc"])
        if m.get("name") == "Toggle" and "Play" in str(m.get("attributes", {}).get("label"))
    )
    await send(
        ws,
        "PATCH-DOC",
        {
            "events": [
                {
                    "kind": "MessageSent",
                    "msg_type": "bokeh_event",
                    "msg_data": {"type": "event", "name": "document_ready", "values": {"type": "map"}},
                }
            ]
        },
    )
    await send(
        ws,
        "PATCH-DOC",
        {"events": [{"kind": "ModelChanged", "model": {"id": toggle}, "attr": "active", "new": True}]},
    )
    return ws


class SilentClient:
    """A session that presses Play on the training tab and then never reads a byte; ``close()`` ends it."""

    def __init__(self, url: str):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._ws = asyncio.run_coroutine_threadsafe(play_training(url), self._loop).result(timeout=120)

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._ws.close)
        time.sleep(0.2)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def rss_mb(process: psutil.Process) -> float:
    return process.memory_info().rss / MB


def cpu_percent(process: psutil.Process, seconds: float) -> float:
    """The process's CPU use over the next ``seconds``, in % of one core."""
    start = process.cpu_times()
    time.sleep(seconds)
    end = process.cpu_times()
    return 100 * (end.user + end.system - start.user - start.system) / seconds


def sessions_open(base: str) -> int | None:
    """The server's open sessions from its /metrics, or None if it has none."""
    try:
        text = urllib.request.urlopen(f"{base}/metrics", timeout=10).read().decode()
    except OSError:
        return None
    found = re.search(r"^softmax_sessions_open (\S+)", text, re.MULTILINE)
    return int(float(found[1])) if found else None


def wait_until(check, timeout: float, every: float = 1.0):
    """``check()`` again every ``every`` s until it is truthy or ``timeout`` s have passed; its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)


def visit(page, url: str, train: bool) -> None:
    """A student's short visit in ``page``: open the app (on the training tab, pressing Play until an epoch has
    passed, when ``train``). The next visit, or ``about:blank``, closes it as a closed tab would."""
    from playwright.sync_api import expect

    from tests.ui.training_page import play, training, wait_for_epoch

    page.goto(url + ("?tab=train&fps=10" if train else ""))
    if train:
        expect(training(page).locator(".se-epoch b[data-epoch]")).to_be_visible(timeout=30_000)
        play(page)
        wait_for_epoch(page, lambda e: e > 0)
    else:
        expect(page.locator(".softmax-explorer .readout table.steps")).to_be_visible(timeout=30_000)


def run(coroutine):
    """Run ``coroutine`` to its end in a thread's own event loop (Playwright's sync API holds this thread's)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=120)
