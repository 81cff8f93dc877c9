"""Input-to-repaint latency of the explorer's sliders, against a browser-only control, in one run.

    .venv/bin/python bench/latency.py [--changes 120] [--rounds 3] [--classes 3 10]

One `panel serve` process serves three pages: the app (`/app`), the control (`/control`: the same maths in a
Bokeh CustomJS callback, no Python on the path) and the stock Panel path (`/stock_panel`: FloatSliders whose
values go to Python, which renders the readout). Headless Chromium presses arrow keys on a focused slider and
drags a slider with the mouse. For each change the page records, from the input event's timestamp:
  dom   - the readout's DOM has changed (a MutationObserver fires);
  frame - the next animation frame starts after that change (the repaint that shows it follows at once).
Configurations are interleaved round by round, so machine noise hits them alike. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.shadow_dom import DEEP  # noqa: E402
from tests.ui.conftest import CHROMIUM_ARGS, find_chromium, free_port  # noqa: E402

LOGITS = [1.0, 2.0, -1.0, 0.5, -0.5, 1.5, -1.5, 0.2, -0.2, 0.8]
# (path, query for k classes, the focusable slider handle); on every page the loss is in an <output class="loss">.
PAGES = {
    "explorer (ours)": ("app", lambda k: "?logits=" + ",".join(map(str, LOGITS[:k])), "input.logit"),
    "control: Bokeh CustomJS": ("control", lambda k: f"?k={k}", ".noUi-handle"),
    "stock Panel round trip": ("stock_panel", lambda k: f"?k={k}", ".noUi-handle"),
}

HARNESS = (
    """
(handleSelector) => {"""
    + DEEP
    + """
  // The shadow root holding the loss: its text changes in place (ours) or the readout is re-rendered (the others).
  const watched = deep(document, "output.loss")?.getRootNode();
  const handle = deep(document, handleSelector);
  if (!watched || !handle) return false;
  const lat = window.__lat = { t0: null, samples: [] };
  const start = (e) => { lat.t0 = e.timeStamp; };
  document.addEventListener("keydown", start, true);
  document.addEventListener("pointermove", (e) => { if (e.buttons) start(e); }, true);
  new MutationObserver(() => {
    if (lat.t0 === null) return;
    const t0 = lat.t0;
    lat.t0 = null;
    const dom = performance.now() - t0;
    requestAnimationFrame(() => lat.samples.push({ dom, frame: performance.now() - t0 }));
  }).observe(watched, { subtree: true, childList: true, characterData: true, attributes: true });
  handle.focus();
  return true;
}
"""
)


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def wait_for_sample(page, count, timeout=2.0):
    deadline = time.monotonic() + timeout
    while page.evaluate("window.__lat.samples.length") <= count:
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(2)
    return True


def measure(page, url, handle, changes, rng):
    """``changes`` key presses, then ``changes`` drag steps; returns the samples of each."""
    page.goto(url)
    page.wait_for_timeout(1500)
    if not page.evaluate(HARNESS, handle):
        raise RuntimeError(f"{url}: {handle} or output.loss not found")
    samples = {"key": [], "drag": []}
    for i in range(changes):
        n = page.evaluate("window.__lat.samples.length")
        page.keyboard.press("ArrowRight" if i < changes // 2 else "ArrowLeft")
        if wait_for_sample(page, n):
            samples["key"].append(page.evaluate("window.__lat.samples.at(-1)"))
        page.wait_for_timeout(rng.uniform(20, 60))
    box = page.locator(handle).first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for i in range(changes):
        n = page.evaluate("window.__lat.samples.length")
        x += 3 if (i // 20) % 2 == 0 else -3
        page.mouse.move(x, y)
        if wait_for_sample(page, n):
            samples["drag"].append(page.evaluate("window.__lat.samples.at(-1)"))
        page.wait_for_timeout(rng.uniform(20, 60))
    page.mouse.up()
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=40, help="changes per page, per input kind, per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--classes", type=int, nargs="+", default=[3, 10])
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "panel",
            "serve",
            "app",
            "bench/apps/control.py",
            "bench/apps/stock_panel.py",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rng = random.Random(0)
    results: dict[tuple[int, str, str], list[dict]] = {}
    try:
        time.sleep(5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for _ in range(args.rounds):
                for k in args.classes:
                    for name, (path, query, handle) in PAGES.items():
                        url = f"http://localhost:{port}/{path}{query(k)}"
                        for kind, samples in measure(page, url, handle, args.changes, rng).items():
                            results.setdefault((k, name, kind), []).extend(samples)
            browser.close()
    finally:
        server.terminate()
    report(results, args)


def report(results, args):
    print(
        f"`{' '.join(sys.argv)}`: {args.rounds} rounds x {args.changes} changes per input kind; ms from the input "
        "event to the readout's DOM change (dom) and to the next frame (frame).\n"
    )
    print(
        "| classes | page | input | n | dom median | dom p95 | frame median | frame p95 | frame p95 / control |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for (k, name, kind), samples in results.items():
        if not samples:
            print(f"| {k} | {name} | {kind} | 0 | | | | | |")
            continue
        dom = [s["dom"] for s in samples]
        frame = [s["frame"] for s in samples]
        control = [s["frame"] for s in results[(k, "control: Bokeh CustomJS", kind)]]
        ratio = percentile(frame, 0.95) / percentile(control, 0.95)
        print(
            f"| {k} | {name} | {kind} | {len(samples)} | {statistics.median(dom):.1f} | {percentile(dom, 0.95):.1f} "
            f"| {statistics.median(frame):.1f} | {percentile(frame, 0.95):.1f} | {ratio:.2f} |"
        )


if __name__ == "__main__":
    main()
