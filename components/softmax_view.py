"""The base of the explorer's browser-side views: each computes softmax in the browser from its parameters.

Why in the browser: a Panel round trip holds a browser change for 50 ms, far over one frame. So the views run
``js/softmax.js`` (the same formulas as ``models/softmax.py``, checked against it by the browser tests) and take
the sliders' values on their ``channel`` in the browser too (``js/lib/channel.js``), keeping them in their own
copy: the drag sends the server nothing more. Python stays the source of truth for state and the URL.
"""

from __future__ import annotations

import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, stylesheets

# The losses the views can show (the explorer's choice), with their labels.
OBJECTIVES = {"cross_entropy": "Cross-entropy", "squared_error": "Squared error", "both": "Both"}


class SoftmaxView(JSComponent):
    """Logits, the true class and a temperature: what every view of one softmax example renders from."""

    logits = param.List(default=[0.0, 0.0, 0.0], item_type=(int, float), doc="The logits z, one per class.")
    target = param.Integer(default=0, bounds=(0, None), doc="Index of the true class.")
    temperature = param.Number(default=1.0, bounds=(0, None), inclusive_bounds=(False, True))
    class_names = param.List(default=["low", "medium", "high"], item_type=str)
    concealed = param.Boolean(default=False, doc="Hide the results so that students predict them first.")
    objective = param.Selector(
        default="cross_entropy",
        objects=list(OBJECTIVES),
        doc="The loss shown: cross-entropy, squared error of the probabilities, or both side by side.",
    )
    channel = param.String(
        default="",
        doc="Take logits, target and temperature from the sliders with this "
        "channel, in the browser, as well as from Python ('': from Python only).",
    )

    __abstract = True


class ProbabilityBars(SoftmaxView):
    """Bars of softmax probabilities, one per class, the true class marked, with optional challenge goals."""

    goal = param.List(default=[], item_type=(int, float), doc="Target probabilities of a challenge, or [].")

    _esm = esm("probability_bars")
    _stylesheets = stylesheets("probability_bars")


class Readout(SoftmaxView):
    """The numbers step by step as an HTML table: z, exp, the stable shift, p, -log p, the losses (cross-entropy and
    squared error), the accuracy; comparing losses, both gradients."""

    _esm = esm("readout")
    _stylesheets = stylesheets("readout")


class GradientBars(SoftmaxView):
    """dL/dz, one bar per class, coloured by sign: cross-entropy's (p - onehot(y)) / T, squared error's, or both."""

    _esm = esm("gradient_bars")
    _stylesheets = stylesheets("gradient_bars")


class LossCurve(SoftmaxView):
    """The loss (cross-entropy, squared error or both) as a function of the true class's logit, the others held,
    with the current point marked."""

    _esm = esm("loss_curve")
    _stylesheets = stylesheets("loss_curve")
