"""A standalone PyTorch script that repeats a Trainer's run in the course's idioms, for students to read and run.

The script needs only torch, numpy and pandas. It carries the source of the data helpers it uses from
:mod:`models.data`, :mod:`models.ames`, :mod:`models.toys` and :mod:`models.tables` (copied, not imported), so it
makes the same tensors; ``torch.manual_seed`` before the model gives the same initial weights and a seeded
generator the same mini-batches. It therefore prints the metrics that ``Trainer.step(every)`` returns, to float
precision.
"""

from __future__ import annotations

import inspect
from string import Template

from torch import nn

from softmax_explorer.models.ames import price_classes
from softmax_explorer.models.data import AMES_CSV, Dataset, split_drawn, split_indices
from softmax_explorer.models.tables import encode_labels
from softmax_explorer.models.toys import TOYS
from softmax_explorer.models.training import Trainer

SCRIPT = Template('''\
"""$title

Written by Softmax Explorer; it needs torch, numpy and pandas.
"""

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn


$helpers


$data
$split
X_train, y_train = torch.tensor(X[train], dtype=torch.float32), torch.tensor(y[train])
X_val, y_val = torch.tensor(X[val], dtype=torch.float32), torch.tensor(y[val])

torch.manual_seed($seed)  # fixes the initial weights
model = $model
optimizer = $optimizer
$criterion

def evaluate(X, y):
    """Mean $loss_name loss and accuracy of the model on (X, y)."""
    with torch.no_grad():
        logits = model(X)
        return $loss_of_y.item(), (logits.argmax(dim=1) == y).float().mean().item()


$loop
    if epoch % $every == 0:
        train_loss, train_acc = evaluate(X_train, y_train)
        val_loss, val_acc = evaluate(X_val, y_val)
        print(f"epoch {epoch}: train loss {train_loss:.6f} acc {train_acc:.4f}, val loss {val_loss:.6f} acc {val_acc:.4f}")
''')

FULL_BATCH = """\
for epoch in range(1, $epochs + 1):
    logits = model(X_train)
    loss = $loss_of_train
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()"""

MINI_BATCHES = """\
batch_order = torch.Generator().manual_seed($seed)  # fixes the order of the mini-batches
for epoch in range(1, $epochs + 1):
    for batch in torch.randperm(len(y_train), generator=batch_order).split($batch_size):
        logits = model(X_train[batch])
        loss = $loss_of_batch
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()"""

STANDARDIZE = "X = (X - X.mean(axis=0)) / X.std(axis=0)  # standardise: mean 0 and std 1 over all points\n"
# With points drawn on the map, which the model sees through the data's own standardisation.
STANDARDIZE_KEPT = (
    "mean, std = X.mean(axis=0), X.std(axis=0)\n"
    "X = (X - mean) / std  # standardise: mean 0 and std 1 over the data's own points\n"
)


def _data_code(source: dict, data_path: str | None) -> tuple[list, str]:
    """The helpers to copy and the lines that make X (N, 2) and y (N,) as the data set's loader did."""
    if source["dataset"] == "drawn":
        return (
            [],
            "X, y = np.zeros((0, 2)), np.zeros(0, dtype=np.int64)  # a drawing: only the points below\n",
        )
    if source["dataset"] == "ames":
        code = (
            f"DATA = {data_path or str(AMES_CSV)!r}  # Longitude, Latitude, Sale_Price of 2930 houses (De Cock 2011)\n"
            "houses = pd.read_csv(DATA)\n"
            'X = houses[["Longitude", "Latitude"]].to_numpy()\n'
            'y = price_classes(houses["Sale_Price"])  # 0 low, 1 medium, 2 high\n'
        )
        return [price_classes], code + (STANDARDIZE if source["standardize"] else "")
    if source["dataset"] == "csv":
        features, label = source["features"], source["label"]
        code = (
            f"DATA = {data_path or source['file']!r}  # your CSV file\n"
            f"table = pd.read_csv(DATA, dtype=str).dropna(subset={[*features, label]!r})  # rows with all three values\n"
            f"X = table[{features!r}].apply(pd.to_numeric).to_numpy(dtype=float)\n"
            f"y, class_names = encode_labels(table[{label!r}])  # class k is class_names[k]\n"
        )
        return [encode_labels], code + (STANDARDIZE if source["standardize"] else "")
    toy = TOYS[source["dataset"]]
    arguments = ", ".join(f"{name}={value!r}" for name, value in source.items() if name != "dataset")
    return [toy], f"X, y = {toy.__name__}({arguments})\n"


def _drawn_code(dataset: Dataset) -> str:
    """The lines that add the points drawn on the map after the data's own, as ``models.drawn.with_drawn`` did."""
    n = dataset.drawn
    rows = "".join(
        f"    [{float(x)!r}, {float(y)!r}, {int(k)}],\n"
        for (x, y), k in zip(dataset.X_raw[-n:], dataset.y[-n:], strict=True)
    )
    seen = "(drawn[:, :2] - mean) / std" if dataset.source.get("standardize") else "drawn[:, :2]"
    names = " and ".join(dataset.feature_names)
    return (
        f"drawn = np.array([  # the {n} points drawn on the map: {names}, class\n{rows}])\n"
        f"X = np.concatenate([X, {seen}])\n"
        "y = np.concatenate([y, drawn[:, 2].astype(np.int64)])\n"
    )


def _module_code(module: nn.Module) -> str:
    """Python that builds ``module``: nn.Linear, activations and nn.Sequential as the course writes them."""
    if isinstance(module, nn.Sequential):
        return "nn.Sequential(\n" + "".join(f"    {_module_code(layer)},\n" for layer in module) + ")"
    if isinstance(module, nn.Linear):
        return f"nn.Linear({module.in_features}, {module.out_features})"
    # An activation; ReLU(inplace=True) is written nn.ReLU(), as the course does: the numbers are the same.
    return f"nn.{type(module).__name__}()"


def _optimizer_code(optimizer) -> str:
    """Python that builds ``optimizer`` over the model's parameters, naming only the settings that are not 0."""
    settings = {"lr": optimizer.defaults["lr"]} | {
        name: optimizer.defaults[name]
        for name in ("momentum", "weight_decay")
        if optimizer.defaults.get(name)
    }
    arguments = ", ".join(f"{name}={value!r}" for name, value in settings.items())
    return f"torch.optim.{type(optimizer).__name__}(model.parameters(), {arguments})"


def _loss_code(loss: str, k: int, y: str) -> str:
    """The loss of ``logits`` against the classes ``y``: cross-entropy, or nn.MSELoss() on the probabilities."""
    if loss == "cross_entropy":
        return f"F.cross_entropy(logits, {y})"
    return f"criterion(torch.softmax(logits, dim=1), F.one_hot({y}, {k}).float())"


def script(trainer: Trainer, epochs: int = 100, every: int = 10, data_path: str | None = None) -> str:
    """Python source that trains the trainer's model from its seeds for ``epochs`` and prints metrics every ``every``.

    ``data_path`` says where the script finds the Ames or CSV file (default: the packaged Ames file, or the CSV
    file the data set was loaded from).
    """
    for name, value in (("epochs", epochs), ("every", every)):
        if not (isinstance(value, int) and value >= 1):
            raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    config, dataset = trainer.config, trainer.dataset
    helpers, data_code = _data_code(dataset.source, data_path)
    split = f"train, val = split_indices(len(y), test_size={config.test_size}, seed={config.split_seed})"
    data_name = f"the {dataset.name} data"
    if dataset.drawn:
        data_code = data_code.replace(STANDARDIZE, STANDARDIZE_KEPT) + _drawn_code(dataset)
        split = (
            f"train, val = split_drawn(len(y), drawn=len(drawn), test_size={config.test_size}, "
            f"seed={config.split_seed})  # every 5th point drawn is for validation"
        )
        helpers = [*helpers, split_drawn]
        drawn = f"{dataset.drawn} points drawn on the map"
        data_name = drawn if dataset.source["dataset"] == "drawn" else f"{data_name} and {drawn}"
    sizes = "-".join(str(size) for size in (2, *config.hidden, len(dataset.class_names)))
    model = f"A {sizes} {config.activation} MLP" if config.hidden else "Logistic regression"
    k = len(dataset.class_names)
    loop = Template(MINI_BATCHES if config.batch_size else FULL_BATCH).substitute(
        epochs=epochs,
        seed=config.seed,
        batch_size=config.batch_size,
        loss_of_train=_loss_code(config.loss, k, "y_train"),
        loss_of_batch=_loss_code(config.loss, k, "y_train[batch]"),
    )
    squared = config.loss == "squared_error"
    return SCRIPT.substitute(
        title=f"{model} on {data_name}: {', '.join(dataset.class_names)} from "
        f"{' and '.join(dataset.feature_names)}, {config.optimizer} with lr {config.lr}, {epochs} epochs"
        + (", squared error on the probabilities." if squared else "."),
        helpers="\n\n".join(inspect.getsource(helper) for helper in [*helpers, split_indices]).rstrip(),
        data=data_code,
        split=split,
        seed=config.seed,
        model=_module_code(trainer.model),
        optimizer=_optimizer_code(trainer.optimizer),
        criterion="criterion = nn.MSELoss()  # squared error between softmax probabilities and one-hot targets\n"
        if squared
        else "",
        loss_name="squared-error" if squared else "cross-entropy",
        loss_of_y=_loss_code(config.loss, k, "y"),
        loop=loop,
        every=every,
    )
