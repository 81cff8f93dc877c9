"""The explorer's views on its state in Python (no browser): the sliders' range, the keys, the exact-entry field, and
the live path from the sliders to the views on their own channel."""

from __future__ import annotations

import numpy as np
import panel as pn
import pytest

from softmax_explorer.components.softmax_explorer import SoftmaxExplorer, slider_bound
from softmax_explorer.models.softmax import cross_entropy_grad

Z = [1.0, 2.0, -1.0]


def explorer(**params) -> SoftmaxExplorer:
    return SoftmaxExplorer(
        **{"logits": list(Z), "class_names": ["low", "medium", "high"], "target": 1, **params}
    )


@pytest.mark.parametrize(
    ("logits", "bound"), [([1, -9.5], 10), ([10.5, 0], 20), ([0, -37.5], 50), ([1000, 0], 1000)]
)
def test_slider_range_is_the_smallest_that_holds_every_logit(logits, bound):
    assert slider_bound(logits) == bound


@pytest.mark.parametrize(
    ("action", "logits"),
    [
        ("step", (np.array(Z) - cross_entropy_grad(Z, 1)).tolist()),
        ("up", [1.5, 2.5, -0.5]),
        ("down", [0.5, 1.5, -1.5]),
        ("reset", [0.4, 1.3, -0.6]),
    ],
)
def test_shortcut_actions_run_the_explorer_actions(action, logits):
    e = explorer()
    e.shortcuts().press(action)
    assert e.logits == logits


def test_shortcut_help_lists_every_key():
    keys = [row[0] for row in explorer().shortcuts().keys]
    assert keys == ["1 … 9, 0", "← → ↑ ↓", "+ / -", "t", "g", "n", ">", "<", "r", "e", "v", "l"]


def logits_field(e: SoftmaxExplorer) -> pn.widgets.TextInput:
    """The exact-entry field of the explorer's layout."""
    return next(w for w in e.__panel__().select(pn.widgets.TextInput) if w.name.startswith("Logits"))


def test_the_field_shows_plus_half_on_minus_0_6_as_minus_0_1_and_the_logit_keeps_every_digit():
    e = explorer(logits=[0.4, 1.3, -0.6])
    field = logits_field(e)
    e.shift(0.5)
    assert field.value == "0.9, 1.8, -0.1"
    assert e.logits == [
        0.4 + 0.5,
        1.3 + 0.5,
        -0.6 + 0.5,
    ]  # -0.09999999999999998: the field's echo changed nothing


def test_after_a_gradient_step_or_a_hand_off_the_field_holds_short_numbers_and_the_logits_full_ones():
    e = explorer()
    field = logits_field(e)
    e.gradient_step()
    assert e.logits == (np.array(Z) - cross_entropy_grad(Z, 1)).tolist()
    assert field.value == ", ".join(f"{v:.3f}".rstrip("0").rstrip(".") for v in e.logits)
    handed = [float(v) for v in np.float32([2.3456789, -0.7654321, 0.1])]  # as the training tab sends them
    e.param.update(logits=handed)
    assert (field.value, e.logits) == ("2.346, -0.765, 0.1", handed)


def test_typed_text_that_reads_as_the_logits_already_are_leaves_them_whole():
    e = explorer(logits=[0.4 + 0.5, 1.3 + 0.5, -0.6 + 0.5])
    e.set_logits_text("0.9, 1.8, -0.1")
    assert e.logits == [0.4 + 0.5, 1.3 + 0.5, -0.6 + 0.5]
    e.set_logits_text("0.9, 1.8, -0.2")
    assert e.logits == [0.9, 1.8, -0.2]


def _live_models(e: SoftmaxExplorer) -> list:
    """The explorer's rendered components that carry live values in the browser (sliders and views)."""
    root = e.__panel__().get_root()
    return [m for m in root.references() if "channel" in getattr(m, "properties_with_values", lambda: {})()]


def test_sliders_and_views_share_a_channel_no_other_explorer_uses():
    one, two = _live_models(explorer()), _live_models(explorer())
    assert len(one) == 6
    assert len({m.channel for m in one}) == 1
    assert one[0].channel and one[0].channel != two[0].channel


def test_the_live_path_needs_no_js_callbacks():
    """The sliders reach the views in their own modules: a jscallback costs every session a document walk."""
    root = explorer().__panel__().get_root()
    assert not [m for m in root.references() if m.js_property_callbacks]
