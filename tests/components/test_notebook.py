"""The components' notebook side without a notebook: the explorer's constructor, and the output watch that stops
the playground's loop (the real JupyterLab and Notebook 7 are in tests/ui/test_notebook.py)."""

from __future__ import annotations

import numpy as np
import panel as pn
import pytest
from bokeh.document import Document

from softmax_explorer.components.notebook import OutputWatch
from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.components.training_playground import TrainingPlayground
from softmax_explorer.models.softmax import softmax


def test_the_explorer_takes_logits_and_a_true_class_as_the_issue_spells_them():
    explorer = SoftmaxExplorer(logits=[1, 2, -1], target=1)
    assert explorer.logits == [1.0, 2.0, -1.0] and explorer.target == 1
    assert explorer.class_names == ["low", "medium", "high"]
    np.testing.assert_allclose(explorer.probabilities, softmax([1, 2, -1]))


def test_the_explorer_takes_an_array_and_names_classes_past_the_default_three():
    explorer = SoftmaxExplorer(logits=np.array([0.5, 1, 2, -1]), target=3)
    assert explorer.class_names == ["low", "medium", "high", "class 4"]
    assert explorer.loss == pytest.approx(-np.log(softmax([0.5, 1, 2, -1])[3]))


@pytest.mark.parametrize(
    ("logits", "message"),
    [([1], "between 2 and 10 logits"), ([1, float("nan")], "'nan' is not a number"), ([1, 2000], "outside")],
)
def test_the_explorer_refuses_logits_it_cannot_show(logits, message):
    with pytest.raises(ValueError, match=message):
        SoftmaxExplorer(logits=logits)


def test_the_explorer_refuses_a_true_class_out_of_range():
    with pytest.raises(ValueError, match="target 3 is out of range for 3 classes"):
        SoftmaxExplorer(logits=[1, 2, -1], target=3)


def render(viewable) -> str:
    """Render as a notebook output does (Panel records the view under its root's id); return that id."""
    doc = Document()
    root = viewable.get_root(doc)
    pn.state._views[root.ref["id"]] = (viewable, root, doc, None)
    return root.ref["id"]


def remove(viewable, ref: str) -> None:
    """What Panel's notebook extension does when the page says the output is gone."""
    _, root, _, _ = pn.state._views.pop(ref)
    viewable._cleanup(root)


def test_an_output_watch_says_open_before_the_first_showing_and_closed_once_every_output_has_gone():
    view, watch = pn.Column("a"), OutputWatch()
    assert watch(None) and watch(view)  # not shown yet: a loop started before the display goes on
    first, second = render(view), render(view)
    assert watch(view)
    remove(view, first)
    assert watch(view)  # the other output is still there
    remove(view, second)
    assert not watch(view)


def test_the_playground_stops_training_when_its_notebook_output_goes():
    playground = TrainingPlayground(dataset="blobs")
    ref = render(playground._layout)
    playground.playing = True
    playground._tick()
    assert playground.playing and playground.trainer.epoch > 0
    remove(playground._layout, ref)
    playground._tick()
    assert not playground.playing and playground._loop is None
