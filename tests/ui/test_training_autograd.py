"""Autograd on one house: the picked house's forward pass as a graph, each node's value and gradient against torch
computed here for the same model (the same seeds, trained as many epochs), stepping backward by key and button, and
the logits' gradient against the explorer's p - y after the hand-off."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import torch
from playwright.sync_api import expect

from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.training import Trainer
from tests.ui.conftest import checked_page
from tests.ui.explorer_page import explorer, poll, query_of, wait_for_logits, wait_for_query
from tests.ui.test_screenshots import save
from tests.ui.training_page import (
    MAP_MODEL,
    alert_text,
    button,
    click_map,
    open_training,
    show_tab,
    training,
    wait_for_epoch,
)

EPOCHS = 3
SETUPS = {  # query -> the PlaygroundConfig parameters it sets
    "model=mlp": {
        "model": "mlp"
    },  # the course's nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))
    "model=logreg": {"model": "logreg"},
    "model=mlp&hidden=6,5&activation=tanh": {"model": "mlp", "hidden": [6, 5], "activation": "tanh"},
    "model=mlp&hidden=4&activation=sigmoid": {"model": "mlp", "hidden": [4], "activation": "sigmoid"},
}


@pytest.fixture(scope="module")
def ames():
    return load_ames()


@pytest.fixture(scope="module")
def house(ames):
    """The house farthest from any other on the map's scale, so that a click picks it alone."""
    scaled = ames.X_raw / np.ptp(ames.X_raw, axis=0)
    gaps = np.abs(scaled[:, None, :] - scaled[None, :, :]).max(axis=2)
    np.fill_diagonal(gaps, np.inf)
    return int(gaps.min(axis=1).argmax())


def trained(ames, setup: dict, epochs: int = EPOCHS) -> Trainer:
    """The page's model, rebuilt here from the same seeds and trained as far."""
    trainer = Trainer(ames, PlaygroundConfig(**setup).build_config())
    trainer.step(epochs)
    return trainer


def torch_nodes(model, x, target) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each node's value and dL/d(node) by torch.autograd.grad over the forward pass written out here."""
    modules = [model] if isinstance(model, torch.nn.Linear) else list(model)
    names, tensors, layer = ["x"], [torch.tensor(np.asarray([x], dtype=np.float32), requires_grad=True)], 0
    for m in modules:
        if isinstance(m, torch.nn.Linear):
            layer += 1
            names.append(f"z{layer}")
            tensors.append(tensors[-1] @ m.weight.detach().T + m.bias.detach())
        else:
            names.append(f"h{layer}")
            tensors.append(
                {torch.nn.Tanh: torch.tanh, torch.nn.Sigmoid: torch.sigmoid}.get(type(m), torch.relu)(
                    tensors[-1]
                )
            )
    names[-1] = "logits"
    p = torch.softmax(tensors[-1], dim=1)
    tensors += [p, -torch.log(p[0, target])]
    grads = torch.autograd.grad(tensors[-1], tensors)
    return {
        name: (t.detach().numpy().ravel(), g.numpy().ravel())
        for name, t, g in zip([*names, "p", "L"], tensors, grads, strict=True)
    }


def graph(page):
    return training(page).locator(".autograd")


def shown_nodes(page) -> dict[str, dict]:
    """What the graph shows: each node's value, and its gradient once reached (None before)."""
    rows = (
        graph(page)
        .locator("li.node")
        .evaluate_all("""rows => rows.map(r => [r.dataset.node,
        r.querySelector('.value').dataset.values, r.querySelector('.grad').dataset.values || null,
        r.classList.contains('current')])""")
    )
    return {
        name: {"value": json.loads(value), "grad": grad and json.loads(grad), "current": current}
        for name, value, grad, current in rows
    }


def forward_only(page) -> None:
    """Back to the forward pass alone (the button is disabled when there already)."""
    clear = graph(page).get_by_role("button", name="Clear gradients")
    if clear.is_enabled():
        clear.click()
    expect(graph(page)).to_have_attribute("data-revealed", "0")


def pick(page, ames, house):
    click_map(page, *ames.X_raw[house])
    expect(graph(page).locator("li.node").first).to_be_visible()


@pytest.fixture(scope="module")
def mlp_page(browser, server, ames, house):
    """The course MLP after EPOCHS steps, the house picked."""
    with checked_page(browser, viewport={"width": 1920, "height": 1080}) as page:
        open_training(page, server, "model=mlp&grid=50&fps=5")
        for epochs in range(1, EPOCHS + 1):
            button(page, "Step").click()
            wait_for_epoch(page, lambda e, n=epochs: e == n)
        pick(page, ames, house)
        yield page


def test_the_graph_holds_the_forward_pass_from_x_to_the_loss_with_shapes_on_the_edges(mlp_page, ames, house):
    assert list(shown_nodes(mlp_page)) == ["x", "z1", "h1", "logits", "p", "L"]
    edges = graph(mlp_page).locator("li.edge")
    assert edges.locator(".op").all_inner_texts() == [
        "x @ W1.T + b1",
        "relu(z1)",
        "h1 @ W2.T + b2",
        "softmax(logits)",
        f"-log p[y], y = {ames.y[house]}",
    ]
    assert edges.locator(".shapes").all_inner_texts() == [
        "(1, 2) → (1, 100)",
        "(1, 100) → (1, 100)",
        "(1, 100) → (1, 3)",
        "(1, 3) → (1, 3)",
        "(1, 3) → ()",
    ]
    assert edges.first.locator(".weights").inner_text() == "W1 (100, 2), b1 (100,)"


def test_stepping_backward_shows_one_more_nodes_gradient_a_key_press(mlp_page):
    forward_only(mlp_page)
    assert all(node["grad"] is None for node in shown_nodes(mlp_page).values())
    order = ["L", "p", "logits", "h1", "z1", "x"]
    for step, name in enumerate(order, start=1):
        mlp_page.keyboard.press("b")
        expect(graph(mlp_page)).to_have_attribute("data-revealed", str(step))
        nodes = shown_nodes(mlp_page)
        assert [n for n in order if nodes[n]["grad"] is not None] == order[:step]
        assert [n for n, node in nodes.items() if node["current"]] == [name]
    expect(graph(mlp_page).get_by_role("button", name="Backward one step")).to_be_disabled()


def test_the_button_steps_and_shift_b_runs_backward_to_x(mlp_page):
    forward_only(mlp_page)
    graph(mlp_page).get_by_role("button", name="Backward one step").click()
    expect(graph(mlp_page)).to_have_attribute("data-revealed", "1")
    assert shown_nodes(mlp_page)["L"]["grad"] == [1.0]
    mlp_page.keyboard.press("Shift+B")
    expect(graph(mlp_page)).to_have_attribute("data-revealed", "6")
    expect(graph(mlp_page).locator(".ag-progress")).to_have_text(
        "Backward done: all 6 gradients, down to dL/dx."
    )


def test_every_nodes_value_and_gradient_are_torchs(mlp_page, ames, house):
    mlp_page.keyboard.press("Shift+B")
    expect(graph(mlp_page)).to_have_attribute("data-revealed", "6")
    expected = torch_nodes(trained(ames, SETUPS["model=mlp"]).model, ames.X[house], int(ames.y[house]))
    shown = shown_nodes(mlp_page)
    for name, (value, grad) in expected.items():
        np.testing.assert_allclose(shown[name]["value"], value, rtol=1e-5, atol=1e-6, err_msg=name)
        np.testing.assert_allclose(shown[name]["grad"], grad, rtol=1e-4, atol=1e-6, err_msg=name)


def test_the_training_tabs_shortcut_help_lists_the_backward_keys(mlp_page):
    help_ = training(mlp_page).locator(".shortcut-help")
    mlp_page.locator("body").press("?")
    expect(help_).to_be_visible()
    assert help_.locator("kbd").all_inner_texts()[-3:] == ["b", "Shift+B", "?"]
    mlp_page.keyboard.press("?")
    expect(help_).to_be_hidden()


def test_a_long_vector_shows_its_norm_and_every_entry_on_expanding(mlp_page):
    mlp_page.keyboard.press("Shift+B")
    z1 = graph(mlp_page).locator("li.node[data-node=z1] .value")
    values = json.loads(z1.get_attribute("data-values"))
    assert z1.locator(".strip .cell").count() == 100
    assert f"‖·‖ = {np.linalg.norm(values):.3f}" in z1.locator(".summary").inner_text()
    z1.get_by_text("all 100").click()
    entries = z1.locator(".entries.all").inner_text().split(", ")
    np.testing.assert_allclose([float(e) for e in entries], values, atol=5e-5)


def test_the_logits_gradient_is_the_explorers_p_minus_y_after_the_hand_off(mlp_page):
    mlp_page.keyboard.press("Shift+B")
    shown = shown_nodes(mlp_page)
    training(mlp_page).get_by_role("button", name="Open these logits in the explorer").click()
    wait_for_logits(mlp_page, shown["logits"]["value"])
    gradient = (
        explorer(mlp_page)
        .locator(".gradient-bars .grad-row")
        .evaluate_all("rows => rows.map(r => Number(r.dataset.gradient))")
    )
    np.testing.assert_allclose(shown["logits"]["grad"], gradient, atol=1e-6)
    show_tab(mlp_page, "Training playground")


def test_another_epoch_shows_the_new_model_and_keeps_the_step(mlp_page, ames, house):  # last: it trains on
    forward_only(mlp_page)
    mlp_page.keyboard.press("b")
    mlp_page.keyboard.press("b")
    button(mlp_page, "Step").click()
    wait_for_epoch(mlp_page, lambda e: e == EPOCHS + 1)
    model = trained(ames, SETUPS["model=mlp"], EPOCHS + 1).model
    expected = torch_nodes(model, ames.X[house], int(ames.y[house]))
    poll(
        mlp_page,
        lambda: shown_nodes(mlp_page)["logits"]["value"],
        lambda logits: np.allclose(logits, expected["logits"][0], rtol=1e-5, atol=1e-6),
        10,
        "the next epoch's logits",
    )
    expect(graph(mlp_page)).to_have_attribute("data-revealed", "2")
    np.testing.assert_allclose(shown_nodes(mlp_page)["p"]["grad"], expected["p"][1], rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("query", [q for q in SETUPS if q != "model=mlp"])
def test_other_models_values_and_gradients_are_torchs(browser, server, ames, house, query):
    with checked_page(browser) as page:
        open_training(page, server, f"{query}&grid=50&fps=5")
        for epochs in range(1, EPOCHS + 1):
            button(page, "Step").click()
            wait_for_epoch(page, lambda e, n=epochs: e == n)
        pick(page, ames, house)
        graph(page).get_by_role("button", name="All").click()
        expected = torch_nodes(trained(ames, SETUPS[query]).model, ames.X[house], int(ames.y[house]))
        expect(graph(page)).to_have_attribute("data-revealed", str(len(expected)))
        shown = shown_nodes(page)
        assert list(shown) == list(expected)
        for name, (value, grad) in expected.items():
            np.testing.assert_allclose(shown[name]["value"], value, rtol=1e-5, atol=1e-6, err_msg=name)
            np.testing.assert_allclose(shown[name]["grad"], grad, rtol=1e-4, atol=1e-6, err_msg=name)


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("autograd", ""),
        ("autograd-lecture", "&present=1"),
        ("autograd-lecture-dark", "&present=1&theme=dark"),
    ],
)
def test_autograd_screenshot(browser, server, ames, house, name, query):
    with checked_page(browser, viewport={"width": 1920, "height": 1080}) as page:
        open_training(page, server, f"model=mlp&grid=50&fps=5{query}")
        button(page, "Step").click()
        wait_for_epoch(page, lambda e: e == 1)
        pick(page, ames, house)
        for _ in range(3):
            page.keyboard.press("b")
        expect(graph(page)).to_have_attribute("data-revealed", "3")
        graph(page).locator("li.node[data-node=z1]").scroll_into_view_if_needed()
        save(page, name)


# --- the picked point and the backward steps in the address (pick=, backward=) -----------------------------------

LINKED = "dataset=blobs&model=mlp&grid=50&fps=5"


@pytest.fixture(scope="module")
def blobs():
    return PlaygroundConfig(dataset="blobs", model="mlp").build_dataset()


def isolated(data) -> int:
    """The point farthest from any other on the map's scale, so that a click picks it alone."""
    scaled = data.X_raw / np.ptp(data.X_raw, axis=0)
    gaps = np.abs(scaled[:, None, :] - scaled[None, :, :]).max(axis=2)
    np.fill_diagonal(gaps, np.inf)
    return int(gaps.min(axis=1).argmax())


def empty_place(page, data) -> tuple[float, float]:
    """A place on the map with no point near it (a click there picks the place, not a point)."""
    x0, x1, y0, y1 = page.evaluate(f"() => {MAP_MODEL}.data.extent")
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, 21)[1:-1], np.linspace(y0, y1, 21)[1:-1]), -1).reshape(
        -1, 2
    )
    nearest = np.abs((grid[:, None, :] - data.X_raw[None]) / [x1 - x0, y1 - y0]).max(axis=2).min(axis=1)
    return tuple(grid[nearest.argmax()])


def title(page):
    return training(page).locator("h3.se-title")


def test_a_link_opens_that_points_forward_pass_with_its_backward_steps(page, server, blobs):
    open_training(page, server, f"{LINKED}&pick=5&backward=3")
    expect(title(page)).to_have_text(re.compile(r"^Point 5 \((training|validation)\)$"))
    expect(graph(page)).to_have_attribute("data-revealed", "3")
    expect(graph(page).locator(".ag-progress")).to_have_text("Backward: 3 of 6 nodes, now at logits.")
    shown = shown_nodes(page)
    assert [name for name, node in shown.items() if node["grad"] is not None] == ["logits", "p", "L"]
    # Epoch 0: the seeded initial weights, rebuilt here.
    model = Trainer(blobs, PlaygroundConfig(dataset="blobs", model="mlp").build_config()).model
    expected = torch_nodes(model, blobs.X[5], int(blobs.y[5]))
    assert list(shown) == list(expected)
    for name, (value, grad) in expected.items():
        np.testing.assert_allclose(shown[name]["value"], value, rtol=1e-5, atol=1e-6, err_msg=name)
        if name in ("logits", "p", "L"):
            np.testing.assert_allclose(shown[name]["grad"], grad, rtol=1e-4, atol=1e-6, err_msg=name)
    assert page.locator(".url-warning").is_hidden()
    wait_for_query(page, pick="5", backward="3")


def test_picking_and_stepping_write_the_address(page, server, blobs):
    open_training(page, server, f"{LINKED}&pick=5&backward=3")
    expect(graph(page)).to_have_attribute("data-revealed", "3")
    other = isolated(blobs)
    click_map(page, *blobs.X_raw[other])
    expect(title(page)).to_contain_text(f"Point {other} (")
    expect(graph(page)).to_have_attribute("data-revealed", "0")  # another point starts at the forward pass
    poll(page, lambda: query_of(page), lambda q: q.get("pick") == str(other) and "backward" not in q)
    page.keyboard.press("b")
    expect(graph(page)).to_have_attribute("data-revealed", "1")
    wait_for_query(page, pick=str(other), backward="1")
    page.keyboard.press("Shift+B")
    wait_for_query(page, pick=str(other), backward="6")
    training(page).locator(".decision-map").scroll_into_view_if_needed()  # the last step scrolled down to x
    click_map(page, *empty_place(page, blobs))
    expect(title(page)).to_have_text("A place on the map")
    poll(page, lambda: query_of(page), lambda q: "pick" not in q and "backward" not in q)


def test_a_linked_point_beyond_the_data_is_refused_with_a_warning_and_the_tab_works_on(page, server, blobs):
    open_training(page, server, f"{LINKED}&pick={len(blobs)}&backward=2")
    warning = alert_text(page.locator(".url-warning"))
    assert f"pick: there is no point {len(blobs)}: this data has {len(blobs)} points" in warning
    assert "backward: no point is picked to step backward on" in warning
    expect(training(page).get_by_text("Click a point (or any place) on the map")).to_be_visible()
    poll(page, lambda: query_of(page), lambda q: "pick" not in q and "backward" not in q)
    other = isolated(blobs)
    click_map(page, *blobs.X_raw[other])
    expect(title(page)).to_contain_text(f"Point {other} (")
    wait_for_query(page, pick=str(other))
