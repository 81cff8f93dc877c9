"""One house's forward pass: its coordinates, the inputs the model sees, the logits, softmax and the loss.

The same views as the explorer tab show it (bars, the step-by-step table, dL/dlogits), so a student sees that
the network's output for one house is exactly the first tab's logits -> softmax -> cross-entropy; a button
sends those logits there. Below, the same pass as autograd's graph, x to the loss, with each node's gradient
stepping backward (components/autograd_graph.py), from the model itself.
"""

from __future__ import annotations

import html

import numpy as np
import panel as pn
import param
from panel.custom import JSComponent

from softmax_explorer.components.assets import esm, html_div, stylesheets
from softmax_explorer.components.autograd_graph import AutogradGraph
from softmax_explorer.components.softmax_view import GradientBars, ProbabilityBars, Readout
from softmax_explorer.models.autograd import graph
from softmax_explorer.models.inputs import LOGIT_LIMIT


class HandOffButton(JSComponent):
    """A button that brings the page back to its top (where the explorer begins), then counts a click."""

    label = param.String(default="Open these logits in the explorer")
    description = param.String(default="Explore these logits, softmax and loss in the first tab")
    clicks = param.Integer(default=0, doc="How often it was pressed (set by the browser).")

    _esm = esm("handoff_button")
    _stylesheets = stylesheets("handoff_button")


class ForwardPass(pn.viewable.Viewer):
    """The model's computation for one point; ``handoff`` fires when the student asks to explore it."""

    title = param.String(default="", doc="What the point is, e.g. 'House 120 (validation)'.")
    feature_names = param.List(default=["x1", "x2"], item_type=str)
    inputs_raw = param.List(default=[], doc="The point in the data's units.")
    inputs_model = param.List(default=[], doc="The point as the model sees it (standardised or not).")
    logits = param.List(default=[], item_type=(int, float))
    class_names = param.List(default=[], item_type=str)
    target = param.Integer(
        default=None, allow_None=True, doc="The true class, or None for a place on the map."
    )
    handoff = param.Event(doc="The student asked to open these logits in the explorer.")
    noun = param.String(default="house", doc="What a data point is: a house on the Ames map, else a point.")
    model = param.Parameter(default=None, doc="The torch model that made the logits, for autograd's graph.")

    def __init__(self, **params):
        super().__init__(**params)
        self._summary = html_div("training")  # updated twice a second while training
        self._bars = ProbabilityBars(sizing_mode="stretch_width")
        self._readout = Readout(sizing_mode="stretch_width")
        self._gradient = GradientBars(sizing_mode="stretch_width")
        # A button of our own, not Panel's: the page must scroll to its top in the browser, before the tab
        # changes, and a js_on_click would cost the session a walk over every model in the document.
        self._open = HandOffButton()
        self._open.param.watch(lambda _: self.param.trigger("handoff"), "clicks")
        self._summary_pane = pn.pane.Bokeh(self._summary, sizing_mode="stretch_width")
        self._empty = pn.pane.HTML(stylesheets=stylesheets("training"))
        self._graph_title = pn.pane.HTML(stylesheets=stylesheets("training"))
        self.graph = AutogradGraph(sizing_mode="stretch_width")
        self._graphed = None  # the point and class the graph shows: another one starts it at the forward pass
        self._update()

    @property
    def example(self) -> dict:
        """The logits (clipped to the explorer's range), true class and class names, for the explorer."""
        return {
            "logits": [float(np.clip(v, -LOGIT_LIMIT, LOGIT_LIMIT)) for v in self.logits],
            "target": self._shown_target(),
            "class_names": list(self.class_names),
        }

    def _shown_target(self) -> int:
        # A place on the map has no true class: show the loss as if the predicted class were the true one.
        return self.target if self.target is not None else int(np.argmax(self.logits))

    @param.depends(
        "logits", "target", "class_names", "inputs_raw", "inputs_model", "title", "noun", "model", watch=True
    )
    def _update(self):
        shown = bool(self.logits)
        self._graph_title.visible = self.graph.visible = shown and self.model is not None
        self._empty.object = (
            f"<p class='se-hint'>Click a {html.escape(self.noun)} (or any place) on the map to see the "
            "model's forward pass for it.</p>"
        )
        for view in (self._summary_pane, self._bars, self._readout, self._gradient, self._open):
            view.visible = shown
        self._empty.visible = not shown
        if not shown:
            return
        state = {
            "logits": [float(v) for v in self.logits],
            "target": self._shown_target(),
            "class_names": list(self.class_names),
            "temperature": 1.0,
        }
        with pn.io.hold():
            for view in (self._bars, self._readout, self._gradient):
                view.param.update(**state)
            self._summary.text = self._describe()
            if self.model is not None:
                self._show_graph()

    def _show_graph(self) -> None:
        point = (self.title, tuple(self.inputs_model), self._shown_target())
        self.graph.show(
            graph(self.model, self.inputs_model, self._shown_target()),
            self.class_names,
            restart=point != self._graphed,
        )
        self._graphed = point
        self._graph_title.object = (
            f"<h3 class='se-heading'>Autograd on this {html.escape(self.noun)}</h3><p class='se-note'>"
            "The same forward pass as torch's graph: each node's value, and dL/d(node) as "
            "<code>loss.backward()</code> computes it, one node at a time from the loss back.</p>"
        )

    def _describe(self) -> str:
        names = [html.escape(n) for n in self.feature_names]
        rows = "".join(
            f"<tr><th scope='row'>{name}</th><td>{raw:.6g}</td><td>{seen:.4f}</td></tr>"
            for name, raw, seen in zip(names, self.inputs_raw, self.inputs_model, strict=True)
        )
        if self.target is None:
            truth = (
                f"<p class='se-note'>A place, not a {html.escape(self.noun)}: it has no true class, so the loss and gradient "
                "below are shown as if the predicted class were the true one.</p>"
            )
        else:
            truth = f"<p>True class: <b>{html.escape(self.class_names[self.target])}</b></p>"
        return (
            f"<h3 class='se-title'>{html.escape(self.title)}</h3>"
            f"<table class='se-inputs'><thead><tr><th></th><th>as in the data</th><th>as the model sees it "
            f"(x)</th></tr></thead><tbody>{rows}</tbody></table>{truth}"
            f"<p>logits = model(x) = [{', '.join(f'{v:.4f}' for v in self.logits)}]</p>"
        )

    def __panel__(self):
        return pn.Column(
            self._empty,
            self._summary_pane,
            self._bars,
            self._readout,
            self._gradient,
            self._open,
            self._graph_title,
            self.graph,
            sizing_mode="stretch_width",
        )
