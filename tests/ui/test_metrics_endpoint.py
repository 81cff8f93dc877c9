"""`/metrics` answers from a real `panel serve app` (mounted by app/app_hooks.py, no flag needed)."""

import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def scrape(server) -> dict[str, float]:
    with urllib.request.urlopen(f"http://localhost:{server.port}/metrics", timeout=30) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        text = response.read().decode()
    return {s.name: s.value for family in text_string_to_metric_families(text) for s in family.samples}


def test_metrics_endpoint_counts_sessions(server):
    samples = scrape(server)
    for name in (
        "softmax_sessions_open",
        "softmax_training_sessions_playing",
        "softmax_frames_sent_total",
        "softmax_training_cpu_seconds_total",
        "softmax_session_build_cpu_seconds_count",
        "process_cpu_seconds_total",
        "process_resident_memory_bytes",
    ):
        assert name in samples
    urllib.request.urlopen(server.url, timeout=120).read()  # one more session, built by the page request
    after = scrape(server)
    assert (
        after["softmax_session_build_cpu_seconds_count"]
        >= samples["softmax_session_build_cpu_seconds_count"] + 1
    )
    assert after["softmax_sessions_open"] >= 1
