"""The session soak of issue 9, in full: many visits opened and closed, then the server's memory and CPU; and a
client that never reads while training plays.

    .venv/bin/python bench/soak.py [--pages 200] [--warm-up 20] [--settle 60] [--silent 30]

A fresh `panel serve` (deploy/serve.sh, a class server's settings) serves it. One headless Chromium tab makes the
visits one after another (each navigation closes the page before it, as a closed tab does), every other one on
the training tab pressing Play until an epoch has passed. After a warm-up (its sessions freed, CPU idle) the RSS is
the baseline; after the last visit the server gets ``--settle`` seconds, then its RSS, its CPU over 5 s and its
open sessions are read. Then a websocket client opens the training tab, presses Play and never reads a byte for
``--silent`` seconds while another page is served; the server's RSS is sampled every second. The tests
(tests/ui/test_session_lifecycle.py) run the same with 40 visits and 20 s. Prints Markdown.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.ui.conftest import CHROMIUM_ARGS, PanelServer, find_chromium  # noqa: E402
from tests.ui.sessions import (  # noqa: E402
    SilentClient,
    cpu_percent,
    rss_mb,
    sessions_open,
    visit,
    wait_until,
)

TROUBLE = re.compile(r"Traceback|Task exception was never retrieved|AssertionError")


def troubles(log: str) -> tuple[int, int]:
    """Log records with a traceback or an exception nobody awaited, and how many of them are Bokeh's own race: a
    tab closes while the server writes to it, Bokeh detaches the session, then its close handler asserts that the
    connection still has one (bokeh/server/connection.py; the session is freed all the same)."""
    records = [r for r in re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", log) if TROUBLE.search(r)]
    return len(records), sum("assert self._session is not None" in r for r in records)


def visits(page, url: str, n: int) -> list[float]:
    """``n`` visits, half of them training; the seconds each took."""
    took = []
    for i in range(n):
        start = time.monotonic()
        visit(page, url, train=i % 2 == 0)
        took.append(time.monotonic() - start)
    page.goto("about:blank")
    return took


def explorer_answers(page, url: str) -> float:
    """Seconds from opening the explorer to its probabilities following an arrow key on a slider."""
    start = time.monotonic()
    page.goto(url)
    readout = page.locator(".softmax-explorer .readout tbody td.probability").first
    readout.wait_for(timeout=60_000)
    before = readout.get_attribute("data-value")
    page.locator(".softmax-explorer input.logit").first.focus()
    page.keyboard.press("ArrowRight")
    for _ in range(200):
        if readout.get_attribute("data-value") != before:
            return time.monotonic() - start
        page.wait_for_timeout(50)
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--warm-up", type=int, default=20)
    parser.add_argument("--settle", type=float, default=60, help="seconds after the last visit")
    parser.add_argument("--silent", type=float, default=30, help="seconds of the never-reading client")
    args = parser.parse_args()

    server = PanelServer(args=())
    process = psutil.Process(server.process.pid)
    base = server.url.rsplit("/", 1)[0]
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)

            visits(page, server.url, args.warm_up)
            wait_until(lambda: sessions_open(base) == 0, 60)
            wait_until(lambda: cpu_percent(process, 2) < 5, 60, 0)
            baseline, since = rss_mb(process), len(server.output())
            took = visits(page, server.url, args.pages)
            peak = rss_mb(process)
            time.sleep(args.settle)
            after, cpu, left = rss_mb(process), cpu_percent(process, 5), sessions_open(base)
            closes = len(re.findall(r"training loop stopped", server.output()[since:]))
            rows += [
                (
                    "visits (training)",
                    f"{args.pages} ({(args.pages + 1) // 2}), after a warm-up of {args.warm_up}",
                ),
                ("a visit, median / max", f"{statistics.median(took):.1f} s / {max(took):.1f} s"),
                ("server RSS after the warm-up", f"{baseline:.0f} MB"),
                ("server RSS after the last visit", f"{peak:.0f} MB"),
                (
                    f"server RSS {args.settle:g} s later",
                    f"{after:.0f} MB ({100 * (after / baseline - 1):+.1f} %)",
                ),
                (f"server CPU over 5 s, {args.settle:g} s later", f"{abs(cpu):.1f} % of a core"),
                (f"sessions open {args.settle:g} s later", str(left)),
                ("'training loop stopped' lines logged", str(closes)),
                (
                    "tracebacks / unretrieved task exceptions logged (of which Bokeh's closed-tab assertion)",
                    "{} ({})".format(*troubles(server.output()[since:])),
                ),
            ]

            client = SilentClient(f"{server.url}?tab=train&grid=200&fps=30&epf=1")
            try:
                time.sleep(2)
                start, began, samples = rss_mb(process), time.monotonic(), []
                answered = explorer_answers(page, server.url)
                while time.monotonic() - began < args.silent:
                    samples.append(rss_mb(process))
                    time.sleep(1)
            finally:
                client.close()
            page.close()
            browser.close()
            rows += [
                (
                    f"never-reading client, {args.silent:g} s: server RSS start / peak",
                    f"{start:.0f} MB / {max(samples, default=start):.0f} MB "
                    f"({max(samples, default=start) - start:+.0f} MB)",
                ),
                ("meanwhile, another page's explorer answered in", f"{answered:.1f} s"),
            ]
    finally:
        server.stop()
    print(
        f"`{' '.join(sys.argv)}`: a fresh server (deploy/serve.sh), one headless Chromium tab; log {server.log}\n"
    )
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
