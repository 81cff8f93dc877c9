"""One house's forward pass on the Ames map, its hand-off to the explorer, and the shapes and code of the setup.

One page on the default setup (Ames, logistic regression) serves the module; the numbers are checked against
models/ recomputed here from the same seeds.
"""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.codegen import script
from softmax_explorer.models.data import split_indices
from softmax_explorer.models.softmax import cross_entropy, softmax
from softmax_explorer.models.training import Trainer
from tests.ui.conftest import checked_page
from tests.ui.explorer_page import LOGITS_FIELD, enter, explorer, shown, wait_for_logits
from tests.ui.training_page import (
    button,
    click_map,
    code,
    open_training,
    shapes,
    show_tab,
    training,
    wait_for_epoch,
)

EPOCHS = 3
PICK_RADIUS = 0.025  # components.decision_map: a click picks a point within this share of the map's size


@pytest.fixture(scope="module")
def ames():
    return load_ames()


@pytest.fixture(scope="module")
def trainer(ames):
    """The page's model, rebuilt here from the same seeds and trained as far."""
    trainer = Trainer(ames)
    trainer.step(EPOCHS)
    return trainer


@pytest.fixture(scope="module")
def house(ames, trainer):
    """The house farthest from any other (on the map's scale), so that a click on it picks it alone."""
    x0, x1, y0, y1 = trainer.extent
    scaled = ames.X_raw / [x1 - x0, y1 - y0]
    gaps = np.abs(scaled[:, None, :] - scaled[None, :, :]).max(axis=2)
    np.fill_diagonal(gaps, np.inf)
    return int(gaps.min(axis=1).argmax())


@pytest.fixture(scope="module")
def page(browser, server):
    with checked_page(browser, permissions=["clipboard-read", "clipboard-write"]) as page:
        open_training(page, server, "grid=50&fps=5")
        for epochs in range(1, EPOCHS + 1):
            button(page, "Step").click()
            wait_for_epoch(page, lambda e, n=epochs: e == n)
        yield page


@pytest.fixture
def picked(page, ames, house):
    """The page with the house clicked, its forward pass shown."""
    part = "validation" if house in split_indices(len(ames))[1] else "training"
    show_tab(page, "Training playground")
    click_map(page, *ames.X_raw[house])
    expect(training(page).locator("h3.se-title")).to_have_text(f"House {house} ({part})")
    return page


def forward_logits(page) -> list[float]:
    return [
        float(v)
        for v in training(page)
        .locator(".readout td.logit")
        .evaluate_all("els => els.map(e => e.getAttribute('data-value'))")
    ]


def test_a_clicked_house_shows_its_coordinates_and_standardised_inputs(picked, ames, house):
    rows = training(picked).locator("table.se-inputs tbody tr")
    expect(rows).to_have_count(2)
    for row, name, raw, seen in zip(
        rows.all(), ("Longitude", "Latitude"), ames.X_raw[house], ames.X[house], strict=True
    ):
        cells = row.locator("th, td").all_inner_texts()
        assert cells[0] == name
        assert float(cells[1]) == pytest.approx(raw, abs=5e-5)  # 6 significant digits of degrees
        assert float(cells[2]) == pytest.approx(seen, abs=5e-5)


def test_a_clicked_house_shows_the_trainers_logits(picked, ames, house, trainer):
    expected = trainer.logits(ames.X_raw[house], units="raw")
    np.testing.assert_allclose(forward_logits(picked), expected, rtol=1e-6)


def test_a_clicked_house_shows_its_true_class_and_loss(picked, ames, house, trainer):
    true_class = int(ames.y[house])
    expect(
        training(picked).get_by_text(f"True class: {ames.class_names[true_class]}", exact=True)
    ).to_be_visible()
    loss = float(training(picked).locator(".readout output.loss").get_attribute("data-value"))
    assert loss == pytest.approx(
        cross_entropy(trainer.logits(ames.X_raw[house], units="raw"), true_class), rel=1e-6
    )


def test_a_clicked_house_shows_its_probabilities_and_gradient(picked, ames, house, trainer):
    p = softmax(trainer.logits(ames.X_raw[house], units="raw").astype(float))

    def shown(selector, attribute):
        return [
            float(v)
            for v in training(picked)
            .locator(selector)
            .evaluate_all(f"els => els.map(e => e.dataset.{attribute})")
        ]

    np.testing.assert_allclose(shown(".probability-bars .bar", "probability"), p, rtol=1e-6)
    np.testing.assert_allclose(
        shown(".gradient-bars .grad-row", "gradient"), p - np.eye(3)[ames.y[house]], atol=1e-6
    )


def test_open_in_explorer_shows_the_house_there(picked, ames, house):
    logits = forward_logits(picked)
    training(picked).get_by_role("button", name="Open these logits in the explorer").click()
    expect(explorer(picked).locator(".readout table.steps")).to_be_visible()
    now = wait_for_logits(picked, logits)
    names = explorer(picked).locator(".probability-bars .bar .name").all_inner_texts()
    truth = ames.class_names[int(ames.y[house])]
    assert names == [n + (" (true)" if n == truth else "") for n in ames.class_names]
    assert now.loss == pytest.approx(cross_entropy(logits, int(ames.y[house])), rel=1e-9)
    expect(training(picked).locator("h3.se-title")).to_be_hidden()  # the training tab is no longer shown


def test_opening_the_same_house_again_sends_it_again(picked):
    logits = forward_logits(picked)
    open_button = training(picked).get_by_role("button", name="Open these logits in the explorer")
    open_button.click()
    wait_for_logits(picked, logits)
    enter(picked, LOGITS_FIELD, "1, 2, 3")  # the student plays with the example in the explorer
    wait_for_logits(picked, [1, 2, 3])
    show_tab(picked, "Training playground")
    open_button.click()
    assert wait_for_logits(picked, logits).logits == logits
    assert shown(picked).logits == logits


def test_clicking_an_empty_place_shows_a_place_on_the_map(page, ames, trainer):
    show_tab(page, "Training playground")
    x0, x1, y0, y1 = trainer.extent
    place = np.array([x0 + 0.03 * (x1 - x0), y1 - 0.03 * (y1 - y0)])  # the top left corner: no house there
    assert (np.abs((ames.X_raw - place) / [x1 - x0, y1 - y0]).max(axis=1) > PICK_RADIUS).all()
    click_map(page, *place)
    expect(training(page).locator("h3.se-title")).to_have_text("A place on the map")
    expect(training(page).get_by_text("A place, not a house")).to_be_visible()
    np.testing.assert_allclose(
        forward_logits(page), trainer.logits(place, units="raw"), rtol=0, atol=0.02
    )  # to a pixel


def test_tensor_shapes_of_logistic_regression_on_ames(page):
    assert shapes(page) == {"X": (2344, 2), "weight": (3, 2), "bias": (3,), "logits": (2344, 3)}


def test_code_tab_shows_the_script_for_the_setup(page, ames):
    expected = script(Trainer(ames), epochs=100, data_path="ames.csv")
    assert code(page).strip() == expected.strip()


def test_copy_button_copies_the_script(page):
    shown_code = code(page)
    training(page).get_by_role("button", name="Copy the code").click()
    expect(training(page).get_by_text("Copied ✓")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").strip() == shown_code.strip()
