"""What one server process is doing, as Prometheus metrics (served at `/metrics` by app/metrics.py).

One registry a process (`REGISTRY`), so the numbers are this process's own: with `--num-procs` or replicas, each
process answers for itself. Names as they appear in the text output:

- `softmax_sessions_open`: Bokeh sessions this process holds (pages open, and closed ones not yet cleaned up).
- `softmax_training_sessions_playing`: sessions whose training loop is running.
- `softmax_frames_sent_total`: map frames sent to browsers.
- `softmax_training_cpu_seconds_total`: CPU time spent inside `Trainer.step` by the training loops.
- `softmax_session_build_cpu_seconds`: CPU time to build one session's page (a histogram: `_count`, `_sum`).
- `process_cpu_seconds_total`, `process_resident_memory_bytes`, ...: the process collector's usual metrics.

The components call the helpers below; nothing here needs a server, so tests and notebooks can import it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.exposition import CONTENT_TYPE_LATEST

disable_created_metrics()  # no `_created` series: nothing here reads them
REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)

SESSIONS_OPEN = Gauge("softmax_sessions_open", "Bokeh sessions held by this process.", registry=REGISTRY)
TRAINING_PLAYING = Gauge(
    "softmax_training_sessions_playing", "Sessions whose training loop is running.", registry=REGISTRY
)
FRAMES_SENT = Counter("softmax_frames_sent", "Map frames sent to browsers.", registry=REGISTRY)
TRAINING_CPU = Counter(
    "softmax_training_cpu_seconds",
    "CPU time spent inside Trainer.step by the training loops.",
    registry=REGISTRY,
)
SESSION_BUILD_CPU = Histogram(
    "softmax_session_build_cpu_seconds",
    "CPU time to build one session's page.",
    registry=REGISTRY,
    buckets=(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0),
)

CONTENT_TYPE = CONTENT_TYPE_LATEST


def text() -> bytes:
    """Every metric of this process in Prometheus' text format."""
    return generate_latest(REGISTRY)


def count_sessions(counter: Callable[[], int]) -> None:
    """Read the number of open sessions from ``counter`` whenever the metrics are scraped (set by the server)."""
    SESSIONS_OPEN.set_function(counter)


@contextmanager
def session_build() -> Iterator[None]:
    """Time (CPU) the building of one session's page: ``with session_build(): build_page()``."""
    start = time.process_time()
    try:
        yield
    finally:
        SESSION_BUILD_CPU.observe(time.process_time() - start)
