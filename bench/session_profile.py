"""What one new session costs the server, and where the time goes (issue 11, "cheaper sessions").

    .venv/bin/python bench/session_profile.py [--sessions 20] [--pages app "app?tab=train"] [--top 25]

For each page, a fresh `panel serve app`. A client opens sessions one after another, as a browser does (GET the
page, open the websocket, pull the document, say "document ready", wait for the server's answer, close): 2 to
warm up, then `--sessions` unprofiled (their CPU, from psutil, is the clean cost of a session), then `--sessions`
profiled. Prints the clean CPU per session and the functions with the largest cumulative time per session.

- `--profiler py-spy` (the default; `pip install py-spy`): py-spy attaches to the server for the profiled
  sessions and samples it 250 times a second from outside (little overhead). A function's share of the samples
  (inclusive: the samples in which it is on the stack) times the CPU those sessions took gives its ms a session.
- `--profiler cprofile`: the server runs in a process of this script (`--serve`) under cProfile counting CPU time
  (`time.process_time`), switched on and off by signals; exact call counts, but cProfile slows Python calls down
  several times (the factor is printed), which inflates call-heavy code such as Bokeh's property descriptors.

`--root DIR` serves another checkout (e.g. an export of an older commit).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
from tornado.httpclient import AsyncHTTPClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.ui.conftest import free_port  # noqa: E402
from tests.ui.sessions import DOCUMENT_READY, open_websocket, pull_document, receive, send, token_in  # noqa: E402

SERVED = [str(ROOT) + "/"]  # path prefixes left out of the report


def serve_args(port: int) -> list[str]:
    """`panel serve app` on loopback at ``port``, as both ways of running the server here start it."""
    return [
        "serve",
        "app",
        "--address",
        "127.0.0.1",
        "--port",
        str(port),
        f"--allow-websocket-origin=127.0.0.1:{port}",
    ]


def serve(port: int, out: str) -> None:
    """`panel serve app` in this process; SIGUSR1 starts profiling, SIGUSR2 stops it and writes ``out``."""
    sys.path.insert(0, os.getcwd())  # the checkout being served, before the editable install's
    profiler = cProfile.Profile(time.process_time)
    signal.signal(signal.SIGUSR1, lambda *_: profiler.enable())

    def dump(*_):
        profiler.disable()
        profiler.dump_stats(out + ".tmp")
        os.replace(out + ".tmp", out)

    signal.signal(signal.SIGUSR2, dump)
    from panel.command import main

    sys.argv = ["panel", *serve_args(port)]
    main()


async def one_session(base: str, path: str) -> None:
    """A browser's session, up to the server's answer to "document ready"; then it leaves."""
    url = f"{base}/{path}"
    response = await AsyncHTTPClient().fetch(url, request_timeout=120)
    ws = await open_websocket(url, token_in(response.body.decode()))
    await pull_document(ws)
    await send(ws, "PATCH-DOC", DOCUMENT_READY, "ready")
    while (await receive(ws)).header.get("reqid") != "ready":
        pass
    ws.close()


async def sessions(base: str, path: str, n: int) -> None:
    for _ in range(n):
        await one_session(base, path)


def measure(root: Path, path: str, n: int, top: int, profiler: str, keep: str | None) -> None:
    port, out = free_port(), f"/tmp/session-profile-{os.getpid()}.prof"
    log = open(f"/tmp/session-profile-{os.getpid()}.log", "w")  # noqa: SIM115
    if profiler == "cprofile":
        command = [sys.executable, str(Path(__file__).resolve()), "--serve", str(port), "--out", out]
    else:
        command = [sys.executable, "-m", "panel", *serve_args(port)]
    server = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT)
    spy = None
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while "Bokeh app running" not in Path(log.name).read_text():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(Path(log.name).read_text())
            time.sleep(0.1)
        ps = psutil.Process(server.pid)

        def cpu():
            t = ps.cpu_times()
            return t.user + t.system

        asyncio.run(sessions(base, path, 2))
        time.sleep(1)
        c0 = cpu()
        asyncio.run(sessions(base, path, n))
        clean = (cpu() - c0) / n
        time.sleep(1)
        if profiler == "cprofile":
            server.send_signal(signal.SIGUSR1)
        else:
            spy = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("py-spy")),
                    "record",
                    "--pid",
                    str(server.pid),
                    "--rate",
                    "250",
                    "--format",
                    "raw",
                    "--output",
                    out,
                    "--duration",
                    "600",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        time.sleep(1.0)
        c0 = cpu()
        asyncio.run(sessions(base, path, n))
        profiled = (cpu() - c0) / n
        if spy is not None:
            spy.send_signal(signal.SIGINT)  # py-spy writes its samples on Ctrl-C
            spy.wait(60)
        else:
            server.send_signal(signal.SIGUSR2)
        for _ in range(100):
            if Path(out).exists():
                break
            time.sleep(0.1)
        print(
            f"\n## /{path}: {1000 * clean:.0f} ms of server CPU a session without the profiler, "
            f"{1000 * profiled:.0f} ms with it ({profiled / clean:.2f}x), {n} sessions each ({profiler})\n"
        )
        rows = _cprofile_rows(out, n) if profiler == "cprofile" else _py_spy_rows(out, 1000 * profiled)
        print("| cumulative ms a session | own ms a session | function |")
        print("|---:|---:|---|")
        for ct, tt, where in rows[:top]:
            print(f"| {ct:.1f} | {tt:.1f} | `{where}` |")
    finally:
        if spy is not None and spy.poll() is None:
            spy.kill()
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            name = re.sub(r"\W+", "_", path)
            for leftover, suffix in ((out, ".raw" if profiler == "py-spy" else ".prof"), (log.name, ".log")):
                if Path(leftover).exists():
                    os.replace(leftover, Path(keep) / f"{name}{suffix}")
        for leftover in (out, log.name):
            Path(leftover).unlink(missing_ok=True)


def _cprofile_rows(out: str, n: int) -> list[tuple[float, float, str]]:
    rows = [
        (1000 * ct / n, 1000 * tt / n, f"{_short(file)}:{line}({name})")
        for (file, line, name), (_cc, _nc, tt, ct, _callers) in pstats.Stats(out).stats.items()
    ]
    return sorted(rows, reverse=True)


def _py_spy_rows(out: str, ms_a_session: float) -> list[tuple[float, float, str]]:
    """Inclusive and own sample shares of each function (name and file; py-spy's line is the current line),
    scaled to the sessions' measured CPU."""
    inclusive, own, total = {}, {}, 0
    frame = re.compile(r"^(?P<name>.*) \((?P<file>.*?)(?::\d+)?\)$")
    for line in Path(out).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        count = int(count)
        total += count
        names = []
        for part in stack.split(";"):
            found = frame.match(part)
            names.append(f"{_short(found['file'])}({found['name']})" if found else part)
        for name in set(names):
            inclusive[name] = inclusive.get(name, 0) + count
        own[names[-1]] = own.get(names[-1], 0) + count
    scale = ms_a_session / max(total, 1)
    return sorted(
        ((c * scale, own.get(name, 0) * scale, name) for name, c in inclusive.items()), reverse=True
    )


def _short(file: str) -> str:
    for marker in ("site-packages/", f"python{sys.version_info.major}.{sys.version_info.minor}/", *SERVED):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--pages", nargs="+", default=["app", "app?tab=train"])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--root", default=str(ROOT), help="the checkout to serve")
    parser.add_argument("--profiler", choices=("py-spy", "cprofile"), default="py-spy")
    parser.add_argument("--keep", help="keep the raw profiles (and the servers' logs) in this directory")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.out)
        return
    print(f"`{' '.join(sys.argv)}`; load average {os.getloadavg()[0]:.1f}")
    SERVED.append(str(Path(args.root).resolve()) + "/")
    for path in args.pages:
        measure(Path(args.root).resolve(), path, args.sessions, args.top, args.profiler, args.keep)


if __name__ == "__main__":
    main()
