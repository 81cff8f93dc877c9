"""The explorer's state and its actions (the first tab), without its views: the parameters a link sets and the
views show, the values derived from them, and what every button, key and text field does to them.

``components/softmax_explorer.py`` puts the live views on this state (the sliders, the bars, the curves) and
lays them out; ``components/warmups.py`` holds the situations and challenges :meth:`ExplorerState.preset` loads.
The derived values use ``models/softmax.py``, the text fields ``models/inputs.py``'s readers. The one-file
explorer repeats these actions in the browser (``components/js/standalone/state.js``, checked against them).
"""

from __future__ import annotations

import numpy as np
import panel as pn
import param

from softmax_explorer.components.softmax_view import OBJECTIVES
from softmax_explorer.components.warmups import CHALLENGES, LARGEST, PRESETS
from softmax_explorer.models.inputs import (
    LOGIT_LIMIT,
    MAX_CLASSES,
    format_logits,
    parse_class_names,
    parse_logits,
)
from softmax_explorer.models.softmax import (
    cross_entropy,
    cross_entropy_grad,
    softmax,
    squared_error,
    squared_error_grad,
)

DEFAULT_CLASSES = ("low", "medium", "high")
DEFAULT_TARGET = 1
# Unequal, none far from the rest and the first not the largest: nothing here answers a warm-up question.
_DEFAULT_LOGITS = (0.4, 1.3, -0.6, 0.9, -1.2, 0.2, -0.3, 1.0, -0.8, 0.6)
RUN_PERIOD_MS = 80
PREDICT_FIRST = "Presets hide the results until revealed"


def default_logits(k: int) -> list[float]:
    return list(_DEFAULT_LOGITS[:k])


def _named(names: list[str], k: int) -> list[str]:
    """The first ``k`` of ``names``, followed by new names "class 4", "class 5", ... that are not taken."""
    names = names[:k]
    free = (f"class {i}" for i in range(len(names) + 1, 3 * MAX_CLASSES) if f"class {i}" not in names)
    return names + [next(free) for _ in range(k - len(names))]


class ExplorerState(param.Parameterized):
    """The explorer's logits, classes, true class and settings, what follows from them, and its actions."""

    logits = param.List(default=default_logits(3), item_type=(int, float), bounds=(2, MAX_CLASSES))
    class_names = param.List(default=list(DEFAULT_CLASSES), item_type=str, bounds=(2, MAX_CLASSES))
    target = param.Integer(
        default=DEFAULT_TARGET, bounds=(0, MAX_CLASSES - 1), doc="Index of the true class."
    )
    temperature = param.Number(default=1.0, bounds=(0.1, 10))
    objective = param.Selector(
        default="cross_entropy",
        objects=list(OBJECTIVES),
        label="Loss",
        doc="The loss the views show and the gradient steps take (both: cross-entropy's steps, both shown).",
    )
    lr = param.Number(default=1.0, bounds=(0.01, 10), label="Step size (learning rate)")
    steps = param.Integer(default=20, bounds=(1, 500), label="Steps to run")
    goal = param.List(default=[], item_type=(int, float), doc="Challenge: target probabilities, or [].")
    largest = param.Boolean(
        default=False, doc="Challenge: the true class's p as large as bounded logits allow."
    )
    concealed = param.Boolean(default=False, doc="Results hidden until revealed (predict first).")
    predict_first = param.Boolean(default=True, label=PREDICT_FIRST)
    running = param.Boolean(default=False, constant=True, doc="Whether 'run N steps' is animating.")

    probabilities = param.Array(constant=True, doc="softmax(logits / temperature), derived.")
    loss = param.Number(constant=True, doc="Cross-entropy for the true class, derived.")
    gradient = param.Array(constant=True, doc="dL/dlogits, derived.")
    squared_error = param.Number(constant=True, doc="mean_k (p_k - onehot_k)^2 (nn.MSELoss() on p), derived.")
    squared_gradient = param.Array(constant=True, doc="d squared_error / dlogits, derived.")
    message = param.String(default="", doc="Feedback on the last text entry.")

    def __init__(self, **params):
        if "logits" in params:  # SoftmaxExplorer(logits=[1, 2, -1]), or an array: classes named to match
            params["logits"] = parse_logits(",".join(repr(float(v)) for v in params["logits"]))
            params.setdefault("class_names", _named(list(DEFAULT_CLASSES), len(params["logits"])))
        super().__init__(**params)
        self._check()
        self._run = None
        self._remaining = 0
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
        self.param.update(
            logits=default_logits(len(self.logits)), temperature=1.0, goal=[], largest=False, concealed=False
        )

    def gradient_step(self) -> None:
        """One step of gradient descent on this one example: z <- z - lr * dL/dz, L the objective's loss
        (cross-entropy unless it is squared error alone)."""
        grad = squared_error_grad if self.objective == "squared_error" else cross_entropy_grad
        step = self.lr * grad(self.logits, self.target, self.temperature)
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
                logits=PRESETS[name][1](k),
                goal=[],
                largest=False,
                concealed=self.predict_first,
                temperature=1.0,
            )
        else:
            goal = [] if name == LARGEST else CHALLENGES[name][1](k)
            self.param.update(
                logits=[0.0] * k, goal=goal, largest=name == LARGEST, concealed=False, temperature=1.0
            )

    def next_objective(self) -> None:
        """The next loss choice: cross-entropy, squared error, both, and round again."""
        choices = list(OBJECTIVES)
        self.objective = choices[(choices.index(self.objective) + 1) % len(choices)]

    def reveal(self) -> None:
        self.concealed = False

    def add_class(self) -> None:
        if len(self.logits) < MAX_CLASSES:
            self._resize(_named(self.class_names, len(self.logits) + 1), [*self.logits, 0.0])

    def remove_class(self) -> None:
        if len(self.logits) > 2:
            self._resize(self.class_names[:-1], self.logits[:-1])

    def set_logits_text(self, text: str) -> None:
        """Exact entry: ``1, 2, -1`` sets the logits (and the number of classes); bad text leaves them as they are,
        and so does text that reads as the logits already are (the field shows them to the display precision, and
        a rounded copy must not replace the full values)."""
        logits = self._entered(parse_logits, text)
        if logits is not None and format_logits(logits) != format_logits(self.logits):
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

    @param.depends("logits", "target", "temperature", watch=True)
    def _derive(self) -> None:
        with param.edit_constant(self):
            self.probabilities = softmax(self.logits, self.temperature)
            self.loss = cross_entropy(self.logits, self.target, self.temperature)
            self.gradient = cross_entropy_grad(self.logits, self.target, self.temperature)
            self.squared_error = squared_error(self.logits, self.target, self.temperature)
            self.squared_gradient = squared_error_grad(self.logits, self.target, self.temperature)
