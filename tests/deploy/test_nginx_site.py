"""deploy/nginx/: the site render.sh makes is one nginx accepts, for any number of replicas, with TLS, and as
the Compose file's nginx service renders it; bad replica names never reach nginx."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

from tests.deploy.conftest import DEPLOY, nginx_check, render


def replicas(n: int, first: int = 5101) -> list[str]:
    return [f"r{i}=127.0.0.1:{first + i - 1}" for i in range(1, n + 1)]


@pytest.mark.parametrize("n", [1, 2, 4])
def test_nginx_accepts_the_site_for_any_number_of_replicas(n, tmp_path):
    site = render("127.0.0.1:18080", *replicas(n))
    assert site.returncode == 0, site.stderr
    checked = nginx_check(site.stdout, tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_each_replica_has_its_pages_group_with_the_others_as_backups_and_its_own_websocket_group():
    site = render("80", *replicas(3)).stdout
    group = re.search(r"upstream softmax_r2 \{(.*?)\}", site, re.S)[1]
    assert "server 127.0.0.1:5102;" in group
    assert "server 127.0.0.1:5101 backup;" in group and "server 127.0.0.1:5103 backup;" in group
    only = re.search(r"upstream softmax_only_r2 \{(.*?)\}", site, re.S)[1]
    assert re.findall(r"server (\S+?)[ ;]", only) == ["127.0.0.1:5102"]
    assert "r2 softmax_only_r2;" in site and "r2 softmax_r2;" in site


def test_the_pages_upstream_balances_by_least_connections_and_routes_around_a_full_replica():
    site = render("80", *replicas(2)).stdout
    assert re.search(r"upstream softmax \{[^}]*least_conn;", site)
    page = re.search(r"location ~ \^/app/\?\$ \{(.*?)\n    \}", site, re.S)[1]
    assert "proxy_next_upstream error timeout http_503;" in page
    assert "set $softmax_admission route-around;" in page
    assert "error_page 502 503 504 = @anyway;" in page
    websocket = re.search(r"location = /app/ws \{(.*?)\}", site, re.S)[1]
    assert "proxy_pass http://$softmax_only;" in websocket and "proxy_next_upstream off;" in websocket


def test_the_template_has_no_placeholder_left_once_rendered():
    assert not re.search(r"@[A-Z_]+@", render("80", *replicas(2)).stdout)


def test_nginx_accepts_the_site_with_tls(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subject = ["-subj", "/CN=ml.example.edu", "-keyout", str(key), "-out", str(cert)]
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", *subject],
        capture_output=True,
        timeout=60,
    )
    if made.returncode != 0:
        pytest.skip("openssl could not make a certificate")
    env = {"TLS_CERT": str(cert), "TLS_KEY": str(key), "SERVER_NAME": "ml.example.edu"}
    site = render("127.0.0.1:18443", *replicas(2), env=env)
    assert "listen 127.0.0.1:18443 ssl;" in site.stdout and "server_name ml.example.edu;" in site.stdout
    checked = nginx_check(site.stdout, tmp_path / "prefix")
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize(
    "bad", ["r1;evil=127.0.0.1:1", "r 1=127.0.0.1:1", "r1=127.0.0.1:1;}", "r1=", "=127.0.0.1:1", "r1"]
)
def test_a_replica_that_would_break_the_config_is_refused(bad):
    rendered = render("80", bad)
    assert rendered.returncode == 2 and rendered.stdout == ""


def test_the_compose_nginx_command_renders_a_site_nginx_accepts(tmp_path):
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    command = compose["services"]["nginx"]["command"][-1]
    args = re.search(r"render\.sh (.*?)\s*>", command)[1].split()
    names = {a.split("=")[0] for a in args[1:]}
    assert names == {s["environment"]["SOFTMAX_EXPLORER_REPLICA"] for s in replica_services(compose)}
    # Outside Compose the replicas' host names do not resolve: the same site on loopback addresses.
    local = [re.sub(r"=[^:]+:", "=127.0.0.1:", a) for a in args[1:]]
    site = render("127.0.0.1:18081", *local)
    assert site.returncode == 0, site.stderr
    checked = nginx_check(site.stdout, tmp_path)
    assert checked.returncode == 0, checked.stderr


def replica_services(compose: dict) -> list[dict]:
    return [s for name, s in compose["services"].items() if name.startswith("replica-")]
