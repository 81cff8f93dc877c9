"""What one server process is doing, as Prometheus metrics (served at `/metrics` by app/metrics.py).

One registry a process (`REGISTRY`), so the numbers are this process's own: with `--num-procs` or replicas, each
process answers for itself. Names as they appear in the text output:

- `softmax_sessions_open`: Bokeh sessions this process holds (pages open, and closed ones not yet cleaned up).
- `softmax_training_sessions_playing`: sessions whose training loop is running.
- `softmax_frames_sent_total`: map frames sent to browsers.
- `softmax_frames_per_second`: map frames sent a second, over about the last RECENT_S seconds.
- `softmax_training_cpu_seconds_total`: CPU time spent inside `Trainer.step` by the training loops.
- `softmax_cpu_ratio`: this process's CPU time a second over about the last RECENT_S seconds (1 = one core).
- `softmax_training_places_limit`, `softmax_training_places_taken`: the admission limit (0: none) and the places
  held (components/admission.py); `softmax_training_refused_total`: students refused a place.
- `softmax_session_build_cpu_seconds`: CPU time to build one session's page (a histogram: `_count`, `_sum`).
- `process_cpu_seconds_total`, `process_resident_memory_bytes`, ...: the process collector's usual metrics.

The components call the helpers below; nothing here needs a server, so tests and notebooks can import it. The
recent rates are computed when scraped, from the counters, so they cost nothing between scrapes.
"""

from __future__ import annotations

import time
from collections import deque
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

from softmax_explorer.components.admission import PLACES

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

TRAINING_REFUSED = Counter(
    "softmax_training_refused",
    "Students refused a training place (the limit was reached).",
    registry=REGISTRY,
)
PLACES_LIMIT = Gauge(
    "softmax_training_places_limit", "Training sessions this process admits (0: no limit).", registry=REGISTRY
)
PLACES_TAKEN = Gauge("softmax_training_places_taken", "Training places held by sessions.", registry=REGISTRY)
PLACES_LIMIT.set_function(lambda: PLACES.limit)
PLACES_TAKEN.set_function(lambda: PLACES.taken)

CONTENT_TYPE = CONTENT_TYPE_LATEST
RECENT_S = 10.0


class RecentRate:
    """The rate at which ``read()`` (a growing total) grew over about the last ``window`` seconds.

    Each call records a sample and answers the growth from the oldest sample still in the window (kept: the
    newest older than the window, so two scrapes a minute apart still give the minute's rate). The first call
    answers the growth since ``start`` (the process's start, for a counter that began at 0).
    """

    def __init__(self, read: Callable[[], float], window: float = RECENT_S, clock=time.monotonic):
        self._read, self._window, self._clock = read, window, clock
        self._samples: deque[tuple[float, float]] = deque([(clock(), 0.0)])

    def __call__(self) -> float:
        now, value = self._clock(), self._read()
        while len(self._samples) > 1 and self._samples[1][0] <= now - self._window:
            self._samples.popleft()
        then, before = self._samples[0]
        self._samples.append((now, value))
        return (value - before) / (now - then) if now > then else 0.0


def _frames_sent() -> float:
    return REGISTRY.get_sample_value("softmax_frames_sent_total") or 0.0


FRAME_RATE = Gauge(
    "softmax_frames_per_second",
    "Map frames sent a second, over the last ten seconds or so.",
    registry=REGISTRY,
)
FRAME_RATE.set_function(RecentRate(_frames_sent))
_cpu_at_start = time.process_time()
CPU_RATIO = Gauge(
    "softmax_cpu_ratio",
    "This process's CPU seconds a second over the last ten seconds or so (1 = one core).",
    registry=REGISTRY,
)
CPU_RATIO.set_function(RecentRate(lambda: time.process_time() - _cpu_at_start))


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
