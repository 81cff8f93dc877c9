"""Fixtures for the JavaScript unit tests (tests/js), made by the Python core at test time.

    .venv/bin/python tests/js/make_fixtures.py [out]      # default build/js-fixtures (git-ignored)

The browser repeats some of the Python core's rules (softmax, the loss along one logit, the map's bytes); its tests
compare it with what this script writes: JSON for numbers, and the bytes components/layouts.py packs.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal, getcontext
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from softmax_explorer.components.autograd_graph import as_data  # noqa: E402
from softmax_explorer.components.decision_map import pack_network, pack_points  # noqa: E402
from softmax_explorer.models.ames import load_ames  # noqa: E402
from softmax_explorer.models.autograd import graph  # noqa: E402
from softmax_explorer.models.inputs import format_number  # noqa: E402
from softmax_explorer.models.softmax import (  # noqa: E402
    cross_entropy,
    cross_entropy_grad,
    log_softmax,
    softmax,
    squared_error,
    squared_error_grad,
)
from softmax_explorer.models.training import Config, Trainer  # noqa: E402
from tests.js.hidden_fixtures import write as write_hidden  # noqa: E402
from tests.js.standalone_fixtures import fixtures as standalone_fixtures  # noqa: E402

# (logits, target, temperature): ordinary, extreme (the explorer accepts +/-1000), tiny and large T, ties, 10 classes.
CASES = [
    ([1.0, 2.0, -1.0], 1, 1.0),
    ([1.0, 2.0, -1.0], 0, 0.5),
    ([0.0, 0.0], 1, 1.0),
    ([1000.0, -1000.0, 0.0], 2, 1.0),
    ([-1000.0, -1000.0, -999.0], 0, 1.0),
    ([1000.0, 999.9, -1000.0], 1, 0.01),
    ([3.0, 1.0, 0.2], 2, 0.01),
    ([3.0, 1.0, 0.2], 0, 10.0),
    ([0.123, -4.56, 7.89, 0.0, 2.5, -2.5, 1.0, 1.0, -0.001, 9.999], 9, 1.0),
    ([5.0, 5.0, 5.0, 5.0], 3, 0.1),
]
# The map's networks: logistic regression and a small MLP with each activation, trained a little on Ames (whose
# standardisation, longitudes near -93.6 with a spread of 0.026, tests the inputs' scaling too).
NETWORKS = {
    "logreg": Config(),
    **{name: Config(hidden=(16, 8), activation=name, lr=0.5) for name in ("relu", "tanh", "sigmoid", "none")},
}
GRID = 9  # cells a side of the grid the fixture holds
EXPONENTS = [
    0.0,
    1.0,
    -1.0,
    2.302585092994046,
    13.7,
    13.9,
    -13.9,
    100.0,
    709.0,
    710.0,
    1000.0,
    -1000.0,
    -745.2,
    -1e4 / 3,
    4321.5,
]


def softmax_cases() -> list[dict]:
    """Each case's probabilities, log-probabilities, losses and gradients (cross-entropy and squared error), and its
    losses along the true class's logit."""
    cases = []
    for z, target, t in CASES:
        xs = np.linspace(min(z) - 10, max(z) + 10, 41).tolist()
        along, squared_along = [], []
        for x in xs:
            moved = list(z)
            moved[target] = x
            along.append(cross_entropy(moved, target, t))
            squared_along.append(squared_error(moved, target, t))
        cases.append(
            {
                "logits": z,
                "target": target,
                "temperature": t,
                "probabilities": softmax(z, t).tolist(),
                "log_probabilities": log_softmax(z, t).tolist(),
                "loss": cross_entropy(z, target, t),
                "gradient": cross_entropy_grad(z, target, t).tolist(),
                "xs": xs,
                "loss_along": along,
                "squared_error": squared_error(z, target, t),
                "squared_gradient": squared_error_grad(z, target, t).tolist(),
                "squared_along": squared_along,
            }
        )
    return cases


def exponentials() -> list[dict]:
    """exp(x) as m x 10^n (1 <= m < 10) in 40-digit decimals, for x where float64 exp overflows or underflows."""
    getcontext().prec = 40
    rows = []
    for x in EXPONENTS:
        e = Decimal(x).exp()
        n = e.adjusted()
        rows.append({"x": x, "mantissa": float(e.scaleb(-n)), "exponent": n})
    return rows


def numbers() -> list[dict]:
    """Numbers as models/inputs.py writes them (format_number): floating-point noise, ties, the edges of the rule,
    float32 logits as the training tab hands them over, and random numbers of every size either side of zero."""
    rng = np.random.default_rng(2)
    values = [
        *(-0.6 + 0.5, 0.1 + 0.2, 0.3 - 0.1 - 0.2, 1 / 3, -2 / 3, 2.5, -1000.0, 1000.0, 999.9996, 0.0, -0.0),
        *(
            0.0625,
            -0.0625,
            1.0005,
            2.0005,
            0.001,
            0.0009996,
            -0.000999,
            0.0001,
            0.0003,
            1e-6,
            9.9999e-7,
            1e-7,
        ),
        *(1.23456e-5, -2.5e-7, 2.5e-300, 1e16, 1e21, 1.5e22, 123.4565),
        *np.float32(rng.normal(size=20) * 3).tolist(),
        *(np.exp(rng.uniform(-25, 14, size=400)) * rng.choice([-1, 1], size=400)).tolist(),
        *(
            round(v, d) + 1e-14
            for v, d in zip(rng.uniform(-50, 50, 200).tolist(), rng.integers(0, 4, 200).tolist(), strict=True)
        ),
    ]
    return [{"value": v, "text": format_number(v)} for v in values]


def networks(out: Path) -> dict:
    """Each network's frame (network_<name>.bin) and its Trainer's probabilities over a grid and at places."""
    ames = load_ames()
    rng = np.random.default_rng(1)
    expected = {}
    for number, (name, config) in enumerate(NETWORKS.items(), start=1):
        trainer = Trainer(ames, config)
        trainer.step(10)
        (out / f"network_{name}.bin").write_bytes(pack_network(number, trainer, 50))
        x0, x1, y0, y1 = trainer.extent
        # Places inside the map and far outside it (where the logits are large and softmax saturates).
        places = rng.uniform([x0 - 1, y0 - 1], [x1 + 1, y1 + 1], size=(20, 2))
        expected[name] = {
            "number": number,
            "cells": 50,
            "activation": config.activation,
            "widths": [2, *config.hidden, 3],
            "extent": list(trainer.extent),
            "size": GRID,
            "grid": trainer.grid(GRID).ravel().tolist(),
            "places": places.tolist(),
            "probabilities": trainer.predict_proba(places, units="raw").tolist(),
        }
    return expected


def autograd_graphs() -> dict:
    """The graphs components/autograd_graph.py sends for house 7 after 3 epochs (logistic regression and the course
    MLP), with each node's norm and zeros as numpy counts them."""
    ames, graphs = load_ames(), {}
    for name, config in (("logreg", Config()), ("mlp", Config(hidden=(100,)))):
        trainer = Trainer(ames, config)
        trainer.step(3)
        nodes = [as_data(n) for n in graph(trainer.model, ames.X[7], int(ames.y[7]))]
        norms = [float(np.linalg.norm(n["value"])) for n in nodes]
        graphs[name] = {"nodes": nodes, "norms": norms, "zeros": [n["value"].count(0.0) for n in nodes]}
    return {"class_names": list(ames.class_names), "graphs": graphs}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "softmax.json").write_text(json.dumps(softmax_cases()))
    (out / "exponentials.json").write_text(json.dumps(exponentials()))
    (out / "numbers.json").write_text(json.dumps(numbers()))
    rng = np.random.default_rng(0)
    X = rng.normal(size=(7, 2)) * [1e-3, 1e3] + [-93.6, 42.0]
    y, part = np.array([0, 1, 2, 2, 1, 0, 9]), np.array([0, 0, 1, 0, 1, 1, 0])
    (out / "points.bin").write_bytes(pack_points(X, y, part))
    points = {"x": X[:, 0].tolist(), "y": X[:, 1].tolist(), "cls": y.tolist(), "part": part.tolist()}
    (out / "binary.json").write_text(json.dumps({"points": points}))
    (out / "networks.json").write_text(json.dumps(networks(out)))
    write_hidden(out)  # the views inside the network (components/js/lib/hidden.js)
    # The one-file explorer's tables and Python's answers for its rules (components/js/standalone).
    for name, value in standalone_fixtures().items():
        (out / name).write_text(json.dumps(value))
    (out / "autograd.json").write_text(json.dumps(autograd_graphs()))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "js-fixtures")
