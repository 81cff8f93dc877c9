"""The server's Prometheus metrics: the text output parses and names what a class server needs."""

from prometheus_client.parser import text_string_to_metric_families

from softmax_explorer.components import metrics
from softmax_explorer.components.training_playground import TrainingPlayground

NAMES = {
    "softmax_sessions_open",
    "softmax_training_sessions_playing",
    "softmax_frames_sent",
    "softmax_training_cpu_seconds",
    "softmax_session_build_cpu_seconds",
    "process_cpu_seconds",
    "process_resident_memory_bytes",
}


def families() -> dict:
    return {family.name: family for family in text_string_to_metric_families(metrics.text().decode())}


def value(name: str, sample: str | None = None) -> float:
    return next(s.value for s in families()[name].samples if s.name == (sample or name))


def test_text_parses_and_names_every_metric():
    assert set(families()) >= NAMES


def test_counters_and_session_build_count_up():
    frames, cpu = (
        value("softmax_frames_sent", "softmax_frames_sent_total"),
        value("softmax_training_cpu_seconds", "softmax_training_cpu_seconds_total"),
    )
    builds = value("softmax_session_build_cpu_seconds", "softmax_session_build_cpu_seconds_count")
    with metrics.session_build():
        playground = TrainingPlayground()
    for _ in range(3):
        playground.frame()
    assert value("softmax_session_build_cpu_seconds", "softmax_session_build_cpu_seconds_count") == builds + 1
    assert value("softmax_frames_sent", "softmax_frames_sent_total") > frames
    assert value("softmax_training_cpu_seconds", "softmax_training_cpu_seconds_total") > cpu


def test_open_sessions_are_read_when_scraped():
    open_sessions = [2]
    metrics.count_sessions(lambda: open_sessions[0])
    assert value("softmax_sessions_open") == 2
    open_sessions[0] = 5
    assert value("softmax_sessions_open") == 5
