"""python -m softmax_explorer.models.train: one JSON object on standard output, progress on standard error, exit 2 on bad input."""

import json
import shlex
import subprocess
import sys

import pytest

from softmax_explorer.models.train import main

HOUSES = "lon,lat,kind\n1,2,flat\n2,1,house\n3,5,flat\n4,3,villa\n5,5,house\n6,1,flat\n7,2,villa\n8,8,flat\n"


def result(capsys, arguments: str) -> dict:
    """The JSON object that main prints for these arguments."""
    main(shlex.split(arguments))
    return json.loads(capsys.readouterr().out)


def test_python_m_models_train_prints_one_json_object():
    command = [
        sys.executable,
        "-m",
        "softmax_explorer.models.train",
        *shlex.split("--dataset moons --model mlp --hidden 8 --epochs 5"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    printed = json.loads(done.stdout)
    assert set(printed) == {"config", "final", "diverged_at", "epochs_per_second"}
    assert set(printed["final"]) == {"epoch", "train_loss", "train_acc", "val_loss", "val_acc"}


def test_final_metrics_are_after_the_requested_epochs_and_speed_is_positive(capsys):
    printed = result(capsys, "--dataset ames --epochs 7")
    assert printed["final"]["epoch"] == 7 and printed["diverged_at"] is None
    assert printed["epochs_per_second"] > 0


def test_config_echoes_the_settings_and_the_data_source(capsys):
    arguments = "--dataset spiral --classes 4 --model mlp --hidden 20,10 --activation tanh --optimizer adam"
    config = result(capsys, arguments + " --lr 0.01 --batch-size 32 --epochs 2 --seed 5")["config"]
    assert config["dataset"] == {"dataset": "spiral", "n": 300, "classes": 4, "noise": 0.05, "seed": 0}
    assert (config["model"], config["hidden"], config["activation"]) == ("mlp", [20, 10], "tanh")
    assert (config["optimizer"], config["lr"], config["batch_size"], config["seed"]) == ("adam", 0.01, 32, 5)


def test_mlp_defaults_to_one_hidden_layer_of_100(capsys):
    assert result(capsys, "--model mlp --epochs 1")["config"]["hidden"] == [100]


def test_every_n_prints_json_lines_to_standard_error(capsys):
    main(["--dataset", "xor", "--epochs", "10", "--every", "4"])
    out, err = capsys.readouterr()
    assert [json.loads(line)["epoch"] for line in err.splitlines()] == [4, 8, 10]
    assert json.loads(out)["final"]["epoch"] == 10


def test_csv_path_with_features_and_label(capsys, tmp_path):
    (tmp_path / "houses.csv").write_text(HOUSES)
    csv = shlex.quote(str(tmp_path / "houses.csv"))
    printed = result(capsys, f"--dataset {csv} --features lon,lat --label kind --epochs 3 --test-size 0.25")
    assert printed["config"]["dataset"]["features"] == ["lon", "lat"] and printed["final"]["epoch"] == 3


def test_diverging_run_reports_its_epoch_and_finite_metrics(capsys):
    printed = result(capsys, "--model mlp --lr 100 --epochs 100")
    assert printed["diverged_at"] is not None
    assert printed["final"]["epoch"] == printed["diverged_at"] - 1
    assert printed["final"]["train_loss"] < float("inf")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ("--model cnn", "invalid choice: 'cnn'"),
        ("--model mlp --hidden ten", "'ten' is not a whole number"),
        ("--model mlp --hidden 10,0", "'0' is outside 1 to 512"),
        ("--hidden 10", "--hidden is for --model mlp"),
        ("--lr -1", "lr must be a number > 0"),
        ("--epochs 0", "--epochs and --every must be at least 1"),
        ("--dataset moons --noise -1", "noise must be"),
        ("--dataset houses.csv", "give --features A,B and --label C"),
        ("--dataset missing.csv --features a,b --label c", "No such file"),
        ("--dataset {csv} --features lon,size --label kind", "no column 'size'"),
    ],
)
def test_bad_arguments_print_the_usage_and_exit_2(capsys, tmp_path, arguments, message):
    (tmp_path / "houses.csv").write_text(HOUSES)
    with pytest.raises(SystemExit) as exit_:
        main(shlex.split(arguments.format(csv=shlex.quote(str(tmp_path / "houses.csv")))))
    err = capsys.readouterr().err
    assert (
        exit_.value.code == 2
        and err.startswith("usage: python -m softmax_explorer.models.train")
        and message in err
    )
