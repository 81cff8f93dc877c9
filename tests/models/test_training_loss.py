"""Training with squared error (nn.MSELoss() on the softmax probabilities) instead of cross-entropy."""

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from softmax_explorer.models.codegen import script
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer
from tests.models.test_codegen import assert_reproduces

SQUARED = Config(hidden=(100,), lr=0.5, loss="squared_error")


def test_squared_error_training_gives_the_numbers_of_a_loop_with_mse_loss_on_softmax(ames):
    trainer = Trainer(ames, SQUARED)
    torch.manual_seed(SQUARED.seed)
    model = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    criterion = nn.MSELoss()
    X_train, y_train = torch.from_numpy(trainer.train.X), torch.from_numpy(trainer.train.y)
    onehot = F.one_hot(y_train, 3).float()
    for _ in range(20):
        loss = criterion(torch.softmax(model(X_train), dim=1), onehot)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    metrics = trainer.step(20)
    with torch.no_grad():
        expected = criterion(torch.softmax(model(X_train), dim=1), onehot).item()
    assert metrics.train_loss == pytest.approx(expected, abs=1e-7)
    for ours, theirs in zip(trainer.model.parameters(), model.parameters(), strict=True):
        torch.testing.assert_close(ours, theirs)


def test_the_metrics_are_the_loss_being_minimised(ames):
    cross, squared = Trainer(ames, Config()), Trainer(ames, Config(loss="squared_error"))
    # The same initial weights: the untrained model's losses differ only by the loss each measures.
    start = cross.history[0].train_loss, squared.history[0].train_loss
    assert start[0] == pytest.approx(1.1, abs=0.15)  # about log 3
    assert start[1] == pytest.approx(2 / 9, abs=0.05)  # about mean((1/3 - y)^2)
    assert cross.history[0].train_acc == squared.history[0].train_acc


def test_squared_error_script_reproduces_the_trainer(ames, tmp_path):
    assert_reproduces(Trainer(ames, SQUARED), tmp_path)


def test_squared_error_script_with_mini_batches_reproduces_the_trainer(tmp_path):
    config = Config(hidden=(16,), optimizer="adam", lr=0.02, batch_size=32, loss="squared_error")
    assert_reproduces(Trainer(load_toy("blobs", n=120, classes=4, seed=2), config), tmp_path)


def test_squared_error_script_says_mse_loss_on_softmax(ames):
    source = script(Trainer(ames, SQUARED), epochs=10)
    assert "criterion = nn.MSELoss()" in source
    assert "loss = criterion(torch.softmax(logits, dim=1), F.one_hot(y_train, 3).float())" in source
    assert "F.cross_entropy" not in source


def test_config_rejects_an_unknown_loss():
    with pytest.raises(ValueError, match="loss must be one of cross_entropy, squared_error"):
        Config(loss="hinge")
