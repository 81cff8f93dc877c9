"""The Trainer: the notebook's numbers, determinism, divergence, predictions, the decision map and tensor shapes."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Metrics, Trainer

MLP = Config(hidden=(100,), lr=0.1)


@pytest.fixture(scope="module")
def moons():
    """Two interleaving half circles, 200 points."""
    return load_toy("moons")


def weights(trainer):
    """Copies of the trainer's parameters."""
    return [p.detach().clone() for p in trainer.model.parameters()]


def test_history_starts_with_the_untrained_model_at_epoch_0(ames):
    trainer = Trainer(ames)
    assert len(trainer.history) == 1 and trainer.history[0].epoch == 0
    assert trainer.history[0].train_loss == pytest.approx(np.log(3), abs=0.2)


def test_step_trains_that_many_epochs_and_returns_the_latest_metrics(ames):
    trainer = Trainer(ames)
    trainer.step(3)
    metrics = trainer.step(4)
    assert isinstance(metrics, Metrics) and metrics.epoch == trainer.epoch == 7
    assert [m.epoch for m in trainer.history] == [0, 3, 7]
    assert trainer.history[-1] is metrics


def test_full_batch_training_gives_the_notebook_loops_numbers(ames):
    trainer = Trainer(ames, MLP)
    torch.manual_seed(MLP.seed)
    model = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    X_train, y_train = torch.from_numpy(trainer.train.X), torch.from_numpy(trainer.train.y)
    for _ in range(20):
        loss = F.cross_entropy(model(X_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    metrics = trainer.step(20)
    with torch.no_grad():
        assert metrics.train_loss == pytest.approx(F.cross_entropy(model(X_train), y_train).item(), abs=1e-6)
    for ours, theirs in zip(trainer.model.parameters(), model.parameters(), strict=True):
        torch.testing.assert_close(ours, theirs)


def test_metrics_are_the_loss_and_accuracy_of_the_current_model(ames):
    trainer = Trainer(ames, MLP)
    metrics = trainer.step(5)
    X_val, y_val = torch.from_numpy(trainer.validation.X), torch.from_numpy(trainer.validation.y)
    with torch.no_grad():
        logits = trainer.model(X_val)
    assert metrics.val_loss == pytest.approx(F.cross_entropy(logits, y_val).item())
    assert metrics.val_acc == pytest.approx((logits.argmax(1) == y_val).float().mean().item())


@pytest.mark.parametrize("config", [MLP, Config(optimizer="adam", lr=0.01, batch_size=50, weight_decay=1e-3)])
def test_same_seed_gives_the_same_history(ames, config):
    first, second = Trainer(ames, config), Trainer(ames, config)
    for trainer in (first, second):
        trainer.step(2)
        trainer.step(3)
    assert first.history == second.history


def test_seed_changes_the_initial_weights(ames):
    assert not torch.equal(
        weights(Trainer(ames, Config(seed=1)))[0], weights(Trainer(ames, Config(seed=2)))[0]
    )


def test_trainer_leaves_the_callers_random_state_alone(ames):
    torch.manual_seed(0)
    expected = torch.rand(3)
    torch.manual_seed(0)
    Trainer(ames, Config(seed=7)).step(2)
    assert torch.equal(torch.rand(3), expected)


def test_reset_returns_to_the_initial_weights_and_history(ames):
    trainer = Trainer(ames, MLP)
    initial, first = weights(trainer), trainer.history[0]
    trainer.step(5)
    trainer.reset()
    assert all(torch.equal(a, b) for a, b in zip(weights(trainer), initial, strict=True))
    assert trainer.history == [first] and trainer.epoch == 0


def test_mlp_learns_the_moons_that_logistic_regression_cannot(moons):
    mlp = Trainer(moons, Config(hidden=(32,), optimizer="adam", lr=0.02)).step(300)
    logreg = Trainer(moons, Config(optimizer="adam", lr=0.02)).step(300)
    assert mlp.val_acc >= 0.97 and logreg.val_acc < 0.92


@pytest.mark.parametrize(
    ("name", "kind", "momentum"),
    [("sgd", torch.optim.SGD, 0), ("momentum", torch.optim.SGD, 0.9), ("adam", torch.optim.Adam, None)],
)
def test_optimizer_name_chooses_the_torch_optimizer(ames, name, kind, momentum):
    optimizer = Trainer(ames, Config(optimizer=name, weight_decay=0.01)).optimizer
    assert type(optimizer) is kind and optimizer.defaults["weight_decay"] == 0.01
    assert optimizer.defaults.get("momentum") == momentum


def test_weight_decay_keeps_the_weights_smaller(moons):
    plain, decayed = (
        Trainer(moons, Config(hidden=(20,))),
        Trainer(moons, Config(hidden=(20,), weight_decay=0.05)),
    )
    for trainer in (plain, decayed):
        trainer.step(200)
    assert sum(p.norm() for p in decayed.model.parameters()) < sum(p.norm() for p in plain.model.parameters())


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"optimizer": "rmsprop"}, "optimizer must be one of sgd, momentum, adam"),
        ({"lr": 0}, "lr must be"),
        ({"lr": float("nan")}, "lr must be"),
        ({"batch_size": 0}, "batch_size"),
        ({"weight_decay": -1}, "weight_decay"),
        ({"seed": -3}, "seed must"),
        ({"split_seed": 1.5}, "split_seed must"),
    ],
)
def test_config_rejects_bad_settings(settings, message):
    with pytest.raises(ValueError, match=message):
        Config(**settings)


@pytest.mark.parametrize("epochs", [0, -1, 2.5])
def test_step_rejects_anything_but_a_positive_whole_number_of_epochs(ames, epochs):
    with pytest.raises(ValueError, match="epochs"):
        Trainer(ames).step(epochs)


# --- divergence -----------------------------------------------------------------------------------------------------

DIVERGING = Config(hidden=(100,), lr=100)


@pytest.fixture(scope="module")
def diverged(ames):
    """A trainer that diverged: the Ames MLP with lr = 100."""
    trainer = Trainer(ames, DIVERGING)
    trainer.step(100)
    return trainer


def test_lr_100_makes_the_notebook_loop_lose_finite_numbers(ames, diverged):
    trainer = Trainer(ames, DIVERGING)
    torch.manual_seed(DIVERGING.seed)
    model = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=100)
    X_train, y_train = torch.from_numpy(trainer.train.X), torch.from_numpy(trainer.train.y)
    losses = []
    for _ in range(diverged.diverged_at + 1):
        loss = F.cross_entropy(model(X_train), y_train)
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    # The update of epoch diverged_at (losses[diverged_at - 1] is its loss) made the next loss non-finite.
    assert np.all(np.isfinite(losses[: diverged.diverged_at])) and not np.isfinite(
        losses[diverged.diverged_at]
    )


def test_divergence_stops_training_and_reports_the_epoch_that_broke_it(diverged):
    assert diverged.diverged_at is not None and 1 <= diverged.diverged_at < 100
    assert diverged.epoch == diverged.diverged_at - 1 == diverged.history[-1].epoch


def test_divergence_restores_the_last_parameters_with_a_finite_loss(ames, diverged):
    replay = Trainer(ames, DIVERGING)
    replay.step(diverged.epoch)
    assert all(torch.equal(a, b) for a, b in zip(weights(diverged), weights(replay), strict=True))
    assert np.isfinite(diverged.history[-1].train_loss) and np.isfinite(diverged.history[-1].val_loss)


def test_step_after_divergence_trains_no_more(diverged):
    before = weights(diverged)
    assert diverged.step(10) is diverged.history[-1]
    assert all(torch.equal(a, b) for a, b in zip(weights(diverged), before, strict=True))


def test_reset_after_divergence_trains_again(ames):
    trainer = Trainer(ames, DIVERGING)
    trainer.step(100)
    trainer.reset()
    assert trainer.diverged_at is None and trainer.step(1).epoch == 1


# --- predictions, the decision map and shapes -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def trained(ames):
    """The Ames MLP after 30 epochs."""
    trainer = Trainer(ames, MLP)
    trainer.step(30)
    return trainer


def test_predict_proba_gives_a_probability_row_per_point(trained):
    probabilities = trained.predict_proba(trained.validation.X)
    assert probabilities.shape == (586, 3) and probabilities.dtype == np.float32
    np.testing.assert_allclose(probabilities.sum(axis=1), 1, rtol=1e-6)


def test_predict_proba_of_raw_points_equals_that_of_standardised_ones(trained):
    np.testing.assert_allclose(
        trained.predict_proba(trained.train.X_raw[:50], units="raw"),
        trained.predict_proba(trained.train.X[:50]),
    )


@pytest.mark.parametrize("units", ["raw", "standardized"])
def test_logits_of_one_point_equal_its_row_of_the_batch_forward(trained, units):
    points = trained.train.X_raw if units == "raw" else trained.train.X
    with torch.no_grad():
        batch = trained.model(torch.from_numpy(trained.train.X)).numpy()
    for i in (0, 17, 2343):
        logits = trained.logits(points[i], units=units)
        assert logits.shape == (3,)
        np.testing.assert_allclose(logits, batch[i], rtol=1e-5, atol=1e-6)


def test_units_must_be_raw_or_standardized(trained):
    with pytest.raises(ValueError, match="units must be 'raw' or 'standardized'"):
        trained.logits([0, 0], units="degrees")


def test_grid_is_resolution_by_resolution_by_classes_float32(trained):
    grid = trained.grid(100)
    assert grid.shape == (100, 100, 3) and grid.dtype == np.float32


def test_grid_cells_hold_probabilities_that_sum_to_1(trained):
    grid = trained.grid(60)
    assert grid.min() >= 0
    np.testing.assert_allclose(grid.sum(axis=-1), 1, rtol=1e-6)


def test_grid_cell_is_the_prediction_at_its_centre_in_raw_units(trained):
    x0, x1, y0, y1 = trained.extent
    grid = trained.grid(40)
    for i, j in [(0, 0), (0, 39), (39, 0), (21, 7)]:
        centre = [x0 + (j + 0.5) * (x1 - x0) / 40, y0 + (i + 0.5) * (y1 - y0) / 40]
        np.testing.assert_allclose(grid[i, j], trained.predict_proba([centre], units="raw")[0], rtol=1e-5)


def test_grid_extent_covers_every_point_with_a_margin_in_degrees(trained, ames):
    x0, x1, y0, y1 = trained.extent
    (lon_min, lat_min), (lon_max, lat_max) = ames.X_raw.min(axis=0), ames.X_raw.max(axis=0)
    assert x0 < lon_min and lon_max < x1 and y0 < lat_min and lat_max < y1
    assert x1 - x0 == pytest.approx(1.2 * (lon_max - lon_min))


def test_grid_follows_the_model_as_it_trains(ames):
    trainer = Trainer(ames, MLP)
    before = trainer.grid(20)
    trainer.step(5)
    assert not np.array_equal(before, trainer.grid(20))


@pytest.mark.parametrize("resolution", [1, 1001, 50.0])
def test_grid_rejects_a_resolution_outside_2_to_1000(trained, resolution):
    with pytest.raises(ValueError, match="resolution"):
        trained.grid(resolution)


def test_shapes_list_the_data_each_layers_weight_and_bias_and_the_logits(trained):
    assert trained.shapes() == [
        ("X", (2344, 2)),
        ("0.weight", (100, 2)),
        ("0.bias", (100,)),
        ("2.weight", (3, 100)),
        ("2.bias", (3,)),
        ("logits", (2344, 3)),
    ]


def test_shapes_of_logistic_regression_are_x_w_b_and_logits(ames):
    assert Trainer(ames).shapes() == [
        ("X", (2344, 2)),
        ("weight", (3, 2)),
        ("bias", (3,)),
        ("logits", (2344, 3)),
    ]


def test_training_without_recording_leaves_the_history_and_trains_the_same(moons):
    unrecorded, recorded = Trainer(moons), Trainer(moons)
    assert unrecorded.step(5, record=False) == unrecorded.history[0]
    assert len(unrecorded.history) == 1 and unrecorded.epoch == 5
    assert unrecorded.record() == recorded.step(5)


def test_record_adds_the_current_epoch_once(moons):
    trainer = Trainer(moons)
    trainer.step(3, record=False)
    first = trainer.record()
    assert trainer.record() is first and [m.epoch for m in trainer.history] == [0, 3]


def test_training_cut_by_a_time_budget_goes_on_as_if_uncut():
    data = load_toy("spiral", n=200, seed=1)
    whole, sliced = (Trainer(data, Config(hidden=(16,), batch_size=8)) for _ in range(2))
    whole.step(3)
    while sliced.epoch < 3:
        sliced.step(3 - sliced.epoch, budget=0.0)  # one mini-batch a call
    assert sliced.record() == whole.history[-1]
    for a, b in zip(sliced.model.parameters(), whole.model.parameters(), strict=True):
        assert torch.equal(a, b)
