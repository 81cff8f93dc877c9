"""Train a classifier from the command line: python -m softmax_explorer.models.train --help.

Standard output gets one JSON object when training ends: ``{"config": {...}, "final": {"epoch", "train_loss",
"train_acc", "val_loss", "val_acc"}, "diverged_at": null or an epoch, "epochs_per_second": ...}``. With
``--every N`` the metrics after every N epochs go to standard error as JSON lines, so standard output stays one
object. Bad arguments, and data or settings that cannot be used, print the usage and exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict

import torch

from softmax_explorer.models.ames import load_ames
from softmax_explorer.models.inputs import parse_hidden
from softmax_explorer.models.networks import ACTIVATIONS
from softmax_explorer.models.tables import load_csv
from softmax_explorer.models.toys import TOYS, load_toy
from softmax_explorer.models.training import OPTIMIZERS, Config, Trainer


def _sizes(text: str) -> tuple[int, ...]:
    """Hidden layer sizes from "100" or "100,50", within the app's limits (models/inputs.py)."""
    try:
        return tuple(parse_hidden(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    """The command line's options."""
    parser = argparse.ArgumentParser(
        prog="python -m softmax_explorer.models.train",
        description="Train logistic regression or an MLP and print the final metrics as one JSON object.",
    )
    data = parser.add_argument_group("data")
    data.add_argument(
        "--dataset", default="ames", help=f"ames, a toy set ({', '.join(TOYS)}) or a CSV file's path"
    )
    data.add_argument("--features", help="for a CSV file: the two feature columns, as A,B")
    data.add_argument("--label", help="for a CSV file: the label column")
    data.add_argument("--no-standardize", action="store_true", help="train on the raw Ames or CSV features")
    data.add_argument("--n", type=int, help="toy sets: number of points")
    data.add_argument("--noise", type=float, help="toy sets: standard deviation of the noise")
    data.add_argument("--classes", type=int, help="blobs and spiral: number of classes")
    data.add_argument("--data-seed", type=int, help="toy sets: the seed that draws the points")
    model = parser.add_argument_group("model and training")
    model.add_argument("--model", choices=("logreg", "mlp"), default="logreg")
    model.add_argument(
        "--hidden", type=_sizes, help="for --model mlp: hidden layer sizes, as 100 or 100,50 (100)"
    )
    model.add_argument("--activation", choices=tuple(ACTIVATIONS), default="relu")
    model.add_argument("--optimizer", choices=OPTIMIZERS, default="sgd")
    model.add_argument("--lr", type=float, default=0.1)
    model.add_argument("--batch-size", type=int, help="mini-batch size (default: the whole training set)")
    model.add_argument("--weight-decay", type=float, default=0.0)
    model.add_argument("--epochs", type=int, default=100)
    model.add_argument("--seed", type=int, default=42, help="fixes the initial weights and mini-batch order")
    model.add_argument(
        "--test-size", type=float, default=0.2, help="fraction of points held out for validation"
    )
    model.add_argument("--split-seed", type=int, default=42, help="fixes which points are held out")
    parser.add_argument("--every", type=int, help="print the metrics every N epochs to standard error")
    return parser


def _dataset(args: argparse.Namespace):
    """The data set the arguments name."""
    standardize = not args.no_standardize
    if args.dataset == "ames":
        return load_ames(standardize)
    if args.dataset in TOYS:
        params = {"n": args.n, "noise": args.noise, "classes": args.classes, "seed": args.data_seed}
        return load_toy(args.dataset, **{name: value for name, value in params.items() if value is not None})
    if not (args.features and args.label):
        raise ValueError(
            f"{args.dataset!r} is not ames or a toy set, so it is read as a CSV file: give --features A,B and --label C"
        )
    return load_csv(args.dataset, args.features.split(","), args.label, standardize)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, train, and print the result."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.hidden and args.model != "mlp":
        parser.error("--hidden is for --model mlp")
    if args.epochs < 1 or (args.every is not None and args.every < 1):
        parser.error("--epochs and --every must be at least 1")
    hidden = (args.hidden or (100,)) if args.model == "mlp" else ()
    # These tensors are too small for threads to pay off: one thread is several times faster (far more so when
    # another program keeps the other cores busy), and its sums do not depend on the number of cores.
    torch.set_num_threads(1)
    try:
        config = Config(
            hidden=hidden,
            activation=args.activation,
            optimizer=args.optimizer,
            lr=args.lr,
            batch_size=args.batch_size,
            weight_decay=args.weight_decay,
            seed=args.seed,
            test_size=args.test_size,
            split_seed=args.split_seed,
        )
        trainer = Trainer(_dataset(args), config)
    except (ValueError, OSError) as error:
        parser.error(str(error))
    start, done = time.perf_counter(), 0
    while done < args.epochs and trainer.diverged_at is None:
        epochs = min(args.every or args.epochs, args.epochs - done)
        metrics = trainer.step(epochs)
        done += epochs
        if args.every:
            print(json.dumps(asdict(metrics)), file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start
    result = {
        "config": {
            "dataset": trainer.dataset.source,
            "model": args.model,
            **asdict(config),
            "epochs": args.epochs,
        },
        "final": asdict(metrics),
        "diverged_at": trainer.diverged_at,
        "epochs_per_second": done / seconds,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
