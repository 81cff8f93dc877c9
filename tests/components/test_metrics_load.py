"""The load figures of /metrics that an instructor or an autoscaler reads: recent frame rate and CPU, and the
training places (components/metrics.py)."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from softmax_explorer.components import metrics
from softmax_explorer.components.admission import PLACES


def sample(name: str) -> float:
    samples = {
        s.name: s.value for f in text_string_to_metric_families(metrics.text().decode()) for s in f.samples
    }
    return samples[name]


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_recent_rate_is_the_growth_over_the_window():
    clock, total = Clock(), [0.0]
    rate = metrics.RecentRate(lambda: total[0], window=10, clock=clock)
    clock.now, total[0] = 105.0, 50.0
    assert rate() == pytest.approx(10.0)  # since the start: 50 in 5 s
    for _ in range(10):  # a frame a second for ten seconds, scraped every second
        clock.now += 1
        total[0] += 1
        rate()
    assert rate() == pytest.approx(1.0)


def test_recent_rate_forgets_what_is_older_than_the_window():
    clock, total = Clock(), [0.0]
    rate = metrics.RecentRate(lambda: total[0], window=10, clock=clock)
    clock.now, total[0] = 101.0, 1000.0  # a burst at the start
    rate()
    for _ in range(30):  # then nothing
        clock.now += 1
        rate()
    assert rate() == 0.0


def test_recent_rate_between_two_far_apart_scrapes_covers_the_time_between():
    clock, total = Clock(), [0.0]
    rate = metrics.RecentRate(lambda: total[0], window=10, clock=clock)
    rate()
    clock.now, total[0] = 160.0, 120.0
    assert rate() == pytest.approx(2.0)  # 120 in the 60 s since the last scrape


def test_recent_rate_asked_twice_at_once_does_not_divide_by_zero():
    clock = Clock()
    rate = metrics.RecentRate(lambda: 5.0, window=10, clock=clock)
    assert rate() == 0.0


def test_the_text_has_the_load_figures():
    for name in ("softmax_frames_per_second", "softmax_cpu_ratio", "softmax_training_refused_total"):
        assert sample(name) >= 0


def test_a_busy_process_shows_its_cpu():
    sample("softmax_cpu_ratio")
    total = sum(i * i for i in range(2_000_000))  # about 0.1-0.3 s of CPU
    assert total > 0
    assert sample("softmax_cpu_ratio") > 0.2


def test_places_are_read_when_scraped(monkeypatch):
    monkeypatch.setattr(PLACES, "limit", 10)
    monkeypatch.setattr(PLACES, "_holders", {"a", "b", "c"})
    assert sample("softmax_training_places_limit") == 10
    assert sample("softmax_training_places_taken") == 3
