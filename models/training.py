"""Training a classifier on a data set with torch, a few epochs at a time, as the training tab animates it.

A :class:`Trainer` splits a :class:`~models.data.Dataset` into training and validation parts, builds the model
that a :class:`Config` describes and trains it with ``F.cross_entropy`` (or, to compare, ``nn.MSELoss()`` on the
softmax probabilities against one-hot targets), autograd and ``torch.optim`` in the course's loop (``zero_grad``, ``backward``, ``step``), full batch unless a batch size is given. After each
:meth:`Trainer.step` it evaluates the model on both parts; :meth:`Trainer.grid` gives the class probabilities over
the plane for the decision map. The same seeds give the same numbers as the script that :mod:`models.codegen`
writes. :meth:`Trainer.set_data` changes the data under a model as it trains (points drawn on the map).
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from softmax_explorer.models.data import Dataset, extent, split, split_drawn
from softmax_explorer.models.networks import build_model

OPTIMIZERS = ("sgd", "momentum", "adam")
LOSSES = ("cross_entropy", "squared_error")
MOMENTUM = 0.9


@dataclass(frozen=True)
class Config:
    """Everything that decides a training run besides the data: the model, the optimizer and the seeds."""

    hidden: tuple[int, ...] = ()  # sizes of the hidden layers; () is logistic regression
    activation: str = "relu"  # relu, tanh, sigmoid or none
    optimizer: str = "sgd"  # sgd, momentum (SGD with momentum 0.9) or adam
    lr: float = 0.1
    batch_size: int | None = None  # None trains on the whole training set at once, as the course does
    weight_decay: float = 0.0
    seed: int = 42  # fixes the initial weights and the order of mini-batches
    test_size: float = 0.2  # the fraction of points held out for validation
    split_seed: int = 42  # fixes which points those are (as train_test_split's random_state)
    loss: str = "cross_entropy"  # or squared_error: nn.MSELoss() between softmax(logits) and one-hot targets

    def __post_init__(self):
        """Check the optimizer's settings; build_model and split check the rest."""
        object.__setattr__(self, "hidden", tuple(self.hidden))
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {self.optimizer!r}")
        if self.loss not in LOSSES:
            raise ValueError(f"loss must be one of {', '.join(LOSSES)}, got {self.loss!r}")
        if not 0 < self.lr < math.inf:
            raise ValueError(f"lr must be a number > 0, got {self.lr!r}")
        if self.batch_size is not None and not (isinstance(self.batch_size, int) and self.batch_size >= 1):
            raise ValueError(
                f"batch_size must be None (full batch) or a whole number >= 1, got {self.batch_size!r}"
            )
        if not 0 <= self.weight_decay < math.inf:
            raise ValueError(f"weight_decay must be a number >= 0, got {self.weight_decay!r}")
        for name in ("seed", "split_seed"):
            if not (isinstance(getattr(self, name), int) and getattr(self, name) >= 0):
                raise ValueError(f"{name} must be a whole number >= 0, got {getattr(self, name)!r}")


@dataclass(frozen=True)
class Metrics:
    """The mean loss being minimised (Config.loss) and the accuracy on the training and validation parts, after
    ``epoch`` epochs of updates."""

    epoch: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float


class Trainer:
    """Trains a classifier on a data set with torch and evaluates it for plots, deterministically from its seeds."""

    def __init__(self, dataset: Dataset, config: Config | None = None):
        """Split ``dataset``, then build the model and optimizer that ``config`` describes."""
        self.config = config or Config()
        self._use(dataset)
        self.reset()

    def _use(self, dataset: Dataset) -> None:
        """Train and evaluate on ``dataset`` from now on: its parts, as tensors, and its map's extent."""
        self.dataset = dataset
        self.train, self.validation = split(dataset, self.config.test_size, self.config.split_seed)
        # Which of the data set's points are in each part (the map marks them; a picked point says its part).
        self.train_indices, self.validation_indices = split_drawn(
            len(dataset), dataset.drawn, self.config.test_size, self.config.split_seed
        )
        self._X, self._y = torch.from_numpy(self.train.X), torch.from_numpy(self.train.y)
        self._X_val, self._y_val = torch.from_numpy(self.validation.X), torch.from_numpy(self.validation.y)
        self.extent = extent(dataset)
        self._grid: tuple[int, torch.Tensor | None] = (0, None)

    def set_data(self, dataset: Dataset) -> Metrics:
        """Go on training the same model, with the same optimizer (its momentum or Adam's moments), on ``dataset``:
        points were drawn on the map, or taken back. Returns the model's metrics on the new data, which replace any
        recorded at this epoch.

        The data must have the same classes and be seen through the same standardisation, or the model's inputs
        and outputs would change meaning under it (ValueError). The epoch under way starts again on the new data.
        """
        if dataset.class_names != self.dataset.class_names:
            raise ValueError(
                f"the new data's classes ({', '.join(dataset.class_names)}) are not the model's "
                f"({', '.join(self.dataset.class_names)})"
            )
        if not (
            np.array_equal(dataset.mean, self.dataset.mean) and np.array_equal(dataset.std, self.dataset.std)
        ):
            raise ValueError(
                "the new data are standardised differently from the data the model was trained on"
            )
        self._use(dataset)
        self._pending.clear()
        metrics = self._evaluate()
        self.history = [m for m in self.history if m.epoch < self.epoch] + [metrics]
        return metrics

    def reset(self) -> None:
        """Back to the seeded initial weights, a fresh optimizer and a history with only epoch 0."""
        config = self.config
        with torch.random.fork_rng(devices=[]):  # seed the weights without touching the caller's random state
            torch.manual_seed(config.seed)
            self.model = build_model(2, len(self.dataset.class_names), config.hidden, config.activation)
        if config.optimizer == "adam":
            self.optimizer = torch.optim.Adam(
                self.model.parameters(), lr=config.lr, weight_decay=config.weight_decay
            )
        else:
            momentum = MOMENTUM if config.optimizer == "momentum" else 0.0
            self.optimizer = torch.optim.SGD(
                self.model.parameters(), lr=config.lr, momentum=momentum, weight_decay=config.weight_decay
            )
        self._order = torch.Generator().manual_seed(config.seed)
        self._pending: deque = deque()  # the mini-batches left of an epoch that a time budget cut short
        self._params = [p.detach() for p in self.model.parameters()]
        self._finite = [p.clone() for p in self._params]  # the last parameters whose loss was finite
        self._finite_epoch = 0  # the epoch that was running when they were saved
        self.epoch = 0
        self.diverged_at: int | None = None
        self.history = [self._evaluate()]

    def _batches(self):
        """The (X, y) batches of one epoch: the whole training part, or shuffled mini-batches of batch_size."""
        if self.config.batch_size is None:
            return ((self._X, self._y),)
        order = torch.randperm(len(self._y), generator=self._order)
        return [(self._X[i], self._y[i]) for i in order.split(self.config.batch_size)]

    def step(self, epochs: int = 1, record: bool = True, budget: float | None = None) -> Metrics:
        """Train ``epochs`` more epochs and return the metrics of the model that results.

        With ``record=False`` the model is not evaluated and ``history`` not extended, and the last recorded
        metrics are returned: for a caller that shows metrics less often than it trains (the training tab).

        With ``budget`` (seconds), training stops once that much time has passed, between two mini-batches, even
        in the middle of an epoch: the next call goes on with the same epoch's remaining batches, so the numbers
        are those of uninterrupted training. This bounds a call whatever the model and batch size.

        A non-finite loss stops training for good (until :meth:`reset`): the parameters go back to the last ones
        whose loss was finite, ``diverged_at`` is set to the epoch whose update broke them, and ``epoch`` to the
        one before it. Further calls return the last metrics without training.
        """
        if not (isinstance(epochs, int) and epochs >= 1):
            raise ValueError(f"epochs must be a whole number >= 1, got {epochs!r}")
        if self.diverged_at is not None or not len(
            self._y
        ):  # diverged, or a drawing with no training point yet
            return self.history[-1]
        deadline = math.inf if budget is None else time.perf_counter() + budget
        for _ in range(epochs):
            if not self._pending:
                self._pending.extend(self._batches())
            while self._pending:
                X, y = self._pending.popleft()
                loss = self._loss(self.model(X), y)
                if not math.isfinite(loss.item()):
                    self._pending.clear()
                    return self._diverge()
                for kept, p in zip(self._finite, self._params, strict=True):
                    kept.copy_(p)
                self._finite_epoch = self.epoch + 1
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
                if self._pending and time.perf_counter() >= deadline:
                    return self.record() if record else self.history[-1]
            self.epoch += 1
            if time.perf_counter() >= deadline:
                break
        return self.record() if record else self.history[-1]

    def confusion(self) -> np.ndarray:
        """The validation part's confusion counts: [i, j] points of class i predicted as class j."""
        predicted = self.predict_proba(self.validation.X).argmax(axis=1)
        return confusion_counts(self.validation.y, predicted, len(self.dataset.class_names))

    def record(self) -> Metrics:
        """Evaluate the model as it is now and add its metrics to ``history``, unless they are there already."""
        if self.history[-1].epoch == self.epoch or self.diverged_at is not None:
            return self.history[-1]
        metrics = self._evaluate()
        parts = ((metrics.train_loss, self._y), (metrics.val_loss, self._y_val))
        if not all(math.isfinite(loss) for loss, y in parts if len(y)):  # an empty part's loss is NaN
            return self._diverge()
        self.history.append(metrics)
        return metrics

    def _diverge(self) -> Metrics:
        """Restore the last parameters with a finite loss and record where training diverged."""
        for p, kept in zip(self._params, self._finite, strict=True):
            p.copy_(kept)
        self.diverged_at = self._finite_epoch
        self.epoch = max(self._finite_epoch - 1, 0)
        metrics = self._evaluate()
        self.history = [m for m in self.history if m.epoch < self.epoch] + [metrics]
        return metrics

    def _evaluate(self) -> Metrics:
        """Loss and accuracy of the current model on the training and validation parts."""
        return Metrics(
            self.epoch,
            *self._loss_and_accuracy(self._X, self._y),
            *self._loss_and_accuracy(self._X_val, self._y_val),
        )

    def _loss(self, logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """The mean loss of Config.loss: cross-entropy, or squared error of the probabilities (as nn.MSELoss())."""
        if self.config.loss == "cross_entropy":
            return F.cross_entropy(logits, y)
        return F.mse_loss(torch.softmax(logits, dim=1), F.one_hot(y, logits.shape[1]).to(logits.dtype))

    def _loss_and_accuracy(self, X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        """Mean loss (Config.loss) and the fraction classified right, without tracking gradients (NaN for no points:
        a drawing's validation part before its 5th point)."""
        if not len(y):
            return math.nan, math.nan
        with torch.no_grad():
            logits = self.model(X)
            return self._loss(logits, y).item(), (logits.argmax(dim=1) == y).float().mean().item()

    def _inputs(self, X, units: str) -> torch.Tensor:
        """Points of shape (M, 2) as a float32 tensor in the model's units."""
        if units not in ("raw", "standardized"):
            raise ValueError(f"units must be 'raw' or 'standardized', got {units!r}")
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != 2:
            raise ValueError(f"points must have shape (M, 2), got {X.shape}")
        return torch.from_numpy(self.dataset.standardize(X) if units == "raw" else X.astype(np.float32))

    def predict_proba(self, X, units: str = "standardized") -> np.ndarray:
        """Class probabilities (M, K) for points (M, 2), in the model's units or in the original ("raw") ones."""
        with torch.no_grad():
            return torch.softmax(self.model(self._inputs(X, units)), dim=1).numpy()

    def logits(self, x, units: str = "standardized") -> np.ndarray:
        """The logits (K,) of one point (2,), in the model's units or in the original ("raw") ones."""
        with torch.no_grad():
            return self.model(self._inputs(np.reshape(x, (1, 2)), units))[0].numpy()

    def grid(self, resolution: int = 100) -> np.ndarray:
        """Class probabilities (H, W, K) float32 at the centres of a resolution x resolution grid over ``extent``.

        Row i is the i-th row of cells from the bottom (lowest second feature), column j the j-th from the left.
        """
        if not (isinstance(resolution, int) and 2 <= resolution <= 1000):
            raise ValueError(f"resolution must be a whole number from 2 to 1000, got {resolution!r}")
        if self._grid[0] != resolution:  # the cells' centres, made once per resolution as the map asks for it
            x0, x1, y0, y1 = self.extent
            centres = (np.arange(resolution) + 0.5) / resolution
            gx, gy = np.meshgrid(x0 + centres * (x1 - x0), y0 + centres * (y1 - y0))
            self._grid = (resolution, self._inputs(np.column_stack([gx.ravel(), gy.ravel()]), "raw"))
        with torch.inference_mode():
            logits = self.model(self._grid[1])
            # Softmax along dim 0 of the transpose gives the same numbers, several times faster than along a
            # last dimension of only K entries.
            return torch.softmax(logits.T, dim=0).T.reshape(resolution, resolution, -1).numpy()

    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Each Linear layer's weight (out, in) and bias (out,) as float32 arrays, in forward order: the whole
        model, for the browser to draw the map from. Views of the live parameters: copy them to keep them."""
        return [
            (m.weight.detach().numpy(), m.bias.detach().numpy())
            for m in self.model.modules()
            if isinstance(m, torch.nn.Linear)
        ]

    def shapes(self) -> list[tuple[str, tuple[int, ...]]]:
        """Names and shapes of the training tensors in forward order: X, each layer's weight and bias, logits."""
        n = len(self.train)
        parameters = [(name, tuple(p.shape)) for name, p in self.model.named_parameters()]
        return [("X", (n, 2)), *parameters, ("logits", (n, len(self.dataset.class_names)))]


def confusion_counts(y_true: np.ndarray, y_pred: np.ndarray, k: int) -> np.ndarray:
    """counts[i, j]: how many points of class i were predicted as class j."""
    return np.bincount(y_true * k + y_pred, minlength=k * k).reshape(k, k)
