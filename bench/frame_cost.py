"""Server CPU per map frame of the training tab, this checkout beside another, in turns (a shared machine's load
then weighs on both alike).

    .venv/bin/python bench/frame_cost.py --compare /tmp/old [--rounds 3] [--seconds 8]

One `panel serve app` per checkout (same venv). Each turn opens the training tab in headless Chromium (Ames, the
defaults: 100 x 100 grid, 2 epochs a frame, 30 frames a second), presses Play, waits 2 s, then for ``--seconds``
counts the frames the map's canvas paints (it stamps each on ``data-frame``) and the server process's CPU time
(psutil). The epoch line carries the server's own timing of drawing a frame (``data-draw-ms``: making and sending
the map, the curves and numbers ten times a second), whose median is reported too. Prints Markdown: medians over
the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.page_load import FIND, serve  # noqa: E402
from tests.ui.conftest import CHROMIUM_ARGS, find_chromium  # noqa: E402

MODELS = {"logistic regression": "logreg", "MLP 2-100-3": "mlp"}
COUNT = f"""() => {{
  window.__painted = 0;
  new MutationObserver(() => {{ window.__painted += 1; }})
    .observe(({FIND})("canvas.map"), {{ attributes: true, attributeFilter: ["data-frame"] }});
}}"""


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def turn(browser, url: str, server: psutil.Process, seconds: float) -> dict[str, float]:
    """One page training for ``seconds``: frames painted a second, server CPU ms a frame, median draw ms."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    play = page.get_by_role("button", name="▶ Play")
    play.wait_for(timeout=60_000)
    page.wait_for_function(f"({FIND})('canvas.map[data-frame]')", timeout=60_000)
    page.evaluate(COUNT)
    play.click()
    page.wait_for_timeout(2000)
    painted0, cpu0, t0 = page.evaluate("window.__painted"), cpu_seconds(server), time.monotonic()
    draw = []
    while time.monotonic() - t0 < seconds:
        page.wait_for_timeout(250)
        draw.append(float(page.locator(".se-epoch").get_attribute("data-draw-ms") or "nan"))
    painted, cpu, elapsed = (
        page.evaluate("window.__painted") - painted0,
        cpu_seconds(server) - cpu0,
        time.monotonic() - t0,
    )
    page.close()
    return {"fps": painted / elapsed, "cpu": 1000 * cpu / max(painted, 1), "draw": statistics.median(draw)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, required=True, help="the other checkout")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8)
    args = parser.parse_args()
    checkouts = {"this checkout": ROOT, str(args.compare): args.compare}
    servers = {name: serve(path) for name, path in checkouts.items()}
    results = {(name, model): [] for name in checkouts for model in MODELS}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            for _ in range(args.rounds):
                for model, query in MODELS.items():
                    for name, (process, url) in servers.items():
                        r = turn(
                            browser,
                            f"{url}?tab=train&model={query}",
                            psutil.Process(process.pid),
                            args.seconds,
                        )
                        results[name, model].append(r)
            browser.close()
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(10)
    print(
        "| checkout | model | rounds | frames/s painted | server CPU ms/frame | drawing ms (server's own) |"
    )
    print("|---|---|---|---|---|---|")
    for (name, model), rows in results.items():
        median = {key: statistics.median(r[key] for r in rows) for key in ("fps", "cpu", "draw")}
        print(
            f"| {name} | {model} | {len(rows)} | {median['fps']:.1f} | {median['cpu']:.2f} | {median['draw']:.2f} |"
        )


if __name__ == "__main__":
    main()
