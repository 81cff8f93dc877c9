"""How fast the Trainer trains and draws its map, beside a plain PyTorch loop written the course notebook's way.

Run by hand; it prints a Markdown table for BENCHMARKS.md:

    .venv/bin/python bench/training_speed.py [--repeats 41]

Both sides run in the same process on one thread, interleaved (which side goes first alternates), on the Ames
data, full batch, SGD with lr 0.1; the table gives medians over the repeats and the median, over the pairs, of
the Trainer's time divided by the plain loop's. Targets (issue 4): at most 1.10 times the plain loop; the MLP at 1000 epochs/s or more; grid(100) for the
MLP under 2 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.training import Config, Trainer

MODELS = {"logistic regression 2-3": (), "MLP 2-100-3 ReLU": (100,)}


def notebook_model(hidden):
    """The model as the notebook writes it."""
    if not hidden:
        return nn.Linear(2, 3)
    return nn.Sequential(nn.Linear(2, hidden[0]), nn.ReLU(), nn.Linear(hidden[0], 3))


def notebook_epochs(model, optimizer, X_train, y_train, epochs):
    """The notebook's training loop."""
    for _ in range(epochs):
        logits = model(X_train)
        loss = F.cross_entropy(logits, y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def notebook_grid(model, extent, mean, std, resolution):
    """The notebook's decision map: a meshgrid, standardised, one forward pass, softmax."""
    x0, x1, y0, y1 = extent
    xx, yy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    points = torch.tensor((np.column_stack([xx.ravel(), yy.ravel()]) - mean) / std, dtype=torch.float32)
    with torch.no_grad():
        return F.softmax(model(points), dim=1).reshape(resolution, resolution, -1).numpy()


def seconds(run) -> float:
    """Wall time of one call."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def compare(plain, ours, repeats: int) -> tuple[float, float, float]:
    """Median seconds of the plain and our version, and the median of their ratio within each interleaved pair.

    The first of each pair alternates; the ratio within a pair cancels the slow drifts of a shared machine.
    """
    plain(), ours()  # warm up
    pairs = []
    for r in range(repeats):
        first, second = (plain, ours) if r % 2 == 0 else (ours, plain)
        times = {first: seconds(first), second: seconds(second)}
        pairs.append((times[plain], times[ours]))
    plain_times, our_times = zip(*pairs, strict=True)
    ratio = statistics.median(ours / plain for plain, ours in pairs)
    return statistics.median(plain_times), statistics.median(our_times), ratio


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=41)
    repeats = parser.parse_args().repeats
    torch.set_num_threads(1)
    ames = load_ames()
    rows = []
    for name, hidden in MODELS.items():
        trainer = Trainer(ames, Config(hidden=hidden, lr=0.1))
        torch.manual_seed(42)
        model = notebook_model(hidden)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        X_train, y_train = torch.from_numpy(trainer.train.X), torch.from_numpy(trainer.train.y)
        epochs = 100 if hidden else 300
        plain, ours, ratio = compare(
            lambda: notebook_epochs(model, optimizer, X_train, y_train, epochs),  # noqa: B023 (called in this pass)
            lambda: trainer.step(epochs),  # noqa: B023
            repeats,
        )
        rows.append((f"{name}: epochs/s (step({epochs}))", epochs / plain, epochs / ours, ratio))
        for resolution in (100, 200):
            plain, ours, ratio = compare(
                lambda: notebook_grid(model, trainer.extent, ames.mean, ames.std, resolution),  # noqa: B023
                lambda: trainer.grid(resolution),  # noqa: B023
                repeats,
            )
            rows.append((f"{name}: grid({resolution}) ms", plain * 1e3, ours * 1e3, ratio))
    print(f"torch {torch.__version__}, 1 thread, {repeats} interleaved repeats, medians\n")
    print("| measure | plain loop | Trainer | Trainer time / plain time (median of pairs) |")
    print("| --- | ---: | ---: | ---: |")
    for measure, plain, ours, ratio in rows:
        print(f"| {measure} | {plain:,.1f} | {ours:,.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
