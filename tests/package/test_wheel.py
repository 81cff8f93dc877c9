"""The distribution as a student or a course server installs it: the wheel `python -m build` makes, installed into a
fresh venv, imports as `softmax_explorer`, puts no other top-level name in site-packages, and serves the app from
site-packages alone (no checkout on the path).

The fresh venv takes the wheel itself from scratch and its dependencies (CPU torch, Panel, ...) from the test
environment's site-packages, behind it on the path, with `pip check` proving that they satisfy what the wheel
declares: installing 1 GB of torch and the rest again took 90 of this test's 110 s, and checked only pip.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
import requests

from tests.ui.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
PURELIB = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
# What `python -m build` needs from the checkout: the rest (tests, bench, deploy, node_modules, .venv) stays out.
SOURCES = ["pyproject.toml", "README.md", "softmax_explorer", "app", "components", "models"]

SMOKE = textwrap.dedent(
    """
    import importlib.metadata as metadata, json, sys
    import torch
    import softmax_explorer
    from softmax_explorer import Config, SoftmaxExplorer, Trainer, TrainingPlayground, cross_entropy, load_ames, softmax

    files = metadata.distribution("softmax-explorer").files
    trainer = Trainer(load_ames(), Config(hidden=(16,), seed=0))
    first = trainer.step(1)
    last = trainer.step(20)
    explorer = SoftmaxExplorer()
    explorer.__panel__().get_root()  # builds every Bokeh model the page shows, from the installed package's files
    TrainingPlayground().__panel__().get_root()
    print(json.dumps({
        "package": softmax_explorer.__path__,
        "top_level": sorted({f.parts[0] for f in files if f.parts[0] != ".." and not f.parts[0].endswith(".dist-info")}),
        "probabilities": softmax([1.0, 2.0, -1.0]).tolist(),
        "loss": float(cross_entropy([1.0, 2.0, -1.0], 1)),
        "cuda": torch.version.cuda,
        "trained": [first.train_loss, last.train_loss],
    }, default=str))
    """
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the checkout (the checkout itself gains no build/ or egg-info)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy2(path, source / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("softmax_explorer-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding the wheel; its dependencies are this environment's, found after its own site-packages
    (a .pth line: the editable checkout there is not on the path, as its own .pth is not read)."""
    home = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(home)], check=True, timeout=120)
    python = home / "bin" / "python"
    own = Path(subprocess.check_output([python, "-c", PURELIB], text=True).strip())
    (own / "_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(python)]
    subprocess.run(
        [*pip, "install", "--quiet", "--no-compile", "--no-deps", str(wheel)], check=True, timeout=300
    )
    check = subprocess.run([*pip, "check"], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, f"the wheel's requirements are not met:\n{check.stdout}{check.stderr}"
    return python


def test_the_wheel_holds_one_top_level_package_and_its_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {
        "softmax_explorer",
        wheel.name.split("-py3")[0] + ".dist-info",
    }
    for needed in (
        "softmax_explorer/app/main.py",
        "softmax_explorer/components/layouts.json",
        "softmax_explorer/components/palette.json",
        "softmax_explorer/models/data/ames.csv",
    ):
        assert needed in names
    assert any(n.startswith("softmax_explorer/components/bundles/") and n.endswith(".js") for n in names)
    assert any(n.startswith("softmax_explorer/components/css/") and n.endswith(".css") for n in names)


def test_the_installed_package_imports_and_computes_from_site_packages(venv, tmp_path):
    run = subprocess.run(
        [str(venv), "-c", SMOKE], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=clean_env()
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    (package,) = report["package"]
    assert Path(package).parent.name == "site-packages"
    assert Path(package).is_relative_to(venv.parents[1])  # the fresh venv's: not the checkout, not .venv
    assert report["top_level"] == ["softmax_explorer"]  # no app, components or models beside it
    assert report["cuda"] is None
    assert report["probabilities"] == pytest.approx([0.2594965, 0.7053845, 0.0351190], abs=1e-7)
    assert report["loss"] == pytest.approx(-math.log(report["probabilities"][1]), abs=1e-12)
    assert report["trained"][1] < report["trained"][0]


def test_the_installed_app_serves_a_page_without_the_checkout(venv, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(venv), "-m", "softmax_explorer", "serve", "--port", str(port), "--address", "127.0.0.1"],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=clean_env(),
        )
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/app", server, log)
        assert "Softmax Explorer" in page
        assert "Traceback" not in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def clean_env() -> dict[str, str]:
    """The environment without this checkout's venv or paths: the fresh venv must stand on its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return env


def wait_for_page(url: str, server: subprocess.Popen, log: Path, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"panel serve stopped:\n{log.read_text()}")
        try:
            response = requests.get(url, timeout=60)
            if response.ok:
                return response.text
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} did not answer in {timeout} s:\n{log.read_text()}")
