"""The deployment files, checked without a Docker engine or a cluster: nginx's site with nginx itself, the
manifests and the Dockerfile by their linters (`make deploy-lint`), their settings against what the app needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def required(tool: str) -> str:
    """The path of ``tool``; skipped where it is missing, but a failure under CI (CI=true), which installs it."""
    # The venv's tools beside this Python; Debian's nginx in /usr/sbin, off ordinary users' PATH.
    path = shutil.which(tool) or shutil.which(tool, path=f"{Path(sys.executable).parent}:/usr/sbin")
    if path is None:
        message = f"{tool} not found"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message + "; CI installs it (.ci/run, the test extra)")
        pytest.skip(message)
    return path


def nginx_check(site: str, prefix: Path) -> subprocess.CompletedProcess:
    """`nginx -t` of ``site`` under deploy/nginx/nginx.conf, in the prefix directory ``prefix`` (no root)."""
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    (prefix / "tmp").mkdir(exist_ok=True)
    shutil.copy(DEPLOY / "nginx" / "nginx.conf", prefix / "nginx.conf")
    (prefix / "site.conf").write_text(site)
    return subprocess.run(
        [
            required("nginx"),
            "-t",
            "-p",
            str(prefix),
            "-c",
            str(prefix / "nginx.conf"),
            "-e",
            str(prefix / "err"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )


def render(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """deploy/nginx/render.sh with ``args``."""
    return subprocess.run(
        ["sh", str(DEPLOY / "nginx" / "render.sh"), *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, **(env or {})},
    )
