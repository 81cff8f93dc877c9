"""The training tab's layout: the run controls and the configuration on the left; the status, the map, the epoch
line and curves, and one point's forward pass beside the details (confusion matrix, tensor shapes, code) on the
right. Built once, when the tab is first shown; the state and the loop are ``training_playground.py``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

import panel as pn

from softmax_explorer.components.hidden_units import HiddenUnits
from softmax_explorer.components.notice import notice, show
from softmax_explorer.components.shortcuts import Shortcuts

if TYPE_CHECKING:
    from softmax_explorer.components.training_playground import TrainingPlayground


def playground_layout(playground: TrainingPlayground) -> pn.FlexBox:
    w = pn.widgets
    play = w.Toggle(name="▶ Play", button_type="primary", value=playground.playing, width=100)
    play.link(playground, value="playing", bidirectional=True)
    playground.param.watch(lambda e: setattr(play, "name", "Pause" if e.new else "▶ Play"), "playing")
    step = w.Button(name="Step", width=70, description="Train one epoch (key s)")
    step.on_click(lambda _: playground.step())
    reset = w.Button(name="Reset", width=70, description="Back to the initial weights (key r)")
    reset.on_click(lambda _: playground.reset())
    status = notice("danger", playground.status, css_classes=["training-status"])
    message = notice("warning", css_classes=["training-problem"])
    busy = notice("info", playground.busy, css_classes=["training-busy"])

    def show_message(*_):  # the configuration's own complaint (hidden layers), or a change not applied
        show(message, playground.config.message or playground.problem)

    playground.param.watch(lambda e: show(status, e.new), "status")
    playground.param.watch(lambda e: show(busy, e.new), "busy")
    playground.param.watch(show_message, "problem")
    playground.config.param.watch(show_message, "message")
    run = pn.Column(
        pn.FlexBox(
            play,
            step,
            reset,
            playground_shortcuts(playground),
            sizing_mode="stretch_width",
            align_items="center",
        ),
        pn.FlexBox(
            *(
                w.Select.from_param(p, sizing_mode="stretch_width", styles={"flex": "1 1 28%"})
                for p in (
                    playground.param.epochs_per_frame,
                    playground.param.frames_per_second,
                    playground.param.grid,
                )
            ),
            sizing_mode="stretch_width",
        ),
        sizing_mode="stretch_width",
    )
    # The column widens with lecture mode's larger type (--se-scale), as the explorer's does.
    controls = pn.Column(
        run,
        message,
        playground.config,
        sizing_mode="stretch_width",
        margin=(0, 20, 0, 0),
        styles={"flex": "0 0 calc(390px * var(--se-scale, 1))"},
    )
    details = pn.Tabs(
        ("Confusion matrix", playground.confusion),
        ("Tensor shapes", playground.shapes),
        ("PyTorch code", playground.code),
        sizing_mode="stretch_width",
        # Only the open tab is in the page: a hidden one took its space, pushing the matrix half a screen down,
        # and the session is lighter until another is opened.
        dynamic=True,
    )
    views = pn.Column(
        status,
        busy,
        playground.map,
        playground.curves,
        inside_the_network(playground),
        pn.FlexBox(
            pn.Column(
                playground.heading,
                playground.forward,
                sizing_mode="stretch_width",
                styles={"flex": "1 1 420px"},
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


def inside_the_network(playground: TrainingPlayground) -> HiddenUnits:
    """The views inside the network, fed by the map's frames in the browser; what is open is the playground's
    ``views`` (the URL's), both ways."""
    inside = HiddenUnits(channel=playground.map.channel, views=playground.views, sizing_mode="stretch_width")

    def sync(target, event):
        if target.views != event.new:
            target.views = list(event.new)

    inside.param.watch(lambda e: sync(playground, e), "views")
    playground.param.watch(lambda e: sync(inside, e), "views")
    return inside


def playground_shortcuts(playground: TrainingPlayground) -> Shortcuts:
    keys = Shortcuts(
        margin=(5, 10),
        keys=[
            ["space", "play or pause training", "toggle"],
            ["s", "train one epoch", "step"],
            ["r", "reset the weights", "reset"],
            # The picked point's autograd graph handles these in the browser (js/autograd_graph.js).
            ["b", "autograd: backward one node", ""],
            ["Shift+B", "autograd: backward through the whole graph", ""],
        ],
    )
    keys.on("toggle", playground.toggle)
    keys.on("step", playground.step)
    keys.on("reset", playground.reset)
    return keys
