"""The byte layouts of what the training tab sends the browser (the map's points, the model as frames, the
training numbers), written once:
:func:`pack` writes them, :func:`unpack` reads them back (for tests), and ``js/lib/binary.js`` reads them in the
browser from ``layouts.json``, which ``python -m softmax_explorer.components.layouts`` writes from this file (``make bundle`` runs
it; a test checks it is current).

A layout is a list of fields in order: ``(name, type)`` for one number, ``(name, type, length)`` for an array
whose length is a product of numbers and earlier fields' names (``"height*width"``). Types are little-endian
``u1 u2 u4 f4 f8`` (numpy's and typed arrays' names). Each field starts at the next multiple of its item size,
so the browser reads every array in place (a Float64Array needs an offset that is a multiple of 8).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from softmax_explorer.models.networks import ACTIVATIONS

POINTS = [("n", "u4"), ("x", "f8", "n"), ("y", "f8", "n"), ("cls", "u1", "n"), ("part", "u1", "n")]
# A frame of the map is the model itself, which the browser evaluates over the plane: Linear layers of the given
# widths (inputs, hidden layers, classes), each layer's weight (outputs x inputs, row by row) then its bias, in
# order; the activation between them (an index in ACTIVATIONS); the standardisation the model sees its inputs
# through, (x - mean) / std; and the most cells the map may have along each axis.
NETWORK = [
    ("number", "u4"),
    ("cells", "u2"),
    ("activation", "u1"),
    ("depth", "u1"),
    ("params", "u4"),
    ("mean", "f8", "2"),
    ("std", "f8", "2"),
    ("widths", "u2", "depth"),
    ("weights", "f4", "params"),
]
# The training numbers, ten times a second: the epoch line's timing (the server's ms to train and to draw a frame)
# and the curves' rows (epoch, train_loss, train_acc, val_loss, val_acc), which either extend the rows the browser
# holds, after dropping the last `drop` of them (replace = 0), or replace them (1: a reset, a divergence, or the
# rows thinned to keep them few).
NUMBERS = [
    ("replace", "u1"),
    ("drop", "u1"),
    ("train_ms", "f4"),
    ("draw_ms", "f4"),
    ("rows", "u4"),
    ("history", "f4", "rows*5"),
]
LAYOUTS = {"points": POINTS, "network": NETWORK, "numbers": NUMBERS}
JSON = Path(__file__).with_name("layouts.json")


def _length(length: str, numbers: dict[str, int]) -> int:
    return math.prod(int(f) if f.isdigit() else int(numbers[f]) for f in length.split("*"))


def pack(layout, **values) -> bytes:
    """The bytes of ``values`` (one per field: a number, or an array of the field's length) in ``layout``."""
    out = bytearray()
    for name, kind, *length in layout:
        dtype = np.dtype("<" + kind)
        out += bytes(-len(out) % dtype.itemsize)  # pad to the item size
        array = np.ascontiguousarray(values[name], dtype=dtype)
        if length and array.shape != (_length(length[0], values),):
            raise ValueError(
                f"{name} must have {length[0]} = {_length(length[0], values)} entries, got {array.shape}"
            )
        out += array.tobytes()
    return bytes(out)


def unpack(layout, data: bytes) -> dict[str, int | float | np.ndarray]:
    """The fields of ``data`` laid out by ``layout``, as ``js/lib/binary.js`` reads them."""
    fields, offset = {}, 0
    for name, kind, *length in layout:
        dtype = np.dtype("<" + kind)
        offset += -offset % dtype.itemsize
        count = _length(length[0], fields) if length else 1
        array = np.frombuffer(data, dtype, count, offset)
        fields[name] = array if length else array[0].item()
        offset += count * dtype.itemsize
    return fields


def as_json() -> str:
    """The layouts as ``layouts.json`` holds them, and the activations' names in the order NETWORK numbers them."""
    entries = [
        f'  "{name}": [\n' + ",\n".join(f"    {json.dumps(list(f))}" for f in layout) + "\n  ]"
        for name, layout in LAYOUTS.items()
    ]
    entries.append(f'  "activations": {json.dumps(list(ACTIVATIONS))}')
    return "{\n" + ",\n".join(entries) + "\n}\n"


if __name__ == "__main__":
    JSON.write_text(as_json(), encoding="utf-8")
