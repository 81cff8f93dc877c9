"""Page load time: navigation to the first bars (explorer), to the first painted map (training tab), and to a bare
Panel page's readout (bench/apps/stock_panel.py, served by the same process: what any Panel page costs).

    .venv/bin/python bench/page_load.py [--loads 10] [--compare /tmp/old]

One `panel serve app` process per checkout (this one, and with ``--compare`` another, e.g. a `git worktree` of an
older commit, served with the same venv). Each load is a fresh headless Chromium context (empty cache, as a
student's first visit) opening `/app` (until the first probability bar holds a number) and `/app?tab=train` (until
the map's canvas has painted its first frame); the checkouts take turns, load by load. Milliseconds from the
navigation's start (`performance.now()` in the page, polled every animation frame), and from the end of the
page's HTML (the navigation entry's responseEnd: what the scripts, the websocket and the session's document
take). Prints Markdown: median and worst.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.shadow_dom import DEEP  # noqa: E402
from tests.ui.conftest import CHROMIUM_ARGS, find_chromium, free_port  # noqa: E402

FIND = "(selector) => {" + DEEP + "  return deep(document, selector);\n}"
PAGES = {
    "explorer (/app)": ("/app", ".probability-bars .bar[data-probability]"),
    "training tab (/app?tab=train)": ("/app?tab=train", "canvas.map[data-frame]"),
    "bare Panel page (3 sliders and a readout)": ("/stock_panel", "output.loss"),
}
BARE = ROOT / "bench" / "apps" / "stock_panel.py"


def serve(checkout: Path) -> tuple[subprocess.Popen, str]:
    """`panel serve app` from ``checkout`` (its own code first on the path); returns the process and its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "panel", "serve", "app", str(BARE), "--port", str(port)],
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": str(checkout)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://localhost:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(
                url + "/app", timeout=120
            ).read()  # the first session imports torch: not timed
            return process, url
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise
            time.sleep(0.5)


def load(browser, url: str, selector: str) -> tuple[float, float]:
    """Milliseconds from navigation start, and from the end of the page's HTML, until ``selector`` matches, in a
    fresh context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function(f"({FIND})({selector!r})", polling="raf", timeout=60_000)
    ms, html = page.evaluate("[performance.now(), performance.getEntriesByType('navigation')[0].responseEnd]")
    context.close()
    return ms, ms - html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--compare", type=Path, help="another checkout to measure alongside this one")
    args = parser.parse_args()
    checkouts = {"this checkout": ROOT} | ({f"{args.compare}": args.compare} if args.compare else {})
    servers = {name: serve(path) for name, path in checkouts.items()}
    times = {(name, page): [] for name in checkouts for page in PAGES}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            for _, url in servers.values():  # one untimed load each: Chromium's own warm-up
                for query, selector in PAGES.values():
                    load(browser, url + query, selector)
            for _ in range(args.loads):
                for page, (query, selector) in PAGES.items():
                    for name, (_, url) in servers.items():
                        times[name, page].append(load(browser, url + query, selector))
            browser.close()
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(10)
    print(
        "| checkout | page | loads | from navigation: median / max ms | after the HTML: median / max ms |\n"
        "|---|---|---|---|---|"
    )
    for (name, page), values in times.items():
        total, after = [v[0] for v in values], [v[1] for v in values]
        print(
            f"| {name} | {page} | {len(values)} | {statistics.median(total):,.0f} / {max(total):,.0f} | "
            f"{statistics.median(after):,.0f} / {max(after):,.0f} |"
        )


if __name__ == "__main__":
    main()
