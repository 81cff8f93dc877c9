"""The decision map: the model's class over the plane, shaded by its confidence, under the data's points.

Each frame sends one byte a cell (class x shades + shade, 10 KB at 100 x 100) and the browser colours it with a
palette, instead of sending float probabilities or RGBA pixels.
"""

from __future__ import annotations

import numpy as np
import panel as pn
import param
from bokeh.core.properties import Int
from bokeh.events import Tap
from bokeh.model import DataModel
from bokeh.models import (
    ColumnDataSource,
    CustomJS,
    HoverTool,
    Legend,
    LegendItem,
    LinearColorMapper,
    Range1d,
)
from bokeh.plotting import figure

from components.figure_style import set_text_size
from components.palette import CLASS_COLORS, class_color, mix
from models.data import Dataset

SHADES = 25  # confidence levels a class; 10 classes x 25 fit in one byte
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
    return [mix(class_color(c), background, 0.08 + 0.62 * s / (shades - 1)) for c in range(k) for s in range(shades)]


class FrameAck(DataModel):
    """The last map frame the browser has painted, sent back so that the server never runs ahead of it."""

    shown = Int(default=0)


class DecisionMap(pn.viewable.Viewer):
    """The data's points over the model's decision regions; a click picks a point (or a place) to inspect."""

    clicked = param.Tuple(default=None, length=2, allow_None=True, doc="The last click, in the map's units.")
    picked = param.Integer(default=None, allow_None=True, doc="Index in the data set of the point picked.")
    dark = param.Boolean(default=False, doc="Draw for a dark background.")
    large_text = param.Boolean(default=False, doc="Text sized for a lecture hall.")

    def __init__(self, **params):
        super().__init__(**params)
        background = "#212529" if self.dark else "#ffffff"
        self._background = background
        self._image = ColumnDataSource(data={"image": [np.zeros((2, 2), np.uint8)], "frame": [0]})
        # Flow control: each frame carries its number; once the browser has painted it, it sends the number
        # back. A slow or busy browser thus gets fewer frames instead of a growing backlog (which would make
        # Pause and clicks wait behind it).
        self._sent = 0
        self._ack = FrameAck()
        self._image.js_on_change("data", CustomJS(args={"ack": self._ack}, code=(
            "const n = cb_obj.data.frame[0]; requestAnimationFrame(() => { ack.shown = n; });")))
        self._points = {part: ColumnDataSource(data=self._point_data(np.zeros((0, 2)), np.zeros(0, int), [], []))
                        for part in ("train", "validation")}
        self._mapper = LinearColorMapper(palette=map_palette(3, background), low=0, high=3 * SHADES - 1)
        fig = figure(height=520, sizing_mode="stretch_width", toolbar_location="above",
                     tools="pan,wheel_zoom,reset,save", x_range=Range1d(0, 1), y_range=Range1d(0, 1),
                     background_fill_color=background, border_fill_color=None, output_backend="canvas")
        fig.grid.visible = False
        self._glyph = fig.image(image="image", x=0, y=0, dw=1, dh=1, source=self._image, color_mapper=self._mapper,
                                level="image")
        line = "#ffffff" if self.dark else "#1d2228"
        # Colours are looked up in the browser from each point's class number (sent as a binary array).
        self._classes = LinearColorMapper(palette=list(CLASS_COLORS), low=0, high=len(CLASS_COLORS) - 1)
        color = {"field": "class", "transform": self._classes}
        train = fig.scatter("x", "y", source=self._points["train"], marker="circle", size=6, fill_color=color,
                            line_color=line, line_width=0.6, fill_alpha=0.9)
        validation = fig.scatter("x", "y", source=self._points["validation"], marker="triangle", size=8,
                                 fill_color=color, line_color=line, line_width=1.2, fill_alpha=0.9)
        self._picked = ColumnDataSource(data={"x": [], "y": []})
        fig.scatter("x", "y", source=self._picked, marker="circle", size=18, fill_alpha=0, line_width=3,
                    line_color=line)
        for renderer, part in ((train, "training"), (validation, "validation")):
            fig.add_tools(HoverTool(renderers=[renderer], tooltips=[("class", "@label"), ("part", part),
                                                                    ("x", "@x{0.0000}"), ("y", "@y{0.0000}")]))
        self._legend = Legend(items=[], location="top_left", click_policy="none", background_fill_alpha=0.85)
        fig.add_layout(self._legend, "right")
        self._renderers = {"train": train, "validation": validation}
        fig.on_event(Tap, self._tap)
        self._figure = fig
        self._dataset: Dataset | None = None
        self._pane = pn.pane.Bokeh(fig, sizing_mode="stretch_width", min_height=520)
        self._text_size()

    @param.depends("large_text", watch=True)
    def _text_size(self):
        set_text_size(self._figure, self.large_text)

    @staticmethod
    def _point_data(X, y, class_names, indices):
        return {"x": X[:, 0], "y": X[:, 1], "class": np.asarray(y, dtype=np.int32),
                "label": [class_names[int(c)] for c in y], "index": np.asarray(indices, dtype=np.int32)}

    def show_data(self, dataset: Dataset, train_indices, validation_indices, extent) -> None:
        """Draw ``dataset``'s points (training ones as circles, validation ones as triangles) over ``extent``."""
        self._dataset = dataset
        x0, x1, y0, y1 = extent
        fig = self._figure
        k = len(dataset.class_names)
        with pn.io.hold():
            for part, indices in (("train", train_indices), ("validation", validation_indices)):
                self._points[part].data = self._point_data(dataset.X_raw[indices], dataset.y[indices],
                                                           dataset.class_names, indices)
            self._glyph.glyph.update(x=x0, y=y0, dw=x1 - x0, dh=y1 - y0)
            fig.x_range.update(start=x0, end=x1)
            fig.y_range.update(start=y0, end=y1)
            fig.xaxis.axis_label, fig.yaxis.axis_label = _axis_labels(dataset)
            self._mapper.update(palette=map_palette(k, self._background), high=k * SHADES - 1)
            self._legend.items = self._legend_items(dataset)
            self._picked.data = {"x": [], "y": []}
        self.param.update(picked=None, clicked=None)

    def _legend_items(self, dataset: Dataset) -> list[LegendItem]:
        """One entry a class (its colour) and one a part (circle: training, triangle: validation)."""
        train_labels = list(self._points["train"].data["label"])
        items = []
        for name in dataset.class_names:
            if name in train_labels:
                items.append(LegendItem(label=name, renderers=[self._renderers["train"]],
                                        index=train_labels.index(name)))
        items.append(LegendItem(label="● training", renderers=[]))
        items.append(LegendItem(label="▲ validation", renderers=[]))
        return items

    @property
    def ready(self) -> bool:
        """Whether the browser has painted all but at most one of the frames sent (so a new one may go)."""
        return self._sent - self._ack.shown <= 1

    def show_probabilities(self, probabilities: np.ndarray) -> None:
        """Colour the map from the model's (H, W, K) class probabilities over the extent (row 0 at the bottom)."""
        self._sent += 1
        self._image.data = {"image": [encode(probabilities)], "frame": [self._sent]}

    def _tap(self, event) -> None:
        index = self._nearest(event.x, event.y)
        if index is None:
            self._picked.data = {"x": [event.x], "y": [event.y]}
            self.param.update(picked=None, clicked=(float(event.x), float(event.y)))
        else:
            self.pick(index)

    def pick(self, index: int | None) -> None:
        """Mark and select the data set's point ``index`` (as a click on it would)."""
        x, y = self._dataset.X_raw[index]
        self._picked.data = {"x": [x], "y": [y]}
        self.param.update(picked=index, clicked=(float(x), float(y)))

    def _nearest(self, x: float, y: float) -> int | None:
        """The data point nearest to (x, y), if it lies within PICK_RADIUS of the map's size."""
        if self._dataset is None:
            return None
        fig = self._figure
        scale = np.array([fig.x_range.end - fig.x_range.start, fig.y_range.end - fig.y_range.start])
        distance = np.abs((self._dataset.X_raw - [x, y]) / scale).max(axis=1)
        best = int(np.argmin(distance))
        return best if distance[best] <= PICK_RADIUS else None

    def __panel__(self):
        return self._pane


def _axis_labels(dataset: Dataset) -> tuple[str, str]:
    names = dataset.feature_names
    if tuple(names) == ("Longitude", "Latitude"):
        return "Longitude (degrees)", "Latitude (degrees)"
    return tuple(str(n) for n in names)
