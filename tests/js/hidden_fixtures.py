"""Fixtures for tests/js/hidden_units.test.js: networks as the map's frames carry them, and what models/hidden.py
computes from them (make_fixtures.py writes them with the others)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from softmax_explorer.components.decision_map import pack_network
from softmax_explorer.models.hidden import (
    evenly_spread,
    grid_centres,
    hidden_space,
    hidden_space_classes,
    line_segment,
    linear_regions,
    pre_activations,
    shown_units,
    unit_line,
)
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer

NETWORKS = {
    "logreg": Config(),
    "relu": Config(hidden=(8,)),
    "deep": Config(hidden=(16, 8)),
    "wide": Config(hidden=(40, 6)),
    "two": Config(hidden=(5, 2), activation="tanh"),
    "sigmoid": Config(hidden=(4,), activation="sigmoid"),
    "none": Config(hidden=(3,), activation="none"),
}
SIDE = 13  # the grid's cells a side
POINTS = 60  # the data's first points, for the hidden space
SAMPLE = 23  # the hidden space of an evenly spread sample of them, as the browser places for a wide layer


def write(out: Path) -> None:
    """hidden_<name>.bin (the frame) and hidden.json (what models/hidden.py makes of each)."""
    data = load_toy("blobs", n=150, noise=1.0)
    expected = {}
    for number, (name, config) in enumerate(NETWORKS.items(), start=1):
        trainer = Trainer(data, config)
        trainer.step(20)
        (out / f"hidden_{name}.bin").write_bytes(pack_network(number, trainer, 50))
        layers = [(w.astype(np.float64), b.astype(np.float64)) for w, b in trainer.weights()]
        places = grid_centres(trainer.extent, SIDE, SIDE)
        X = data.standardize(places)
        points = data.X_raw[:POINTS]
        hidden = len(layers) - 1
        first = layers[0] if hidden else ((), ())
        lines = [unit_line(w, b, data.mean, data.std) for w, b in zip(*first, strict=True)]
        spaces = [hidden_space(layers, config.activation, data.standardize(points), i) for i in range(hidden)]
        sample = evenly_spread(POINTS, SAMPLE)
        sampled = [
            hidden_space(layers, config.activation, data.standardize(points[sample]), i)
            for i in range(hidden)
        ]
        expected[name] = {
            "activation": config.activation,
            "extent": list(trainer.extent),
            "side": SIDE,
            "pre": [z.ravel().tolist() for z in pre_activations(layers, config.activation, X)],
            "regions": linear_regions(layers, config.activation, X),
            "lines": lines,
            "segments": [line_segment(line, trainer.extent) for line in lines],
            "shown": [shown_units(layers, i) for i in range(hidden)],
            "points": {"x": points[:, 0].tolist(), "y": points[:, 1].tolist()},
            "spaces": [
                {
                    "points": s["points"].ravel().tolist(),
                    "share": s["share"],
                    "classes": hidden_space_classes(layers, s, s["points"]).tolist()
                    if i == hidden - 1
                    else None,
                }
                for i, s in enumerate(spaces)
            ],
            "sample": {
                "most": SAMPLE,
                "indices": sample.tolist(),
                "spaces": [{"points": s["points"].ravel().tolist(), "share": s["share"]} for s in sampled],
            },
        }
    (out / "hidden.json").write_text(json.dumps(expected))
