"""The decision map: the model's class over the plane, shaded by its confidence, under the data's points.

Each frame sends one byte a cell (class x shades + shade, 10 KB at 100 x 100) and the browser colours it with a
palette, instead of sending float probabilities or RGBA pixels. The browser draws it on a canvas with the points
on a layer of their own (js/decision_map.js), so a frame repaints one small image, not thousands of markers.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import panel as pn
import param
from panel.custom import JSComponent

from components.assets import esm, stylesheets
from components.layouts import FRAME, POINTS, pack
from components.palette import CLASS_COLORS, class_color, mix
from models.data import Dataset

SHADES = 25  # confidence levels a class; 10 classes x 25 fit in one byte
FRAMES_IN_FLIGHT = (
    3  # frames sent but not yet painted: enough to cover the round trip, few enough to stop at once
)
PICK_RADIUS = 0.025  # a click picks the nearest point within this fraction of the map's width and height


def encode(probabilities: np.ndarray, shades: int = SHADES) -> np.ndarray:
    """(H, W, K) probabilities -> (H, W) uint8: the top class times ``shades`` plus its confidence level.

    Confidence runs from 1/K (a guess) to 1 (certain) and is cut into ``shades`` equal levels.
    """
    k = probabilities.shape[-1]
    top = probabilities.argmax(axis=-1)
    confidence = probabilities.max(axis=-1)
    level = np.clip(np.rint((confidence - 1 / k) / (1 - 1 / k) * (shades - 1)), 0, shades - 1)
    return (top * shades + level).astype(np.uint8)


def map_palette(k: int, background: str, shades: int = SHADES) -> list[str]:
    """For each class, ``shades`` colours from nearly the background (unsure) to a strong class colour (sure)."""
    return [
        mix(class_color(c), background, 0.08 + 0.62 * s / (shades - 1))
        for c in range(k)
        for s in range(shades)
    ]


def pack_frame(number: int, codes: np.ndarray) -> bytes:
    """A frame for the browser (layouts.FRAME): its number, the grid's height and width and the codes."""
    h, w = codes.shape
    return pack(FRAME, number=number, height=h, width=w, codes=codes.ravel())


def pack_points(X: np.ndarray, y: np.ndarray, part: np.ndarray) -> bytes:
    """The points for the browser (layouts.POINTS): x and y, class, and part (0 training, 1 validation)."""
    return pack(POINTS, n=len(X), x=X[:, 0], y=X[:, 1], cls=y, part=part)


class MapCanvas(JSComponent):
    """The browser side of the map: draws the frames and points it is sent, sends back clicks and painted frames.

    Frames and points travel as bytes (binary websocket buffers, not JSON): a 100 x 100 frame is 10 KB.
    """

    frame = param.Bytes(default=None, doc="The latest frame, as pack_frame makes it.")
    points = param.Bytes(default=None, doc="The data's points, as pack_points makes them.")
    extent = param.List(default=[0.0, 1.0, 0.0, 1.0], doc="x0, x1, y0, y1 of the map, in the data's units.")
    palette = param.List(default=[], item_type=str, doc="Colour of each code (class x shades + shade).")
    class_colors = param.List(default=list(CLASS_COLORS), item_type=str)
    class_names = param.List(default=[], item_type=str)
    x_label = param.String(default="x1")
    y_label = param.String(default="x2")
    marker = param.List(default=[], doc="[x, y] of the picked point or place, or [].")

    _esm = esm("decision_map")
    _stylesheets = stylesheets("decision_map")

    def __init__(self, on_click=None, **params):
        super().__init__(**params)
        self._on_click = on_click
        self.shown = 0  # the number of the last frame the browser has painted

    def _handle_msg(self, msg) -> None:
        if not isinstance(msg, dict):
            return
        if "shown" in msg:  # a message, not a parameter: it arrives every frame and needs no watcher
            self.shown = int(msg["shown"])
        elif self._on_click:
            # On the document's next tick, where Bokeh holds its lock (a message handler does not).
            pn.state.execute(partial(self._on_click, float(msg["x"]), float(msg["y"])), schedule=True)


class DecisionMap(pn.viewable.Viewer):
    """The data's points over the model's decision regions; a click picks a point (or a place) to inspect."""

    clicked = param.Tuple(default=None, length=2, allow_None=True, doc="The last click, in the map's units.")
    picked = param.Integer(default=None, allow_None=True, doc="Index in the data set of the point picked.")
    dark = param.Boolean(default=False, doc="Draw for a dark background.")

    def __init__(self, **params):
        super().__init__(**params)
        self._background = "#212529" if self.dark else "#ffffff"
        # Flow control: each frame carries its number; once the browser has painted it, it sends the number
        # back (ack). A slow or busy browser thus gets fewer frames instead of a growing backlog, which would
        # make Pause and clicks wait behind it.
        self._sent = 0
        self._canvas = MapCanvas(
            palette=map_palette(3, self._background), on_click=self.click, sizing_mode="stretch_width"
        )
        self._dataset: Dataset | None = None

    def show_data(self, dataset: Dataset, train_indices, validation_indices, extent) -> None:
        """Draw ``dataset``'s points (training ones as circles, validation ones as triangles) over ``extent``."""
        self._dataset = dataset
        part = np.zeros(len(dataset), np.uint8)
        part[np.asarray(validation_indices, dtype=int)] = 1
        k = len(dataset.class_names)
        x_label, y_label = _axis_labels(dataset)
        with pn.io.hold():
            self._canvas.param.update(
                points=pack_points(dataset.X_raw, dataset.y, part),
                extent=[float(v) for v in extent],
                palette=map_palette(k, self._background),
                class_names=list(dataset.class_names),
                x_label=x_label,
                y_label=y_label,
                marker=[],
            )
        self.param.update(picked=None, clicked=None)

    @property
    def ready(self) -> bool:
        """Whether fewer than FRAMES_IN_FLIGHT frames sent are still unpainted (so a new one may go)."""
        return self._sent - self._canvas.shown < FRAMES_IN_FLIGHT

    def show_probabilities(self, probabilities: np.ndarray) -> None:
        """Colour the map from the model's (H, W, K) class probabilities over the extent (row 0 at the bottom)."""
        self._sent += 1
        self._canvas.frame = pack_frame(self._sent, encode(probabilities))

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
