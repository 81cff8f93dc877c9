"""Points drawn on the training tab's map without a browser: draw mode's messages, the data they make, the model
that goes on training on them, and what forgets them."""

from __future__ import annotations

import numpy as np
import pytest

from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.components.room import ROOM
from softmax_explorer.components.training_playground import TrainingPlayground
from softmax_explorer.models.data import extent
from softmax_explorer.models.drawn import to_grid


@pytest.fixture(autouse=True)
def unhurried(monkeypatch):
    monkeypatch.setattr(ROOM, "budget", lambda fps: None)


def moons_playground(**config) -> TrainingPlayground:
    return TrainingPlayground(config=PlaygroundConfig(dataset="moons", **config))


def draw(playground: TrainingPlayground, x: float, y: float, k: int) -> None:
    """What the browser's draw-mode click sends, as the map receives it."""
    playground.map._edit([x, y, k])


def test_a_point_drawn_joins_the_data_at_once_and_the_link_carries_it():
    playground = moons_playground()
    before = len(playground.trainer.dataset)
    draw(playground, 0.5, 0.25, 1)
    assert len(playground.trainer.dataset) == before + 1 and playground.trainer.dataset.drawn == 1
    place = to_grid(extent(playground.config.build_dataset()), 0.5, 0.25)
    assert playground.config.drawn == [(*place, 1)]
    np.testing.assert_allclose(playground.trainer.dataset.X_raw[-1], [0.5, 0.25], atol=0.005)


def test_drawing_keeps_the_model_and_its_epoch_and_training_goes_on():
    playground = moons_playground(model="mlp", hidden=[8])
    playground.step()
    playground.step()
    trainer, model = playground.trainer, playground.trainer.model
    weights = [p.detach().clone() for p in model.parameters()]
    draw(playground, 0.0, 0.0, 0)
    assert playground.trainer is trainer and trainer.model is model and trainer.epoch == 2
    for p, before in zip(model.parameters(), weights, strict=True):
        assert np.array_equal(p.detach().numpy(), before.numpy())
    playground.step()
    assert trainer.epoch == 3


def test_undo_takes_back_the_last_point_and_clear_all_of_them():
    playground = moons_playground()
    for n in range(3):
        draw(playground, 0.1 * n, 0.0, n % 2)
    playground.map._edit("undo")
    assert playground.trainer.dataset.drawn == 2 and len(playground.config.drawn) == 2
    playground.map._edit("clear")
    assert playground.trainer.dataset.drawn == 0 and playground.config.drawn == []


def test_a_fresh_drawing_starts_empty_in_draw_mode_and_trains_once_it_has_points():
    playground = TrainingPlayground(config=PlaygroundConfig(dataset="drawn", classes=2))
    assert len(playground.trainer.dataset) == 0 and playground.map.drawing
    playground.step()
    assert playground.trainer.epoch == 0  # nothing to train on yet
    for n in range(6):
        draw(playground, -1 + 0.3 * n, 0.5, n % 2)
    playground.step()
    assert playground.trainer.epoch == 1
    assert list(playground.trainer.validation_indices) == [4]  # every 5th point drawn validates


def test_a_point_of_no_class_or_beyond_200_is_not_drawn():
    playground = moons_playground()
    draw(playground, 0.0, 0.0, 2)  # moons have classes 0 and 1
    draw(playground, float("nan"), 0.0, 0)
    assert playground.config.drawn == []
    playground.config.drawn = [(n, n, 0) for n in range(200)]
    draw(playground, 0.0, 0.0, 1)
    assert len(playground.config.drawn) == 200 and playground.trainer.dataset.drawn == 200


@pytest.mark.parametrize(("name", "value"), [("dataset", "circles"), ("classes", 2)])
def test_choosing_other_data_or_classes_forgets_the_points_drawn(name, value):
    playground = TrainingPlayground(config=PlaygroundConfig(dataset="blobs", points=100))
    draw(playground, 0.0, 0.0, 2)
    setattr(playground.config, name, value)
    assert playground.config.drawn == [] and playground.map.drawn == []
    assert playground.trainer.dataset.drawn == 0 and playground.problem == ""


def test_other_settings_of_the_same_data_keep_the_points_drawn_where_they_are_on_the_map():
    playground = moons_playground()
    draw(playground, 0.0, 0.0, 1)
    playground.config.noise = 0.3
    assert playground.trainer.dataset.drawn == 1 and playground.trainer.epoch == 0  # a new run, with them


def test_a_picked_point_stays_picked_while_points_are_drawn():
    playground = moons_playground()
    playground.map.pick(7)
    draw(playground, 0.0, 0.0, 1)
    assert playground.map.picked == 7 and playground.forward.logits
