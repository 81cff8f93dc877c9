"""Frames, epochs, server CPU and bytes of the training tab, in one session and in ten, beside a bare image push.

    .venv/bin/python bench/training_frames.py [--seconds 10] [--sessions 10] [--query "fps=30&epf=2"]

One `panel serve` process serves the app and a baseline (`bench/apps/image_push.py`: a periodic callback that
pushes a 100 x 100 float32 image every 33 ms, nothing else). For each page (the baseline, the training tab with
logistic regression, with the 2-100-3 MLP; Ames, the default grid and speed):
  - one session in headless Chromium: frames the browser shows (changes of the map's data source, counted in the
    page), epochs per second (the epoch counter), server CPU per frame and bytes per frame (websocket frames the
    page receives);
  - N sessions of non-rendering websocket clients that speak Bokeh's protocol, as a class loading the page would
    load the server: frames and bytes per client, server CPU per frame.
Server CPU is the `panel serve` process's user + system time over the window (psutil). Prints Markdown.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import requests
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.class_student import map_frames  # noqa: E402
from bench.shadow_dom import DEEP  # noqa: E402
from tests.ui.conftest import CHROMIUM_ARGS, find_chromium, free_port  # noqa: E402
from tests.ui.sessions import esm_message, models_in, play_training, receive, send  # noqa: E402

PAGES = {
    "baseline: bare 100x100 float32 push": "image_push",
    "training tab, logistic regression": "app?tab=train&model=logreg",
    "training tab, MLP 2-100-3": "app?tab=train&model=mlp",
}

COUNT_FRAMES = (
    """
() => {
  window.__frames = 0;
  // The baseline: a Bokeh image source; the training tab: its map canvas, which stamps each frame it paints.
  const source = [...Bokeh.documents[0].all_models].find((m) => m.data && "image" in m.data);
  if (source) {
    source.properties.data.change.connect(() => { window.__frames += 1; });
    return;
  }"""
    + DEEP
    + """
  new MutationObserver(() => { window.__frames += 1; })
    .observe(deep(document, "canvas.map"), { attributes: true, attributeFilter: ["data-frame"] });
}
"""
)


def play_toggle(page):
    return page.get_by_role("button", name="▶ Play")


def epoch_in(page) -> int:
    node = page.locator("b[data-epoch]")
    return int(node.get_attribute("data-epoch")) if node.count() else 0


def measure_browser(browser, url, server, seconds):
    """One rendering session: frames shown, epochs/s, server CPU per frame, bytes per frame."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    received = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(len(f))))
    page.goto(url)
    play_toggle(page).wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    page.evaluate(COUNT_FRAMES)
    play_toggle(page).click()
    page.wait_for_timeout(2000)  # warm up
    frames0, epoch0, bytes0 = page.evaluate("window.__frames"), epoch_in(page), sum(received)
    cpu0, t0 = cpu_seconds(server), time.monotonic()
    costs = []  # the server's own timing of a frame's training and drawing, which the epoch line carries
    while time.monotonic() - t0 < seconds:
        page.wait_for_timeout(250)
        line = page.locator(".se-epoch")
        if line.count():
            costs.append(
                (
                    float(line.get_attribute("data-train-ms") or 0),
                    float(line.get_attribute("data-draw-ms") or 0),
                )
            )
    frames, epochs = page.evaluate("window.__frames") - frames0, epoch_in(page) - epoch0
    cpu, elapsed, sent = cpu_seconds(server) - cpu0, time.monotonic() - t0, sum(received) - bytes0
    page.close()
    return {
        "fps": frames / elapsed,
        "epochs/s": epochs / elapsed,
        "cpu ms/frame": 1000 * cpu / max(frames, 1),
        "KB/frame": sent / max(frames, 1) / 1000,
        "cpu %": 100 * cpu / elapsed,
        "train ms": statistics.median(c[0] for c in costs) if costs else float("nan"),
        "draw ms": statistics.median(c[1] for c in costs) if costs else float("nan"),
    }


def cpu_seconds(server) -> float:
    times = server.cpu_times()
    return times.user + times.system


class BokehClient:
    """A non-rendering session: Bokeh's websocket protocol, enough to load the page, press Play and listen."""

    def __init__(self, base, path):
        self.base, self.path = base, path
        self.frames = self.bytes = 0
        self.counting = self.started = False

    async def run(self, until: list[float]):
        """Play, then listen (and acknowledge frames) until ``until[0]`` (which may move)."""
        ws, doc = await play_training(f"{self.base}/{self.path}")
        # The map (flow control): a browser tells it each frame it has painted, as an ESM message.
        canvas = next(
            (m for m in models_in(doc) if m.get("attributes", {}).get("class_name") == "MapCanvas"), None
        )
        ids = [canvas["id"], canvas["attributes"].get("data", {}).get("id")] if canvas else []
        while time.monotonic() < until[0]:
            try:
                message = await asyncio.wait_for(
                    receive(ws), timeout=min(max(until[0] - time.monotonic(), 0.01), 5)
                )
            except TimeoutError:
                continue
            frames = map_frames(message, ids)
            image = "image" in message.content[:2000]  # the baseline's push
            self.started |= bool(frames) or image
            for number in frames:  # answer as a browser does once it has painted the frame
                await send(ws, "PATCH-DOC", esm_message(canvas["id"], {"shown": number}))
            if self.counting and message.kind == "PATCH-DOC":
                self.bytes += message.size
                self.frames += len(frames) or image
        ws.close()


async def measure_clients(base, path, server, sessions, seconds):
    """``sessions`` non-rendering clients at once: frames and bytes per client, server CPU per frame."""
    # Counting starts 2 s after the last client's first frame: making ten sessions takes the server seconds of
    # CPU, which would otherwise be charged to the frames.
    clients = [BokehClient(base, path) for _ in range(sessions)]
    until = [float("inf")]
    tasks = [asyncio.create_task(c.run(until)) for c in clients]
    while not all(c.started for c in clients):
        await asyncio.sleep(0.05)
    await asyncio.sleep(2.0)
    for c in clients:
        c.counting = True
    cpu0, t0 = cpu_seconds(server), time.monotonic()
    until[0] = t0 + seconds
    await asyncio.gather(*tasks)
    cpu, elapsed = cpu_seconds(server) - cpu0, time.monotonic() - t0
    frames = sum(c.frames for c in clients)
    return {
        "fps per client": statistics.median(c.frames / elapsed for c in clients),
        "cpu ms/frame": 1000 * cpu / max(frames, 1),
        "KB/frame": sum(c.bytes for c in clients) / max(frames, 1) / 1000,
        "cpu %": 100 * cpu / elapsed,
    }


def serve(path: str):
    """A fresh `panel serve` for one measurement, so that no session of another lingers in it."""
    port = free_port()
    app = "app" if path.startswith("app") else f"bench/apps/{path}.py"
    process = subprocess.Popen(
        [sys.executable, "-m", "panel", "serve", app, "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://localhost:{port}"
    for _ in range(600):
        try:
            requests.get(f"{base}/{path}", timeout=120)  # up, and the first session has paid for the imports
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    return process, base


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--query", default="", help="added to the training tab's URL, e.g. fps=30&epf=2")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    print(f"`{' '.join(sys.argv)}`: {args.seconds:g} s windows after warm-up; a fresh server for each row.\n")
    print(
        "| page | sessions | frames/s shown | epochs/s | server CPU ms/frame | of which training / drawing (median) "
        "| KB/frame | server CPU % of a core |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        for name, path in PAGES.items():
            if path.startswith("app") and args.query:
                path, name = f"{path}&{args.query}", f"{name} ({args.query})"
            elif args.skip_baseline and not path.startswith("app"):
                continue
            process, base = serve(path)
            try:
                r = measure_browser(browser, f"{base}/{path}", psutil.Process(process.pid), args.seconds)
            finally:
                process.terminate()
            split = "" if path == "image_push" else f"{r['train ms']:.2f} / {r['draw ms']:.2f}"
            print(
                f"| {name} | 1 (Chromium) | {r['fps']:.1f} | {r['epochs/s']:.0f} | {r['cpu ms/frame']:.2f} "
                f"| {split} | {r['KB/frame']:.1f} | {r['cpu %']:.0f} |"
            )
            process, base = serve(path)
            try:
                # In a thread: Playwright's sync API already runs an event loop in this one.
                with ThreadPoolExecutor(1) as pool:
                    r = pool.submit(
                        asyncio.run,
                        measure_clients(base, path, psutil.Process(process.pid), args.sessions, args.seconds),
                    ).result()
            finally:
                process.terminate()
            print(
                f"| {name} | {args.sessions} (websocket) | {r['fps per client']:.1f} each | | "
                f"{r['cpu ms/frame']:.2f} | | {r['KB/frame']:.1f} | {r['cpu %']:.0f} |"
            )
        browser.close()


if __name__ == "__main__":
    main()
