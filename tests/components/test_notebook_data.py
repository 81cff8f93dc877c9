"""A notebook's own data for the playground: TrainingPlayground(data=(X, y) or a DataFrame), checked, and .model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import torch
from torch import nn

from softmax_explorer.app.playground_url import playground_query, playground_state
from softmax_explorer.components.notebook_data import notebook_dataset
from softmax_explorer.components.training_playground import TrainingPlayground
from softmax_explorer.models.inputs import CSV_MAX_ROWS

RNG = np.random.default_rng(0)
X = RNG.normal(size=(200, 2))
Y = (X[:, 0] > 0).astype(np.int64)


def test_arrays_and_class_names_make_the_data_set_the_playground_trains_on():
    playground = TrainingPlayground(data=(X, Y), class_names=["left", "right"])
    data = playground.trainer.dataset
    assert playground.config.dataset == "csv"
    assert data.class_names == ("left", "right") and data.feature_names == ("x1", "x2")
    np.testing.assert_array_equal(data.X_raw, X)
    np.testing.assert_array_equal(data.y, Y)
    np.testing.assert_allclose(data.X.mean(axis=0), 0, atol=1e-6)  # standardised, as a CSV file is


def test_a_dataframe_gives_its_first_two_columns_as_features_and_its_third_as_the_label():
    frame = pd.DataFrame({"length": X[:, 0], "width": X[:, 1], "kind": np.where(Y, "cat", "dog")})
    data = TrainingPlayground(data=frame).trainer.dataset
    assert data.feature_names == ("length", "width")
    assert data.class_names == ("cat", "dog")  # sorted, as a CSV file's labels are
    np.testing.assert_array_equal(data.y, 1 - Y)


def test_a_two_column_frame_and_a_series_name_features_and_label():
    frame = pd.DataFrame({"a": X[:, 0], "b": X[:, 1]})
    data = notebook_dataset((frame, pd.Series(Y, name="side")))
    assert data.feature_names == ("a", "b") and data.source["label"] == "side"


def test_class_names_take_labels_as_indices_even_when_a_class_has_no_point():
    y = np.where(Y == 1, 2, 0)  # class 1 ("middle") has no point
    data = notebook_dataset((X, y), class_names=["low", "middle", "high"])
    assert data.class_names == ("low", "middle", "high")
    np.testing.assert_array_equal(data.y, y)


def test_class_names_take_labels_that_are_names_in_their_order():
    labels = np.where(Y == 1, "yes", "no")
    data = notebook_dataset((X, labels), class_names=["yes", "no"])
    np.testing.assert_array_equal(data.y, 1 - Y)


@pytest.mark.parametrize(
    ("data", "class_names", "message"),
    [
        ((X[:, :1], Y), None, r"X must have shape \(N, 2\).*shape \(200, 1\)"),
        ((X, Y[:-1]), None, "X has 200 points but y has 199 labels"),
        ((X, Y[:, None]), None, r"y must have shape \(N,\).*y.ravel\(\)"),
        ((np.where(X > 2, np.nan, X), Y), None, "column 'x1' must hold numbers, but row \\d+ has 'nan'"),
        ((np.where(X > 2, np.inf, X), Y), None, "must hold numbers, but row \\d+ has 'inf'"),
        ((X, Y + 5), ["a", "b"], "a label is a class index from 0 to 1 .* has '6'"),
        ((X, np.where(Y, "yes", "maybe")), ["yes", "no"], "the label 'maybe', not one of class_names"),
        ((X, np.zeros(200)), None, "has 1 classes; it needs 2 to 10"),
        ((X, np.arange(200) % 11), None, "has 11 classes; it needs 2 to 10"),
        ((X, Y), ["a", "a"], "class_names needs 2 to 10 different names"),
        ((X, Y), ["a", "b" * 30], "longer than 24 characters"),
        ((X[:5], Y[:5]), None, "give 10 to 100,000 points, not 5"),
        ((np.c_[X[:, 0], np.ones(200)], Y), None, "feature 'x2' has the same value in every row"),
        ((X, pd.Series(Y).where(Y == 1)), None, r"row \d+ has no label"),
        (pd.DataFrame({"a": X[:, 0], "b": X[:, 1]}), None, "needs three columns.*has 2"),
        (X, None, r"give data=\(X, y\)"),
    ],
)
def test_bad_data_is_refused_with_a_message_that_says_why(data, class_names, message):
    with pytest.raises(ValueError, match=message):
        TrainingPlayground(data=data, class_names=class_names)


def test_more_rows_than_a_csv_file_may_have_are_refused():
    n = CSV_MAX_ROWS + 1
    with pytest.raises(ValueError, match="give 10 to 100,000 points, not 100,001"):
        notebook_dataset((np.zeros((n, 2)), np.arange(n) % 2))


def test_class_names_without_data_are_refused():
    with pytest.raises(ValueError, match="give data too"):
        TrainingPlayground(class_names=["a", "b"])


def test_the_configurations_parameters_can_be_given_directly():
    playground = TrainingPlayground(data=(X, Y), model="mlp", hidden=[8], lr=0.3, optimizer="adam")
    assert playground.config.model == "mlp" and playground.config.lr == 0.3
    assert [m.out_features for m in playground.model if isinstance(m, nn.Linear)] == [8, 2]


def test_model_is_the_trained_module_and_it_predicts_in_the_notebook():
    playground = TrainingPlayground(data=(X, Y), class_names=["left", "right"])
    for _ in range(20):
        playground.frame()
    model = playground.model
    assert isinstance(model, nn.Module) and model is playground.trainer.model
    with torch.no_grad():
        predicted = model(torch.from_numpy(playground.trainer.dataset.standardize(X))).argmax(dim=1).numpy()
    assert (predicted == Y).mean() > 0.9
    np.testing.assert_allclose(
        playground.trainer.predict_proba(X, units="raw"),
        torch.softmax(model(torch.from_numpy(playground.trainer.dataset.standardize(X))), dim=1)
        .detach()
        .numpy(),
        rtol=1e-6,
    )


def test_the_link_code_takes_notebook_data_as_it_takes_a_csv_file():
    query = playground_query(TrainingPlayground(data=(X, Y)), full=True)
    assert query["dataset"] == "csv"
    state, warnings = playground_state(query)
    assert "dataset" not in state["config"]
    assert any("a CSV file cannot travel in a link" in w for w in warnings)


def test_the_code_tab_reads_the_data_from_the_file_it_names():
    code = TrainingPlayground(data=(X, Y)).code.code
    assert "DATA = 'data.csv'" in code and "['x1', 'x2']" in code
