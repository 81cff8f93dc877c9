"""What Python answers for the one-file explorer's rules (components/js/standalone/), for its Node tests:
the tables the file carries (app/standalone.py's spec), text read as logits and class names, links read into the
explorer's state and written back, and runs of the explorer's actions. tests/js/make_fixtures.py writes them."""

from __future__ import annotations

import numpy as np

from softmax_explorer.app.standalone import spec
from softmax_explorer.app.url_state import app_state, explorer_query, explorer_state, read_query
from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.components.warmups import largest_check
from softmax_explorer.models.inputs import parse_class_names, parse_logits

LOGIT_TEXTS = [
    "1, 2, -1",
    "1;2 ;  -1",
    "0.5 -1.25 2 3",
    "1e3, -1e3",
    "+.5, 5., -0",
    "1",
    "1, 2, x",
    "1, 1001",
    "1, 1e999",
    "1, 2, ٣",
    "1,2,3,4,5,6,7,8,9,10,11",
    "1, " + "9" * 41,
    "1, " * 200,
    "",
    "1, 'quoted', 2",
    "a \"b\" 'c'",
    "tab\there, 1",
]
NAME_TEXTS = [
    "cat, dog, bird",
    " low ,medium, high ",
    "a, , b",
    "only",
    "a, a",
    "a, " + "b" * 25,
    ",".join(f"c{i}" for i in range(11)),
    "x" * 300,
    "<img onerror=alert(1)>, b",
]
QUERIES = [
    "",
    "?logits=1,2,-1&target=1",
    "?logits=0.5,-1.25,2,3&classes=cat,dog,bird,fish&target=bird&temperature=1.26&goal=0.067,0.133,0.267,0.533&lr=0.25&steps=7&present=1",
    "?logits=6,1,1&conceal=1&hide=curve,temperature",
    "?logits=1,2,-1&goal=0.9,0.9,0.9&conceal=maybe&hide=sliders&lr=0&steps=1000&present=2&tab=nope",
    "?classes=a,b,c,d,e",
    "?classes=a,b&logits=1,2,3",
    "?logits=1,2&target=7",
    "?logits=1,2&classes=1,0&target=0",
    "?logits=1,2&classes=x,y&target=y&theme=dark&tab=train&model=mlp&rate=0.3",
    "?theme=purple&temperature=0&steps=2.5&lr=abc",
    "?logits=" + "1" * 400,
    "?logits=1,2&x=" + "y" * 4000,
    "?logits=1e3,-1e3,0&temperature=0.1&conceal=yes&hide=",
    "?logits=1%2C2&classes=a+b,c%20d&target=c+d",
    "?target&logits=1,2",
    "?logits=8,0,0&target=2&losses=both",
    "?logits=1,2&losses=mse",
]
# Runs of actions on one explorer: [method, *arguments] (a method of SoftmaxExplorer), or ["set", name, value].
RUNS = [
    [
        ["gradient_step"],
        ["gradient_step"],
        ["set", "lr", 0.3],
        ["gradient_step"],
        ["shift", 0.5],
        ["scale", 2.0],
    ],
    [["set", "temperature", 0.5], ["gradient_step"], ["reset"], ["scale", 0.5], ["shift", -0.5]],
    [
        ["preset", "bigger"],
        ["reveal"],
        ["preset", "half"],
        ["add_class"],
        ["preset", "double"],
        ["remove_class"],
    ],
    [["set", "predict_first", False], ["preset", "smaller"], ["preset", "equal"], ["set", "target", 2]],
    [
        ["set_logits_text", "1, 2, -1, 0.5"],
        ["set_logits_text", "1, nope"],
        ["set_logits_text", "1, 2, -1, 0.5"],
    ],
    [["set_class_names_text", "cat, dog"], ["add_class"], ["add_class"], ["set_class_names_text", "a, a"]],
    [["set", "target", 2], ["remove_class"], ["set_class_names_text", "x, class 3, y, z"], ["add_class"]],
    [["set_logits_text", "999, -999"], ["scale", 2.0], ["shift", 1000.0], ["shift", -3000.0]],
    [
        ["set", "objective", "squared_error"],
        ["gradient_step"],
        ["next_objective"],
        ["gradient_step"],
        ["next_objective"],
        ["next_objective"],
        ["set", "temperature", 0.5],
        ["gradient_step"],
    ],
    [["set_logits_text", "0.123, -4.56, 7.89, 0, 2.5, -2.5, 1, 1, -0.001, 9.999"], ["set", "target", 9]]
    + [["gradient_step"]] * 5
    + [["add_class"], ["remove_class"]],
]
STATE = ("logits", "class_names", "target", "temperature", "goal", "concealed", "lr", "objective", "message")

# The largest-output challenge's check (components/warmups.py): logits, true class, T, class names.
NAMES = ["low", "medium", "high"]
LARGEST_CASES = [
    ([0.0, 0.0, 0.0], 1, 1.0, NAMES),
    ([0.0, 5.0, 0.0], 1, 1.0, NAMES),
    ([0.0, 4.9, 0.0], 1, 1.0, NAMES),
    ([-0.5, 5.0, -0.5], 1, 1.0, NAMES),
    ([-3.0, 5.0, -3.0], 1, 1.0, NAMES),
    ([-5.0, 5.0, -5.0], 1, 1.0, NAMES),
    ([-5.0, 5.0, -5.0], 1, 0.5, NAMES),
    ([-5.0, 6.25, -5.0], 1, 1.0, NAMES),
    ([-5.0, 5.0000000001, -5.0], 1, 1.0, NAMES),
    ([-5.1, 5.0, -5.0], 1, 1.0, NAMES),
    ([5.0, -5.0], 0, 1.0, ["cat", "<img src=x onerror=alert(1)>"]),
    ([-5.0] * 9 + [5.0], 9, 1.0, [f"class {i}" for i in range(1, 11)]),
    ([-5.0] * 9 + [5.0], 9, 2.0, [f"class {i}" for i in range(1, 11)]),
]
LARGEST_RUN = [["preset", "largest"], ["add_class"], ["preset", "bigger"], ["preset", "largest"], ["reset"]]
LARGEST_RUN += [["preset", "largest"], ["preset", "half"], ["preset", "largest"], ["remove_class"]]


def largest() -> dict:
    """Python's check on each case, and a run of presets with the challenge's flag after each step."""
    checks = []
    for logits, target, temperature, names in LARGEST_CASES:
        met, status, explanation = largest_check(logits, target, temperature, names)
        checks.append(
            {
                "state": {
                    "logits": logits,
                    "target": target,
                    "temperature": temperature,
                    "class_names": names,
                },
                "answer": {"met": met, "status": status, "explanation": explanation},
            }
        )
    explorer, states = SoftmaxExplorer(logits=[1.0, 2.0, -1.0], target=1), []
    for name, *args in LARGEST_RUN:
        getattr(explorer, name)(*args)
        states.append({key: _plain(getattr(explorer, key)) for key in ("logits", "goal", "largest")})
    return {"checks": checks, "run": {"steps": LARGEST_RUN, "states": states}}


def parsed(parse, texts) -> list[dict]:
    out = []
    for text in texts:
        try:
            out.append({"text": text, "value": parse(text)})
        except ValueError as error:
            out.append({"text": text, "error": str(error)})
    return out


def addresses() -> list[dict]:
    """Each link: the state and page it opens at, its warnings in the page's order, and the explorer's query."""
    out = []
    for search in QUERIES:
        query, query_warnings = read_query(search)
        page, page_warnings = app_state(query)
        state, warnings = explorer_state(query)
        explorer = SoftmaxExplorer(**state)
        out.append(
            {
                "search": search,
                "state": {name: _plain(getattr(explorer, name)) for name in (*STATE[:-1], "hide", "steps")},
                "page": page,
                "warnings": query_warnings + page_warnings + warnings,
                "query": explorer_query(explorer),
            }
        )
    return out


def runs() -> list[dict]:
    """Each run's steps and the explorer's state after each."""
    out = []
    for steps in RUNS:
        explorer = SoftmaxExplorer(logits=[1.0, 2.0, -1.0], target=1)
        states = []
        for name, *args in steps:
            if name == "set":
                setattr(explorer, args[0], args[1])
            else:
                getattr(explorer, name)(*args)
            states.append({key: _plain(getattr(explorer, key)) for key in STATE})
        out.append({"steps": steps, "states": states})
    return out


def _plain(value):
    return value.tolist() if isinstance(value, np.ndarray) else value


def fixtures() -> dict:
    return {
        "spec.json": spec("?logits=1,2,-1&target=1"),
        "standalone.json": {
            "logits": parsed(parse_logits, LOGIT_TEXTS),
            "names": parsed(parse_class_names, NAME_TEXTS),
            "addresses": addresses(),
            "runs": runs(),
            "largest": largest(),
        },
    }
