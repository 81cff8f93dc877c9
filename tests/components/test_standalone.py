"""`python -m softmax_explorer export`: one HTML file with everything inline (app/standalone.py). The file's behaviour
in a browser is tested in tests/ui/test_export.py, its rules against Python's in tests/js/standalone_*.test.mjs."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from softmax_explorer.__main__ import main
from softmax_explorer.app.standalone import explorer_html, spec
from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.components.warmups import CHALLENGES, PRESETS


class Page(HTMLParser):
    """The tags of an HTML page, with their attributes, and the text of its JSON scripts by id."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.json: dict[str, object] = {}
        self._in = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        self._in = attributes.get("id") if attributes.get("type") == "application/json" else None

    def handle_data(self, data):
        if self._in:
            self.json[self._in] = json.loads(data)
            self._in = None


def test_export_writes_one_file_and_says_how_large_it_is(tmp_path, capsys):
    path = tmp_path / "explorer.html"
    assert main(["export", str(path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["explorer.html"]
    size = path.stat().st_size
    said = capsys.readouterr().out
    assert f"{size:,} bytes" in said and "needs no server" in said
    assert 30_000 < size < 500_000


def test_the_file_loads_nothing_from_anywhere(tmp_path):
    path = tmp_path / "explorer.html"
    main(["export", str(path)])
    page = Page(path.read_text(encoding="utf-8"))
    addresses = [a[k] for _, a in page.tags for k in ("src", "href", "action", "srcset") if a.get(k)]
    assert all(a.startswith("data:") for a in addresses), addresses
    assert not [a for a in addresses if re.match(r"(https?:)?//", a)]
    modules = [a for t, a in page.tags if t == "script" and a.get("type") == "module"]
    assert modules == [{"type": "module"}]  # one, inline
    assert not [t for t, a in page.tags if t == "link" and a.get("rel") == "stylesheet"]


def test_the_file_opens_at_the_link_given_or_else_at_the_defaults(tmp_path):
    path = tmp_path / "lecture.html"
    main(["export", str(path), "--link", "?logits=6,1,1&conceal=1"])
    assert Page(path.read_text(encoding="utf-8")).json["se-spec"]["start"] == "?logits=6,1,1&conceal=1"
    assert spec()["start"] == ""


def test_the_app_s_download_opens_at_the_explorer_s_state():
    explorer = SoftmaxExplorer(logits=[3.0, -2.0, 0.5], target=0, class_names=["a b", "c", "d"])
    start = Page(explorer_html(explorer)).json["se-spec"]["start"]
    assert start == "?logits=3,-2,0.5&classes=a+b,c,d&target=0&temperature=1"


def test_the_file_s_tables_are_python_s():
    tables = spec()
    for name, (label, make) in PRESETS.items():
        entry = next(p for p in tables["presets"] if p["name"] == name)
        assert entry["label"] == label and entry["logits"] == {k: make(k) for k in range(2, 11)}
    for name, (_, make) in CHALLENGES.items():
        assert next(c for c in tables["challenges"] if c["name"] == name)["goal"][4] == make(4)
    assert tables["params"]["lr"] == {
        "default": 1.0,
        "label": "Step size (learning rate)",
        "kind": "number",
        "bounds": [0.01, 10],
    }
    assert tables["params"]["hide"]["objects"] == list(SoftmaxExplorer.param.hide.objects)
    assert [row[0] for row in tables["shortcuts"]][:2] == ["1 … 9, 0", "← → ↑ ↓"]
