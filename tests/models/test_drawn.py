"""Points drawn on the map: the data they make (models/drawn.py), and a Trainer that takes them as it trains,
checked against the course's torch loop."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.codegen import script
from softmax_explorer.models.data import DRAW_GRID, DRAWING_EXTENT, extent, split_drawn
from softmax_explorer.models.drawn import drawing, to_grid, with_drawn
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer
from tests.models.test_codegen import assert_reproduces

# Twelve points on the grid, classes 0 to 2: the 5th and the 10th are for validation.
POINTS = [(100 + 60 * n, 900 - 70 * n, n % 3) for n in range(12)]


@pytest.fixture(scope="module")
def moons():
    return load_toy("moons")


def test_drawn_points_come_after_the_datas_own_on_its_map(moons):
    drawn = with_drawn(moons, [(0, 0, 1), (DRAW_GRID, DRAW_GRID // 2, 0)])
    x0, x1, y0, y1 = extent(moons)
    assert len(drawn) == len(moons) + 2 and drawn.drawn == 2
    np.testing.assert_array_equal(drawn.X_raw[:-2], moons.X_raw)
    np.testing.assert_allclose(drawn.X_raw[-2:], [[x0, y0], [x1, (y0 + y1) / 2]])
    assert list(drawn.y[-2:]) == [1, 0]
    assert extent(drawn) == extent(moons)  # a drawn point never moves the map


def test_drawn_points_are_seen_through_the_datas_own_standardisation(ames):
    drawn = with_drawn(ames, POINTS)
    np.testing.assert_array_equal(drawn.mean, ames.mean)
    np.testing.assert_array_equal(drawn.X[: len(ames)], ames.X)
    np.testing.assert_array_equal(drawn.X[len(ames) :], ames.standardize(drawn.X_raw[len(ames) :]))


def test_a_drawing_starts_empty_on_its_own_square():
    blank = drawing(2)
    assert len(blank) == 0 and blank.class_names == ("0", "1")
    assert extent(blank) == DRAWING_EXTENT
    drawn = with_drawn(blank, [(DRAW_GRID // 2, DRAW_GRID, 1)])
    np.testing.assert_array_equal(drawn.X_raw, [[0.0, 2.0]])  # unstandardised: the map's own units


@pytest.mark.parametrize(
    ("points", "says"),
    [
        ([(0, 0, 3)], "class must be from 0 to 2"),
        ([(-1, 0, 0)], "from 0 to 1000"),
        ([(0, 1001, 0)], "from 0"),
    ],
)
def test_a_drawn_point_off_the_grid_or_of_no_class_is_refused(points, says):
    with pytest.raises(ValueError, match=says):
        with_drawn(drawing(3), points)


def test_to_grid_finds_the_nearest_place_and_keeps_it_on_the_map():
    assert to_grid(DRAWING_EXTENT, 0.0, -2.0) == (DRAW_GRID // 2, 0)
    assert to_grid(DRAWING_EXTENT, 9.0, -9.0) == (DRAW_GRID, 0)
    assert to_grid(DRAWING_EXTENT, 0.0021, 0.0019) == (501, 500)


def test_every_fifth_point_drawn_validates_and_a_new_point_moves_no_other():
    train, val = split_drawn(100 + 12, 12)
    own_train, own_val = split_drawn(100, 0)
    np.testing.assert_array_equal(val, [*own_val, 104, 109])
    np.testing.assert_array_equal(train[: len(own_train)], own_train)
    for n in range(1, 12):  # drawing one more point keeps every part as it was
        before, after = split_drawn(n, n), split_drawn(n + 1, n + 1)
        assert set(before[0]) <= set(after[0]) and set(before[1]) <= set(after[1])


def test_a_trainer_on_an_empty_drawing_waits_for_points():
    trainer = Trainer(drawing(3))
    assert trainer.step(5).epoch == 0 and trainer.diverged_at is None
    assert np.isnan(trainer.history[-1].train_loss)
    trainer.set_data(with_drawn(drawing(3), POINTS[:4]))  # no 5th point yet: nothing to validate on
    metrics = trainer.step(3)
    assert metrics.epoch == 3 and np.isfinite(metrics.train_loss) and np.isnan(metrics.val_loss)
    assert trainer.diverged_at is None


@pytest.mark.parametrize(
    "config",
    [Config(hidden=(16,), lr=0.3), Config(optimizer="adam", lr=0.05, batch_size=4)],
    ids=["sgd", "adam"],
)
def test_set_data_goes_on_with_the_same_model_and_optimizer_as_the_torch_loop(config):
    first, second = with_drawn(drawing(3), POINTS[:6]), with_drawn(drawing(3), POINTS)
    trainer = Trainer(first, config)
    trainer.step(4)
    trainer.set_data(second)
    trainer.step(3)

    # The course's loop: one model and one optimizer, four epochs on the first points, three on all of them.
    torch.manual_seed(config.seed)
    hidden = config.hidden[0] if config.hidden else None
    model = (
        nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, 3)) if hidden else nn.Linear(2, 3)
    )
    optimizer = (
        torch.optim.Adam(model.parameters(), lr=config.lr)
        if config.optimizer == "adam"
        else torch.optim.SGD(model.parameters(), lr=config.lr)
    )
    order = torch.Generator().manual_seed(config.seed)
    for data, epochs in ((first, 4), (second, 3)):
        train, _ = split_drawn(len(data), data.drawn)
        X, y = torch.from_numpy(data.X[train]), torch.from_numpy(data.y[train])
        for _ in range(epochs):
            batches = (
                torch.randperm(len(y), generator=order).split(config.batch_size)
                if config.batch_size
                else [slice(None)]
            )
            for batch in batches:
                loss = F.cross_entropy(model(X[batch]), y[batch])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
    for ours, theirs in zip(trainer.model.parameters(), model.parameters(), strict=True):
        torch.testing.assert_close(ours, theirs)
    assert trainer.epoch == 7 and [m.epoch for m in trainer.history] == [0, 4, 7]


def test_set_data_evaluates_the_model_on_the_new_data_at_this_epoch():
    trainer = Trainer(with_drawn(drawing(3), POINTS[:6]))
    trainer.step(2)
    metrics = trainer.set_data(with_drawn(drawing(3), POINTS))
    assert trainer.history[-1] is metrics and [m.epoch for m in trainer.history] == [0, 2]
    assert len(trainer.train) == 10 and len(trainer.validation) == 2
    with torch.no_grad():
        loss = F.cross_entropy(
            trainer.model(torch.from_numpy(trainer.train.X)), torch.from_numpy(trainer.train.y)
        )
    assert metrics.train_loss == pytest.approx(loss.item())


def test_set_data_refuses_other_classes_or_another_standardisation(ames):
    with pytest.raises(ValueError, match="classes"):
        Trainer(drawing(3)).set_data(drawing(2))
    with pytest.raises(ValueError, match="standardised differently"):
        Trainer(ames).set_data(load_ames(standardize=False))


def test_a_drawing_s_script_prints_the_trainers_losses(tmp_path):
    assert_reproduces(Trainer(with_drawn(drawing(3), POINTS), Config(hidden=(8,), lr=0.3)), tmp_path)


def test_a_script_of_ames_and_drawn_points_prints_the_trainers_losses(ames, tmp_path):
    trainer = Trainer(with_drawn(ames, POINTS), Config(batch_size=64))
    assert "split_drawn(len(y), drawn=len(drawn)" in script(trainer)
    assert_reproduces(trainer, tmp_path)
