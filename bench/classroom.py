"""A whole class on one server: N students join at once, half train, half use the explorer (issue 11's harness).

    .venv/bin/python bench/classroom.py [--students 40] [--seconds 30] [--model logreg|mlp|both] [--json]
    make bench-classroom                      # the same, with the defaults (both models in turn)

For each model (`--model both`, the default, runs logistic regression, then the MLP, each on a fresh server):

1. Starts a fresh `panel serve app` (as `make serve` does, on 127.0.0.1; `--server-args "--reuse-sessions"` adds
   flags), or uses a running one (`--url http://host:port`, then nothing is started or stopped), and loads one
   page to pay for the imports.
2. At one moment, N simulated students (`--students`) connect: each GETs the page, opens the websocket, pulls
   the document and says it is ready (Bokeh's protocol, as a browser does; no rendering). `--trainers` of them
   (default half) load `/app?tab=train&model=M` and press Play as soon as they have joined; they acknowledge
   each map frame as a browser does once it has painted it (the server sends a frame only while fewer than 3
   are unacknowledged). The others load `/app` and, until the end, drag a logit slider (4 changes 50 ms apart)
   about once a second and press a warm-up preset every third time.
   One more student is a real headless Chromium page (`/app?model=M`), started at the same moment: it times the
   explorer's slider key -> readout and challenge-preset click -> bars during the first 40 % of the window, then
   opens the training tab, presses Play and counts the frames its map canvas paints (`data-frame` stamps).
3. The window (`--seconds`) starts once every student (Chromium too) has joined (and pressed Play), or at
   `--join-timeout`. Frames and epochs count inside it; the server's CPU and `/metrics` are read at its ends.

Reported (a Markdown table; with `--json`, one JSON object on the last line):
- join_s: from the common start to the document pulled and the server's answer to "document ready" (the page is
  interactive), simulated students; first_frame_s: from Play to the first map frame (students that never got
  one are `missing`, and then `max` is null);
- fps, epochs_per_s: per training student, over the window; chromium_fps: frames painted from 1 s after its
  Play to the window's end; explorer_key_p95_ms, preset_click_p95_ms: Chromium's input event -> DOM change
  (a sample that never came counts as its timeout: 2 s for keys, 10 s for clicks);
- server_cpu_pct: the server process's CPU over the window, % of one core (psutil; from /metrics with --url);
  training_cpu_share: /metrics' CPU inside Trainer.step over all the process's CPU, between the window's ends;
- rss_mb_per_session: (RSS at the window's end - RSS before the students came) / (N + 1);
- errors: simulated students that failed or never joined + Chromium failures and page errors + tracebacks in the
  server's log (but for a client's closed websocket).
- Extras: sim_slider_p95_ms (a slider change's round trip to the server's OK), sim_preset_p95_ms (a preset click
  to the server's new logits), harness and Chromium CPU (they share the machine with the server).

With one model, the last line is that run's object; with both, the last line is {"runs": [logreg, mlp]}.
A run of 40 students takes about join time + the window + 20 s; everything started is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import random
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from prometheus_client.parser import text_string_to_metric_families
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import WebSocketClosedError, websocket_connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.ui.conftest import CHROMIUM_ARGS, find_chromium, free_port  # noqa: E402

MODELS = ("logreg", "mlp")
PRESET_LABEL = re.compile(r"^(All equal|One much|Challenge:)")  # the explorer's warm-up and challenge buttons
CHALLENGES = ("Challenge: half on the last class", "Challenge: each twice the one before")
KEY_TIMEOUT_S, CLICK_TIMEOUT_S = 2.0, 10.0


def percentile(values, q):
    values = sorted(values)
    if not values:
        return None
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def rounded(value, digits=2):
    return None if value is None else round(value, digits)


# --- the server ------------------------------------------------------------------------------------------------
class Server:
    """A fresh `panel serve app` (``root`` is the checkout it serves), its log kept for tracebacks."""

    def __init__(self, root: Path, extra: list[str], log_path: Path):
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self._out = log_path.open("w")
        origins = [f"--allow-websocket-origin=127.0.0.1:{port}", f"--allow-websocket-origin=localhost:{port}"]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "panel", "serve", "app", "--address", "127.0.0.1", "--port", str(port),
             "--liveness", *origins, *extra],
            cwd=root, stdout=self._out, stderr=subprocess.STDOUT,
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
        return [r for r in records if "Traceback" in r
                and "WebSocketClosedError" not in r and "StreamClosedError" not in r]

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
    """/metrics, as {sample name: value} (unlabelled samples; histogram buckets are left out)."""
    response = await AsyncHTTPClient().fetch(f"{base}/metrics", request_timeout=60)
    samples = {}
    for family in text_string_to_metric_families(response.body.decode()):
        for sample in family.samples:
            if not sample.labels:
                samples[sample.name] = sample.value
    return samples


# --- a simulated student (Bokeh's websocket protocol) ------------------------------------------------------------
def _models(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from _models(value)
    elif isinstance(node, list):
        for value in node:
            yield from _models(value)


def _decode(node, buffers):
    """Bokeh's JSON encoding -> plain Python: maps to dicts, bytes (inline or buffers) to bytes."""
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "map":
            return {_decode(k, buffers): _decode(v, buffers) for k, v in node.get("entries", [])}
        if kind == "bytes":
            data = node.get("data")
            if isinstance(data, dict):
                return buffers.get(data.get("id"), b"")
            return base64.b64decode(data) if isinstance(data, str) else b""
        return {k: _decode(v, buffers) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v, buffers) for v in node]
    return node


def _frame_number(data) -> int | None:
    """A frame's number: the first 4 bytes (uint32) of a packed frame, or a 'frame'/'n'/'number' field."""
    if isinstance(data, bytes | bytearray) and len(data) >= 4:
        return int.from_bytes(data[:4], "little")
    if isinstance(data, dict):
        for key in ("frame", "number", "n", "seq", "shown"):
            if isinstance(data.get(key), int):
                return data[key]
        for value in data.values():
            if isinstance(value, bytes | bytearray):
                return _frame_number(value)
    return None


@dataclass
class Student:
    index: int
    trainer: bool
    path: str
    t_html: float | None = None  # from the common start
    t_ws: float | None = None  # websocket open, from the common start
    t_pull: float | None = None  # document pulled, from the common start
    t_join: float | None = None
    t_play: float | None = None  # absolute (monotonic)
    t_first_frame: float | None = None
    frames: list[float] = field(default_factory=list)  # arrival times of map frames
    epochs: list[tuple[float, int]] = field(default_factory=list)
    slider_rtt: list[float] = field(default_factory=list)
    preset_rtt: list[float] = field(default_factory=list)
    error: str | None = None
    last_frame: int = 0

    async def run(self, h: Harness) -> None:
        try:
            await self._run(h)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a failed student is counted, not a crash of the harness
            if not h.stopping or self.t_join is None:
                self.error = f"{type(error).__name__}: {error}"
        finally:
            ws = getattr(self, "ws", None)
            if ws is not None:
                ws.close()

    async def _run(self, h: Harness) -> None:
        response = await AsyncHTTPClient().fetch(f"{h.base}/{self.path}", request_timeout=h.join_timeout + 60)
        self.t_html = time.monotonic() - h.t0
        token = re.search(r'"token":\s*"([^"]+)"', response.body.decode()).group(1)
        app = self.path.split("?")[0]
        request = HTTPRequest(f"{h.base.replace('http', 'ws', 1)}/{app}/ws", connect_timeout=h.join_timeout + 60,
                              request_timeout=h.join_timeout + 60)
        self.ws = await websocket_connect(request, subprotocols=["bokeh", token], max_message_size=256 * 2**20)
        self.t_ws = time.monotonic() - h.t0
        self._lock, self._pending, self._preset_at = asyncio.Lock(), {}, None
        await self._message()  # ACK
        await self._send("PULL-DOC-REQ", {})
        header, content, buffers = await self._message()
        while header["msgtype"] != "PULL-DOC-REPLY":
            header, content, buffers = await self._message()
        self.t_pull = time.monotonic() - h.t0
        self._learn(json.loads(content)["doc"], buffers)
        ready = await self._send("PATCH-DOC", {"events": [{"kind": "MessageSent", "msg_type": "bokeh_event",
                                                           "msg_data": {"type": "event", "name": "document_ready",
                                                                        "values": {"type": "map"}}}]})
        while ready in self._pending:  # the server has answered a message of this session: it is interactive
            await self._handle(*await self._message())
        self.t_join = time.monotonic() - h.t0
        if self.trainer:
            self.t_play = time.monotonic()
            await self._send("PATCH-DOC", {"events": [{"kind": "ModelChanged", "model": {"id": self.toggle},
                                                       "attr": "active", "new": True}]})
            await self._listen(h)
        else:
            await asyncio.gather(self._listen(h), self._act(h))

    def _learn(self, doc, buffers) -> None:
        """The ids this student needs: Play, the map (its ESM model and data model), the sliders, the presets."""
        self.toggle = self.map_esm = self.map_data = self.sliders = None
        self.presets, self.k = [], 3
        for m in _models(doc):
            name, attributes = str(m.get("name")), m.get("attributes", {})
            if name.endswith("Toggle") and "Play" in str(attributes.get("label", "")):
                self.toggle = m["id"]
            elif name.endswith("ReactiveESM"):
                data = attributes.get("data") or {}
                if attributes.get("class_name") == "MapCanvas" or "MapCanvas" in str(data.get("name", "")):
                    self.map_esm, self.map_data = m["id"], data.get("id")
                    number = _frame_number(_decode(data.get("attributes", {}).get("frame"), buffers))
                    self.last_frame = number or 0
                elif attributes.get("class_name") == "LogitSliders":
                    self.sliders = data.get("id")
                    self.k = len(data.get("attributes", {}).get("logits") or [0, 0, 0])
            elif name.endswith("Button") and PRESET_LABEL.match(str(attributes.get("label", ""))):
                self.presets.append(m["id"])
        if self.trainer and (self.toggle is None or self.map_esm is None):
            # Seen when the server discarded the session before its websocket came (Bokeh's unused-session
            # lifetime, 15 s) and rebuilt it from the token, without the page's query (so on the explorer tab).
            raise ValueError("no Play toggle or map canvas in the training page's document")
        if not self.trainer and (self.sliders is None or not self.presets):
            raise ValueError("no logit sliders or preset buttons in the explorer's document")
        self._map_ids = [i for i in (self.map_esm, self.map_data) if i]

    async def _message(self):
        raw = await self.ws.read_message()
        if raw is None:
            raise WebSocketClosedError("the server closed the websocket")
        header = json.loads(raw)
        if "msgtype" not in header:
            raise ValueError(f"out of step with the server's messages at {raw[:200]!r}")
        await self.ws.read_message()  # metadata
        content = await self.ws.read_message()
        buffers = {}
        for _ in range(header.get("num_buffers", 0)):
            buffer_header = json.loads(await self.ws.read_message())
            buffers[buffer_header["id"]] = await self.ws.read_message()
        return header, content, buffers

    async def _send(self, msgtype: str, content: dict) -> str:
        msgid = f"{self.index}-{time.monotonic_ns()}"
        async with self._lock:
            self._pending[msgid] = (time.monotonic(), msgtype)
            await self.ws.write_message(json.dumps({"msgid": msgid, "msgtype": msgtype}))
            await self.ws.write_message("{}")
            await self.ws.write_message(json.dumps(content))
        return msgid

    async def _listen(self, h: Harness) -> None:
        # No timeout on a read: cancelling one midway would leave the next read out of step with the messages.
        # At the end the harness closes the websocket, and the read raises.
        while not h.stopping:
            await self._handle(*await self._message())

    async def _handle(self, header, content, buffers) -> None:
        now, kind = time.monotonic(), header["msgtype"]
        reqid = header.get("reqid")
        if reqid in self._pending:
            sent, what = self._pending.pop(reqid)
            if kind == "ERROR":
                self.error = f"server error: {content[:200]}"
            elif what == "slider":
                self.slider_rtt.append(now - sent)
        if kind != "PATCH-DOC":
            return
        if self._preset_at is not None and re.search(r'"attr":\s*"logits"', content):
            self.preset_rtt.append(now - self._preset_at)
            self._preset_at = None
        epochs = re.findall(r"data-epoch=\\?['\"](\d+)", content)
        if epochs:
            self.epochs.append((now, int(epochs[-1])))
        if not self._map_ids or not any(i in content for i in self._map_ids):
            return
        for event in json.loads(content).get("events", []):
            number, is_frame = None, False
            if event.get("kind") == "ModelChanged" and event.get("attr") == "frame" \
                    and event.get("model", {}).get("id") in self._map_ids:
                is_frame, number = True, _frame_number(_decode(event.get("new"), buffers))
            elif event.get("kind") == "MessageSent":  # an ESM message from the server: msg:custom in the browser
                values = _decode(event.get("msg_data", {}).get("values", {}), buffers)
                if isinstance(values, dict) and (values.get("model") or {}).get("id") in self._map_ids:
                    is_frame, number = True, _frame_number(values.get("data"))
            if is_frame:
                self.last_frame = number if number is not None else self.last_frame + 1
                self.frames.append(now)
                if self.t_first_frame is None and self.t_play is not None:
                    self.t_first_frame = now
                await self._ack()

    async def _ack(self) -> None:
        """What the map's canvas sends once it has painted a frame: {shown: n}, as an ESM message."""
        await self._send("PATCH-DOC", {"events": [{"kind": "MessageSent", "msg_type": "bokeh_event", "msg_data": {
            "type": "event", "name": "data_event", "values": {"type": "map", "entries": [
                ["model", {"id": self.map_esm}],
                ["data", {"type": "map", "entries": [["shown", self.last_frame]]}]]}}}]})

    async def _act(self, h: Harness) -> None:
        """An explorer student: drag a slider about once a second; every third time, press a preset instead."""
        rng = random.Random(self.index)
        logits = [0.4, 1.3, -0.6][: self.k] + [0.0] * max(0, self.k - 3)
        turn = 0
        while not h.stopping:
            await asyncio.sleep(rng.uniform(0.7, 1.3))
            if h.stopping:
                break
            turn += 1
            if turn % 3 == 0:
                self._preset_at = time.monotonic()
                await self._send("PATCH-DOC", {"events": [{"kind": "MessageSent", "msg_type": "bokeh_event",
                                                           "msg_data": {"type": "event", "name": "button_click",
                                                                        "values": {"type": "map", "entries": [
                                                                            ["model", {"id": rng.choice(self.presets)}]]}}}]})
                continue
            i = rng.randrange(self.k)
            for step in range(4):
                logits[i] = round(max(-10.0, min(10.0, logits[i] + rng.choice((-0.1, 0.1)))), 1)
                msgid = await self._send("PATCH-DOC", {"events": [{"kind": "ModelChanged", "model": {"id": self.sliders},
                                                                   "attr": "logits", "new": list(logits)}]})
                if step == 3:
                    self._pending[msgid] = (self._pending[msgid][0], "slider")
                else:
                    await asyncio.sleep(0.05)


# --- the Chromium student ----------------------------------------------------------------------------------------
EXPLORER_TIMING = """
() => {
  const deep = (root, sel) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) { const inner = deep(el.shadowRoot, sel); if (inner) return inner; }
    }
    return null;
  };
  const readout = deep(document, "output.loss")?.getRootNode();
  const bars = deep(document, ".probability-bars")?.getRootNode();
  const slider = deep(document, "input.logit");
  if (!readout || !bars || !slider) return false;
  const lat = window.__lat = { armed: null, t0: null, keys: [], clicks: [], slider };
  const start = (kind) => (e) => { if (lat.armed === kind && lat.t0 === null) lat.t0 = e.timeStamp; };
  document.addEventListener("keydown", start("key"), true);
  document.addEventListener("click", start("click"), true);
  const done = (kind, list) => () => {
    if (lat.armed !== kind || lat.t0 === null) return;
    list.push(performance.now() - lat.t0);
    lat.armed = lat.t0 = null;
  };
  const options = { subtree: true, childList: true, characterData: true, attributes: true };
  new MutationObserver(done("key", lat.keys)).observe(readout, options);
  new MutationObserver(done("click", lat.clicks)).observe(bars, options);
  return true;
}
"""

COUNT_FRAMES = """
() => {
  window.__frames = 0;
  const deep = (root) => root.querySelector("canvas.map") ||
    [...root.querySelectorAll("*")].map((e) => e.shadowRoot && deep(e.shadowRoot)).find(Boolean);
  const canvas = deep(document);
  if (!canvas) return false;
  new MutationObserver(() => { window.__frames += 1; })
    .observe(canvas, { attributes: true, attributeFilter: ["data-frame"] });
  return true;
}
"""


@dataclass
class BrowserResult:
    join_s: float | None = None
    keys_ms: list[float] = field(default_factory=list)
    clicks_ms: list[float] = field(default_factory=list)
    fps: float | None = None
    page_errors: list[str] = field(default_factory=list)
    error: str | None = None
    cpu_s: float = 0.0


def chromium_student(h: Harness, model: str, result: BrowserResult) -> None:
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            try:
                _chromium_session(h, model, browser, result)
            finally:
                with contextlib.suppress(Exception):
                    result.cpu_s = _chromium_cpu()
                browser.close()
    except Exception as error:  # a failed measurement is an error of the run, not a crash of the harness
        result.error = f"{type(error).__name__}: {str(error)[:300]}"
    finally:
        h.browser_done.set()


def _chromium_cpu() -> float:
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "chrom" in child.name().lower():
                times = child.cpu_times()
                total += times.user + times.system
    return total


def _kill_chromium() -> None:
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "chrom" in child.name().lower():
                child.kill()


def _chromium_session(h: Harness, model: str, browser, result: BrowserResult) -> None:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.on("pageerror", lambda error: result.page_errors.append(str(error)[:300]))
    timeout_ms = 1000 * (h.join_timeout + h.seconds)
    h.go.wait(60)
    page.goto(f"{h.base}/app?model={model}", timeout=timeout_ms)
    page.locator(".softmax-explorer .readout table.steps").wait_for(timeout=timeout_ms)
    result.join_s = time.monotonic() - h.t0
    h.browser_joined.set()
    if not h.window_open.wait(h.join_timeout + 60) or h.stopping:
        return
    start, end = h.window
    explorer_end = start + 0.4 * (end - start)
    page.wait_for_timeout(300)
    if not page.evaluate(EXPLORER_TIMING):
        raise RuntimeError("the explorer's readout, bars or slider were not found")
    turn = 0
    while time.monotonic() < explorer_end:
        turn += 1
        if turn % 5 == 0:  # a challenge preset: the logits go to zero and the goal changes, so the bars change
            target = page.get_by_role("button", name=CHALLENGES[(turn // 5) % 2], exact=True)
            target.scroll_into_view_if_needed()
            page.evaluate("window.__lat.armed = 'click'")
            target.click()
            _wait_sample(page, "clicks", len(result.clicks_ms), CLICK_TIMEOUT_S, result.clicks_ms)
            page.wait_for_timeout(200)
        else:
            page.evaluate("window.__lat.slider.focus(); window.__lat.armed = 'key'")
            page.keyboard.press("ArrowRight" if turn % 2 else "ArrowLeft")
            _wait_sample(page, "keys", len(result.keys_ms), KEY_TIMEOUT_S, result.keys_ms)
            page.wait_for_timeout(random.uniform(80, 150))
    # Then train, and count the frames the canvas paints.
    page.locator(".bk-tab").get_by_text("Training playground", exact=True).click()
    remaining_ms = max(1000, 1000 * (end - time.monotonic()))
    page.locator(".training-playground .se-epoch b[data-epoch]").wait_for(timeout=remaining_ms)
    page.wait_for_timeout(300)
    if not page.evaluate(COUNT_FRAMES):
        raise RuntimeError("the map's canvas was not found")
    page.locator(".training-playground").get_by_role("button", name="▶ Play").click()
    played = time.monotonic()
    page.wait_for_timeout(1000)
    frames0, t0 = page.evaluate("window.__frames"), time.monotonic()
    page.wait_for_timeout(max(0, 1000 * (end - t0)))
    elapsed = time.monotonic() - t0
    if elapsed >= 2 and t0 - played < 5:
        result.fps = (page.evaluate("window.__frames") - frames0) / elapsed


def _wait_sample(page, kind: str, count: int, timeout: float, into: list[float]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        samples = page.evaluate(f"window.__lat.{kind}")
        if len(samples) > count:
            into.append(samples[-1])
            return
        page.wait_for_timeout(5)
    page.evaluate("window.__lat.armed = window.__lat.t0 = null")
    into.append(1000 * timeout)  # never came: counted as the timeout


# --- one run -----------------------------------------------------------------------------------------------------
class Harness:
    def __init__(self, base: str, join_timeout: float, seconds: float):
        self.base, self.join_timeout, self.seconds = base, join_timeout, seconds
        self.t0 = 0.0
        self.window = (0.0, 0.0)
        self.stopping = False
        self.go, self.window_open, self.browser_done = threading.Event(), threading.Event(), threading.Event()
        self.browser_joined = threading.Event()


async def drive(h: Harness, students: list[Student], seconds: float, server: Server | None):
    AsyncHTTPClient.configure(None, max_clients=len(students) + 10)
    before = await scrape(h.base)
    rss0 = server.rss() if server else before.get("process_resident_memory_bytes", 0.0)
    me = psutil.Process()
    h.t0 = time.monotonic()
    h.go.set()
    tasks = [asyncio.create_task(s.run(h)) for s in students]
    deadline = h.t0 + h.join_timeout
    while time.monotonic() < deadline and not (
            all(s.t_join is not None or s.error or t.done() for s, t in zip(students, tasks, strict=True))
            and (h.browser_joined.is_set() or h.browser_done.is_set())):
        await asyncio.sleep(0.1)
    m0 = await scrape(h.base)
    cpu0, mine0, start = (server.cpu() if server else m0["process_cpu_seconds_total"]), sum(me.cpu_times()[:2]), \
        time.monotonic()
    load0 = psutil.getloadavg()[0]
    wait0 = server.runqueue_wait() if server else None
    h.window = (start, start + seconds)
    h.window_open.set()
    await asyncio.sleep(seconds)
    end = time.monotonic()
    cpu1 = server.cpu() if server else None
    wait1 = server.runqueue_wait() if server else None
    rss1 = server.rss() if server else None
    mine1 = sum(me.cpu_times()[:2])
    m1 = await scrape(h.base)
    if cpu1 is None:
        cpu1, rss1 = m1["process_cpu_seconds_total"], m1.get("process_resident_memory_bytes", 0.0)
    h.stopping = True
    for student in students:
        if getattr(student, "ws", None) is not None:
            student.ws.close()
    _, pending = await asyncio.wait(tasks, timeout=10)
    for task in pending:
        task.cancel()
    return {"wait": None if wait0 is None or wait1 is None else wait1 - wait0, "load0": load0, "load1": psutil.getloadavg()[0], "start": start, "end": end, "cpu": cpu1 - cpu0, "harness_cpu": mine1 - mine0, "m0": m0, "m1": m1,
            "rss0": rss0, "rss1": rss1}


def run_once(args, model: str) -> dict:
    server = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        log_path = ROOT / "test-artifacts" / f"classroom-{model}-{time.strftime('%H%M%S')}.log"
        log_path.parent.mkdir(exist_ok=True)
        server = Server(Path(args.root).resolve(), shlex.split(args.server_args), log_path)
        base = server.base
    try:
        import urllib.request

        for path in ("app", f"app?tab=train&model={model}"):  # the first sessions pay for the imports
            urllib.request.urlopen(f"{base}/{path}", timeout=180).read()
        trainers = args.students // 2 if args.trainers is None else min(args.trainers, args.students)
        students = [Student(i, i < trainers, f"app?tab=train&model={model}" if i < trainers else "app")
                    for i in range(args.students)]
        random.Random(0).shuffle(students)  # trainers and explorers arrive mixed
        h = Harness(base, args.join_timeout, args.seconds)
        browser = BrowserResult()
        thread = None
        if args.no_browser:
            h.browser_done.set()
        else:
            thread = threading.Thread(target=chromium_student, args=(h, model, browser), daemon=True)
            thread.start()
        try:
            window = asyncio.run(drive(h, students, args.seconds, server))
        finally:
            h.stopping = True
            h.go.set()
            h.window_open.set()
            if thread is not None:
                thread.join(60)
                if thread.is_alive():  # stuck in a page call: stop the browser this harness started
                    _kill_chromium()
        server_errors = []
        if server is not None:
            time.sleep(1.0)  # the server logs the closed sessions
            server_errors = server.errors()
    finally:
        if server is not None:
            server.stop()
    return summarise(args, model, trainers, students, browser, window, server_errors,
                     str(server.log_path) if server else None)


def summarise(args, model, trainers, students, browser, w, server_errors, log_path) -> dict:
    start, end = w["start"], w["end"]
    seconds = end - start
    training = [s for s in students if s.trainer]
    joins = [s.t_join for s in students if s.t_join is not None]
    failed = [s for s in students if s.error or s.t_join is None]
    first = [(s.t_first_frame - s.t_play) if s.t_first_frame else None for s in training if s.t_play]
    missing = sum(f is None for f in first) + sum(1 for s in training if s.t_play is None)
    got = sorted(f for f in first if f is not None)
    first_p50 = percentile(got + [float("inf")] * missing, 0.5)  # a missing first frame counts as never
    fps = [sum(start <= t <= end for t in s.frames) / seconds for s in training]

    def epochs_in_window(s: Student) -> float:
        before = [e for t, e in s.epochs if t <= start]
        inside = [e for t, e in s.epochs if t <= end]
        return ((inside[-1] if inside else 0) - (before[-1] if before else 0)) / seconds

    epochs = [epochs_in_window(s) for s in training]
    m0, m1 = w["m0"], w["m1"]
    process_cpu = m1["process_cpu_seconds_total"] - m0["process_cpu_seconds_total"]
    train_cpu = m1.get("softmax_training_cpu_seconds_total", 0.0) - m0.get("softmax_training_cpu_seconds_total", 0.0)
    sessions = len(students) + (0 if args.no_browser else 1)
    sim_slider = [1000 * r for s in students for r in s.slider_rtt]
    sim_preset = [1000 * r for s in students for r in s.preset_rtt]
    result = {
        "students": len(students),
        "model": model,
        "join_s": {"p50": rounded(percentile(joins, 0.5)), "p95": rounded(percentile(joins, 0.95)),
                   "max": rounded(max(joins)) if joins and not failed else None},
        "first_frame_s": {"p50": rounded(first_p50) if first_p50 != float("inf") else None,
                          "max": rounded(max(got)) if got and not missing else None, "missing": missing},
        "fps": {"median": rounded(statistics.median(fps)) if fps else None, "min": rounded(min(fps)) if fps else None},
        "epochs_per_s": {"median": rounded(statistics.median(epochs), 1) if epochs else None,
                         "min": rounded(min(epochs), 1) if epochs else None},
        "chromium_fps": rounded(browser.fps),
        "explorer_key_p95_ms": rounded(percentile(browser.keys_ms, 0.95), 1),
        "preset_click_p95_ms": rounded(percentile(browser.clicks_ms, 0.95), 1),
        "server_cpu_pct": rounded(100 * w["cpu"] / seconds, 1),
        "training_cpu_share": rounded(train_cpu / process_cpu, 3) if process_cpu > 0 else None,
        "rss_mb_per_session": rounded((w["rss1"] - w["rss0"]) / 2**20 / sessions),
        "errors": len(failed) + bool(browser.error) + len(browser.page_errors) + len(server_errors),
        # extras
        "trainers": len(training),
        "seconds": rounded(seconds, 1),
        "html_s": {"p50": rounded(percentile([s.t_html for s in students if s.t_html], 0.5)),
                   "max": rounded(max((s.t_html for s in students if s.t_html), default=None))},
        "chromium_join_s": rounded(browser.join_s),
        "sim_slider_p95_ms": rounded(percentile(sim_slider, 0.95), 1),
        "sim_preset_p95_ms": rounded(percentile(sim_preset, 0.95), 1),
        "samples": {"keys": len(browser.keys_ms), "clicks": len(browser.clicks_ms), "sim_slider": len(sim_slider),
                    "sim_preset": len(sim_preset)},
        "harness_cpu_pct": rounded(100 * w["harness_cpu"] / seconds, 1),
        "rss_mb": {"before": rounded(w["rss0"] / 2**20, 1), "end": rounded(w["rss1"] / 2**20, 1)},
        "load_avg_1m": {"start": rounded(w["load0"]), "end": rounded(w["load1"])},  # the machine is shared
        "server_waiting_for_cpu_pct": None if w["wait"] is None else rounded(100 * w["wait"] / seconds, 1),
    }
    details = [f"student {s.index}: {s.error or 'never joined'}" for s in failed]
    details += [f"chromium: {browser.error}"] if browser.error else []
    details += [f"page error: {e}" for e in browser.page_errors]
    details += [f"server traceback: {e.strip().splitlines()[-1]}" for e in server_errors]
    result["error_details"] = details[:10]
    result["timeline"] = sorted((s.index, s.trainer, *(rounded(t, 1) for t in (s.t_html, s.t_ws, s.t_pull, s.t_join)),
                                 s.error) for s in students)
    result["server_log"] = log_path
    return result


ROWS = [
    ("students (training)", lambda r: f"{r['students']} ({r['trainers']})"),
    ("window s", lambda r: r["seconds"]),
    ("page HTML s: p50 / max", lambda r: f"{r['html_s']['p50']} / {r['html_s']['max']}"),
    ("join s: p50 / p95 / max", lambda r: f"{r['join_s']['p50']} / {r['join_s']['p95']} / {r['join_s']['max']}"),
    ("first frame s after Play: p50 / max (missing)",
     lambda r: f"{r['first_frame_s']['p50']} / {r['first_frame_s']['max']} ({r['first_frame_s']['missing']})"),
    ("frames/s a student: median / min", lambda r: f"{r['fps']['median']} / {r['fps']['min']}"),
    ("epochs/s a student: median / min", lambda r: f"{r['epochs_per_s']['median']} / {r['epochs_per_s']['min']}"),
    ("Chromium: join s / frames/s painted", lambda r: f"{r['chromium_join_s']} / {r['chromium_fps']}"),
    ("Chromium explorer: key -> readout p95 ms", lambda r: f"{r['explorer_key_p95_ms']} (n={r['samples']['keys']})"),
    ("Chromium explorer: preset click -> bars p95 ms",
     lambda r: f"{r['preset_click_p95_ms']} (n={r['samples']['clicks']})"),
    ("simulated explorers: slider / preset round trip p95 ms",
     lambda r: f"{r['sim_slider_p95_ms']} / {r['sim_preset_p95_ms']}"),
    ("server CPU % of a core", lambda r: r["server_cpu_pct"]),
    ("training CPU share", lambda r: r["training_cpu_share"]),
    ("RSS MB a session (before -> end)",
     lambda r: f"{r['rss_mb_per_session']} ({r['rss_mb']['before']} -> {r['rss_mb']['end']})"),
    ("harness CPU % of a core", lambda r: r["harness_cpu_pct"]),
    ("server ready but waiting for a CPU, % of the window", lambda r: r["server_waiting_for_cpu_pct"]),
    ("machine load average (1 min): window start / end",
     lambda r: f"{r['load_avg_1m']['start']} / {r['load_avg_1m']['end']}"),
    ("errors", lambda r: r["errors"]),
]


def table(results: list[dict]) -> str:
    lines = ["| measure | " + " | ".join(r["model"] for r in results) + " |",
             "|---|" + "---:|" * len(results)]
    lines += [f"| {name} | " + " | ".join(str(cell(r)) for r in results) + " |" for name, cell in ROWS]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=40, help="simulated students (default 40)")
    parser.add_argument("--trainers", type=int, default=None, help="of which press Play (default: half)")
    parser.add_argument("--seconds", type=float, default=30, help="the measured window (default 30)")
    parser.add_argument("--model", choices=(*MODELS, "both"), default="both")
    parser.add_argument("--url", help="use this running server (http://host:port) instead of starting one")
    parser.add_argument("--root", default=str(ROOT), help="the checkout the started server serves")
    parser.add_argument("--server-args", default="", help='more flags for panel serve, e.g. "--reuse-sessions"')
    parser.add_argument("--join-timeout", type=float, default=90, help="longest wait for every join (s)")
    parser.add_argument("--no-browser", action="store_true", help="without the Chromium student")
    parser.add_argument("--json", action="store_true", help="one JSON object on the last line")
    parser.add_argument("--verbose", action="store_true", help="each student's timeline, on stderr")
    args = parser.parse_args(argv)
    if not args.no_browser and find_chromium() is None:
        parser.error("Chromium not found (install it, set CHROMIUM=/path, or pass --no-browser)")
    results = []
    for model in MODELS if args.model == "both" else (args.model,):
        result = run_once(args, model)
        results.append(result)
        if args.verbose:
            print(f"{model}: student, trains, html, ws open, doc pulled, joined (s), error", file=sys.stderr)
            for line in result["timeline"]:
                print(f"  {line}", file=sys.stderr)
        if result["error_details"]:
            print(f"{model}: errors: " + "; ".join(result["error_details"]), file=sys.stderr)
    print(f"`{' '.join(sys.argv)}`\n")
    print(table(results))
    if args.json:
        strip = [{k: v for k, v in r.items() if k not in ("error_details", "server_log", "timeline")} for r in results]
        print(json.dumps(strip[0] if len(strip) == 1 else {"runs": strip}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
