"""The training tab's frame rate with the views inside the network open, against the same tab without them, in
the same run (issue 15).

    .venv/bin/python bench/hidden_views.py [--seconds 8] [--rounds 2] [--models ...] [--views ...] [--revs REV ...]

One `panel serve` process, one headless Chromium page at 1920 x 1080, Ames at the defaults (grid 100, 2 epochs a
frame, 30 frames a second). For each model, the page is opened with each ``views=`` setting in turn (none; the
hidden units; the hidden space; both), ``rounds`` times in alternation so that drift falls on all alike; each
measurement plays for ``seconds`` after a 2 s warm-up and counts: the map's frames painted a second (its canvas
stamps each on data-frame), the views' redraws a second (one open view redrawn from a newer frame: the section
counts them on data-updates), the browser's median ms a redraw takes (the section's data-ms), epochs a second, and the page's main-thread time in long tasks
(over 50 ms) a second. The views are computed in the browser, so the server's cost does not change with them.
--revs serves each of those git revisions (``git archive`` into a temporary folder, one server each) instead of
the working tree, and measures them in alternation too: a before and after in one run, the drift alike on both.
Prints Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import tests.ui.conftest as conftest  # noqa: E402
from bench.shadow_dom import DEEP  # noqa: E402
from tests.ui.conftest import CHROMIUM_ARGS, PanelServer, find_chromium  # noqa: E402

MODELS = {
    "logistic regression": "model=logreg",
    "MLP 2-100-3 (ReLU)": "model=mlp",
    "MLP 2-64-64-64-3 (ReLU)": "model=mlp&hidden=64,64,64",
    "MLP 2-300-3 (tanh)": "model=mlp&hidden=300&activation=tanh",
}
VIEWS = {"closed": "", "units": "units", "space": "space", "units + space": "units,space"}

COUNT = (
    """
() => {"""
    + DEEP
    + """
  window.__maps = 0; window.__views = 0; window.__ms = []; window.__long = 0;
  new MutationObserver(() => { window.__maps += 1; })
    .observe(deep(document, "canvas.map"), { attributes: true, attributeFilter: ["data-frame"] });
  const inside = deep(document, "section.inside-network");
  new MutationObserver(() => { window.__views += 1; window.__ms.push(Number(inside.dataset.ms)); })
    .observe(inside, { attributes: true, attributeFilter: ["data-updates"] });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long += e.duration; })
    .observe({ type: "longtask" });
}
"""
)
READ = "() => [window.__maps, window.__views, window.__ms.slice(), window.__long]"


def epoch_in(page) -> int:
    node = page.locator("b[data-epoch]")
    return int(node.get_attribute("data-epoch")) if node.count() else 0


def measure(browser, url: str, seconds: float) -> dict:
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(url)
    play = page.get_by_role("button", name="▶ Play")
    play.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    page.evaluate(COUNT)
    play.click()
    page.wait_for_timeout(2000)
    maps0, views0, _, long0 = page.evaluate(READ)
    epoch0, t0 = epoch_in(page), time.monotonic()
    page.wait_for_timeout(1000 * seconds)
    maps, views, ms, long = page.evaluate(READ)
    elapsed = time.monotonic() - t0
    epochs = epoch_in(page) - epoch0
    page.close()
    return {
        "map fps": (maps - maps0) / elapsed,
        "view updates/s": (views - views0) / elapsed,
        "ms/update": statistics.median(ms) if ms else float("nan"),
        "epochs/s": epochs / elapsed,
        "long tasks ms/s": (long - long0) / elapsed,
    }


def serve(rev: str | None, folders: contextlib.ExitStack) -> PanelServer:
    """A server of the working tree (rev None) or of git revision ``rev``, unpacked into a temporary folder."""
    if rev is None:
        return PanelServer()
    folder = Path(folders.enter_context(tempfile.TemporaryDirectory(prefix="hidden-views-")))
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    saved, conftest.ROOT = conftest.ROOT, folder  # PanelServer serves from conftest.ROOT
    try:
        return PanelServer()
    finally:
        conftest.ROOT = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--models", nargs="*", default=list(MODELS), choices=list(MODELS))
    parser.add_argument("--views", nargs="*", default=list(VIEWS), choices=list(VIEWS))
    parser.add_argument(
        "--revs", nargs="*", default=[], help="git revisions to serve and compare, in one run"
    )
    args = parser.parse_args()
    revs = args.revs or [None]
    rows = []
    with contextlib.ExitStack() as folders:
        servers = {}
        try:
            for rev in revs:
                servers[rev] = serve(rev, folders)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
                for model in args.models:
                    results = {(views, rev): [] for views in args.views for rev in revs}
                    for _ in range(args.rounds):
                        for views in args.views:
                            query = f"tab=train&dataset=ames&{MODELS[model]}" + (
                                f"&views={VIEWS[views]}" if VIEWS[views] else ""
                            )
                            for rev in revs:
                                url = f"{servers[rev].url}?{query}"
                                results[views, rev].append(measure(browser, url, args.seconds))
                    for (views, rev), runs in results.items():
                        mean = {k: statistics.mean(r[k] for r in runs) for k in runs[0]}
                        rows.append((model, views, rev, mean))
                        print(model, views, rev or "", mean, file=sys.stderr, flush=True)
                browser.close()
        finally:
            for server in servers.values():
                server.stop()
    print(f"\n{args.rounds} rounds of {args.seconds:g} s each, alternating; means.\n")
    rev_head, rev_rule = ("revision | ", "---|") if args.revs else ("", "")
    print(
        f"| model | views open | {rev_head}map frames/s | view redraws/s | browser ms/redraw (median) | epochs/s | "
        "long tasks ms/s |"
    )
    print(f"|---|---|{rev_rule}---:|---:|---:|---:|---:|")
    for model, views, rev, r in rows:
        print(
            f"| {model} | {views} | {f'{rev} | ' if args.revs else ''}{r['map fps']:.1f} | "
            f"{r['view updates/s']:.1f} | {r['ms/update']:.1f} | {r['epochs/s']:.0f} | {r['long tasks ms/s']:.0f} |"
        )


if __name__ == "__main__":
    main()
