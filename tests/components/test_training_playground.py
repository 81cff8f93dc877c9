"""TrainingPlayground without a browser: frames, step, reset, divergence, changes, one point's forward pass, hand-off."""

from __future__ import annotations

import numpy as np
import pytest

from softmax_explorer.components import training_status
from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.components.room import ROOM
from softmax_explorer.components.training_playground import TrainingPlayground
from softmax_explorer.models.codegen import script
from softmax_explorer.models.data import split_indices
from softmax_explorer.models.toys import load_toy
from softmax_explorer.models.training import Config, Trainer


def blobs_playground(**config) -> TrainingPlayground:
    return TrainingPlayground(config=PlaygroundConfig(dataset="blobs", points=100, **config))


@pytest.fixture(autouse=True)
def unhurried(monkeypatch):
    """Frames train all their epochs, however slow this machine is today (the time budget is tested below)."""
    monkeypatch.setattr(ROOM, "budget", lambda fps: None)


@pytest.fixture
def playground() -> TrainingPlayground:
    return blobs_playground()


def test_a_frame_trains_epochs_per_frame_epochs(playground):
    playground.epochs_per_frame = 5
    playground.frame()
    playground.frame()
    assert playground.trainer.epoch == 10


def test_a_frame_of_a_heavy_model_stops_within_its_time_budget(monkeypatch):
    monkeypatch.setattr(ROOM, "budget", lambda fps: 0.01)
    playground = TrainingPlayground(
        config=PlaygroundConfig(
            dataset="spiral", points=2000, model="mlp", hidden=[512, 512], batch_size=8, optimizer="adam"
        ),
        epochs_per_frame=50,
    )
    playground.frame()
    assert (
        playground.trainer.epoch < 50 and playground._train_ms < 2000
    )  # one epoch alone is 200 mini-batches


def test_a_runaway_loss_that_stays_finite_pauses_with_a_message_and_reset_recovers(monkeypatch):
    monkeypatch.setattr(training_status, "RUNAWAY_S", 0.0)  # at once, rather than after 5 s of it
    playground = TrainingPlayground(
        config=PlaygroundConfig(model="mlp", optimizer="adam", lr=10.0, weight_decay=0.1), epochs_per_frame=50
    )
    playground.playing = True
    # A frame trains within a time budget, so a busy machine trains fewer epochs a frame: go on until it pauses
    # (4 frames on a quiet machine), for at most 400 epochs.
    for _ in range(1000):
        if not playground.playing or playground.trainer.epoch >= 400:
            break
        playground.frame()
    assert (
        playground.trainer.diverged_at is None
    )  # no number overflowed: Adam's steps are bounded by its rate
    assert not playground.playing
    assert playground.status.startswith("Training paused at epoch")
    assert "Lower the learning rate (or the weight decay), then press Reset." in playground.status
    playground.reset()
    assert playground.status == "" and playground.trainer.epoch == 0


def test_step_trains_one_epoch_and_pauses(playground):
    playground.playing = True
    playground.step()
    assert playground.trainer.epoch == 1 and not playground.playing


def test_toggle_plays_and_pauses(playground):
    playground.toggle()
    assert playground.playing
    playground.toggle()
    assert not playground.playing


def test_reset_returns_to_epoch_0_and_the_initial_metrics(playground):
    initial = playground.trainer.history[0]
    playground.step()
    playground.frame()
    playground.reset()
    assert playground.trainer.epoch == 0 and playground.trainer.history == [initial]


def test_the_same_seed_gives_the_same_run_as_the_engine(playground):
    playground.epochs_per_frame = 20
    playground.frame()
    engine = Trainer(load_toy("blobs", n=100, noise=0.1, seed=0, classes=3), Config())
    assert playground.trainer.record() == engine.step(20)


@pytest.fixture(scope="module")
def diverged() -> TrainingPlayground:
    """The Ames MLP at lr = 100, which diverges within 20 epochs, run for 50."""
    playground = TrainingPlayground(config=PlaygroundConfig(model="mlp", lr=100.0), epochs_per_frame=50)
    playground.playing = True
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ROOM, "budget", lambda fps: None)
        playground.frame()
    return playground


def test_divergence_pauses_with_a_clear_message(diverged):
    assert not diverged.playing
    at = diverged.trainer.diverged_at
    assert at is not None
    assert diverged.status.startswith(f"Training diverged at epoch {at}: the loss became infinite or NaN")
    assert "Lower the learning rate, then press Reset." in diverged.status


def test_reset_after_divergence_clears_the_message_and_trains_again():
    playground = TrainingPlayground(config=PlaygroundConfig(model="mlp", lr=100.0), epochs_per_frame=50)
    playground.frame()
    playground.reset()
    assert (
        playground.status == "" and playground.trainer.diverged_at is None and playground.trainer.epoch == 0
    )
    playground.step()
    assert playground.trainer.epoch == 1


def test_a_model_change_starts_a_new_run_with_it(playground):
    playground.step()
    playground.playing = True
    playground.config.lr = 0.03
    assert playground.trainer.epoch == 0 and playground.trainer.config.lr == 0.03 and not playground.playing


def test_a_data_change_starts_a_new_run_on_the_new_data(playground):
    playground.config.dataset = "moons"
    assert playground.trainer.dataset.name == "moons" and len(playground.trainer.dataset) == 100


def test_data_that_cannot_be_built_keeps_the_last_run_and_says_why(playground):
    trainer = playground.trainer
    playground.config.param.dataset.objects = [*playground.config.param.dataset.objects, "csv"]
    playground.config.dataset = "csv"
    assert playground.trainer is trainer
    assert playground.problem == "Data not changed: load a CSV file first."


def shapes(playground: TrainingPlayground) -> list[tuple[str, list[int]]]:
    return [(name, list(shape)) for name, shape in playground.shapes.shapes]


def test_the_shapes_table_follows_the_model(playground):
    assert shapes(playground) == [("X", [80, 2]), ("weight", [3, 2]), ("bias", [3]), ("logits", [80, 3])]
    playground.config.param.update(model="mlp", hidden=[16, 8])
    assert shapes(playground) == [
        ("X", [80, 2]),
        ("0.weight", [16, 2]),
        ("0.bias", [16]),
        ("2.weight", [8, 16]),
        ("2.bias", [8]),
        ("4.weight", [3, 8]),
        ("4.bias", [3]),
        ("logits", [80, 3]),
    ]


def test_the_code_is_the_engines_script_for_the_setup(playground):
    playground.config.param.update(model="mlp", optimizer="adam", batch_size=16, weight_decay=0.001, seed=7)
    assert playground.code.code == script(playground.trainer, epochs=1000)
    assert "torch.optim.Adam(model.parameters(), lr=0.1, weight_decay=0.001)" in playground.code.code


def test_the_confusion_matrix_counts_every_validation_point(playground):
    playground.step()
    assert playground.confusion.counts.sum() == len(split_indices(100)[1]) == 20
    assert playground.confusion.class_names == ["0", "1", "2"]


def test_a_picked_point_shows_the_trainers_forward_pass(playground):
    data, trainer = playground.trainer.dataset, playground.trainer
    index = int(split_indices(len(data))[1][0])
    playground.step()
    playground.map.pick(index)
    forward = playground.forward
    assert forward.title == f"Point {index} (validation)"
    assert forward.inputs_raw == list(data.X_raw[index])
    np.testing.assert_array_equal(forward.inputs_model, data.standardize(data.X_raw[index]))
    np.testing.assert_array_equal(forward.logits, trainer.logits(data.X_raw[index], units="raw"))
    assert forward.target == data.y[index] and forward.class_names == ["0", "1", "2"]


def test_the_forward_pass_follows_training(playground):
    playground.map.pick(0)
    before = list(playground.forward.logits)
    playground.step()
    assert playground.forward.logits != before
    np.testing.assert_array_equal(
        playground.forward.logits, playground.trainer.logits(playground.trainer.dataset.X_raw[0], units="raw")
    )


def test_a_new_model_clears_the_forward_pass(playground):
    playground.map.pick(0)
    playground.config.seed = 1
    assert playground.forward.logits == []


def test_the_handoff_carries_the_logits_true_class_and_class_names(playground):
    playground.map.pick(5)
    playground.forward.param.trigger("handoff")
    assert playground.handoff == {
        "logits": playground.forward.logits,
        "target": int(playground.trainer.dataset.y[5]),
        "class_names": ["0", "1", "2"],
    }


def test_handing_off_the_same_point_twice_sends_it_twice(playground):
    sent = []
    playground.param.watch(lambda event: sent.append(event.new), "handoff")
    playground.map.pick(5)
    playground.forward.param.trigger("handoff")
    playground.forward.param.trigger("handoff")
    assert len(sent) == 2 and sent[0] == sent[1]


def test_pausing_shows_the_epoch_training_stopped_at_even_if_frames_were_skipped(playground):
    # Without a browser no frame is ever acknowledged, so the map is soon "busy" and frames go undrawn.
    playground.epochs_per_frame = 5
    playground.playing = True
    for _ in range(5):
        playground.frame()
    playground.playing = False
    rows = np.frombuffer(playground.curves.history, dtype="<f4").reshape(-1, 5)
    assert playground.trainer.epoch == 25 and rows[-1, 0] == 25


def test_the_forward_pass_speaks_of_houses_on_ames_and_points_elsewhere(playground):
    assert playground.forward.noun == "point" and "One point, forward pass" in playground.heading.object
    playground.config.dataset = "ames"
    assert playground.forward.noun == "house" and "One house, forward pass" in playground.heading.object


def test_the_loop_ticks_at_the_rate_the_room_gives_not_the_one_asked_for(playground):
    # 40 sessions training: the room lowers each one's frame rate, and the loop ticks that often instead of
    # ticking 30 times a second to skip most ticks (each costs the server about a small frame's messages).
    others = [type("Session", (), {})() for _ in range(39)]  # held weakly by the room: kept alive here
    playground.frames_per_second = 30
    playground.playing = True
    assert playground._period == pytest.approx(1 / 30)
    try:
        for other in others:
            ROOM.join(other)
        playground._tick()
        assert ROOM.frames_per_second(30) < 10
        assert playground._period == pytest.approx(1 / ROOM.frames_per_second(30))
        for other in others:
            ROOM.leave(other)
        playground._tick()
        assert playground._period == pytest.approx(1 / 30)
    finally:
        for other in others:
            ROOM.leave(other)
        playground.playing = False


def test_an_adopted_playground_keeps_its_training_and_draws_for_the_new_theme(playground):
    playground.epochs_per_frame = 5
    playground.frame()
    trainer, history = playground.trainer, list(playground.trainer.history)
    playground.adopt(dark=True, playing=False)
    assert playground.trainer is trainer and playground.trainer.history == history
    assert playground.map.dark and playground.map._canvas.fade_to == "#212529"
    playground.adopt(dark=False, playing=False)
    assert playground.map._canvas.fade_to == "#ffffff"


def test_the_end_of_a_session_it_has_left_does_not_stop_it(playground):
    gone = type("Context", (), {"id": "a page before"})()
    playground.playing = True
    playground._session_ended(gone)
    assert playground.playing
    playground.playing = False
