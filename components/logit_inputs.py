"""The explorer's browser-side inputs: the logit sliders (with the true class) and the temperature slider.

They are the only sources of live state in the browser: their modules send every change to the views on their
``channel`` (``js/lib/channel.js``), so a drag repaints every view in the same frame, and Panel syncs the values
to Python for the URL and the core.
"""

from __future__ import annotations

import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, stylesheets

CHANNEL_DOC = "The views with this channel get every change in the browser at once ('': none)."


class LogitSliders(JSComponent):
    """One slider per class for its logit, and a radio button to choose the true class."""

    logits = param.List(default=[0.0, 0.0, 0.0], item_type=(int, float))
    target = param.Integer(default=0, bounds=(0, None))
    class_names = param.List(default=["low", "medium", "high"], item_type=str)
    bound = param.Number(default=10.0, bounds=(1, None), doc="The sliders run from -bound to +bound.")
    channel = param.String(default="", doc=CHANNEL_DOC)

    _esm = esm("logit_sliders")
    _stylesheets = stylesheets("logit_sliders")


class TemperatureSlider(JSComponent):
    """A temperature T from 0.1 to 10 on a log scale."""

    temperature = param.Number(default=1.0, bounds=(0.1, 10))
    channel = param.String(default="", doc=CHANNEL_DOC)

    _esm = esm("temperature_slider")
    _stylesheets = stylesheets("temperature_slider")
