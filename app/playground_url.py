"""The training tab's part of the URL: its configuration (not the weights), with the fall-back-and-warn rule.

Points drawn on the map travel too (``drawn=120,845,0,500,500,1``: x and y on the map's drawing grid, 0 to 1000,
and the class of each), at most MAX_DRAWN of them, so a link says the data were drawn and brings them back.

``?tab=train&dataset=moons&model=mlp&hidden=16,16&rate=0.3`` (``rate``, not ``lr``, which is the explorer's step) reads into the PlaygroundConfig and the run settings;
each value is checked against its parameter (a Selector's choices, an Integer's bounds), so the rules live in
one place, the components' parameters.

The point whose forward pass is shown travels too: ``pick=5`` (its index in the data; a place on the map, not a
point, is not carried) and ``backward=3`` (how many nodes of its autograd graph, from L back, show their
gradient). Both are read as bounded whole numbers here, then checked against the data and the graph once the
playground has loaded them (:func:`show_linked_point`): a point beyond the data, or more steps than the graph
has nodes, is refused with a warning, not clamped. A ``pick`` is refused at once when a setting that decides
the data (``dataset``, ``points``, ...) was refused: it would name a point of other data.
"""

from __future__ import annotations

from collections.abc import Mapping

from softmax_explorer.app.url_state import format_value, parse_value
from softmax_explorer.components.hidden_units import parse_views
from softmax_explorer.components.playground_config import PlaygroundConfig, class_count
from softmax_explorer.components.training_playground import TrainingPlayground
from softmax_explorer.models.data import DRAW_GRID
from softmax_explorer.models.inputs import MAX_CLASSES, MAX_DRAWN, parse_hidden, parse_number, split_list

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
    "loss": ("config", "loss"),
    "drawn": ("config", "drawn"),
    "epf": ("run", "epochs_per_frame"),
    "fps": ("run", "frames_per_second"),
    "grid": ("run", "grid"),
    "views": ("run", "views"),
    "pick": ("run", "pick"),
    "backward": ("run", "backward"),
}
ALWAYS = ("dataset", "model")  # written even at their defaults, so a link says what it shows
OWNERS = {"config": PlaygroundConfig, "run": TrainingPlayground}
DATA_KEYS = ("dataset", "points", "noise", "k", "dseed", "drawn")  # what decides which points there are
LINKED = ("pick", "backward")  # set once the playground has its data and graph: show_linked_point


def parse_drawn(text: str) -> list[tuple[int, int, int]]:
    """Points drawn on the map from text such as ``120,845,0,500,500,1``: x and y from 0 to DRAW_GRID and a
    class from 0 to MAX_CLASSES - 1 for each, at most MAX_DRAWN points."""
    numbers = split_list(text, 3 * MAX_DRAWN, "numbers, three a point")
    if len(numbers) > 3 * MAX_DRAWN:
        raise ValueError(f"give at most {MAX_DRAWN} points (got {len(numbers) // 3:,})")
    if len(numbers) % 3:
        raise ValueError(f"give three numbers a point: x and y from 0 to {DRAW_GRID}, then its class")
    highest = (DRAW_GRID, DRAW_GRID, MAX_CLASSES - 1)
    values = [parse_number(v, 0, highest[i % 3], whole=True) for i, v in enumerate(numbers)]
    return [tuple(values[i : i + 3]) for i in range(0, len(values), 3)]


# The rest: parse_value, from the parameter.
PARSERS = {"hidden": parse_hidden, "drawn": parse_drawn, "views": parse_views}


def playground_state(query: Mapping[str, str]) -> tuple[dict[str, dict], list[str]]:
    """{"config": {...}, "run": {...}} parameters from the query; bad values are left out and reported."""
    state: dict[str, dict] = {"config": {}, "run": {}}
    warnings = []
    for key, (owner, name) in KEYS.items():
        if key not in query:
            continue
        try:
            parameter = OWNERS[owner].param[name]
            parse = PARSERS.get(key, lambda text, p=parameter: parse_value(p, text))
            state[owner][name] = parse(query[key])
        except ValueError as error:
            note = " (a CSV file cannot travel in a link: upload it again)" if query[key] == "csv" else ""
            warnings.append(f"{key}: {error}{note}")
    config = state["config"]
    if config.get("drawn"):  # checked against the data they were drawn on, once that is known
        default = PlaygroundConfig.param
        k = class_count(
            config.get("dataset", default.dataset.default), config.get("classes", default.classes.default)
        )
        most = max(c for _, _, c in config["drawn"])
        if most >= k:
            del config["drawn"]
            warnings.append(f"drawn: a point of class {most}, but this data has {k} classes (0 to {k - 1})")
    run = state["run"]
    if "pick" in run and any(w.startswith(f"{key}: ") for w in warnings for key in DATA_KEYS):
        del run["pick"]
        warnings.append("pick: not used, as it names a point of data this link could not load")
    if run.get("backward") and "pick" not in run:
        del run["backward"]
        warnings.append("backward: no point is picked (pick=) to step backward on")
    return state, warnings


def show_linked_point(playground: TrainingPlayground, linked: Mapping[str, int]) -> list[str]:
    """The link's ``pick`` and ``backward`` (as playground_state read them) set on ``playground`` once it has
    its data and model; each that does not fit them (no such point, more steps than the graph's nodes) is left
    unset, and a warning says why."""
    warnings = []
    for key in LINKED:
        if key in linked:
            try:
                setattr(playground, KEYS[key][1], linked[key])
            except ValueError as error:
                warnings.append(f"{key}: {error}")
    return warnings


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
