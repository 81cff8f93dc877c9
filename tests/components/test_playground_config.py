"""PlaygroundConfig: the data set, network and optimizer its parameters describe, and the hidden-layer text."""

from __future__ import annotations

import numpy as np
import pytest

from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.models.tables import load_csv
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config


def test_default_data_is_the_standardised_ames_houses():
    data = PlaygroundConfig().build_dataset()
    assert data.source == {"dataset": "ames", "standardize": True}
    assert len(data) == 2930 and data.class_names == ("low", "medium", "high")
    np.testing.assert_allclose(data.X.mean(axis=0), 0, atol=1e-5)


def test_unstandardised_ames_keeps_degrees():
    data = PlaygroundConfig(standardize=False).build_dataset()
    np.testing.assert_allclose(data.X, data.X_raw.astype(np.float32))


def test_ames_is_read_once_and_shared():
    assert PlaygroundConfig().build_dataset() is PlaygroundConfig().build_dataset()


def test_a_toy_set_uses_size_noise_and_seed():
    data = PlaygroundConfig(dataset="moons", points=150, noise=0.3, data_seed=4).build_dataset()
    expected = load_toy("moons", n=150, noise=0.3, seed=4)
    np.testing.assert_array_equal(data.X_raw, expected.X_raw)
    np.testing.assert_array_equal(data.y, expected.y)


@pytest.mark.parametrize(("dataset", "k"), [("blobs", 5), ("spiral", 5), ("circles", 2), ("xor", 2)])
def test_only_blobs_and_spiral_take_a_number_of_classes(dataset, k):
    assert len(PlaygroundConfig(dataset=dataset, classes=5).build_dataset().class_names) == k


def test_the_csv_data_set_is_the_loaded_file():
    csv = load_csv(b"a,b,c\n1,2,x\n2,1,y\n3,3,x\n", features=("a", "b"), label="c")
    config = PlaygroundConfig(csv=csv)
    config.param.dataset.objects = [*config.param.dataset.objects, "csv"]
    config.dataset = "csv"
    assert config.build_dataset() is csv


def test_the_csv_data_set_without_a_file_is_an_error():
    config = PlaygroundConfig()
    config.param.dataset.objects = [*config.param.dataset.objects, "csv"]
    config.dataset = "csv"
    with pytest.raises(ValueError, match="load a CSV file first"):
        config.build_dataset()


def test_logistic_regression_has_no_hidden_layers_whatever_the_widths():
    assert PlaygroundConfig(model="logreg", hidden=[16, 16]).build_config().hidden == ()


def test_an_mlp_config_carries_every_setting():
    settings = {
        "activation": "tanh",
        "optimizer": "adam",
        "lr": 0.03,
        "batch_size": 32,
        "weight_decay": 0.001,
        "seed": 7,
    }
    config = PlaygroundConfig(model="mlp", hidden=[16, 8], **settings).build_config()
    assert config == Config(hidden=(16, 8), **settings)


def test_batch_size_0_is_full_batch():
    assert PlaygroundConfig(batch_size=0).build_config().batch_size is None


def test_describe_logistic_regression():
    assert PlaygroundConfig().describe_model(3) == "nn.Linear(2, 3)"


def test_describe_an_mlp_as_the_course_writes_it():
    assert PlaygroundConfig(model="mlp").describe_model(3) == (
        "nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))"
    )
    assert PlaygroundConfig(model="mlp", hidden=[16, 8], activation="tanh").describe_model(2) == (
        "nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 8), nn.Tanh(), nn.Linear(8, 2))"
    )


def test_describe_an_mlp_without_activation():
    assert PlaygroundConfig(model="mlp", hidden=[4], activation="none").describe_model(3) == (
        "nn.Sequential(nn.Linear(2, 4), nn.Linear(4, 3))"
    )
