"""The training tab: a model that trains live on a data set, with its map, curves, tensors, code and one house.

Each session has its own Trainer and its own loop (a periodic callback, session_loop.py), which stops when its page
closes or stops reading. A frame trains ``epochs_per_frame`` epochs (or less, within the time the process's room
gives it; an epoch then goes on at the next frame), then redraws; training speed and frame rate are set
independently. The point picked on the map, its forward pass and autograd's graph: picked_point.py.
"""

from __future__ import annotations

import time
from functools import cached_property

import panel as pn
import param
from torch import nn

from softmax_explorer.components import metrics
from softmax_explorer.components.code_view import CodeView
from softmax_explorer.components.decision_map import DecisionMap
from softmax_explorer.components.notebook import NotebookViewer
from softmax_explorer.components.notebook_data import playground_params
from softmax_explorer.components.picked_point import MAX_NODES, MAX_POINTS, PickedPoint
from softmax_explorer.components.playground_config import MODEL_PARAMS, PlaygroundConfig
from softmax_explorer.components.playground_layout import playground_layout
from softmax_explorer.components.room import ROOM
from softmax_explorer.components.session_loop import SessionLoop
from softmax_explorer.components.tensor_shapes import TensorShapes
from softmax_explorer.components.training_curves import ConfusionMatrix, TrainingCurves
from softmax_explorer.components.training_status import STALLED_S, Runaway, diverged, stalled
from softmax_explorer.models.codegen import script
from softmax_explorer.models.data import AMES_CSV
from softmax_explorer.models.training import Trainer

EPOCHS_PER_FRAME = (1, 2, 5, 10, 20, 50)
FRAMES_PER_SECOND = (5, 10, 20, 30)
GRID_SIZES = (50, 100, 150, 200)
DETAILS_EVERY_S = 0.5  # the confusion matrix and the picked point's forward pass: twice a second is enough
NUMBERS_EVERY_S = 0.1  # the curves and the epoch counter
DATA_PARAMS = ("dataset", "points", "noise", "classes", "data_seed", "standardize", "csv", "drawn")


class TrainingPlayground(SessionLoop, NotebookViewer):
    """Train a logistic regression or an MLP live and watch its decision boundary form (in a notebook, on your
    data too: ``TrainingPlayground(data=(X, y), class_names=[...], model="mlp")``, see notebook_data)."""

    config = param.ClassSelector(class_=PlaygroundConfig)
    playing = param.Boolean(default=False, doc="Whether the loop is training.")
    epochs_per_frame = param.Selector(default=2, objects=list(EPOCHS_PER_FRAME), label="Epochs/frame")
    frames_per_second = param.Selector(default=30, objects=list(FRAMES_PER_SECOND), label="Frames/s")
    grid = param.Selector(default=100, objects=list(GRID_SIZES), label="Map grid")
    status = param.String(default="", doc="Why training stopped on its own, e.g. it diverged.")
    handoff = param.Dict(default=None, allow_None=True, doc="An example the student sent to the explorer.")
    problem = param.String(default="", doc="Why the last change of data or model was not applied.")
    busy = param.String(default="", doc="Whether the server has slowed this session's frames, and to what.")
    views = param.List(default=[], item_type=str, doc="What is open inside the network (hidden_units.py).")
    # The map's pick and the backward steps on it, both ways (picked_point.py): a bad value raises ValueError.
    pick = param.Integer(
        default=None, allow_None=True, bounds=(0, MAX_POINTS - 1), doc="The data point picked, or None."
    )
    backward = param.Integer(
        default=0, bounds=(0, MAX_NODES), doc="How many of its graph's nodes, from L back, show dL/d(node)."
    )

    def __init__(self, dark: bool = False, data=None, class_names=None, **params):
        pick, backward = params.pop("pick", None), params.pop("backward", 0)  # once the data are in
        params = playground_params(params, data, class_names)
        params.setdefault("config", PlaygroundConfig())
        super().__init__(**params)
        self.map = DecisionMap(dark=dark)
        self.curves = TrainingCurves(sizing_mode="stretch_width")
        self.confusion = ConfusionMatrix()
        self.shapes = TensorShapes()
        self.code = CodeView()
        self.point = PickedPoint(self, self.map)
        self.forward, self.heading = self.point.forward, self.point.heading
        self.frames = 0  # drawn since the session started: the loop's heartbeat, for tests and benchmarks
        self._train_ms = self._draw_ms = 0.0
        self._start_session()  # the loop's state, and the end of this session (session_loop.py)
        self._answered_at = 0.0
        self._runaway = Runaway()
        self._details_at = self._numbers_at = 0.0
        self.trainer: Trainer | None = None
        # After the configuration's own rules (it forgets the points drawn when the data change).
        self.config.param.watch(self._changed, [*DATA_PARAMS, *MODEL_PARAMS], precedence=1)
        self.map.param.watch(lambda e: setattr(self.config, "drawn", e.new), "drawn")
        self.forward.param.watch(self._hand_off, "handoff")
        self._rebuild()
        self.param.update(pick=pick)
        self.param.update(backward=backward)

    # --- the run -----------------------------------------------------------------------------------------------
    @param.depends("playing", "frames_per_second", watch=True)
    def _run_loop(self):
        if self._loop is not None:
            self._stop_loop()
            if not self.playing:
                self.trainer.record()  # frames and numbers are skipped in between: show where training stopped
                self._draw(details=True)
        if self.playing:
            self.status = ""
            self._answered_at = time.monotonic()
            ROOM.join(self)
            metrics.TRAINING_PLAYING.set(ROOM.playing)
            self._start_ticks(ROOM.frames_per_second(self.frames_per_second))

    def frame(self) -> None:
        """One tick of the loop: train ``epochs_per_frame`` epochs, then draw what is due.

        Training does not wait for the browser (the speed is the speed), but a map frame is only sent while few
        enough are unpainted, so a slow browser never builds up a backlog; the numbers (evaluated on both parts)
        are computed and sent ten times a second.
        """
        now = time.monotonic()
        numbers = now - self._numbers_at >= NUMBERS_EVERY_S
        fps = ROOM.frames_per_second(self.frames_per_second)
        start = time.process_time()
        self.trainer.step(self.epochs_per_frame, record=numbers, budget=ROOM.budget(fps))
        self._train_ms = 1000 * (time.process_time() - start)
        metrics.TRAINING_CPU.inc(self._train_ms / 1000)
        if self.map.ready:
            self._answered_at = now
        elif now - self._answered_at > STALLED_S:
            self.playing = False
            self.status = stalled()
            return
        self.busy = ROOM.busy(self.frames_per_second)  # a message only when it changes
        self._draw(numbers=numbers, picture=self.map.ready)

    def step(self) -> None:
        """One epoch, then draw (the step button)."""
        self.playing = False
        self.trainer.step(1)
        self._draw(details=True)

    def reset(self) -> None:
        """Back to the seeded initial weights, epoch 0 (the reset button)."""
        self.playing = False
        self.status = ""
        self.trainer.reset()
        self._draw(details=True)  # the curves see a history that is not the one they showed: they start again

    @property
    def model(self) -> nn.Module:
        """The model being trained (this playground's own, not a copy), on inputs standardised as
        ``trainer.dataset.standardize(X)`` does."""
        return self.trainer.model

    def toggle(self) -> None:
        self.playing = not self.playing

    def _draw(self, numbers: bool = True, picture: bool = True, details: bool = False) -> None:
        """Send the map (``picture``), the curves and the epoch line (``numbers``), the confusion matrix and the
        picked point's forward pass (``details``, or twice a second with the numbers)."""
        trainer = self.trainer
        stop = "" if self.status else diverged(trainer) or (self.playing and self._runaway.check(trainer))
        if stop:
            self.playing = False
            self.status = stop
            numbers = picture = details = True
        now, start = time.monotonic(), time.process_time()
        # The map's frame and the numbers are messages; the details are parameter changes, sent as one batch.
        if picture:
            self.map.show_model(trainer, self.grid)
        if numbers:
            self._numbers_at = now
            self.curves.show(trainer.history, (self._train_ms, self._draw_ms))
            if details or now - self._details_at >= DETAILS_EVERY_S:
                self._details_at = now
                with pn.io.hold():
                    self._show_details()
        # The server's cost of drawing, shown with the next numbers (for the benchmark; see BENCHMARKS.md).
        self._draw_ms = 1000 * (time.process_time() - start)
        self.frames += picture
        metrics.FRAMES_SENT.inc(picture)

    def _show_details(self) -> None:
        trainer = self.trainer
        self.confusion.param.update(counts=trainer.confusion(), class_names=list(trainer.dataset.class_names))
        self.point.refresh()

    # --- changes -----------------------------------------------------------------------------------------------
    def _changed(self, *events):
        if {e.name for e in events} == {"drawn"} and self.trainer is not None:
            self._take_drawn()
        else:
            self._rebuild()

    def _take_drawn(self) -> None:
        """Points were drawn (or taken back): they join training at once. The model keeps its weights and its
        optimizer and goes on learning, now from them too (as in ConvNetJS), rather than starting again: the
        student sees the boundary bend to take a new point in. Reset starts again from the seed, with them."""
        try:
            dataset = self.config.build_dataset()
            self.trainer.set_data(dataset)
        except ValueError as error:
            self.problem = f"Points not drawn: {error}."
            self.map.drawn = list(self._drawn)  # back to the points the model trains on
            return
        self.problem = ""
        with pn.io.hold():
            self._show_data(dataset)
            self.map.show_points(dataset, self.trainer.validation_indices)
            self._draw(details=True)

    def _show_data(self, dataset) -> None:
        """What follows from the data set and the model: the points' parts, the shapes, the code, the heading."""
        trainer = self.trainer
        self.point.show_data(dataset, trainer)
        self._drawn = list(self.config.drawn)
        self.map.drawn = self._drawn
        self.shapes.param.update(
            shapes=[(name, list(shape)) for name, shape in trainer.shapes()],
            activation=trainer.config.activation,
        )
        self.curves.loss = trainer.config.loss
        epochs = 1000 if trainer.config.hidden else 100
        is_ames = dataset.source.get("dataset") == "ames"
        self.code.param.update(
            code=script(trainer, epochs=epochs, data_path="ames.csv" if is_ames else None),
            data_file=str(AMES_CSV) if is_ames else "",
        )

    def _rebuild(self, *_):
        """A new Trainer for the configuration's data and model: both valid and taken together, or neither."""
        try:
            dataset = self.config.build_dataset()
        except ValueError as error:
            self.problem = f"Data not changed: {error}."
            return
        try:
            trainer = Trainer(dataset, self.config.build_config())
        except ValueError as error:
            self.problem = f"Model not changed: {error}."
            return
        self.problem = ""
        self.playing = False
        self.status = ""
        self.trainer = trainer
        with pn.io.hold():
            self._show_data(dataset)
            self.map.show_data(dataset, trainer.train_indices, trainer.validation_indices, trainer.extent)
            if dataset.source.get("dataset") == "drawn":
                self.map.drawing = True  # a fresh drawing: clicks draw from the start
            self.point.clear()
            self._draw(details=True)

    def _hand_off(self, _) -> None:
        # Triggered, not only set: the same house sent twice (the explorer changed in between) must arrive twice.
        with param.discard_events(self):
            self.handoff = self.forward.example
        self.param.trigger("handoff")

    def adopt(self, dark: bool, playing: bool = False) -> None:
        """Go on in the current session, drawn for the ``dark`` theme or not (the page it was made for reloaded
        in the other theme: app/carry_over.py), training again if ``playing``: data, model, curves and the
        picked point are the same."""
        self._stop_loop()
        self.playing = False
        self._follow_session()
        self.map.dark = dark
        self.playing = playing

    # --- view --------------------------------------------------------------------------------------------------
    def __panel__(self):
        return self._layout

    @cached_property
    def _layout(self):  # built when first shown, then kept
        return playground_layout(self)
