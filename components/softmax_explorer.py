"""The softmax and cross-entropy explorer (the first tab): its live views on its state, and its keys.

State and actions live in ``components/explorer_state.py`` (this component's parameters and methods are its);
``components/explorer_layout.py`` lays out the controls and views, ``components/warmups.py`` holds the warm-up's
situations and challenges. The live path runs in the browser: the sliders send their values to the views on the
explorer's channel, which compute softmax with the same formulas as ``models/softmax.py``; a change made in
Python (a button, a preset, the text field, the URL) is pushed to the sliders and the views alike.
"""

from __future__ import annotations

import uuid
from functools import cached_property

import panel as pn
import param

from softmax_explorer.components.explorer_layout import explorer_layout
from softmax_explorer.components.explorer_state import ExplorerState
from softmax_explorer.components.logit_inputs import LogitSliders, TemperatureSlider
from softmax_explorer.components.notebook import NotebookViewer
from softmax_explorer.components.shortcuts import Shortcuts
from softmax_explorer.components.softmax_view import GradientBars, LossCurve, ProbabilityBars, Readout

SLIDER_BOUNDS = (10, 20, 50, 100, 200, 500, 1000)
# Sections a URL can hide (?hide=temperature,gradient) to keep a projected slide simple.
SECTIONS = ("temperature", "gradient", "steps", "curve", "presets", "entry", "shift", "classes")


def slider_bound(logits) -> float:
    """The smallest slider range (10, 20, 50, ... 1000) that holds every logit."""
    biggest = max(abs(v) for v in logits)
    return float(next((b for b in SLIDER_BOUNDS if biggest <= b), SLIDER_BOUNDS[-1]))


class SoftmaxExplorer(ExplorerState, NotebookViewer):
    """Logits in, probabilities, loss and gradient out: live, exact, and step by step."""

    hide = param.ListSelector(default=[], objects=list(SECTIONS), doc="Sections not shown.")
    one_file = param.Callable(
        default=None, doc="explorer -> this explorer as one HTML file (a download button shows when set)."
    )

    def __init__(self, **params):
        super().__init__(**params)
        self._from_browser = self._pushing = False
        # In the browser, the sliders send each change to this explorer's views on its own channel (not with
        # jscallback/jslink: each costs the session a walk over every model in the document, 110 ms in all).
        common = dict(sizing_mode="stretch_width", channel=f"explorer-{uuid.uuid4().hex[:12]}")
        self._sliders = LogitSliders(**common)
        self._temperature = TemperatureSlider(**common)
        self._bars = ProbabilityBars(**common)
        self._views = [self._bars, Readout(**common), GradientBars(**common), LossCurve(**common)]
        self._sliders.param.watch(self._browser_changed, ["logits", "target"])
        self._temperature.param.watch(self._browser_changed, ["temperature"])
        self._push()

    # --- the live path: Python's changes to the sliders and views, the browser's back ----------------------
    def _browser_changed(self, *events) -> None:
        """A slider moved in the browser: the views have the value already (its channel); only record it."""
        if self._pushing:
            return
        self.stop()
        self._from_browser = True
        try:
            self.param.update({e.name: e.new for e in events})
        finally:
            self._from_browser = False

    @param.depends(
        "logits", "class_names", "target", "temperature", "goal", "concealed", "objective", watch=True
    )
    def _push(self) -> None:
        self._check()
        state = dict(logits=list(self.logits), target=self.target, temperature=self.temperature)
        self._pushing = True
        try:
            with pn.io.hold():
                self._sliders.param.update(
                    logits=state["logits"],
                    target=self.target,
                    class_names=self.class_names,
                    bound=slider_bound(self.logits),
                )
                self._temperature.temperature = self.temperature
                for view in self._views:
                    # A browser change reached the views on the channel already; pushing its (older) value
                    # back could overwrite a newer one while the slider is still moving.
                    view.param.update(
                        class_names=self.class_names,
                        concealed=self.concealed,
                        objective=self.objective,
                        **({} if self._from_browser else state),
                    )
                self._bars.goal = list(self.goal) if len(self.goal) == len(self.logits) else []
        finally:
            self._pushing = False

    # --- view ----------------------------------------------------------------------------------------------
    def shortcuts(self) -> Shortcuts:
        """The tab's keyboard shortcuts; the slider keys are handled in the browser by the sliders."""
        keys = Shortcuts(
            keys=[
                ["1 … 9, 0", "choose class 1 … 10 (focus its slider)", ""],
                ["← → ↑ ↓", "move the chosen logit by 0.1", ""],
                ["+ / -", "move the chosen logit by 0.5", ""],
                ["t", "make the chosen class the true class", ""],
                ["g", "one gradient step", "step"],
                ["n", "run (or stop) the chosen number of gradient steps", "run"],
                [">", "add 0.5 to every logit", "up"],
                ["<", "subtract 0.5 from every logit", "down"],
                ["r", "reset the logits", "reset"],
                ["e", "the loss: cross-entropy, squared error, both", "loss"],
                ["v", "reveal hidden results", "reveal"],
                ["l", "lecture mode on or off", ""],
            ]
        )
        for action, callback in {
            "step": self.gradient_step,
            "run": self.run,
            "reset": self.reset,
            "up": lambda: self.shift(0.5),
            "down": lambda: self.shift(-0.5),
            "reveal": self.reveal,
            "loss": self.next_objective,
        }.items():
            keys.on(action, callback)
        return keys

    def __panel__(self):
        return self._layout

    @cached_property
    def _layout(self):  # built when first shown, then kept
        views = dict(zip(("bars", "readout", "gradient", "curve"), self._views, strict=True))
        return explorer_layout(self, self._sliders, self._temperature, **views)
