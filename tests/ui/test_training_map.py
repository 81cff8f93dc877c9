"""The decision map the browser computes from the model's weights, checked against the Python core's Trainer.grid:
logistic regression and an MLP with each activation, a few epochs into training on Ames (whose standardisation,
longitudes near -93.6 with a spread of 0.026, the browser must apply as the model does)."""

from __future__ import annotations

import numpy as np
import pytest

from models.data import load_ames
from models.training import Config, Trainer
from tests.ui.conftest import checked_page
from tests.ui.training_page import button, map_cells, open_training, settled_map, training, wait_for_epoch

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
