"""The softmax and cross-entropy explorer (the first tab): sliders, live views, and the warm-up's tools.

State lives in this component's parameters. The live path runs in the browser: the sliders send their values
to the views on the explorer's channel, which compute softmax with the same formulas as ``models/softmax.py``; a
change made in Python (a button, a preset, the text field, the URL) is pushed to the sliders and the views alike.
"""

from __future__ import annotations

import uuid

import numpy as np
import panel as pn
import param

from components.checkbox import labelled_checkbox
from components.logit_inputs import LogitSliders, TemperatureSlider
from components.notice import notice, show
from components.shortcuts import Shortcuts
from components.softmax_view import GradientBars, LossCurve, ProbabilityBars, Readout
from models.inputs import LOGIT_LIMIT, MAX_CLASSES, format_logits, parse_class_names, parse_logits
from models.softmax import cross_entropy, cross_entropy_grad, softmax

DEFAULT_CLASSES = ("low", "medium", "high")
DEFAULT_TARGET = 1
# Unequal, none far from the rest and the first not the largest: nothing here answers a warm-up question.
_DEFAULT_LOGITS = (0.4, 1.3, -0.6, 0.9, -1.2, 0.2, -0.3, 1.0, -0.8, 0.6)
SLIDER_BOUNDS = (10, 20, 50, 100, 200, 500, 1000)
RUN_PERIOD_MS = 80
PREDICT_FIRST = "Presets hide the results until revealed"
# Bokeh's spinner buttons have no accessible name and take a Tab stop each; the arrow keys step the field anyway.
NO_SPIN_BUTTONS = ".bk-input-group > .bk-spin-wrapper > .bk-spin-btn { display: none; }"
# Sections a URL can hide (?hide=temperature,gradient) to keep a projected slide simple.
SECTIONS = ("temperature", "gradient", "steps", "curve", "presets", "entry", "shift", "classes")

PRESETS = {
    "equal": ("All equal", lambda k: [1.5] * k),
    "bigger": ("One much bigger", lambda k: [6.0] + [1.0] * (k - 1)),
    "smaller": ("One much smaller", lambda k: [1.0] * (k - 1) + [-4.0]),
}
CHALLENGES = {
    "half": ("Challenge: half on the last class", lambda k: [round(0.5 / (k - 1), 3)] * (k - 1) + [0.5]),
    "double": (
        "Challenge: each twice the one before",
        lambda k: [round(2**i / (2**k - 1), 3) for i in range(k)],
    ),
}


def default_logits(k: int) -> list[float]:
    return list(_DEFAULT_LOGITS[:k])


def _named(names: list[str], k: int) -> list[str]:
    """The first ``k`` of ``names``, followed by new names "class 4", "class 5", ... that are not taken."""
    names = names[:k]
    free = (f"class {i}" for i in range(len(names) + 1, 3 * MAX_CLASSES) if f"class {i}" not in names)
    return names + [next(free) for _ in range(k - len(names))]


def slider_bound(logits) -> float:
    """The smallest slider range (10, 20, 50, ... 1000) that holds every logit."""
    biggest = max(abs(v) for v in logits)
    return float(next((b for b in SLIDER_BOUNDS if biggest <= b), SLIDER_BOUNDS[-1]))


class SoftmaxExplorer(pn.viewable.Viewer):
    """Logits in, probabilities, loss and gradient out: live, exact, and step by step."""

    logits = param.List(default=default_logits(3), item_type=(int, float), bounds=(2, MAX_CLASSES))
    class_names = param.List(default=list(DEFAULT_CLASSES), item_type=str, bounds=(2, MAX_CLASSES))
    target = param.Integer(
        default=DEFAULT_TARGET, bounds=(0, MAX_CLASSES - 1), doc="Index of the true class."
    )
    temperature = param.Number(default=1.0, bounds=(0.1, 10))
    lr = param.Number(default=1.0, bounds=(0.01, 10), label="Step size (learning rate)")
    steps = param.Integer(default=20, bounds=(1, 500), label="Steps to run")
    goal = param.List(default=[], item_type=(int, float), doc="Challenge: target probabilities, or [].")
    concealed = param.Boolean(default=False, doc="Results hidden until revealed (predict first).")
    predict_first = param.Boolean(default=True, label=PREDICT_FIRST)
    hide = param.ListSelector(default=[], objects=list(SECTIONS), doc="Sections not shown.")
    running = param.Boolean(default=False, constant=True, doc="Whether 'run N steps' is animating.")

    probabilities = param.Array(constant=True, doc="softmax(logits / temperature), derived.")
    loss = param.Number(constant=True, doc="Cross-entropy for the true class, derived.")
    gradient = param.Array(constant=True, doc="dL/dlogits, derived.")
    message = param.String(default="", doc="Feedback on the last text entry.")

    def __init__(self, **params):
        super().__init__(**params)
        self._check()
        self._from_browser = self._pushing = False
        self._run = None
        self._remaining = 0
        self._layout = None
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
        self._derive()

    # --- actions -------------------------------------------------------------------------------------------
    def shift(self, delta: float) -> None:
        """Add ``delta`` to every logit: the probabilities do not change."""
        self.logits = self._clip([v + delta for v in self.logits])

    def scale(self, factor: float) -> None:
        """Multiply every logit by ``factor``: the probabilities sharpen (> 1) or flatten (< 1)."""
        self.logits = self._clip([v * factor for v in self.logits])

    def reset(self) -> None:
        """Back to the default logits and T = 1, keeping the classes and the true class."""
        self.stop()
        self.param.update(logits=default_logits(len(self.logits)), temperature=1.0, goal=[], concealed=False)

    def gradient_step(self) -> None:
        """One step of gradient descent on this one example: z <- z - lr * dL/dz."""
        step = self.lr * cross_entropy_grad(self.logits, self.target, self.temperature)
        self.logits = self._clip((np.asarray(self.logits) - step).tolist())

    def run(self) -> None:
        """Take ``steps`` gradient steps, one every 80 ms, so the logits move while the loss falls; or stop."""
        if self._run is not None:
            self.stop()
            return
        self._remaining = self.steps
        self._run = pn.state.add_periodic_callback(self._tick, period=RUN_PERIOD_MS)
        with param.edit_constant(self):
            self.running = True

    def stop(self) -> None:
        if self._run is not None:
            self._run.stop()
            self._run = None
        with param.edit_constant(self):
            self.running = False

    def preset(self, name: str) -> None:
        """Load a warm-up situation (results hidden if ``predict_first``) or a challenge (with its goals)."""
        self.stop()
        k = len(self.logits)
        if name in PRESETS:
            self.param.update(
                logits=PRESETS[name][1](k), goal=[], concealed=self.predict_first, temperature=1.0
            )
        else:
            self.param.update(logits=[0.0] * k, goal=CHALLENGES[name][1](k), concealed=False, temperature=1.0)

    def reveal(self) -> None:
        self.concealed = False

    def add_class(self) -> None:
        if len(self.logits) < MAX_CLASSES:
            self._resize(_named(self.class_names, len(self.logits) + 1), [*self.logits, 0.0])

    def remove_class(self) -> None:
        if len(self.logits) > 2:
            self._resize(self.class_names[:-1], self.logits[:-1])

    def set_logits_text(self, text: str) -> None:
        """Exact entry: ``1, 2, -1`` sets the logits (and the number of classes); bad text leaves them as they are."""
        logits = self._entered(parse_logits, text)
        if logits is not None:
            self._resize(_named(self.class_names, len(logits)), logits)

    def set_class_names_text(self, text: str) -> None:
        """``cat, dog, bird`` names the classes (and sets their number); bad text leaves them as they are."""
        names = self._entered(parse_class_names, text)
        if names is not None:
            k = len(names)
            self._resize(names, (self.logits + [0.0] * k)[:k])

    def _entered(self, parse, text: str):
        """``parse(text)``, or None with the reason in ``message``."""
        try:
            value = parse(text)
        except ValueError as error:
            self.message = f"Not applied: {error}."
            return None
        self.message = ""
        return value

    # --- state ---------------------------------------------------------------------------------------------
    def _resize(self, names: list[str], logits: list[float]) -> None:
        self.param.update(
            class_names=names,
            logits=logits,
            target=min(self.target, len(logits) - 1),
            goal=[] if len(self.goal) != len(logits) else self.goal,
        )

    def _clip(self, logits) -> list[float]:
        return [float(min(max(v, -LOGIT_LIMIT), LOGIT_LIMIT)) for v in logits]

    def _tick(self) -> None:
        self.gradient_step()
        self._remaining -= 1
        if self._remaining <= 0:
            self.stop()

    def _check(self) -> None:
        if len(self.logits) != len(self.class_names):
            raise ValueError(f"{len(self.logits)} logits but {len(self.class_names)} class names")
        if self.target >= len(self.logits):
            raise ValueError(f"target {self.target} is out of range for {len(self.logits)} classes")

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

    @param.depends("logits", "class_names", "target", "temperature", "goal", "concealed", watch=True)
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
                        **({} if self._from_browser else state),
                    )
                self._bars.goal = list(self.goal) if len(self.goal) == len(self.logits) else []
        finally:
            self._pushing = False

    @param.depends("logits", "target", "temperature", watch=True)
    def _derive(self) -> None:
        with param.edit_constant(self):
            self.probabilities = softmax(self.logits, self.temperature)
            self.loss = cross_entropy(self.logits, self.target, self.temperature)
            self.gradient = cross_entropy_grad(self.logits, self.target, self.temperature)

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
        }.items():
            keys.on(action, callback)
        return keys

    def __panel__(self):
        if self._layout is None:
            self._layout = self._build_layout()
        return self._layout

    def _build_layout(self):
        def button(label, action, description, **kwargs):
            widget = pn.widgets.Button(name=label, description=description, margin=(4, 4), **kwargs)
            widget.on_click(lambda _: action())
            return widget

        def section(name, *objects, **kwargs):
            column = pn.Column(*objects, sizing_mode="stretch_width", css_classes=["se-section"], **kwargs)
            column.visible = name not in self.hide
            self.param.watch(lambda e: setattr(column, "visible", name not in e.new), "hide")
            return column

        entry = pn.widgets.TextInput(
            name="Logits, exactly (press Enter)",
            value=format_logits(self.logits),
            sizing_mode="stretch_width",
        )
        names = pn.widgets.TextInput(
            name="Class names (press Enter)", value=", ".join(self.class_names), sizing_mode="stretch_width"
        )
        entry.param.watch(lambda e: self.set_logits_text(e.new), "value")
        names.param.watch(lambda e: self.set_class_names_text(e.new), "value")
        self.param.watch(lambda e: setattr(entry, "value", format_logits(e.new)), "logits")
        self.param.watch(lambda e: setattr(names, "value", ", ".join(e.new)), "class_names")
        message = notice("warning", margin=(0, 5))
        self.param.watch(lambda e: show(message, e.new), "message")
        run = button(
            "▶ Run steps",
            self.run,
            "Take the given number of gradient steps, animated (key n)",
            button_type="primary",
        )
        self.param.watch(lambda e: setattr(run, "name", "■ Stop" if e.new else "▶ Run steps"), "running")
        predict_first = labelled_checkbox(self, "predict_first")
        reveal = button(
            "Reveal the results",
            self.reveal,
            "Show the hidden probabilities and loss (key v)",
            button_type="warning",
            visible=self.concealed,
        )
        self.param.watch(lambda e: setattr(reveal, "visible", e.new), "concealed")

        # Two bands, each a left column of controls and a right column of views: the sliders and the bars
        # share the first band, so the core interaction needs no scrolling on a projector.
        left = {
            "sizing_mode": "stretch_width",
            "margin": (0, 24, 0, 0),
            "styles": {"flex": "0 1 calc(480px * var(--se-scale, 1))", "min-width": "300px"},
        }
        right = {"sizing_mode": "stretch_width", "margin": 0, "styles": {"flex": "1 1 560px"}}
        sliders = pn.Column(
            pn.Row(
                pn.pane.HTML("<h2 class='se-heading'>Logits z</h2>", margin=(0, 5)),
                pn.layout.HSpacer(),
                self.shortcuts(),
                align="center",
                sizing_mode="stretch_width",
            ),
            self._sliders,
            section(
                "shift",
                pn.Row(
                    button("−0.5", lambda: self.shift(-0.5), "Subtract 0.5 from every logit (key <)"),
                    button("+0.5", lambda: self.shift(0.5), "Add 0.5 to every logit (key >)"),
                    button("×0.5", lambda: self.scale(0.5), "Halve every logit"),
                    button("×2", lambda: self.scale(2.0), "Double every logit"),
                    button("Reset", self.reset, "Back to the starting logits and T = 1 (key r)"),
                    sizing_mode="stretch_width",
                ),
            ),
            section("temperature", self._temperature),
            reveal,
            **left,
        )
        tools = pn.Column(
            section("entry", entry),
            message,
            section(
                "classes",
                pn.Row(
                    names,
                    button("+ class", self.add_class, "Add a class", align="end"),
                    button("− class", self.remove_class, "Remove the last class", align="end"),
                    sizing_mode="stretch_width",
                ),
            ),
            section(
                "gradient",
                pn.FlexBox(
                    pn.widgets.FloatInput.from_param(
                        self.param.lr, step=0.1, width=140, stylesheets=[NO_SPIN_BUTTONS]
                    ),
                    button("Gradient step", self.gradient_step, "z ← z − lr · ∂L/∂z (key g)"),
                    pn.widgets.IntInput.from_param(
                        self.param.steps, width=110, stylesheets=[NO_SPIN_BUTTONS]
                    ),
                    run,
                    align_items="flex-end",
                    sizing_mode="stretch_width",
                ),
            ),
            section(
                "presets",
                pn.pane.HTML("<h3 class='se-heading'>Warm-up situations</h3>", margin=(8, 5, 0, 5)),
                pn.FlexBox(
                    *(
                        button(label, lambda n=name: self.preset(n), f"Load: {label.lower()}")
                        for name, (label, _) in PRESETS.items()
                    )
                ),
                pn.FlexBox(
                    *(
                        button(
                            label,
                            lambda n=name: self.preset(n),
                            "Move the sliders until every probability is within 0.01 of its goal",
                            button_type="light",
                        )
                        for name, (label, _) in CHALLENGES.items()
                    )
                ),
                predict_first,
            ),
            **left,
        )
        # The readout's table grows with lecture mode's type, so its column's basis grows too: on a projector
        # the second band then stacks rather than cut the table's last columns off.
        details = pn.Column(
            section("steps", self._views[1]),
            section("gradient", self._views[2]),
            section("curve", self._views[3]),
            **{**right, "styles": {"flex": "1 1 calc(560px * var(--se-scale, 1))"}},
        )
        return pn.Column(
            pn.FlexBox(
                sliders, pn.Column(self._bars, **right), flex_wrap="wrap", sizing_mode="stretch_width"
            ),
            pn.FlexBox(tools, details, flex_wrap="wrap", sizing_mode="stretch_width"),
            sizing_mode="stretch_width",
            css_classes=["softmax-explorer"],
        )
