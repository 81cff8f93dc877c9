"""The training tab: a model that trains live on a data set, with its map, curves, tensors, code and one house.

Each session has its own Trainer and its own loop (a periodic callback), which stops when its page closes or stops
reading. A frame trains ``epochs_per_frame`` epochs (or less, within the time the process's room gives it; an
epoch then goes on at the next frame), then redraws; training speed and frame rate are set independently.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Callable
from functools import cached_property

import numpy as np
import panel as pn
import param

from components import metrics
from components.assets import stylesheets
from components.code_view import CodeView
from components.decision_map import DecisionMap
from components.forward_pass import ForwardPass
from components.notice import notice, show
from components.playground_config import PlaygroundConfig
from components.room import ROOM
from components.shortcuts import Shortcuts
from components.tensor_shapes import TensorShapes
from components.training_curves import ConfusionMatrix, EpochLine, TrainingCurves
from models.codegen import script
from models.data import AMES_CSV
from models.training import Trainer

log = logging.getLogger(__name__)
# `panel serve` shows INFO only from Bokeh's own loggers; a session's end is reported beside theirs.
log.setLevel(logging.INFO)

EPOCHS_PER_FRAME = (1, 2, 5, 10, 20, 50)
FRAMES_PER_SECOND = (5, 10, 20, 30)
GRID_SIZES = (50, 100, 150, 200)
DETAILS_EVERY_S = 0.5  # the confusion matrix and the picked point's forward pass: twice a second is enough
NUMBERS_EVERY_S = 0.1  # the curves and the epoch counter
EXPLODED = 20  # a training loss this many times a uniform guess's (log K) ...
RUNAWAY_S = 5.0  # ... for this long has run away (one that overflows to NaN first is caught as divergence)
STALLED_S = 10.0  # a page that has painted no frame for this long is not being read (hidden, or gone): pause
DATA_PARAMS = ("dataset", "points", "noise", "classes", "data_seed", "standardize", "csv")
MODEL_PARAMS = ("model", "hidden", "activation", "optimizer", "lr", "batch_size", "weight_decay", "seed")


def every(period_ms: int, callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback`` every ``period_ms`` in this session; returns the function that stops it.

    In a server session this is Bokeh's own periodic callback: Panel's also raises the page's busy indicator
    around each call, which costs two messages and a spinner flicker a frame.
    """
    doc = pn.state.curdoc
    if doc is None or doc.session_context is None:  # a notebook, or a test without a server
        callback_ = pn.state.add_periodic_callback(callback, period=period_ms)
        return callback_.stop
    handle = doc.add_periodic_callback(callback, period_ms)

    def stop():
        # ValueError: already removed; AttributeError: the document is destroyed, and its callbacks with it.
        with contextlib.suppress(ValueError, AttributeError):
            doc.remove_periodic_callback(handle)

    return stop


class TrainingPlayground(pn.viewable.Viewer):
    """Train a logistic regression or an MLP live and watch its decision boundary form."""

    config = param.ClassSelector(class_=PlaygroundConfig)
    playing = param.Boolean(default=False, doc="Whether the loop is training.")
    epochs_per_frame = param.Selector(default=2, objects=list(EPOCHS_PER_FRAME), label="Epochs/frame")
    frames_per_second = param.Selector(default=30, objects=list(FRAMES_PER_SECOND), label="Frames/s")
    grid = param.Selector(default=100, objects=list(GRID_SIZES), label="Map grid")
    status = param.String(default="", doc="Why training stopped on its own, e.g. it diverged.")
    handoff = param.Dict(default=None, allow_None=True, doc="An example the student sent to the explorer.")
    problem = param.String(default="", doc="Why the last change of data or model was not applied.")
    busy = param.String(default="", doc="Whether the server has slowed this session's frames, and to what.")

    def __init__(self, dark: bool = False, **params):
        params.setdefault("config", PlaygroundConfig())
        super().__init__(**params)
        self.map = DecisionMap(dark=dark)
        self.curves = TrainingCurves(sizing_mode="stretch_width")
        self.epoch_line = EpochLine()
        self.confusion = ConfusionMatrix()
        self.shapes = TensorShapes()
        self.code = CodeView()
        self.forward = ForwardPass()
        self.heading = pn.pane.HTML(stylesheets=stylesheets("training"))
        self.frames = 0  # drawn since the session started: the loop's heartbeat, for tests and benchmarks
        self._train_ms = self._draw_ms = 0.0
        self._loop = None
        self._doc = pn.state.curdoc
        self._tick_end = self._frame_at = self._answered_at = 0.0
        self._runaway_at: float | None = None
        self._details_at = self._numbers_at = 0.0
        self.trainer: Trainer | None = None
        self.config.param.watch(self._rebuild, [*DATA_PARAMS, *MODEL_PARAMS])
        self.map.param.watch(self._picked, ["clicked"])
        self.forward.param.watch(self._hand_off, "handoff")
        if pn.state.curdoc and pn.state.curdoc.session_context:
            pn.state.on_session_destroyed(self._session_ended)
        self._rebuild()

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
            self._loop = every(round(1000 / self.frames_per_second), self._tick)

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop()
            self._loop = None
        ROOM.leave(self)
        metrics.TRAINING_PLAYING.set(ROOM.playing)

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
            self.status = (
                f"Training paused: this page painted no frame for {STALLED_S:g} s (a hidden tab or a "
                "lost connection). Press Play to go on."
            )
            return
        self.busy = ROOM.busy(self.frames_per_second)  # a message only when it changes
        self._draw(numbers=numbers, picture=self.map.ready)

    def _tick(self) -> None:
        """The loop's callback: a frame, unless the last one ended less than a third of a period ago.

        A frame that outruns its period (many epochs of a big model, a busy server) would leave no time to read
        the browser's messages, Pause among them, before the next; skipping one keeps a third of the time free.
        """
        now = time.monotonic()
        if not self._page_open():
            self.playing = False
            return
        if now - self._tick_end < 1 / (3 * self.frames_per_second):
            self._tick_end = 0.0
            return
        # When the room lowers this session's frame rate, ticks come as often as before and some are skipped.
        if now - self._frame_at < 0.95 / ROOM.frames_per_second(self.frames_per_second):
            return
        self._frame_at = now
        self.frame()
        self._tick_end = time.monotonic()

    def _page_open(self) -> bool:
        """Whether a browser is still connected to this session (a closed page's session lives on a while)."""
        context = getattr(self._doc, "session_context", None)
        session = getattr(context, "session", None)
        if session is None or session.connection_count > 0:
            return True
        log.info("training loop stopped: page closed (session %s)", context.id)
        return False

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
        with pn.io.hold():  # one batch: the curves' clearing would otherwise reach the browser after epoch 0
            self.curves.reset()
            self._draw(details=True)

    def toggle(self) -> None:
        self.playing = not self.playing

    def _draw(self, numbers: bool = True, picture: bool = True, details: bool = False) -> None:
        """Send the map (``picture``), the curves and counter (``numbers``), the confusion matrix and the picked
        point's forward pass (``details``, or twice a second with the numbers) in one message."""
        trainer = self.trainer
        if trainer.diverged_at is not None and not self.status:
            self.playing = False
            self.status = (
                f"Training diverged at epoch {trainer.diverged_at}: the loss became infinite or NaN, "
                f"so training stopped and the weights of epoch {trainer.epoch} were put back. "
                "Lower the learning rate, then press Reset."
            )
            numbers = picture = details = True
        elif self.playing and not self.status and self._ran_away():
            self.playing = False
            loss, guess = trainer.history[-1].train_loss, math.log(len(trainer.dataset.class_names))
            self.status = (
                f"Training paused at epoch {trainer.epoch}: the training loss has grown to {loss:,.0f}, more than "
                f"{EXPLODED:g} times a uniform guess's ({guess:.2f}), so it is running away rather than learning. "
                "Lower the learning rate (or the weight decay), then press Reset."
            )
            numbers = picture = details = True
        now, start = time.monotonic(), time.process_time()
        # Several changes go as one message; a lone map frame needs no holding (and skips its cost).
        with pn.io.hold() if numbers else contextlib.nullcontext():
            if picture:
                self.map.show_model(trainer, self.grid)
            if numbers:
                self._numbers_at = now
                self.curves.show(trainer.history)
                self.epoch_line.show(trainer.history[-1], (self._train_ms, self._draw_ms))
                if details or now - self._details_at >= DETAILS_EVERY_S:
                    self._details_at = now
                    self._show_details()
        # The server's cost of drawing, shown with the next numbers (for the benchmark; see BENCHMARKS.md).
        self._draw_ms = 1000 * (time.process_time() - start)
        self.frames += picture
        metrics.FRAMES_SENT.inc(picture)

    def _ran_away(self) -> bool:
        """Whether the training loss has stayed far above a uniform guess's, log K, for RUNAWAY_S without becoming
        infinite (Adam at a rate of 10, a huge weight decay): training is running away, though nothing overflowed."""
        history, k = self.trainer.history, len(self.trainer.dataset.class_names)
        if not (len(history) > 1 and history[-1].train_loss > EXPLODED * math.log(k)):
            self._runaway_at = None
            return False
        self._runaway_at = self._runaway_at or time.monotonic()
        return time.monotonic() - self._runaway_at >= RUNAWAY_S

    def _show_details(self) -> None:
        trainer = self.trainer
        self.confusion.param.update(counts=trainer.confusion(), class_names=list(trainer.dataset.class_names))
        if self.map.clicked is not None:
            self._show_forward_pass()

    # --- changes -----------------------------------------------------------------------------------------------
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
        self.trainer, self._dataset = trainer, dataset
        self._validation = set(
            trainer.validation_indices.tolist()
        )  # for the picked point's label, twice a second
        with pn.io.hold():
            self.map.show_data(dataset, trainer.train_indices, trainer.validation_indices, trainer.extent)
            self.curves.reset()
            self.shapes.shapes = [(name, list(shape)) for name, shape in trainer.shapes()]
            epochs = 1000 if trainer.config.hidden else 100
            is_ames = dataset.source.get("dataset") == "ames"
            self.code.param.update(
                code=script(trainer, epochs=epochs, data_path="ames.csv" if is_ames else None),
                data_file=str(AMES_CSV) if is_ames else "",
            )
            self.forward.param.update(logits=[], noun="house" if is_ames else "point")
            self.heading.object = f"<h3 class='se-heading'>One {self.forward.noun}, forward pass</h3>"
            self._draw(details=True)

    def _picked(self, *_):
        if self.map.clicked is None:
            self.forward.logits = []
        else:
            self._show_forward_pass()

    def _show_forward_pass(self):
        data, index = self._dataset, self.map.picked
        point = data.X_raw[index] if index is not None else np.asarray(self.map.clicked)
        part = "validation" if index in self._validation else "training"
        title = (
            f"{self.forward.noun.capitalize()} {index} ({part})"
            if index is not None
            else "A place on the map"
        )
        self.forward.param.update(
            title=title,
            feature_names=list(data.feature_names),
            inputs_raw=[float(v) for v in point],
            inputs_model=[float(v) for v in data.standardize(point)],
            logits=[float(v) for v in self.trainer.logits(point, units="raw")],
            class_names=list(data.class_names),
            target=int(data.y[index]) if index is not None else None,
        )

    def _hand_off(self, _) -> None:
        # Triggered, not only set: the same house sent twice (the explorer changed in between) must arrive twice.
        with param.discard_events(self):
            self.handoff = self.forward.example
        self.param.trigger("handoff")

    def _session_ended(self, session_context) -> None:
        self._stop_loop()  # stopped here, so that pausing draws nothing for a page that is gone
        self.playing = False
        log.info("training loop stopped: session %s ended", session_context.id)

    # --- view --------------------------------------------------------------------------------------------------
    def shortcuts(self) -> Shortcuts:
        keys = Shortcuts(
            margin=(5, 10),
            keys=[
                ["space", "play or pause training", "toggle"],
                ["s", "train one epoch", "step"],
                ["r", "reset the weights", "reset"],
            ],
        )
        keys.on("toggle", self.toggle)
        keys.on("step", self.step)
        keys.on("reset", self.reset)
        return keys

    def __panel__(self):
        return self._layout

    @cached_property
    def _layout(self):  # built when first shown, then kept
        return self._build_layout()

    def _build_layout(self):
        w = pn.widgets
        play = w.Toggle(name="▶ Play", button_type="primary", value=self.playing, width=100)
        play.link(self, value="playing", bidirectional=True)
        self.param.watch(lambda e: setattr(play, "name", "Pause" if e.new else "▶ Play"), "playing")
        step = w.Button(name="Step", width=70, description="Train one epoch (key s)")
        step.on_click(lambda _: self.step())
        reset = w.Button(name="Reset", width=70, description="Back to the initial weights (key r)")
        reset.on_click(lambda _: self.reset())
        status = notice("danger", self.status, css_classes=["training-status"])
        message = notice("warning", css_classes=["training-problem"])
        busy = notice("info", self.busy, css_classes=["training-busy"])

        def show_message(*_):  # the configuration's own complaint (hidden layers), or a change not applied
            show(message, self.config.message or self.problem)

        self.param.watch(lambda e: show(status, e.new), "status")
        self.param.watch(lambda e: show(busy, e.new), "busy")
        self.param.watch(show_message, "problem")
        self.config.param.watch(show_message, "message")
        run = pn.Column(
            pn.FlexBox(
                play, step, reset, self.shortcuts(), sizing_mode="stretch_width", align_items="center"
            ),
            pn.FlexBox(
                *(
                    w.Select.from_param(p, sizing_mode="stretch_width", styles={"flex": "1 1 28%"})
                    for p in (self.param.epochs_per_frame, self.param.frames_per_second, self.param.grid)
                ),
                sizing_mode="stretch_width",
            ),
            sizing_mode="stretch_width",
        )
        # The column widens with lecture mode's larger type (--se-scale), as the explorer's does.
        controls = pn.Column(
            run,
            message,
            self.config,
            sizing_mode="stretch_width",
            margin=(0, 20, 0, 0),
            styles={"flex": "0 0 calc(390px * var(--se-scale, 1))"},
        )
        details = pn.Tabs(
            ("Confusion matrix", self.confusion),
            ("Tensor shapes", self.shapes),
            ("PyTorch code", self.code),
            sizing_mode="stretch_width",
        )
        views = pn.Column(
            status,
            busy,
            self.epoch_line,
            self.map,
            self.curves,
            pn.FlexBox(
                pn.Column(
                    self.heading, self.forward, sizing_mode="stretch_width", styles={"flex": "1 1 420px"}
                ),
                pn.Column(details, sizing_mode="stretch_width", styles={"flex": "1 1 420px"}),
                flex_wrap="wrap",
                sizing_mode="stretch_width",
            ),
            sizing_mode="stretch_width",
            styles={"flex": "1 1 600px"},
        )
        return pn.FlexBox(
            controls,
            views,
            flex_wrap="wrap",
            sizing_mode="stretch_width",
            css_classes=["training-playground"],
        )
