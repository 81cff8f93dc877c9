"""The training tab's part of the URL: its configuration (not the weights), with the fall-back-and-warn rule.

``?tab=train&dataset=moons&model=mlp&hidden=16,16&rate=0.3`` (``rate``, not ``lr``, which is the explorer's step) reads into the PlaygroundConfig and the run settings;
each value is checked against its parameter (a Selector's choices, an Integer's bounds), so the rules live in
one place, the components' parameters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import param

from app.url_state import _flag
from components.logit_text import format_number
from components.playground_config import PlaygroundConfig, parse_hidden
from components.training_playground import TrainingPlayground

# query key -> (which object, parameter name)
KEYS = {
    "dataset": ("config", "dataset"), "points": ("config", "points"), "noise": ("config", "noise"),
    "k": ("config", "classes"), "dseed": ("config", "data_seed"), "std": ("config", "standardize"),
    "model": ("config", "model"), "hidden": ("config", "hidden"), "activation": ("config", "activation"),
    "optimizer": ("config", "optimizer"), "rate": ("config", "lr"), "batch": ("config", "batch_size"),
    "wd": ("config", "weight_decay"), "seed": ("config", "seed"),
    "epf": ("run", "epochs_per_frame"), "fps": ("run", "frames_per_second"), "grid": ("run", "grid"),
}
ALWAYS = ("dataset", "model")  # written even at their defaults, so a link says what it shows
OWNERS = {"config": PlaygroundConfig, "run": TrainingPlayground}


def parse_value(parameter: param.Parameter, text: str):
    """``text`` as a value of ``parameter``, or a ValueError saying what the parameter accepts."""
    if isinstance(parameter, param.Boolean):
        return _flag(text)
    if isinstance(parameter, param.List):
        return parse_hidden(text)
    if isinstance(parameter, param.Selector):
        for choice in parameter.objects:
            if text == str(choice) or (isinstance(choice, int | float) and _same_number(text, choice)):
                return choice
        raise ValueError(f"use one of {', '.join(format_number(c) if isinstance(c, float) else str(c) for c in parameter.objects)}")
    low, high = parameter.bounds
    number = float(text)  # ValueError for text
    if not (math.isfinite(number) and low <= number <= high):
        raise ValueError(f"use a number from {low:g} to {high:g}")
    if isinstance(parameter, param.Integer):
        if number != int(number):
            raise ValueError("use a whole number")
        return int(number)
    return number


def _same_number(text: str, choice: float) -> bool:
    try:
        return math.isclose(float(text), choice, rel_tol=1e-12)
    except ValueError:
        return False


def playground_state(query: Mapping[str, str]) -> tuple[dict[str, dict], list[str]]:
    """{"config": {...}, "run": {...}} parameters from the query; bad values are left out and reported."""
    state: dict[str, dict] = {"config": {}, "run": {}}
    warnings = []
    for key, (owner, name) in KEYS.items():
        if key not in query:
            continue
        try:
            state[owner][name] = parse_value(OWNERS[owner].param[name], query[key])
        except ValueError as error:
            note = " (a CSV file cannot travel in a link: upload it again)" if query[key] == "csv" else ""
            warnings.append(f"{key}={query[key]!r}: {error}{note}")
    return state, warnings


def playground_query(playground: TrainingPlayground, full: bool) -> dict[str, str]:
    """The query string's part for the training tab: what differs from the defaults (and, when ``full``, the
    data set and model too, so that a link to the tab says what it shows)."""
    objects = {"config": playground.config, "run": playground}
    query = {}
    for key, (owner, name) in KEYS.items():
        value = getattr(objects[owner], name)
        if (full and key in ALWAYS) or value != OWNERS[owner].param[name].default:
            query[key] = _text(value)
    return query


def _text(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ",".join(map(str, value))
    return format_number(value) if isinstance(value, float) else str(value)
