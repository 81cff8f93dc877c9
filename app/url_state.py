"""The URL query string <-> the app's state, with the rule: a bad value falls back to its default and says so.

``?logits=1,2,-1&target=1&temperature=1&classes=low,medium,high`` reads into the explorer's parameters; every
change writes back, so the address is always a link to what is on screen. One table, :data:`EXPLORER_KEYS`, names
the explorer's settings; how each is read and written follows from its parameter (bounds, type), as the training
tab's table in ``app/playground_url.py`` does. Everything is bounded before it is parsed (``models/inputs.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

import param

from softmax_explorer.app.carry_over import TOKEN
from softmax_explorer.components.explorer_state import DEFAULT_CLASSES, DEFAULT_TARGET, default_logits
from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.models.inputs import (
    MAX_DRAWN_TEXT,
    MAX_QUERY,
    MAX_VALUE,
    format_number,
    parse_class_names,
    parse_flag,
    parse_logits,
    parse_number,
    quote,
)

TABS = ("explore", "train")
THEMES = ("default", "dark")
# query key -> the SoftmaxExplorer parameter it sets; a new setting is one line here.
EXPLORER_KEYS = {
    "logits": "logits",
    "classes": "class_names",
    "target": "target",
    "temperature": "temperature",
    "losses": "objective",
    "goal": "goal",
    "largest": "largest",
    "conceal": "concealed",
    "hide": "hide",
    "lr": "lr",
    "steps": "steps",
}
ALWAYS = ("logits", "target", "temperature", "classes")  # written even at their defaults: the example itself
PAGE_KEYS = (
    "tab",
    "present",
    "theme",
    "resume",
)  # resume: a token for a carried-over tab, once (not rewritten)
LONG_VALUES = {
    "drawn": MAX_DRAWN_TEXT
}  # the training tab's drawn points (app/playground_url.py); others MAX_VALUE


def parse_query(search: str) -> dict[str, str]:
    """``?a=1&b=x`` -> {"a": "1", "b": "x"}; the last of repeated keys wins. Unchecked: see read_query."""
    return dict(parse_qsl(search.lstrip("?"), keep_blank_values=True))


def read_query(search: str) -> tuple[dict[str, str], list[str]]:
    """The query's values that are short enough to read, and a warning for each that is not (or for all)."""
    if len(search) > MAX_QUERY:
        return {}, [
            f"the link's settings are {len(search):,} characters long (at most {MAX_QUERY:,} are read), "
            "so none of them was used"
        ]
    query, warnings = {}, []
    for key, value in parse_query(search).items():
        if len(key) > MAX_VALUE or len(value) > LONG_VALUES.get(key, MAX_VALUE):
            warnings.append(f"{quote(key)}: {quote(value)} is too long ({len(value):,} characters)")
        else:
            query[key] = value
    return query, warnings


def format_query(query: Mapping[str, str]) -> str:
    """The query string for ``query``, keeping commas readable in a shared link."""
    return "?" + urlencode(query, safe=",") if query else ""


def parse_value(parameter: param.Parameter, text: str):
    """``text`` as a value of ``parameter`` (a flag, a choice, or a number within its bounds), or a ValueError."""
    if isinstance(parameter, param.Boolean):
        return parse_flag(text)
    if isinstance(parameter, param.Selector):
        for choice in parameter.objects:
            if text == str(choice) or (isinstance(choice, int | float) and _same_number(text, choice)):
                return choice
        choices = ", ".join(format_number(c) if isinstance(c, float) else str(c) for c in parameter.objects)
        raise ValueError(f"{quote(text)} is not one of {choices}")
    low, high = parameter.bounds
    return parse_number(text, low, high, whole=isinstance(parameter, param.Integer))


def _same_number(text: str, choice: float) -> bool:
    try:
        return abs(parse_number(text, -1e9, 1e9) - choice) <= 1e-12 * abs(choice)
    except ValueError:
        return False


def format_value(value) -> str:
    """A parameter's value as a link writes it: ``1``/``0``, ``1,2,-1``, ``0.3``."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list | tuple):
        return ",".join(format_value(v) for v in value)
    return format_number(value) if isinstance(value, float) else str(value)


def app_state(query: Mapping[str, str]) -> tuple[dict, list[str]]:
    """The page-wide settings: which tab is open, whether lecture mode is on, the theme, and the token of a
    training tab carried over from the page before (``resume``, only if well formed)."""
    state, warnings = {"tab": "explore", "present": False, "theme": "default"}, []
    for key, choices in (("tab", TABS), ("theme", THEMES)):
        if key in query:
            if query[key] in choices:
                state[key] = query[key]
            else:
                warnings.append(f"{key}: {quote(query[key])} is not one of {', '.join(choices)}")
    if "resume" in query:
        if TOKEN.fullmatch(query["resume"]):
            state["resume"] = query["resume"]
        else:
            warnings.append(f"resume: {quote(query['resume'])} is not a carried-over training tab")
    if "present" in query:
        try:
            state["present"] = parse_flag(query["present"])
        except ValueError as error:
            warnings.append(f"present: {error}")
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
            warnings.append(f"{key}: {error}")
            return None

    # The example first: the other settings are checked against its number of classes.
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
        if value.isascii() and value.isdigit() and len(value) <= 2 and int(value) < k:
            return int(value)
        if value in names:
            return names.index(value)
        raise ValueError(f"{quote(value)} is not a class: use an index from 0 to {k - 1} or a class name")

    def goal(value):
        p = [parse_number(v, 0, 1) for v in value.split(",")[: k + 1]]
        if len(p) != k or abs(sum(p) - 1) > 0.01:
            raise ValueError(f"give {k} probabilities that sum to 1")
        return p

    def hide(value):
        sections = [s for s in value.split(",") if s]
        unknown = [s for s in sections if s not in SoftmaxExplorer.param.hide.objects]
        if unknown:
            raise ValueError(
                f"{', '.join(map(quote, unknown[:3]))} not known; use any of "
                f"{', '.join(SoftmaxExplorer.param.hide.objects)}"
            )
        return sections

    special = {"target": target, "goal": goal, "hide": hide}
    for key, name in EXPLORER_KEYS.items():
        if name in ("logits", "class_names"):  # read above
            continue
        value = read(
            key, special.get(key) or (lambda text, p=SoftmaxExplorer.param[name]: parse_value(p, text))
        )
        if value is not None:
            state[name] = value
    return state, warnings


def explorer_query(explorer: SoftmaxExplorer) -> dict[str, str]:
    """The query string's part for the explorer: the example always, the rest when not at its default."""
    query = {}
    for key, name in EXPLORER_KEYS.items():
        value = getattr(explorer, name)
        if key in ALWAYS or value != SoftmaxExplorer.param[name].default:
            query[key] = format_value(value)
    return query
