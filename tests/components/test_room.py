"""The room: how a process's time is shared among the sessions that train, and what a student is told."""

from __future__ import annotations

import gc

import pytest

from softmax_explorer.components import room
from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.components.room import Room
from softmax_explorer.components.training_playground import TrainingPlayground


class Session:
    """Anything that can join a room (it holds its members weakly)."""


def room_of(n: int) -> tuple[Room, list[Session]]:
    r, members = Room(), [Session() for _ in range(n)]
    for m in members:
        r.join(m)
    return r, members


def test_one_session_alone_gets_its_frame_rate_and_a_full_tick():
    r, _ = room_of(1)
    assert r.frames_per_second(30) == 30
    assert r.budget(30) == room.TICK_S
    assert r.busy(30) == ""


def test_a_full_room_lowers_frame_rates_before_training_and_says_so():
    r, _ = room_of(40)
    fps = r.frames_per_second(30)
    assert room.MIN_FPS <= fps < 30
    # Frames and training together stay within one core: the frames' share plus the training share.
    assert 40 * fps * room.FRAME_COST_S <= (1 - room.TRAINING_SHARE) + 1e-9 or fps == room.MIN_FPS
    assert 40 * fps * r.budget(fps) <= room.TRAINING_SHARE + 1e-9
    assert r.busy(30) == f"Busy server: 40 training here, about {fps:.0f} frames/s each"


def test_every_session_gets_the_same_share():
    r, _ = room_of(7)
    assert len({r.budget(r.frames_per_second(w)) * r.frames_per_second(w) for w in (10, 20, 30)}) == 1


@pytest.mark.parametrize("n", [2, 10, 40, 200])
def test_nobody_is_starved(n):
    r, _ = room_of(n)
    assert r.frames_per_second(30) >= room.MIN_FPS and r.budget(r.frames_per_second(30)) > 0


def test_a_session_that_is_gone_leaves_the_room_by_itself():
    r, members = room_of(3)
    del members[:]
    gc.collect()
    assert r.playing == 0


def test_a_playground_tells_its_student_when_the_room_is_busy(monkeypatch):
    crowd = [Session() for _ in range(60)]
    for member in crowd:
        room.ROOM.join(member)
    try:
        playground = TrainingPlayground(config=PlaygroundConfig(dataset="blobs", points=100))
        playground.frame()
        assert playground.busy.startswith("Busy server: 60 training here")
    finally:
        for member in crowd:
            room.ROOM.leave(member)
    playground.frame()
    assert playground.busy == ""
