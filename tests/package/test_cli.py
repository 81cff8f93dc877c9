"""`python -m softmax_explorer`: each command gets its own options; `serve` hands the rest to `panel serve`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import softmax_explorer.app
from softmax_explorer import __main__ as cli


def test_serve_runs_panel_serve_on_the_app_folder_with_the_options_given(monkeypatch):
    calls = []
    monkeypatch.setattr(cli.os, "execv", lambda *call: calls.append(call))
    cli.main(["serve", "--port", "5007", "--show"])
    ((program, argv),) = calls
    assert program == sys.executable
    assert argv[1:5] == ["-m", "panel", "serve", str(Path(softmax_explorer.app.__file__).parent)]
    assert argv[5:] == ["--port", "5007", "--show"]


def test_other_commands_refuse_options_they_do_not_know(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["export", "explorer.html", "--port", "5007"])
    assert exit.value.code == 2
    assert "unrecognized arguments: --port 5007" in capsys.readouterr().err
