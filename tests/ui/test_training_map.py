"""The decision map the browser computes from the model's weights, checked against the Python core's Trainer.grid:
logistic regression and an MLP with each activation, a few epochs into training on Ames (whose standardisation,
longitudes near -93.6 with a spread of 0.026, the browser must apply as the model does)."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.training import Config, Trainer
from tests.ui.conftest import checked_page
from tests.ui.training_page import (
    MAP_MODEL,
    button,
    map_cells,
    map_pixels,
    open_training,
    settled_map,
    training,
    wait_for_epoch,
)

EPOCHS = 5
MODELS = {
    "logreg": ("model=logreg&rate=1", Config(lr=1.0)),
    **{
        name: (
            f"model=mlp&hidden=16,8&activation={name}&rate=1",
            Config(hidden=(16, 8), activation=name, lr=1.0),
        )
        for name in ("relu", "tanh", "sigmoid", "none")
    },
}


@pytest.fixture(scope="module")
def page(browser):
    with checked_page(browser) as page:
        yield page


@pytest.mark.parametrize("name", list(MODELS))
def test_the_browsers_map_is_the_models(page, server, name):
    query, config = MODELS[name]
    open_training(page, server, f"dataset=ames&grid=50&{query}")
    for epoch in range(1, EPOCHS + 1):
        button(page, "Step").click()
        wait_for_epoch(page, lambda e, epoch=epoch: e == epoch)
    assert map_cells(page) != (0, 0)
    _, shown = settled_map(page, (50, 50))
    trainer = Trainer(load_ames(), config)
    trainer.step(EPOCHS)
    expected = trainer.grid(50)
    agree = (shown.argmax(axis=-1) == expected.argmax(axis=-1)).mean()
    assert agree >= 0.995, (
        f"{name}: the browser's classes agree with Trainer.grid on {agree:.1%} of the cells"
    )
    assert np.abs(shown - expected).max() < 1e-4, name  # float32 weights, float64 sums in the browser


def test_hovering_shows_the_models_probabilities_there(page, server):
    query, config = MODELS["tanh"]
    open_training(page, server, f"dataset=ames&grid=50&{query}")
    settled_map(page, (50, 50))
    frame = training(page).locator(".decision-map svg.axes rect.frame").bounding_box()
    # A place a quarter in from the left and a third down, away from the middle's houses or not: either way the
    # tooltip gives the model's probabilities at the place under the pointer.
    page.mouse.move(frame["x"] + frame["width"] / 4, frame["y"] + frame["height"] / 3)
    tooltip = training(page).locator(".decision-map .tooltip")
    place = [float(v) for v in tooltip.get_attribute("data-place").split()]
    shown = [float(v) for v in tooltip.get_attribute("data-probabilities").split()]
    expected = Trainer(load_ames(), config).predict_proba([place], units="raw")[0]
    np.testing.assert_allclose(shown, expected, atol=1e-5)
    assert tooltip.locator(".probabilities tr").count() == 3


def strip_colors(page) -> np.ndarray:
    """The legend strips' pixels, (classes, shades, 3), as the browser painted them."""
    values = (
        training(page)
        .locator(".decision-map .legend canvas.strip")
        .evaluate_all(
            """strips => strips.map(s => Array.from(s.getContext('2d').getImageData(0, 0, s.width, 1).data))"""
        )
    )
    return np.array(values, dtype=np.uint8).reshape(len(values), -1, 4)[..., :3]


@pytest.mark.parametrize("look", ["", "&theme=dark&present=1"], ids=["light", "dark-lecture"])
def test_the_legend_shades_each_class_as_the_map_does(browser, server, look):
    with checked_page(browser, viewport={"width": 1920, "height": 1080}) as page:
        open_training(page, server, f"dataset=blobs&points=50&noise=0.8&grid=50{look}")
        for epoch in range(1, 4):
            button(page, "Step").click()
            wait_for_epoch(page, lambda e, epoch=epoch: e == epoch)
        settled_map(page, (50, 50))
        strips = strip_colors(page)
        assert strips.shape == (3, 25, 3)
        # Paler to darker (or, on a dark background, darker to brighter): each strip runs from near the map's
        # background to its class's colour.
        background = training(page).locator(".decision-map").evaluate(f"() => {MAP_MODEL}.data.fade_to")
        assert background == ("#212529" if "dark" in look else "#ffffff")  # the theme's page colour
        under = np.array([int(background[i : i + 2], 16) for i in (1, 3, 5)])
        distance = np.abs(strips.astype(int) - under).sum(axis=-1)
        assert (np.diff(distance, axis=1) >= 0).all() and (distance[:, 0] < 60).all()
        # One rule: the map's cells are coloured from the strips' colours and no others (the 50 points aside).
        shown = map_pixels(page).reshape(-1, 3)
        palette = {tuple(c) for c in strips.reshape(-1, 3)}
        from_strips = np.mean([tuple(p) in palette for p in shown[:: max(1, len(shown) // 20000)]])
        assert from_strips > 0.95, f"{from_strips:.1%} of the map's pixels are colours of the legend's strips"
        ends = training(page).locator(".decision-map .strip-ends")
        expect(ends).to_have_text("1/31")
        expect(training(page).locator(".decision-map .confidence")).to_contain_text("Darker: surer")
        assert float(ends.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= (
            18 if "present" in look else 11
        )
