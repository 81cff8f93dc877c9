"""The report of bench/classroom.py: one run's figures (the issue's JSON object and extras), and their table."""

from __future__ import annotations

import statistics


def percentile(values, q):
    values = sorted(values)
    if not values:
        return None
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def rounded(value, digits=2):
    return None if value is None else round(value, digits)


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

    def epochs_in_window(s) -> float:
        before = [e for t, e in s.epochs if t <= start]
        inside = [e for t, e in s.epochs if t <= end]
        return ((inside[-1] if inside else 0) - (before[-1] if before else 0)) / seconds

    epochs = [epochs_in_window(s) for s in training]
    m0, m1 = w["m0"], w["m1"]
    process_cpu = m1.get("process_cpu_seconds_total", 0.0) - m0.get("process_cpu_seconds_total", 0.0)
    train_cpu = m1.get("softmax_training_cpu_seconds_total", 0.0) - m0.get(
        "softmax_training_cpu_seconds_total", 0.0
    )
    sessions = len(students) + (0 if args.no_browser else 1)
    sim_slider = [1000 * r for s in students for r in s.slider_rtt]
    sim_preset = [1000 * r for s in students for r in s.preset_rtt]
    result = {
        "students": len(students),
        "model": model,
        "join_s": {
            "p50": rounded(percentile(joins, 0.5)),
            "p95": rounded(percentile(joins, 0.95)),
            "max": rounded(max(joins)) if joins and not failed else None,
        },
        "first_frame_s": {
            "p50": rounded(first_p50) if first_p50 != float("inf") else None,
            "max": rounded(max(got)) if got and not missing else None,
            "missing": missing,
        },
        "fps": {
            "median": rounded(statistics.median(fps)) if fps else None,
            "min": rounded(min(fps)) if fps else None,
        },
        "epochs_per_s": {
            "median": rounded(statistics.median(epochs), 1) if epochs else None,
            "min": rounded(min(epochs), 1) if epochs else None,
        },
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
        "html_s": {
            "p50": rounded(percentile([s.t_html for s in students if s.t_html], 0.5)),
            "max": rounded(max((s.t_html for s in students if s.t_html), default=None)),
        },
        "chromium_join_s": rounded(browser.join_s),
        "heavy_pause_s": rounded(next((s.pause_s for s in students if s.pause_s is not None), None), 3),
        "sim_slider_p95_ms": rounded(percentile(sim_slider, 0.95), 1),
        "sim_preset_p95_ms": rounded(percentile(sim_preset, 0.95), 1),
        "samples": {
            "keys": len(browser.keys_ms),
            "clicks": len(browser.clicks_ms),
            "sim_slider": len(sim_slider),
            "sim_preset": len(sim_preset),
        },
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
    result["timeline"] = sorted(
        (s.index, s.trainer, *(rounded(t, 1) for t in (s.t_html, s.t_ws, s.t_pull, s.t_join)), s.error)
        for s in students
    )
    result["server_log"] = log_path
    return result


ROWS = [
    ("students (training)", lambda r: f"{r['students']} ({r['trainers']})"),
    ("window s", lambda r: r["seconds"]),
    ("page HTML s: p50 / max", lambda r: f"{r['html_s']['p50']} / {r['html_s']['max']}"),
    (
        "join s: p50 / p95 / max",
        lambda r: f"{r['join_s']['p50']} / {r['join_s']['p95']} / {r['join_s']['max']}",
    ),
    (
        "first frame s after Play: p50 / max (missing)",
        lambda r: (
            f"{r['first_frame_s']['p50']} / {r['first_frame_s']['max']} ({r['first_frame_s']['missing']})"
        ),
    ),
    ("frames/s a student: median / min", lambda r: f"{r['fps']['median']} / {r['fps']['min']}"),
    (
        "epochs/s a student: median / min",
        lambda r: f"{r['epochs_per_s']['median']} / {r['epochs_per_s']['min']}",
    ),
    ("Chromium: join s / frames/s painted", lambda r: f"{r['chromium_join_s']} / {r['chromium_fps']}"),
    (
        "Chromium explorer: key -> readout p95 ms",
        lambda r: f"{r['explorer_key_p95_ms']} (n={r['samples']['keys']})",
    ),
    (
        "Chromium explorer: preset click -> bars p95 ms",
        lambda r: f"{r['preset_click_p95_ms']} (n={r['samples']['clicks']})",
    ),
    (
        "simulated explorers: slider / preset round trip p95 ms",
        lambda r: f"{r['sim_slider_p95_ms']} / {r['sim_preset_p95_ms']}",
    ),
    ("heavy student (--heavy): its Pause answered after s", lambda r: r["heavy_pause_s"]),
    ("server CPU % of a core", lambda r: r["server_cpu_pct"]),
    ("training CPU share", lambda r: r["training_cpu_share"]),
    (
        "RSS MB a session (before -> end)",
        lambda r: f"{r['rss_mb_per_session']} ({r['rss_mb']['before']} -> {r['rss_mb']['end']})",
    ),
    ("harness CPU % of a core", lambda r: r["harness_cpu_pct"]),
    ("server ready but waiting for a CPU, % of the window", lambda r: r["server_waiting_for_cpu_pct"]),
    (
        "machine load average (1 min): window start / end",
        lambda r: f"{r['load_avg_1m']['start']} / {r['load_avg_1m']['end']}",
    ),
    ("errors", lambda r: r["errors"]),
]


def table(results: list[dict]) -> str:
    lines = [
        "| measure | " + " | ".join(r["model"] for r in results) + " |",
        "|---|" + "---:|" * len(results),
    ]
    lines += [f"| {name} | " + " | ".join(str(cell(r)) for r in results) + " |" for name, cell in ROWS]
    return "\n".join(lines)
