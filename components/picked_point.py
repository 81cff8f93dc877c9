"""The training tab's one point: what the map's click picked (a data point, or a place) shown as the model's
forward pass and autograd's graph, and which point that is and how far backward has gone, kept as the
playground's ``pick`` and ``backward`` (in a link: ``pick=`` and ``backward=``, app/playground_url.py).

Both ways: a click, or a backward step in the browser, sets them; setting them (a link, a notebook) picks that point
and steps backward, once checked against the data loaded and the graph shown: a ValueError, and nothing changed,
when they do not fit. A place on the map is not a point of the data: it leaves ``pick`` None and ``backward`` 0.
"""

from __future__ import annotations

import numpy as np
import panel as pn
import param

from softmax_explorer.components.assets import stylesheets
from softmax_explorer.components.decision_map import DecisionMap
from softmax_explorer.components.forward_pass import ForwardPass
from softmax_explorer.models.data import Dataset
from softmax_explorer.models.inputs import CSV_MAX_ROWS, MAX_DRAWN, MAX_LAYERS
from softmax_explorer.models.training import Trainer

# The largest data a session can hold: a CSV file's rows and the points drawn on it.
MAX_POINTS = CSV_MAX_ROWS + MAX_DRAWN
MAX_NODES = 2 * MAX_LAYERS + 4  # autograd's graph: x, then z and h a hidden layer, then logits, p and L


class PickedPoint:
    """The map's pick shown as its forward pass (``forward``, under ``heading``), with ``owner``'s ``pick`` and
    ``backward`` parameters following it and leading it."""

    def __init__(self, owner: param.Parameterized, map_: DecisionMap):
        self._owner, self._map = owner, map_
        self.forward = ForwardPass()
        self.heading = pn.pane.HTML(stylesheets=stylesheets("training"))
        self._dataset: Dataset | None = None
        self._trainer: Trainer | None = None
        self._validation: set[int] = set()  # for the picked point's label
        map_.param.watch(self._picked, ["picked", "clicked"])
        self.forward.graph.param.watch(self._follow, "revealed")
        owner.param.watch(self._asked, ["pick", "backward"])

    @property
    def graph(self):
        return self.forward.graph

    def show_data(self, dataset: Dataset, trainer: Trainer) -> None:
        """The data the points are picked from, and the trainer whose model computes their forward pass."""
        self._dataset, self._trainer = dataset, trainer
        self._validation = set(trainer.validation_indices.tolist())

    def clear(self) -> None:
        """A new data set or model: no forward pass until the next pick; of a house on Ames, else of a point."""
        is_ames = self._dataset is not None and self._dataset.source.get("dataset") == "ames"
        self.forward.param.update(logits=[], noun="house" if is_ames else "point")
        self.heading.object = f"<h3 class='se-heading'>One {self.forward.noun}, forward pass</h3>"

    def refresh(self) -> None:
        """The forward pass of what is picked, by the model as it is now (training goes on)."""
        if self._map.clicked is not None:
            self._show()

    # --- both ways: the map and the graph -> pick and backward -> the map and the graph --------------------------
    def choose(self, index: int | None) -> None:
        """Pick the data's point ``index`` (as a click on it does), or nothing (None); a ValueError, and nothing
        changed, if the data loaded have no such point."""
        if index is None:
            self._map.unpick()
            return
        noun = self.forward.noun
        if self._dataset is None:
            raise ValueError(f"there are no data to pick a {noun} from")
        size = len(self._dataset)
        if not 0 <= index < size:
            raise ValueError(
                f"there is no {noun} {index:,}: this data has {size:,} {noun}s, numbered 0 to {size - 1:,}"
            )
        self._map.pick(index)

    def step_back(self, n: int) -> None:
        """Show the gradients of ``n`` nodes of the picked point's graph, from L back (as n presses of b do).

        More nodes than the graph has are refused (a ValueError, the step left as it was), not clamped: a step
        count made for a deeper model is not this one's, and saying so beats showing another step silently. So
        is any step while no data point is picked (nothing, or a place on the map, which a link cannot carry).
        """
        noun = self.forward.noun
        if self._map.picked is None:
            if n:
                raise ValueError(f"no {noun} is picked to step backward on")
            return
        count = len(self.graph.nodes)
        if not 0 <= n <= count:
            raise ValueError(
                f"{n:,} steps, but this model's graph has {count} nodes (x to L): give 0 to {count}"
            )
        self.graph.revealed = n

    def _picked(self, *_) -> None:
        if self._map.clicked is None:
            self.forward.logits = []
        else:
            self._show()
        self._follow()

    def _follow(self, *_) -> None:
        """The owner's ``pick`` and ``backward`` as the map and the graph have them now."""
        self._owner.param.update(pick=self._map.picked, backward=self.backward_shown())

    def _asked(self, *events) -> None:
        """``pick`` or ``backward`` set from outside (a link, a notebook): the map and the graph follow, or, if
        they cannot, the parameters go back to what is shown and the ValueError is raised."""
        try:
            for event in sorted(events, key=lambda e: e.name != "pick"):  # the point first, then its steps
                if event.name == "pick" and event.new != self._map.picked:
                    self.choose(event.new)
                elif event.name == "backward" and event.new != self.backward_shown():
                    self.step_back(event.new)
        except ValueError:
            with param.discard_events(self._owner):
                self._follow()
            raise

    def backward_shown(self) -> int:
        """How many gradients the picked point's graph shows (0 when no data point is picked)."""
        return 0 if self._map.picked is None else self.graph.revealed

    def _show(self) -> None:
        data, index, trainer = self._dataset, self._map.picked, self._trainer
        point = data.X_raw[index] if index is not None else np.asarray(self._map.clicked)
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
            logits=[float(v) for v in trainer.logits(point, units="raw")],
            class_names=list(data.class_names),
            target=int(data.y[index]) if index is not None else None,
            model=trainer.model,
        )
