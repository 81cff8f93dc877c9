"""A whole class on one server: N students join at once, half train, half use the explorer (issue 11's harness).

    .venv/bin/python bench/classroom.py [--students 40] [--seconds 30] [--model logreg|mlp|both] [--json]
    make bench-classroom                      # the same, with the defaults (both models in turn)

For each model (`--model both`, the default, runs logistic regression, then the MLP, each on a fresh server):

1. Starts a fresh server through the checkout's `deploy/serve.sh` (the class settings `make serve` and the tests
   use; a checkout without it: plain `panel serve app`), on 127.0.0.1 (`--server-args "--reuse-sessions"` adds
   flags), or uses a running one (`--url http://host:port`, then nothing is started or stopped), and loads one
   page to pay for the imports.
2. At one moment, N simulated students (`--students`) connect: each GETs the page, opens the websocket, pulls
   the document and says it is ready (Bokeh's protocol, as a browser does; no rendering). `--trainers` of them
   (default half) load `/app?tab=train&model=M` and press Play as soon as they have joined; they acknowledge
   each map frame as a browser does once it has painted it (the server sends a frame only while fewer than 3
   are unacknowledged). The others load `/app` and, until the end, drag a logit slider (4 steps 50 ms apart,
   of which the server gets what the browser sends: with `--drag-sync-ms 150`, as the sliders do now, the first
   and the last; with 0, as they did before, all four) about once a second and press a warm-up preset every
   third time.
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
Here: the server and one run; the simulated students are bench/class_student.py, the Chromium student
bench/class_browser.py, the figures and the table bench/class_report.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shlex
import sys
import threading
import time
from pathlib import Path

import psutil
from tornado.httpclient import AsyncHTTPClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.class_browser import BrowserResult, chromium_student, kill_chromium  # noqa: E402
from bench.class_report import summarise, table  # noqa: E402
from bench.class_server import BARE_APP, Server, scrape  # noqa: E402
from bench.class_student import HEAVY, Student  # noqa: E402
from tests.ui.conftest import find_chromium  # noqa: E402

MODELS = ("logreg", "mlp")


# --- one run -----------------------------------------------------------------------------------------------------
class Harness:
    def __init__(self, base: str, join_timeout: float, seconds: float, drag_sync_ms: float = 150):
        self.base, self.join_timeout, self.seconds = base, join_timeout, seconds
        self.drag_sync = drag_sync_ms / 1000
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
        and (h.browser_joined.is_set() or h.browser_done.is_set())
    ):
        await asyncio.sleep(0.1)
    m0 = await scrape(h.base)
    cpu0, mine0, start = (
        (server.cpu() if server else m0["process_cpu_seconds_total"]),
        sum(me.cpu_times()[:2]),
        time.monotonic(),
    )
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
    return {
        "wait": None if wait0 is None or wait1 is None else wait1 - wait0,
        "load0": load0,
        "load1": psutil.getloadavg()[0],
        "start": start,
        "end": end,
        "cpu": cpu1 - cpu0,
        "harness_cpu": mine1 - mine0,
        "m0": m0,
        "m1": m1,
        "rss0": rss0,
        "rss1": rss1,
    }


def run_once(args, model: str) -> dict:
    server = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        log_path = ROOT / "test-artifacts" / f"classroom-{model}-{time.strftime('%H%M%S')}.log"
        log_path.parent.mkdir(exist_ok=True)
        app = BARE_APP if args.bare else None
        server = Server(Path(args.root).resolve(), shlex.split(args.server_args), log_path, app)
        base = server.base
    try:
        import urllib.request

        for path in ("app", f"app?tab=train&model={model}"):  # the first sessions pay for the imports
            urllib.request.urlopen(f"{base}/{path}", timeout=180).read()
        trainers = args.students // 2 if args.trainers is None else min(args.trainers, args.students)
        paths = [f"app?tab=train&model={model}" if i < trainers else "app" for i in range(args.students)]
        if args.heavy and trainers:
            paths[0] = f"app?tab=train&{HEAVY}"
        students = [Student(i, i < trainers, path) for i, path in enumerate(paths)]
        random.Random(0).shuffle(students)  # trainers and explorers arrive mixed
        h = Harness(base, args.join_timeout, args.seconds, args.drag_sync_ms)
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
                    kill_chromium()
        server_errors = []
        if server is not None:
            time.sleep(1.0)  # the server logs the closed sessions
            server_errors = server.errors()
    finally:
        if server is not None:
            server.stop()
    return summarise(
        args,
        model,
        trainers,
        students,
        browser,
        window,
        server_errors,
        str(server.log_path) if server else None,
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--students", type=int, default=40, help="simulated students (default 40)")
    parser.add_argument("--trainers", type=int, default=None, help="of which press Play (default: half)")
    parser.add_argument("--seconds", type=float, default=30, help="the measured window (default 30)")
    parser.add_argument("--model", choices=(*MODELS, "both"), default="both")
    parser.add_argument("--url", help="use this running server (http://host:port) instead of starting one")
    parser.add_argument("--root", default=str(ROOT), help="the checkout the started server serves")
    parser.add_argument(
        "--server-args", default="", help='more flags for panel serve, e.g. "--reuse-sessions"'
    )
    parser.add_argument("--join-timeout", type=float, default=90, help="longest wait for every join (s)")
    parser.add_argument("--no-browser", action="store_true", help="without the Chromium student")
    parser.add_argument(
        "--bare",
        action="store_true",
        help="serve bench/apps/bare/app.py instead: the frames and numbers with no training (the ceiling)",
    )
    parser.add_argument(
        "--heavy",
        action="store_true",
        help="the first trainer trains the heaviest model the controls allow (class_student.HEAVY) and presses "
        "Pause 3 s before the window ends (heavy_pause_s)",
    )
    parser.add_argument(
        "--drag-sync-ms",
        type=float,
        default=150,
        help="a drag's changes reach the server at most this often, as js/logit_sliders.js's SYNC_MS "
        "(default 150); 0 for a checkout whose sliders send every step (before commit 9e26d86)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on the last line")
    parser.add_argument("--verbose", action="store_true", help="each student's timeline, on stderr")
    args = parser.parse_args(argv)
    args.no_browser = args.no_browser or args.bare  # the Chromium student needs the app
    if not args.no_browser and find_chromium() is None:
        parser.error("Chromium not found (install it, set CHROMIUM=/path, or pass --no-browser)")
    results = []
    for model in ("bare",) if args.bare else MODELS if args.model == "both" else (args.model,):
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
        strip = [
            {k: v for k, v in r.items() if k not in ("error_details", "server_log", "timeline")}
            for r in results
        ]
        print(json.dumps(strip[0] if len(strip) == 1 else {"runs": strip}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
