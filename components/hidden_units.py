"""Inside the network, on the training tab: each hidden unit's line and active side over the map as small
multiples (one highlighted on the main map), the number of linear regions, and the hidden space (the data placed
by a layer's activations, coloured by class, over the last layer's decision regions).

All of it is computed in the browser (js/hidden_units.js, with the maths of models/hidden.py in
js/lib/hidden.js) from the network the map receives each frame, passed on the map's channel
(js/lib/map_channel.js): the views cost the server nothing per frame. Python holds only what is open and chosen,
``views``, which the URL carries (``views=units,space,layer2,unit7``).
"""

from __future__ import annotations

import re

import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, stylesheets
from softmax_explorer.models.inputs import MAX_LAYERS, MAX_VALUE, MAX_WIDTH, quote

_TOKEN = re.compile(r"(units|space|layer([1-9]\d*)|unit(\d{1,3}))")


def parse_views(text: str) -> list[str]:
    """What ``views=`` in a link opens: ``units``, ``space``, ``layer<n>`` (1 to MAX_LAYERS: which hidden layer)
    and ``unit<i>`` (0 to MAX_WIDTH - 1: the unit kept on the map), comma-separated, each at most once."""
    if len(text) > MAX_VALUE:
        raise ValueError(f"{quote(text)} is too long")
    tokens = [t for t in text.split(",") if t]
    for t in tokens:
        match = _TOKEN.fullmatch(t)
        if not match:
            raise ValueError(
                f"{quote(t)} is not a view: use units, space, layer1 to layer{MAX_LAYERS}, unit0..."
            )
        if match[2] and not 1 <= int(match[2]) <= MAX_LAYERS:
            raise ValueError(f"{quote(t)}: a network has hidden layers 1 to {MAX_LAYERS}")
        if match[3] and not int(match[3]) < MAX_WIDTH:
            raise ValueError(f"{quote(t)}: a layer has units 0 to {MAX_WIDTH - 1}")
    kinds = [re.sub(r"\d+", "", t) for t in tokens]
    if len(set(kinds)) < len(kinds):
        raise ValueError(f"{quote(text)} names a view twice")
    return tokens


class HiddenUnits(JSComponent):
    """The views inside the network, drawn in the browser from the map's frames (on the map's ``channel``)."""

    channel = param.String(default="", doc="The decision map's channel (DecisionMap.channel).")
    views = param.List(
        default=[],
        item_type=str,
        doc="What is open and chosen: units, space, layer<n> (1 the first), unit<i>.",
    )

    _esm = esm("hidden_units")
    _stylesheets = stylesheets("hidden_units")
