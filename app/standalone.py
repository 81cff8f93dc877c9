"""The explorer tab as one HTML file that needs no server: for a course page, an e-mail, a student at home.

The file holds everything inline: the browser bundle of ``components/js/standalone.js`` (the server's own view and
slider modules, with the explorer's actions and URL rules done in the browser: ``components/js/standalone/``), the
components' stylesheets, and the tables those rules read, written here from the Python that the server uses
(:func:`spec`: the limits, the URL keys, the parameters' defaults and bounds, the presets and challenges, the
keys), so there is one source for each. Nothing in it asks a server for anything; the training playground, which
needs one, is left out with a note that says so.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import param

from softmax_explorer.app.page import TITLE
from softmax_explorer.app.url_state import (
    ALWAYS,
    EXPLORER_KEYS,
    LONG_VALUES,
    PAGE_KEYS,
    TABS,
    THEMES,
    explorer_query,
    format_query,
)
from softmax_explorer.components.assets import esm, read_css
from softmax_explorer.components.explorer_state import DEFAULT_CLASSES, RUN_PERIOD_MS, default_logits
from softmax_explorer.components.softmax_explorer import SLIDER_BOUNDS, SoftmaxExplorer
from softmax_explorer.components.softmax_view import OBJECTIVES
from softmax_explorer.components.warmups import (
    AT_LEAST,
    BOUND,
    CHALLENGES,
    LARGEST,
    LARGEST_LABEL,
    PRESETS,
)
from softmax_explorer.models.inputs import (
    LOGIT_LIMIT,
    MAX_CLASSES,
    MAX_NAME,
    MAX_NUMBER,
    MAX_QUERY,
    MAX_VALUE,
)

# The components the page mounts, each with its stylesheet (css/base.css goes with every one, as in the app).
STYLESHEETS = (
    "base",
    "logit_sliders",
    "temperature_slider",
    "probability_bars",
    "readout",
    "gradient_bars",
    "loss_curve",
    "shortcuts",
    "page_controls",
)
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>
{css}</style>
<script type="application/json" id="se-spec">{spec}</script>
<script type="application/json" id="se-css">{styles}</script>
<script type="module">
{bundle}</script>
</head>
<body>
<noscript>This explorer runs in the browser: turn on JavaScript to use it.</noscript>
</body>
</html>
"""


def _parameter(name: str) -> dict:
    """What the browser needs of one of SoftmaxExplorer's parameters: its default, its kind and bounds, its label."""
    p = SoftmaxExplorer.param[name]
    entry = {"default": p.default, "label": p.label}
    if isinstance(p, param.Boolean):
        entry["kind"] = "boolean"
    elif isinstance(p, param.Selector) and not isinstance(p, param.ListSelector):
        entry.update(kind="choice", objects=list(p.objects))
    elif isinstance(p, param.Number):  # param.Integer is a Number too
        entry.update(kind="integer" if isinstance(p, param.Integer) else "number", bounds=list(p.bounds))
    else:
        entry["kind"] = "list"
        if isinstance(p, param.ListSelector):
            entry["objects"] = list(p.objects)
    return entry


def spec(start: str = "") -> dict:
    """The tables the file's rules read, from the Python the server runs; ``start`` is the query the file opens at
    when its address has none."""
    sizes = range(2, MAX_CLASSES + 1)
    return {
        "title": TITLE,
        "start": start,
        "limits": {
            "max_classes": MAX_CLASSES,
            "max_name": MAX_NAME,
            "logit_limit": LOGIT_LIMIT,
            "max_number": MAX_NUMBER,
            "max_query": MAX_QUERY,
            "max_value": MAX_VALUE,
        },
        "keys": EXPLORER_KEYS,
        "always": list(ALWAYS),
        "page_keys": list(PAGE_KEYS),
        "long_values": LONG_VALUES,
        "tabs": list(TABS),
        "themes": list(THEMES),
        "params": {name: _parameter(name) for name in (*EXPLORER_KEYS.values(), "predict_first")},
        "objectives": OBJECTIVES,
        "default_classes": list(DEFAULT_CLASSES),
        "default_logits": default_logits(MAX_CLASSES),
        "slider_bounds": list(SLIDER_BOUNDS),
        "run_period_ms": RUN_PERIOD_MS,
        "presets": [
            {"name": name, "label": label, "logits": {k: make(k) for k in sizes}}
            for name, (label, make) in PRESETS.items()
        ],
        "challenges": [
            {"name": name, "label": label, "goal": {k: make(k) for k in sizes}}
            for name, (label, make) in CHALLENGES.items()
        ],
        "largest": {"name": LARGEST, "label": LARGEST_LABEL, "bound": BOUND, "at_least": AT_LEAST},
        "shortcuts": SoftmaxExplorer().shortcuts().keys,
    }


def _json(value) -> str:
    """``value`` as JSON that cannot end its <script> element early."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def standalone_html(start: Mapping[str, str] | None = None) -> str:
    """The one-file explorer, opening at the query ``start`` (``{"logits": "1,2,-1", "target": "1"}``) when its
    address has none, else at the defaults."""
    bundle = esm("standalone")
    if "</script" in bundle.lower() or "<!--" in bundle:
        raise ValueError("the standalone bundle holds text that would end its <script> element early")
    return PAGE.format(
        title=TITLE,
        css=read_css("standalone"),
        spec=_json(spec(format_query(start or {}))),
        styles=_json({name: read_css(name) for name in STYLESHEETS}),
        bundle=bundle,
    )


def explorer_html(explorer: SoftmaxExplorer) -> str:
    """The one-file explorer opening at what ``explorer`` shows."""
    return standalone_html(explorer_query(explorer))


def export(path: str | Path, start: Mapping[str, str] | None = None) -> int:
    """Write the one-file explorer to ``path``; returns its size in bytes."""
    data = standalone_html(start).encode("utf-8")
    Path(path).write_bytes(data)
    return len(data)
