"""A simulated student of bench/classroom.py: Bokeh's websocket protocol as a browser speaks it, no rendering.

A trainer opens the training tab, presses Play and acknowledges each map frame the way the map's canvas does once
it has painted it (so the server's flow control applies); an explorer drags a logit slider about once a second
(sending its steps as the sliders do: at most every ``--drag-sync-ms``) and presses a warm-up preset every third
time.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tornado.httpclient import AsyncHTTPClient

from softmax_explorer.components.layouts import NUMBERS, unpack
from tests.ui.sessions import (
    DOCUMENT_READY,
    Message,
    button_click,
    decoded,
    esm_message,
    model_changed,
    models_in,
    open_websocket,
    pull_document,
    receive,
    send,
    token_in,
)

if TYPE_CHECKING:
    from bench.classroom import Harness

# The heaviest model the controls allow, on the most points, in the smallest batches (issue 11's "one student can
# stall everyone"): one epoch is 200 mini-batches of a 4 x 512 MLP.
HEAVY = "dataset=spiral&points=2000&model=mlp&hidden=512,512,512,512&optimizer=adam&batch=8"
PRESET_LABEL = re.compile(r"^(All equal|One much|Challenge:)")  # the explorer's warm-up and challenge buttons


def frame_number(data) -> int | None:
    """A frame's number: the first 4 bytes (uint32) of a packed frame, or a 'frame'/'n'/'number' field."""
    if isinstance(data, bytes | bytearray) and len(data) >= 4:
        return int.from_bytes(data[:4], "little")
    if isinstance(data, dict):
        for key in ("frame", "number", "n", "seq", "shown"):
            if isinstance(data.get(key), int):
                return data[key]
        for value in data.values():
            if isinstance(value, bytes | bytearray):
                return frame_number(value)
    return None


def messages_to(message: Message, ids: list[str]) -> list:
    """The data of the ESM messages (msg:custom in the browser) in a PATCH-DOC to the models ``ids``."""
    if message.kind != "PATCH-DOC" or not ids or not any(i in message.content for i in ids):
        return []
    found = []
    for event in message.json().get("events", []):
        if event.get("kind") == "MessageSent":
            values = decoded(event.get("msg_data", {}).get("values", {}), message.buffers)
            if isinstance(values, dict) and (values.get("model") or {}).get("id") in ids:
                found.append(values.get("data"))
    return found


def latest_epoch(message: Message, curves: list[str]) -> int | None:
    """The latest epoch a PATCH-DOC shows: in the curves' numbers (layouts.NUMBERS; the last row's epoch), or, from
    a checkout before them, in the epoch line's HTML."""
    epochs = re.findall(r"data-epoch=\\?['\"](\d+)", message.content)
    for data in messages_to(message, curves):
        if isinstance(data, bytes | bytearray) and unpack(NUMBERS, data)["rows"]:
            epochs.append(int(unpack(NUMBERS, data)["history"][-5]))
    return int(epochs[-1]) if epochs else None


def map_frames(message: Message, ids: list[str]) -> list[int | None]:
    """The map frames in a PATCH-DOC, each one's number (None if it has none): a change of the map's `frame`, or
    an ESM message to it (msg:custom in the browser; since the map sends the model, its weights)."""
    if message.kind != "PATCH-DOC" or not ids or not any(i in message.content for i in ids):
        return []
    changes = [
        frame_number(decoded(event.get("new"), message.buffers))
        for event in message.json().get("events", [])
        if event.get("kind") == "ModelChanged"
        and event.get("attr") == "frame"
        and event.get("model", {}).get("id") in ids
    ]
    return changes + [frame_number(data) for data in messages_to(message, ids)]


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
    pause_s: float | None = (
        None  # a heavy student's Pause, 3 s before the window ends: until the server's answer
    )
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
        url = f"{h.base}/{self.path}"
        response = await AsyncHTTPClient().fetch(url, request_timeout=h.join_timeout + 60)
        self.t_html = time.monotonic() - h.t0
        self.ws = await open_websocket(url, token_in(response.body.decode()), timeout=h.join_timeout + 60)
        self.t_ws = time.monotonic() - h.t0
        self._lock, self._pending, self._preset_at = asyncio.Lock(), {}, None
        doc, buffers = await pull_document(self.ws)
        self.t_pull = time.monotonic() - h.t0
        self._learn(doc, buffers)
        ready = await self._send(DOCUMENT_READY)
        while ready in self._pending:  # the server has answered a message of this session: it is interactive
            await self._handle(await receive(self.ws))
        self.t_join = time.monotonic() - h.t0
        if self.trainer:
            self.t_play = time.monotonic()
            await self._send(model_changed(self.toggle, "active", True))
            if HEAVY in self.path:
                await asyncio.gather(self._listen(h), self._pause_at_the_end(h))
            else:
                await self._listen(h)
        else:
            await asyncio.gather(self._listen(h), self._act(h))

    def _learn(self, doc, buffers) -> None:
        """The ids this student needs: Play, the map (its ESM model and data model), the sliders, the presets."""
        self.toggle = self.map_esm = self.map_data = self.sliders = None
        self._curves_ids = []
        self.presets, self.k = [], 3
        for m in models_in(doc):
            name, attributes = str(m.get("name")), m.get("attributes", {})
            if name.endswith("Toggle") and "Play" in str(attributes.get("label", "")):
                self.toggle = m["id"]
            elif name.endswith("ReactiveESM"):
                data = attributes.get("data") or {}
                if attributes.get("class_name") == "MapCanvas" or "MapCanvas" in str(data.get("name", "")):
                    self.map_esm, self.map_data = m["id"], data.get("id")
                    number = frame_number(decoded(data.get("attributes", {}).get("frame"), buffers))
                    self.last_frame = number or 0
                elif attributes.get("class_name") == "TrainingCurves" or "TrainingCurves" in str(
                    data.get("name")
                ):
                    self._curves_ids = [m["id"], data.get("id")]
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

    async def _send(self, content: dict, what: str = "") -> str:
        """A PATCH-DOC, its answer awaited (``what`` names the round trip to time)."""
        msgid = f"{self.index}-{time.monotonic_ns()}"
        async with self._lock:
            self._pending[msgid] = (time.monotonic(), what)
            await send(self.ws, "PATCH-DOC", content, msgid)
        return msgid

    async def _listen(self, h: Harness) -> None:
        # No timeout on a read: cancelling one midway would leave the next read out of step with the messages.
        # At the end the harness closes the websocket, and the read raises.
        while not h.stopping:
            await self._handle(await receive(self.ws))

    async def _handle(self, message: Message) -> None:
        now, kind, content = time.monotonic(), message.kind, message.content
        reqid = message.header.get("reqid")
        if reqid in self._pending:
            sent, what = self._pending.pop(reqid)
            if kind == "ERROR":
                self.error = f"server error: {content[:200]}"
            elif what == "slider":
                self.slider_rtt.append(now - sent)
            elif what == "pause":
                self.pause_s = now - sent
        if kind != "PATCH-DOC":
            return
        if self._preset_at is not None and re.search(r'"attr":\s*"logits"', content):
            self.preset_rtt.append(now - self._preset_at)
            self._preset_at = None
        epoch = latest_epoch(message, self._curves_ids)
        if epoch is not None:
            self.epochs.append((now, epoch))
        for number in map_frames(message, self._map_ids):
            self.last_frame = number if number is not None else self.last_frame + 1
            self.frames.append(now)
            if self.t_first_frame is None and self.t_play is not None:
                self.t_first_frame = now
            await self._ack()

    async def _pause_at_the_end(self, h: Harness) -> None:
        """Press Pause 3 s before the window ends (the server answers once it has stopped the loop)."""
        while not h.window_open.is_set() and not h.stopping:
            await asyncio.sleep(0.2)
        await asyncio.sleep(max(0.0, h.window[1] - 3 - time.monotonic()))
        if not h.stopping:
            await self._send(model_changed(self.toggle, "active", False), "pause")

    async def _ack(self) -> None:
        """What the map's canvas sends once it has painted a frame: {shown: n}, as an ESM message."""
        await self._send(esm_message(self.map_esm, {"shown": self.last_frame}))

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
                await self._send(button_click(rng.choice(self.presets)))
                continue
            i = rng.randrange(self.k)
            synced = (
                -h.drag_sync
            )  # as js/logit_sliders.js: the first step at once, then at most every drag_sync
            for step in range(4):
                logits[i] = round(max(-10.0, min(10.0, logits[i] + rng.choice((-0.1, 0.1)))), 1)
                if (
                    step == 3 or time.monotonic() - synced >= h.drag_sync
                ):  # the last step: let go, sent at once
                    synced = time.monotonic()
                    await self._send(
                        model_changed(self.sliders, "logits", list(logits)), "slider" if step == 3 else ""
                    )
                if step < 3:
                    await asyncio.sleep(0.05)
