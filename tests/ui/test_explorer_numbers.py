"""Issue 3, items 3, 5 and 9: the numbers step by step, the temperature slider, and the loss curve."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.softmax import cross_entropy, log_softmax, softmax
from tests.ui.explorer_page import (
    assert_matches_core,
    click,
    explorer,
    numbers,
    open_explorer,
    shown,
    wait_for_query,
)

Z = [1.0, 2.0, -1.0]


def column(page, name: str) -> list[float]:
    return numbers(page, f".readout tbody td.{name}")


def test_readout_columns_equal_the_core_step_by_step(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&temperature=2.5")
    z, t = np.array(Z), 2.5
    shifted = (z - z.max()) / t
    np.testing.assert_allclose(column(page, "logit"), z, rtol=0)
    np.testing.assert_allclose(column(page, "shifted"), shifted, rtol=1e-15)
    np.testing.assert_allclose(column(page, "exp"), np.exp(z / t), rtol=1e-15)
    np.testing.assert_allclose(column(page, "exp-shifted"), np.exp(shifted), rtol=1e-15)
    np.testing.assert_allclose(numbers(page, ".readout tfoot td.sum"), [np.exp(shifted).sum()], rtol=1e-15)
    np.testing.assert_allclose(column(page, "probability"), softmax(z, t), rtol=1e-12)
    np.testing.assert_allclose(column(page, "neg-log-p"), -log_softmax(z, t), rtol=1e-12)
    assert explorer(page).locator(".readout tbody td.neg-log-p").all_inner_texts() == [
        f"{v:.3f}" for v in -log_softmax(z, t)
    ]
    assert_matches_core(shown(page), target=1, temperature=t)


def test_readout_shows_z_over_t_only_when_t_is_not_1(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&temperature=2.5")
    np.testing.assert_allclose(column(page, "scaled"), np.array(Z) / 2.5, rtol=1e-15)
    click(page, "Reset")  # T = 1
    expect(explorer(page).locator(".temperature output")).to_have_text("T = 1.00")
    expect(explorer(page).locator(".readout td.scaled")).to_have_count(0)


def test_readout_shows_the_formula_and_names_the_loss_and_the_prediction(page, server):
    open_explorer(page, server, "?logits=3,2,-1&target=1")
    readout = explorer(page).locator("section.readout")
    formulas = readout.locator(".formula math")
    expect(formulas).to_have_count(2)
    assert (
        formulas.first.bounding_box()["height"] > 20
    )  # laid out as maths by the browser, with no CDN script
    expect(readout.get_by_role("math", name="L equals minus log p sub y")).to_be_visible()
    expect(readout.locator(".loss-line")).to_contain_text(
        f"L = −log pmedium = {cross_entropy([3, 2, -1], 1):.3f}"
    )
    expect(readout.locator(".accuracy-line")).to_contain_text(
        "Prediction (highest p): low; true class: medium"
    )
    expect(readout.locator("output.accuracy")).to_have_text("0")


def test_temperature_slider_runs_on_a_log_scale_from_0_1_to_10(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    slider = explorer(page).get_by_label("temperature T (log scale)")
    readout = explorer(page).locator(".temperature output")
    # The track holds log10 T: T = 1 sits in its middle.
    assert (slider.get_attribute("min"), slider.input_value(), slider.get_attribute("max")) == (
        "-1",
        "0",
        "1",
    )
    slider.press("End")
    expect(readout).to_have_text("T = 10.0")
    assert_matches_core(shown(page), target=1, temperature=10)
    wait_for_query(page, temperature="10")
    slider.press("Home")
    expect(readout).to_have_text("T = 0.100")
    assert_matches_core(shown(page), target=1, temperature=0.1)
    wait_for_query(page, temperature="0.1")


def test_ghost_bars_show_the_t_1_probabilities_once_t_is_not_1(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1")
    ghosts = explorer(page).locator(".probability-bars .ghost")
    for i in range(3):
        expect(ghosts.nth(i)).to_be_hidden()
    slider = explorer(page).get_by_label("temperature T (log scale)")
    for _ in range(30):
        slider.press("ArrowRight")  # log10 T from 0 to 0.3 in steps of 0.01: T = 2
    expect(explorer(page).locator(".temperature output")).to_have_text("T = 2.00")
    plain = softmax(Z)
    for i in range(3):
        expect(ghosts.nth(i)).to_be_visible()
        assert float(ghosts.nth(i).evaluate("e => e.style.getPropertyValue('--q')")) == pytest.approx(
            plain[i]
        )
    # The ghost (T = 1) of the most likely class stands higher than its flattened bar, the least likely's lower.
    heights = [ghosts.nth(i).bounding_box()["height"] for i in range(3)]
    fills = [
        explorer(page).locator(".probability-bars .fill").nth(i).bounding_box()["height"] for i in range(3)
    ]
    assert heights[1] > fills[1] and heights[2] < fills[2]
    assert_matches_core(shown(page), target=1, temperature=2)


def test_loss_curve_marks_the_core_loss_at_the_true_logit(page, server):
    open_explorer(page, server, "?logits=1,2,-1&target=1&temperature=2")
    marker = explorer(page).locator(".loss-curve circle.current")
    assert float(marker.get_attribute("data-z")) == 2.0
    assert float(marker.get_attribute("data-loss")) == pytest.approx(cross_entropy(Z, 1, 2), rel=1e-12)
    explorer(page).get_by_label("true class: high").check()
    assert float(marker.get_attribute("data-z")) == -1.0
    assert float(marker.get_attribute("data-loss")) == pytest.approx(cross_entropy(Z, 2, 2), rel=1e-12)
    expect(explorer(page).locator(".loss-curve figcaption")).to_contain_text("Loss as zhigh varies")
    # The curve passes through the marker: the point on the path at the marker's x has the marker's y.
    assert (
        explorer(page)
        .locator(".loss-curve .loss-path")
        .evaluate("""(path) => {
        const c = path.ownerSVGElement.querySelector("circle.current");
        const x = Number(c.getAttribute("cx")), y = Number(c.getAttribute("cy"));
        let best = Infinity;
        for (let s = 0; s <= path.getTotalLength(); s += 0.5) {
            const p = path.getPointAtLength(s);
            best = Math.min(best, Math.hypot(p.x - x, p.y - y));
        }
        return best;
    }""")
        < 2
    )


def test_two_classes_show_that_p_equals_sigmoid_of_the_logit_difference(page, server):
    open_explorer(page, server, "?logits=0.3,1.7&target=1&temperature=2")
    note = explorer(page).locator(".loss-curve .sigmoid-note")
    expect(note).to_be_visible()
    sigmoid = 1 / (1 + np.exp(-(1.7 - 0.3) / 2))
    assert float(note.locator("output.sigmoid").get_attribute("data-value")) == pytest.approx(
        sigmoid, rel=1e-12
    )
    assert sigmoid == pytest.approx(softmax([0.3, 1.7], 2)[1], rel=1e-12)
    expect(note.locator("output.softmax-p")).to_have_text(f"{sigmoid:.3f}")
    expect(note).to_contain_text("σ((zclass 2 − zclass 1) / T)")
    click(page, "+ class")  # the note is about two classes only
    expect(note).to_be_hidden()


def test_the_loss_curves_axis_reaches_the_highest_loss_it_draws(page, server):
    # Issue 13, item 7: the axis was cut flat at L = 8, which read as the loss saturating. A confident right answer
    # (L = 0.01 here): the window runs down to z = -8, where L = log(e^-8 + 2) + 8 = 8.69.
    open_explorer(page, server, "?logits=5,0,0&target=0")
    ticks = explorer(page).locator(".loss-curve .tick.left")
    expect(ticks.first).to_be_visible()
    top = max(float(t) for t in ticks.all_text_contents())
    highest = float(cross_entropy([-8.0, 0.0, 0.0], 0))
    assert highest > 8.69 and top >= highest, f"the loss axis stops at {top}, under the curve's {highest:.2f}"
