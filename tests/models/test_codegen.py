"""The emitted script runs on its own and prints the Trainer's metrics, in the course's PyTorch idioms."""

import re
import subprocess
import sys

import numpy as np
import pytest

from softmax_explorer.models.codegen import script
from softmax_explorer.models.tables import load_csv
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer

LINE = re.compile(r"epoch (\d+): train loss ([\d.]+) acc ([\d.]+), val loss ([\d.]+) acc ([\d.]+)")


def run(source: str, folder) -> list[tuple[float, ...]]:
    """Run a script in its own Python process and return the numbers of its metric lines."""
    path = folder / "train.py"
    path.write_text(source)
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, cwd=folder, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return [tuple(float(x) for x in LINE.fullmatch(line).groups()) for line in done.stdout.splitlines()]


def assert_reproduces(trainer: Trainer, folder, epochs: int = 6, every: int = 2, **options) -> None:
    """The script's metrics every `every` epochs equal the trainer's: losses to 1e-5, accuracies to print precision."""
    printed = run(script(trainer, epochs=epochs, every=every, **options), folder)
    expected = [trainer.step(every) for _ in range(epochs // every)]
    assert [row[0] for row in printed] == [m.epoch for m in expected]
    np.testing.assert_allclose(
        [(r[1], r[3]) for r in printed], [(m.train_loss, m.val_loss) for m in expected], atol=1e-5
    )
    np.testing.assert_allclose(
        [(r[2], r[4]) for r in printed], [(m.train_acc, m.val_acc) for m in expected], atol=1e-4
    )


def test_ames_mlp_script_prints_the_trainers_losses(ames, tmp_path):
    assert_reproduces(Trainer(ames, Config(hidden=(100,), lr=0.1)), tmp_path)


def test_toy_script_with_mini_batches_momentum_and_weight_decay_prints_the_trainers_losses(tmp_path):
    config = Config(
        hidden=(16, 16), activation="tanh", optimizer="momentum", lr=0.05, batch_size=32, weight_decay=1e-3
    )
    assert_reproduces(Trainer(load_toy("spiral", n=150, seed=4), config), tmp_path)


def test_csv_script_with_adam_prints_the_trainers_losses(tmp_path):
    blobs = load_toy("blobs", n=90)
    rows = [f"{a},{b},{'abc'[k]}" for (a, b), k in zip(blobs.X_raw, blobs.y, strict=True)]
    (tmp_path / "points.csv").write_text("width,height,kind\n" + "\n".join(rows) + "\n1.5,,a\n")
    dataset = load_csv(tmp_path / "points.csv", ["width", "height"], "kind")
    assert_reproduces(Trainer(dataset, Config(optimizer="adam", lr=0.05, seed=3)), tmp_path)


def test_script_is_written_in_the_courses_idioms_and_imports_nothing_of_ours(ames):
    source = script(Trainer(ames, Config(hidden=(100,))), epochs=10)
    for idiom in (
        "nn.Sequential(",
        "nn.Linear(2, 100)",
        "nn.ReLU()",
        "nn.Linear(100, 3)",
        "F.cross_entropy(",
        "torch.optim.SGD(model.parameters(), lr=0.1)",
        "optimizer.zero_grad()",
        "loss.backward()",
        "optimizer.step()",
        "torch.manual_seed(42)",
    ):
        assert idiom in source
    assert not re.search(r"^\s*(from|import) (models|app|components)\b", source, re.MULTILINE)


def test_logistic_regression_script_builds_one_linear_layer(ames):
    assert "model = nn.Linear(2, 3)\n" in script(Trainer(ames), epochs=10)


def test_script_reads_the_data_file_it_is_given(ames):
    assert "DATA = 'ames.csv'" in script(Trainer(ames), data_path="ames.csv")


@pytest.mark.parametrize(("epochs", "every"), [(0, 1), (10, 0), (2.5, 1)])
def test_script_rejects_epochs_or_every_below_1(ames, epochs, every):
    with pytest.raises(ValueError, match="must be a whole number >= 1"):
        script(Trainer(ames), epochs=epochs, every=every)
