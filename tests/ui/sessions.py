"""Sessions without a browser, and a server's cost, for tests/ui/test_session_lifecycle.py and the benchmarks.

Bokeh's websocket protocol, as far as a non-rendering client needs it: the token from the page's HTML, the
websocket, ACK and PULL-DOC, the events a page sends (document ready, a changed property, a button click, an ESM
component's message), and the messages the server sends. bench/classroom.py's students, bench/training_frames.py
and bench/session_profile.py speak it with these. A `SilentClient` presses Play and then simply stops reading, as
a frozen or paused tab does; its asyncio loop runs in a thread of its own, so that it can sit beside Playwright's
sync API.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import psutil
from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClosedError, websocket_connect

MB = 2**20


def token_in(html: str) -> str:
    """The session token a page's HTML carries (the GET that served it made the session)."""
    return re.search(r'"token":\s*"([^"]+)"', html).group(1)


def session_token(url: str) -> str:
    """The session token that the page at ``url`` (HTTP GET, which also makes the session) carries."""
    return token_in(urllib.request.urlopen(url, timeout=120).read().decode())


def websocket_url(url: str) -> str:
    parts = urlsplit(url)
    return f"ws://{parts.netloc}{parts.path}/ws"


async def open_websocket(url: str, token: str, origin: str | None = None, timeout: float = 30):
    """The websocket of the session ``token`` names, for the page at ``url``, with ``origin`` as its Origin."""
    request = HTTPRequest(
        websocket_url(url),
        headers={"Origin": origin} if origin else {},
        connect_timeout=timeout,
        request_timeout=timeout,
    )
    return await websocket_connect(request, subprotocols=["bokeh", token], max_message_size=256 * MB)


async def connect(url: str, origin: str | None = None):
    """A websocket to the session of a fresh GET of ``url``, sent with ``origin`` as its Origin header."""
    token = await asyncio.to_thread(session_token, url)
    return await open_websocket(url, token, origin)


async def brief_visit(url: str) -> None:
    """A page that opens its session's websocket and closes it 1.5 s later: long enough for the server's closed-page
    watcher (app/sessions.py, every second) to see it connected, so that it lets the session go 3 s after."""
    ws = await connect(url)
    await asyncio.sleep(1.5)
    ws.close()


@dataclass
class Message:
    """One Bokeh message from the server."""

    header: dict
    content: str  # JSON text, left unparsed: a reader that only searches it saves the parsing
    buffers: dict[str, bytes]  # by id
    size: int  # bytes of all its websocket frames

    @property
    def kind(self) -> str:
        return self.header["msgtype"]

    def json(self) -> dict:
        return json.loads(self.content)


async def receive(ws) -> Message:
    """The next message: header, metadata, content, and each buffer's header and bytes."""
    raw = await ws.read_message()
    if raw is None:
        raise WebSocketClosedError("the server closed the websocket")
    header = json.loads(raw)
    if "msgtype" not in header:
        raise ValueError(f"out of step with the server's messages at {raw[:200]!r}")
    metadata, content = await ws.read_message(), await ws.read_message()
    size, buffers = len(raw) + len(metadata) + len(content), {}
    for _ in range(header.get("num_buffers", 0)):
        buffer_header = await ws.read_message()
        buffers[json.loads(buffer_header)["id"]] = data = await ws.read_message()
        size += len(buffer_header) + len(data)
    return Message(header, content, buffers, size)


async def send(ws, msgtype: str, content: dict, msgid: str | None = None) -> str:
    """Send one message; its id (which the server's answer names as ``reqid``)."""
    msgid = msgid or str(time.monotonic_ns())
    for frame in (json.dumps({"msgid": msgid, "msgtype": msgtype}), "{}", json.dumps(content)):
        await ws.write_message(frame)
    return msgid


async def pull_document(ws) -> tuple[dict, dict[str, bytes]]:
    """After the server's ACK, the session's document (PULL-DOC): its JSON and its buffers."""
    await receive(ws)  # ACK
    await send(ws, "PULL-DOC-REQ", {})
    message = await receive(ws)
    while message.kind != "PULL-DOC-REPLY":
        message = await receive(ws)
    return message.json()["doc"], message.buffers


def models_in(node):
    """Every model (``{"type": "object", ...}``) in a document's JSON, at any depth."""
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from models_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from models_in(value)


def decoded(node, buffers: dict[str, bytes]):
    """Bokeh's JSON encoding -> plain Python: maps to dicts, bytes (inline or buffers) to bytes."""
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "map":
            return {decoded(k, buffers): decoded(v, buffers) for k, v in node.get("entries", [])}
        if kind == "bytes":
            data = node.get("data")
            if isinstance(data, dict):
                return buffers.get(data.get("id"), b"")
            return base64.b64decode(data) if isinstance(data, str) else b""
        return {k: decoded(v, buffers) for k, v in node.items()}
    if isinstance(node, list):
        return [decoded(v, buffers) for v in node]
    return node


# The PATCH-DOC contents a page sends.
def _bokeh_event(name: str, *entries) -> dict:
    values = {"type": "map", "entries": list(entries)} if entries else {"type": "map"}
    return {
        "events": [
            {
                "kind": "MessageSent",
                "msg_type": "bokeh_event",
                "msg_data": {"type": "event", "name": name, "values": values},
            }
        ]
    }


DOCUMENT_READY = _bokeh_event("document_ready")  # the page has rendered its document


def model_changed(model: str, attr: str, new) -> dict:
    """A property of the model with id ``model`` set to ``new`` (a widget moved, a toggle pressed)."""
    return {"events": [{"kind": "ModelChanged", "model": {"id": model}, "attr": attr, "new": new}]}


def button_click(model: str) -> dict:
    return _bokeh_event("button_click", ["model", {"id": model}])


def esm_message(model: str, data: dict) -> dict:
    """What an ESM component's ``model.send_msg(data)`` sends."""
    return _bokeh_event(
        "data_event",
        ["model", {"id": model}],
        ["data", {"type": "map", "entries": [[k, v] for k, v in data.items()]}],
    )


async def play_training(url: str):
    """Open the training tab's session at ``url``, press Play as a browser would; the websocket and the
    document's JSON."""
    ws = await connect(url)
    doc, _ = await pull_document(ws)
    toggle = next(
        m["id"]
        for m in models_in(doc)
        if m.get("name") == "Toggle" and "Play" in str(m.get("attributes", {}).get("label"))
    )
    await send(ws, "PATCH-DOC", DOCUMENT_READY)
    await send(ws, "PATCH-DOC", model_changed(toggle, "active", True))
    return ws, doc


class SilentClient:
    """A session that presses Play on the training tab and then never reads a byte; ``close()`` ends it."""

    def __init__(self, url: str):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._ws, _ = asyncio.run_coroutine_threadsafe(play_training(url), self._loop).result(timeout=120)

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


def plays(page, timeout: float = 20) -> int:
    """Play advances the epoch counter and Pause stops it again (generous waits: the server may be busy); the
    epoch it stopped at."""
    from playwright.sync_api import expect

    from tests.ui.training_page import PAUSE, PLAY, button, epoch, settled_epoch, wait_for_epoch

    start = epoch(page)
    button(page, PLAY).click()
    wait_for_epoch(page, lambda e: e > start, timeout=timeout)
    button(page, PAUSE).click()
    expect(button(page, PLAY)).to_be_visible(timeout=timeout * 1000)
    return settled_epoch(page)


def visit(page, url: str, train: bool) -> None:
    """A student's short visit in ``page``: open the app (on the training tab, pressing Play until an epoch has
    passed, when ``train``). The next visit, or ``about:blank``, closes it as a closed tab would."""
    from playwright.sync_api import expect

    from tests.ui.training_page import PLAY, button, training, wait_for_epoch

    page.goto(url + ("?tab=train&fps=10" if train else ""))
    if train:
        expect(training(page).locator(".se-epoch b[data-epoch]")).to_be_visible(timeout=30_000)
        button(page, PLAY).click()
        wait_for_epoch(page, lambda e: e > 0)
    else:
        expect(page.locator(".softmax-explorer .readout table.steps")).to_be_visible(timeout=30_000)


def run(coroutine):
    """Run ``coroutine`` to its end in a thread's own event loop (Playwright's sync API holds this thread's)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=120)
