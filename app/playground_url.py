"""The training tab's part of the URL: its configuration (not the weights), with the fall-back-and-warn rule.

``?tab=train&dataset=moons&model=mlp&hidden=16,16&rate=0.3`` (``rate``, not ``lr``, which is the explorer's step) reads into the PlaygroundConfig and the run settings;
each value is checked against its parameter (a Selector's choices, an Integer's bounds), so the rules live in
one place, the components' parameters.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.url_state import format_value, parse_value
from components.playground_config import PlaygroundConfig
from components.training_playground import TrainingPlayground
from models.inputs import parse_hidden

# query key -> (which object, parameter name)
KEYS = {
    "dataset": ("config", "dataset"),
    "points": ("config", "points"),
    "noise": ("config", "noise"),
    "k": ("config", "classes"),
    "dseed": ("config", "data_seed"),
    "std": ("config", "standardize"),
    "model": ("config", "model"),
    "hidden": ("config", "hidden"),
    "activation": ("config", "activation"),
    "optimizer": ("config", "optimizer"),
    "rate": ("config", "lr"),
    "batch": ("config", "batch_size"),
    "wd": ("config", "weight_decay"),
    "seed": ("config", "seed"),
    "epf": ("run", "epochs_per_frame"),
    "fps": ("run", "frames_per_second"),
    "grid": ("run", "grid"),
}
ALWAYS = ("dataset", "model")  # written even at their defaults, so a link says what it shows
OWNERS = {"config": PlaygroundConfig, "run": TrainingPlayground}


def playground_state(query: Mapping[str, str]) -> tuple[dict[str, dict], list[str]]:
    """{"config": {...}, "run": {...}} parameters from the query; bad values are left out and reported."""
    state: dict[str, dict] = {"config": {}, "run": {}}
    warnings = []
    for key, (owner, name) in KEYS.items():
        if key not in query:
            continue
        try:
            parameter = OWNERS[owner].param[name]
            text = query[key]
            state[owner][name] = parse_hidden(text) if name == "hidden" else parse_value(parameter, text)
        except ValueError as error:
            note = " (a CSV file cannot travel in a link: upload it again)" if query[key] == "csv" else ""
            warnings.append(f"{key}: {error}{note}")
    return state, warnings


def playground_query(playground: TrainingPlayground, full: bool) -> dict[str, str]:
    """The query string's part for the training tab: what differs from the defaults (and, when ``full``, the
    data set and model too, so that a link to the tab says what it shows)."""
    objects = {"config": playground.config, "run": playground}
    query = {}
    for key, (owner, name) in KEYS.items():
        value = getattr(objects[owner], name)
        if (full and key in ALWAYS) or value != OWNERS[owner].param[name].default:
            query[key] = format_value(value)
    return query
