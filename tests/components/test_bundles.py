"""The committed browser bundles (components/bundles) are what esbuild makes of components/js now, and need nothing
from outside: `make bundle` regenerates them, and these tests fail when someone forgot to."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from softmax_explorer.components import layouts

ROOT = Path(__file__).resolve().parents[2]
BUNDLES = ROOT / "components" / "bundles"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """The bundles esbuild makes now, in a temporary folder."""
    if not (ROOT / "node_modules" / ".bin" / "esbuild").exists() or not shutil.which("npm"):
        message = "esbuild is not installed: run `make bundle` (npm ci)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("bundles")
    subprocess.run(
        ["npm", "run", "--silent", "bundle"], cwd=ROOT, env={**os.environ, "BUNDLES": str(out)}, check=True
    )
    return out


def test_layouts_json_is_written_from_components_layouts():
    assert layouts.JSON.read_text(encoding="utf-8") == layouts.as_json(), "run `make bundle`"


def test_every_component_module_has_a_bundle_and_no_other(rebuilt):
    entries = {p.name for p in (ROOT / "components" / "js").glob("*.js")}
    assert {p.name for p in BUNDLES.glob("*.js")} == entries == {p.name for p in rebuilt.glob("*.js")}


def test_committed_bundles_are_current(rebuilt):
    stale = [p.name for p in sorted(rebuilt.glob("*.js")) if (BUNDLES / p.name).read_text() != p.read_text()]
    assert not stale, (
        f"components/bundles is out of date for {stale}: run `make bundle` and commit the result"
    )


def test_bundles_import_nothing():
    # Panel compiles each module alone in the browser: an import left would need a CDN or an import map.
    for bundle in BUNDLES.glob("*.js"):
        assert not re.search(r"^\s*import\b|\bimport\(", bundle.read_text(), re.M), bundle.name
