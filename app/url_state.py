"""The URL query string <-> the app's state, with the rule: a bad value falls back to its default and says so.

``?logits=1,2,-1&target=1&temperature=1&classes=low,medium,high`` reads into the explorer's parameters; every
change writes back, so the address is always a link to what is on screen.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

from components.logit_text import format_number, parse_class_names, parse_logits
from components.softmax_explorer import (
    DEFAULT_CLASSES,
    DEFAULT_TARGET,
    SECTIONS,
    SoftmaxExplorer,
    default_logits,
)

TABS = ("explore", "train")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def parse_query(search: str) -> dict[str, str]:
    """``?a=1&b=x`` -> {"a": "1", "b": "x"}; the last of repeated keys wins."""
    return dict(parse_qsl(search.lstrip("?"), keep_blank_values=True))


def format_query(query: Mapping[str, str]) -> str:
    """The query string for ``query``, keeping commas readable in a shared link."""
    return "?" + urlencode(query, safe=",") if query else ""


def _flag(value: str) -> bool:
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ValueError("use 1 or 0")


def _number(value: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan  # text: the same advice as for a number out of range
    if not (math.isfinite(number) and low <= number <= high):
        raise ValueError(f"use a number from {low:g} to {high:g}")
    return number


def _whole(value: str, low: int, high: int) -> int:
    number = _number(value, low, high)
    if not number.is_integer():
        raise ValueError(f"use a whole number from {low} to {high}")
    return int(number)


def app_state(query: Mapping[str, str]) -> tuple[dict, list[str]]:
    """The page-wide settings: which tab is open and whether lecture mode is on."""
    state, warnings = {"tab": "explore", "present": False}, []
    if "tab" in query:
        if query["tab"] in TABS:
            state["tab"] = query["tab"]
        else:
            warnings.append(f"tab={query['tab']!r} is not one of {', '.join(TABS)}")
    if "present" in query:
        try:
            state["present"] = _flag(query["present"])
        except ValueError as error:
            warnings.append(f"present={query['present']!r}: {error}")
    return state, warnings


def explorer_state(query: Mapping[str, str]) -> tuple[dict, list[str]]:
    """The explorer's parameters from the query; each bad value is replaced by its default and reported."""
    warnings: list[str] = []

    def read(key, parse):
        if key not in query:
            return None
        try:
            return parse(query[key])
        except ValueError as error:
            warnings.append(f"{key}={query[key]!r}: {error}")
            return None

    names = read("classes", parse_class_names)
    logits = read("logits", parse_logits)
    if logits is None:
        logits = default_logits(len(names) if names else len(DEFAULT_CLASSES))
    k = len(logits)
    if names is not None and len(names) != k:
        warnings.append(f"classes: {len(names)} names for {k} logits")
        names = None
    if names is None:
        names = list(DEFAULT_CLASSES) if k == len(DEFAULT_CLASSES) else [f"class {i + 1}" for i in range(k)]
    state = {"logits": logits, "class_names": names, "target": min(DEFAULT_TARGET, k - 1)}

    def target(value):
        # An index first: it is what the app writes, and a class may well be named "1".
        if value.isdigit() and int(value) < k:
            return int(value)
        if value in names:
            return names.index(value)
        raise ValueError(f"use a class index from 0 to {k - 1} or a class name")

    def goal(value):
        p = [_number(v, 0, 1) for v in value.split(",")]
        if len(p) != k or abs(sum(p) - 1) > 0.01:
            raise ValueError(f"give {k} probabilities that sum to 1")
        return p

    def hide(value):
        sections = [s for s in value.split(",") if s]
        unknown = [s for s in sections if s not in SECTIONS]
        if unknown:
            raise ValueError(f"unknown {', '.join(unknown)}; use any of {', '.join(SECTIONS)}")
        return sections

    bounds = SoftmaxExplorer.param
    parsers = {
        "target": ("target", target),
        "temperature": ("temperature", lambda v: _number(v, *bounds.temperature.bounds)),
        "goal": ("goal", goal),
        "conceal": ("concealed", _flag),
        "hide": ("hide", hide),
        "lr": ("lr", lambda v: _number(v, *bounds.lr.bounds)),
        "steps": ("steps", lambda v: _whole(v, *bounds.steps.bounds)),
    }
    for key, (name, parse) in parsers.items():
        value = read(key, parse)
        if value is not None:
            state[name] = value
    return state, warnings


def explorer_query(explorer: SoftmaxExplorer) -> dict[str, str]:
    """The query string's part for the explorer: the example always, the rest when not at its default."""
    query = {
        "logits": ",".join(format_number(v) for v in explorer.logits),
        "target": str(explorer.target),
        "temperature": format_number(explorer.temperature),
        "classes": ",".join(explorer.class_names),
    }
    defaults = SoftmaxExplorer.param
    optional = {
        "goal": (explorer.goal, ",".join(format_number(p) for p in explorer.goal)),
        "conceal": (explorer.concealed, "1"),
        "hide": (explorer.hide, ",".join(explorer.hide)),
        "lr": (explorer.lr != defaults.lr.default, format_number(explorer.lr)),
        "steps": (explorer.steps != defaults.steps.default, str(explorer.steps)),
    }
    query.update({key: text for key, (present, text) in optional.items() if present})
    return query


EXPLORER_KEYS = ("logits", "target", "temperature", "classes", "goal", "conceal", "hide", "lr", "steps")
