"""Inside the network (the training tab): the hidden units' lines and regions, the linear regions and the hidden
space, computed in the browser from the map's frames, checked against torch and models/hidden.py for the same
seed; the URL's views=, the keyboard, logistic regression."""

from __future__ import annotations

import re

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.hidden import (
    activations,
    evenly_spread,
    grid_centres,
    hidden_space,
    line_segment,
    linear_regions,
    unit_line,
)
from softmax_explorer.models.training import Config, Trainer
from tests.ui.conftest import checked_page
from tests.ui.explorer_page import poll
from tests.ui.training_page import button, map_painted, open_training, training, wait_for_epoch

EPOCHS = 3
INSIDE = "section.inside-network"


@pytest.fixture(scope="module")
def page(browser):
    with checked_page(browser) as page:
        yield page


def trained(hidden: tuple[int, ...], query: str, page) -> Trainer:
    """Open Ames with an MLP of ``hidden`` widths (rate 1) and ``query``, step EPOCHS epochs, wait for the views
    to show the last frame; the same run in Python."""
    widths = ",".join(map(str, hidden))
    open_training(page, page.context.server, f"dataset=ames&model=mlp&hidden={widths}&rate=1&{query}")
    for epoch in range(1, EPOCHS + 1):
        button(page, "Step").click()
        wait_for_epoch(page, lambda e, epoch=epoch: e == epoch)
    views_caught_up(page)
    trainer = Trainer(load_ames(), Config(hidden=hidden, lr=1.0))
    trainer.step(EPOCHS)
    return trainer


def views_caught_up(page) -> None:
    """Wait until the views show the frame the map painted last (and no other follows)."""
    poll(
        page,
        lambda: (map_painted(page), training(page).locator(INSIDE).get_attribute("data-frame")),
        lambda seen: seen[0] > 0 and seen[1] == str(seen[0]),
        20,
        "the views to show the map's last frame",
    )


@pytest.fixture(autouse=True)
def _server(page, server):
    page.context.server = server


def test_a_units_weights_and_line_on_screen_are_torchs(page):
    trainer = trained((4,), "views=units,unit1", page)
    info = training(page).locator(f"{INSIDE} .unit-info")
    expect(info).to_have_attribute("data-unit", "1")
    shown = [float(v) for v in info.get_attribute("data-weights").split()]
    weight, bias = (a.detach().numpy() for a in (trainer.model[0].weight[1], trainer.model[0].bias[1]))
    np.testing.assert_allclose(shown, [*weight, bias], rtol=1e-6)  # the same float32 numbers
    expect(info).to_contain_text(f"z = {weight[0]:.3f} x₁")
    data = trainer.dataset
    expected = line_segment(unit_line(weight, float(bias), data.mean, data.std), trainer.extent)
    segment = info.get_attribute("data-segment")
    if expected is None:
        assert segment == ""
    else:
        np.testing.assert_allclose([float(v) for v in segment.split()], expected, rtol=1e-9, atol=1e-9)
    # Kept (clicked, from the link): drawn on the main map.
    expect(training(page).locator("canvas.map")).to_have_attribute("data-highlight", "layer 1, unit 1")


def test_two_relus_make_at_most_four_regions_and_the_count_is_the_patterns(page):
    trainer = trained((2,), "views=units", page)
    root = training(page).locator(INSIDE)
    side = int(root.get_attribute("data-grid").split("x")[0])
    data = trainer.dataset
    X = (grid_centres(trainer.extent, side, side) - data.mean) / data.std  # float64, as the browser computes
    layers = [(w.astype(np.float64), b.astype(np.float64)) for w, b in trainer.weights()]
    expected = linear_regions(layers, "relu", X)
    assert 1 <= expected <= 4
    assert int(root.get_attribute("data-regions")) == expected
    expect(root.locator(".region-count")).to_have_text(str(expected))
    expect(root.locator("button.unit")).to_have_count(2)


def test_a_two_unit_layers_hidden_space_is_its_activations(page):
    trainer = trained((2,), "views=space", page)
    canvas = training(page).locator(f"{INSIDE} canvas.space")
    expect(canvas).to_have_attribute("data-axes", "units")
    shown = np.array(canvas.evaluate("c => Array.from(c.space.points)")).reshape(-1, 2)
    data = trainer.dataset
    layers = [(w.astype(np.float64), b.astype(np.float64)) for w, b in trainer.weights()]
    expected = activations(layers, "relu", (data.X_raw - data.mean) / data.std, 0)
    np.testing.assert_allclose(shown, expected, atol=1e-6)
    expect(training(page).locator(f"{INSIDE} .space-note")).to_contain_text("they are the axes")


def test_a_wide_layers_hidden_space_says_it_shows_principal_components(page):
    trained((6,), "views=space", page)
    expect(training(page).locator(f"{INSIDE} canvas.space")).to_have_attribute("data-axes", "pca")
    expect(training(page).locator(f"{INSIDE} .space-note")).to_contain_text("first two principal components")


def test_a_layer_too_wide_for_every_point_shows_an_evenly_spread_sample_and_says_so(page):
    # 103 units, the narrowest layer over Ames's 2,930 points past lib/hidden.js's SPACE_VALUES (300,000 values).
    trainer = trained((103,), "views=space", page)
    data = trainer.dataset
    count, most = len(data.X_raw), 300_000 // 103
    assert most < count
    canvas = training(page).locator(f"{INSIDE} canvas.space")
    expect(canvas).to_have_attribute("data-shown", str(most))
    expect(training(page).locator(f"{INSIDE} .space-note .sample")).to_have_text(
        f"Shown: {most:,} of the {count:,} points, evenly spread, to keep it live."
    )
    # The principal components of that sample, as models/hidden.py finds them, once the browser's have settled.
    poll(page, lambda: canvas.evaluate("c => c.space.converged"), bool, 20, "the components to settle")
    shown = np.array(canvas.evaluate("c => Array.from(c.space.points)")).reshape(-1, 2)
    assert shown.shape == (most, 2)
    layers = [(w.astype(np.float64), b.astype(np.float64)) for w, b in trainer.weights()]
    sample = evenly_spread(count, most)
    expected = hidden_space(layers, "relu", (data.X_raw[sample] - data.mean) / data.std, 0)["points"]
    np.testing.assert_allclose(shown, expected, atol=1e-4 * np.abs(expected).max())


def test_views_travel_in_the_url_both_ways(page, server):
    open_training(page, server, "dataset=blobs&model=mlp&hidden=8,4&views=units,space,layer2")
    root = training(page).locator(INSIDE)
    expect(root.get_by_label("Hidden units", exact=True)).to_be_checked()
    expect(root.get_by_label("Hidden space", exact=True)).to_be_checked()
    expect(root.get_by_label("Layer", exact=True)).to_have_value("1")
    expect(root.locator("button.unit")).to_have_count(4)
    root.get_by_label("Hidden space", exact=True).uncheck()
    root.get_by_label("Layer", exact=True).select_option("0")
    expect(page).to_have_url(re.compile(r"views=units(&|$)"))
    page.reload()
    expect(training(page).locator(INSIDE).get_by_label("Hidden units", exact=True)).to_be_checked()
    expect(training(page).locator(INSIDE).get_by_label("Hidden space", exact=True)).not_to_be_checked()
    expect(training(page).locator(INSIDE).locator("button.unit")).to_have_count(8)


def test_the_keyboard_reaches_a_unit_and_keeps_it_on_the_map(page, server):
    open_training(page, server, "dataset=blobs&model=mlp&hidden=5")
    root = training(page).locator(INSIDE)
    root.get_by_label("Hidden units", exact=True).focus()
    page.keyboard.press("Space")
    expect(root.locator("button.unit")).to_have_count(5)
    for _ in range(3):  # past "Hidden space" (and the layer picker, hidden for one layer) to the first unit
        page.keyboard.press("Tab")
        if root.locator("button.unit").first.evaluate("b => b.matches(':focus')"):
            break
    page.keyboard.press("Tab")  # unit 1
    mapped = training(page).locator("canvas.map")
    expect(mapped).to_have_attribute("data-highlight", "layer 1, unit 1")  # focus shows it
    page.keyboard.press("Enter")  # and Enter keeps it
    expect(page).to_have_url(re.compile(r"views=units,unit1"))
    expect(root.locator("button.unit[aria-pressed=true]")).to_have_text("unit 1")
    page.keyboard.press("Shift+Tab")
    expect(mapped).to_have_attribute("data-highlight", "layer 1, unit 0")


def test_logistic_regression_says_it_has_no_hidden_layer(page, server):
    open_training(page, server, "dataset=blobs&model=logreg&views=units,space")
    expect(training(page).locator(f"{INSIDE} .note")).to_contain_text("no hidden layer")
    expect(training(page).locator(INSIDE)).to_have_attribute("data-regions", "1")


def test_lecture_mode_and_the_dark_theme_keep_the_views_readable(browser, server):
    with checked_page(browser, viewport={"width": 1920, "height": 1080}) as page:
        open_training(page, server, "dataset=blobs&model=mlp&hidden=6&views=units,space&present=1&theme=dark")
        root = training(page).locator(INSIDE)
        expect(root.locator(".region-count")).to_be_visible()
        size = root.locator(".region-count").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 40  # the number that matters, at lecture mode's --se-big
        assert root.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 20
        rgb = root.locator(".unit-info").evaluate("e => getComputedStyle(e).color")
        assert sum(int(v) for v in re.findall(r"\d+", rgb)[:3]) > 3 * 180, rgb  # light text on the dark page
