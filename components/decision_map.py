"""The decision map: the model's class over the plane, shaded by its confidence, under the data's points.

A frame is the model itself (its layers' float32 weights, 2.4 KB for a 2-100-3 MLP, 36 bytes of weights for
logistic regression), not a picture: the browser runs the forward pass over the plane at its own resolution
(js/lib/network.js) and colours each cell (js/lib/shades.js), so the map costs the server one pack of the weights
a frame, is crisp at any size, and hover gives the model's exact probabilities anywhere. Frames travel as ESM
messages (no parameter change to process); the points go once per data set, on a canvas layer of their own.

In draw mode (a switch on the map, with a class picker, undo and clear) a click adds a point of the chosen class
instead of picking one: ``drawn`` holds the points drawn, on the drawing grid of models/drawn.py.
"""

from __future__ import annotations

import math
import uuid
from functools import partial

import numpy as np
import panel as pn
import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, stylesheets
from softmax_explorer.components.layouts import NETWORK, POINTS, pack
from softmax_explorer.components.palette import CLASS_COLORS
from softmax_explorer.models.data import Dataset
from softmax_explorer.models.drawn import to_grid
from softmax_explorer.models.inputs import MAX_DRAWN
from softmax_explorer.models.networks import ACTIVATIONS
from softmax_explorer.models.training import Trainer

FRAMES_IN_FLIGHT = (
    3  # frames sent but not yet painted: enough to cover the round trip, few enough to stop at once
)
BIG_FRAME = 100_000  # bytes: a frame this large (a wide MLP's weights) waits until the last one is painted
PICK_RADIUS = 0.025  # a click picks the nearest point within this fraction of the map's width and height
BACKGROUNDS = {False: "#ffffff", True: "#212529"}  # the map's background in the light and the dark theme


def pack_network(number: int, trainer: Trainer, cells: int) -> bytes:
    """A frame for the browser (layouts.NETWORK): ``trainer``'s model as it is now, to draw with at most
    ``cells`` cells along each axis of the map."""
    layers = trainer.weights()
    widths = [layers[0][0].shape[1], *(w.shape[0] for w, _ in layers)]
    weights = np.concatenate([a.ravel() for layer in layers for a in layer])
    data = trainer.dataset
    return pack(
        NETWORK,
        number=number,
        cells=cells,
        activation=list(ACTIVATIONS).index(trainer.config.activation),
        depth=len(widths),
        params=len(weights),
        mean=data.mean,
        std=data.std,
        widths=widths,
        weights=weights,
    )


def pack_points(X: np.ndarray, y: np.ndarray, part: np.ndarray) -> bytes:
    """The points for the browser (layouts.POINTS): x and y, class, and part (0 training, 1 validation)."""
    return pack(POINTS, n=len(X), x=X[:, 0], y=X[:, 1], cls=y, part=part)


class MapCanvas(JSComponent):
    """The browser side of the map: draws the model and the points it is sent, sends back clicks and painted
    frames. Frames and points travel as bytes (binary websocket buffers, not JSON)."""

    frame = param.Bytes(
        default=None, doc="The latest frame (pack_network), for a view rendered later; frames go by show()."
    )
    points = param.Bytes(default=None, doc="The data's points, as pack_points makes them.")
    extent = param.List(default=[0.0, 1.0, 0.0, 1.0], doc="x0, x1, y0, y1 of the map, in the data's units.")
    # Not "background": Panel never syncs a parameter of that name to the browser (reactive.py ignores it), so
    # the dark theme's map faded to white.
    fade_to = param.String(
        default=BACKGROUNDS[False], doc="The colour a cell fades to as the model is unsure."
    )
    class_colors = param.List(default=list(CLASS_COLORS), item_type=str)
    class_names = param.List(default=[], item_type=str)
    x_label = param.String(default="x1")
    y_label = param.String(default="x2")
    marker = param.List(default=[], doc="[x, y] of the picked point or place, or [].")
    drawing = param.Boolean(default=False, doc="Draw mode: a click adds a point of class `pen`.")
    pen = param.Integer(default=0, bounds=(0, None), doc="The class of the points drawn.")
    drawn = param.Integer(default=0, doc="How many of the points (the last ones) were drawn on the map.")
    max_drawn = param.Integer(default=MAX_DRAWN, constant=True, doc="The most points that may be drawn.")
    channel = param.String(default="", doc="Shares frames with the views inside the network.")

    _esm = esm("decision_map")
    _stylesheets = stylesheets("decision_map")

    def __init__(self, on_click=None, on_draw=None, **params):
        super().__init__(**params)
        self._on_click = on_click
        self._on_draw = on_draw
        self.shown = 0  # the number of the last frame the browser has painted

    def show(self, frame: bytes) -> None:
        """Send ``frame`` to the views as a message, and keep it (silently) for any view rendered later."""
        with param.discard_events(self):
            self.frame = frame
        self._send_msg(frame)

    def _handle_msg(self, msg) -> None:
        if not isinstance(msg, dict):
            return
        if "shown" in msg:  # a message, not a parameter: it arrives every frame and needs no watcher
            self.shown = int(msg["shown"])
            return
        # On the document's next tick, where Bokeh holds its lock (a message handler does not).
        if "draw" in msg and self._on_draw:  # {"draw": [x, y, class]}, {"draw": "undo"} or {"draw": "clear"}
            pn.state.execute(partial(self._on_draw, msg["draw"]), schedule=True)
        elif "x" in msg and self._on_click:
            pn.state.execute(partial(self._on_click, float(msg["x"]), float(msg["y"])), schedule=True)


class DecisionMap(pn.viewable.Viewer):
    """The data's points over the model's decision regions; a click picks a point (or a place) to inspect, or in
    draw mode adds a point."""

    clicked = param.Tuple(default=None, length=2, allow_None=True, doc="The last click, in the map's units.")
    picked = param.Integer(default=None, allow_None=True, doc="Index in the data set of the point picked.")
    dark = param.Boolean(default=False, doc="Draw for a dark background.")
    drawn = param.List(
        default=[],
        item_type=tuple,
        doc="The points drawn on the map, in order: (i, j, class), i and j on models.drawn's drawing grid.",
    )
    drawing = param.Boolean(default=False, doc="Draw mode: a click adds a point rather than picking one.")

    def __init__(self, **params):
        super().__init__(**params)
        # Flow control: each frame carries its number; once the browser has painted it, it sends the number
        # back (ack). A slow or busy browser thus gets fewer frames instead of a growing backlog, which would
        # make Pause and clicks wait behind it.
        self._sent = 0
        self.channel = uuid.uuid4().hex  # the browser's map shares its frames with the hidden units' views
        self._canvas = MapCanvas(
            channel=self.channel,
            fade_to=BACKGROUNDS[self.dark],
            on_click=self.click,
            on_draw=self._edit,
            drawing=self.drawing,
            sizing_mode="stretch_width",
        )
        self._dataset: Dataset | None = None
        self._canvas.param.watch(lambda e: setattr(self, "drawing", e.new), "drawing")  # the browser's switch
        self.param.watch(lambda e: setattr(self._canvas, "drawing", e.new), "drawing")

    @param.depends("dark", watch=True)
    def _theme(self) -> None:
        self._canvas.fade_to = BACKGROUNDS[self.dark]

    def show_data(self, dataset: Dataset, train_indices, validation_indices, extent) -> None:
        """Draw ``dataset``'s points (training ones as circles, validation ones as triangles) over ``extent``."""
        x_label, y_label = _axis_labels(dataset)
        with pn.io.hold():
            self._canvas.param.update(
                extent=[float(v) for v in extent],
                class_names=list(dataset.class_names),
                x_label=x_label,
                y_label=y_label,
                marker=[],
                pen=min(self._canvas.pen, len(dataset.class_names) - 1),
            )
            self.show_points(dataset, validation_indices)
        self.param.update(picked=None, clicked=None)

    def show_points(self, dataset: Dataset, validation_indices) -> None:
        """Draw ``dataset``'s points on the same map: the data shown before with other points drawn. The point
        picked stays picked while it is there."""
        self._dataset = dataset
        part = np.zeros(len(dataset), np.uint8)
        part[np.asarray(validation_indices, dtype=int)] = 1
        self._canvas.param.update(points=pack_points(dataset.X_raw, dataset.y, part), drawn=dataset.drawn)
        if self.picked is not None and self.picked >= len(dataset):
            self.unpick()

    def _edit(self, edit) -> None:
        """Draw mode's messages: add a point [x, y, class] where the student clicked, or undo the last, or clear."""
        if edit == "undo":
            self.drawn = self.drawn[:-1]
        elif edit == "clear":
            self.drawn = []
        elif isinstance(edit, list) and len(edit) == 3 and len(self.drawn) < MAX_DRAWN:
            x, y, k = edit
            if all(isinstance(v, int | float) and math.isfinite(v) for v in (x, y)) and k in range(
                len(self._canvas.class_names)
            ):
                self.drawn = [*self.drawn, (*to_grid(self._canvas.extent, x, y), int(k))]

    @property
    def ready(self) -> bool:
        """Whether a new frame may go: fewer than FRAMES_IN_FLIGHT sent are unpainted (one, for big frames)."""
        in_flight = 1 if len(self._canvas.frame or b"") >= BIG_FRAME else FRAMES_IN_FLIGHT
        return self._sent - self._canvas.shown < in_flight

    def show_model(self, trainer: Trainer, cells: int = 100) -> None:
        """Draw ``trainer``'s model as it is now over the map, with at most ``cells`` cells along each axis."""
        self._sent += 1
        self._canvas.show(pack_network(self._sent, trainer, cells))

    def click(self, x: float, y: float) -> None:
        """What a click at (x, y) does: pick the nearest point, or else that place."""
        index = self._nearest(x, y)
        if index is None:
            self._canvas.marker = [x, y]
            self.param.update(picked=None, clicked=(x, y))
        else:
            self.pick(index)

    def pick(self, index: int) -> None:
        """Mark and select the data set's point ``index`` (as a click on it would)."""
        x, y = (float(v) for v in self._dataset.X_raw[index])
        self._canvas.marker = [x, y]
        self.param.update(picked=index, clicked=(x, y))

    def unpick(self) -> None:
        """Pick nothing: no point or place marked or selected."""
        self._canvas.marker = []
        self.param.update(picked=None, clicked=None)

    def _nearest(self, x: float, y: float) -> int | None:
        """The data point nearest to (x, y), if it lies within PICK_RADIUS of the map's size."""
        if self._dataset is None:
            return None
        x0, x1, y0, y1 = self._canvas.extent
        distance = np.abs((self._dataset.X_raw - [x, y]) / [x1 - x0, y1 - y0]).max(axis=1)
        best = int(np.argmin(distance))
        return best if distance[best] <= PICK_RADIUS else None

    def __panel__(self):
        return self._canvas


def _axis_labels(dataset: Dataset) -> tuple[str, str]:
    names = dataset.feature_names
    if tuple(names) == ("Longitude", "Latitude"):
        return "Longitude (degrees)", "Latitude (degrees)"
    return tuple(str(n) for n in names)
