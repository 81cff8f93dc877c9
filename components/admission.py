"""How many students may train in one server process, and who holds those places.

Ten students in one process, half of them training the 2-100-3 MLP, get 16.9 frames/s and 34 epochs/s each
(BENCHMARKS.md, "This round"); forty get 3-5 frames/s and a 15-17 s wait for the page. So past
a limit, a new student gets the explorer and a message on the training tab rather than a share of a server that
slows everyone. A place is taken when a page first opens the training tab and given back when its session ends;
the room (components/room.py) still shares the process among those who hold one.

The limit comes from the environment, `SOFTMAX_EXPLORER_MAX_TRAINING` (deploy/serve.sh --max-training sets it);
unset or 0 means no limit, as for a single process serving everyone.
"""

from __future__ import annotations

import os
from collections.abc import Hashable

ENV = "SOFTMAX_EXPLORER_MAX_TRAINING"
MEASURED = 10  # training sessions that fill one process's core (BENCHMARKS.md); the replicas' default


def limit_from_env(environ=os.environ) -> int:
    """The configured limit: a whole number >= 0 from ``ENV`` (0, unset or empty: no limit)."""
    text = environ.get(ENV, "").strip()
    if not text:
        return 0
    try:
        limit = int(text)
    except ValueError:
        raise ValueError(f"{ENV} must be a whole number of training sessions, not {text!r}") from None
    if limit < 0:
        raise ValueError(f"{ENV} must be 0 (no limit) or more, not {limit}")
    return limit


class Places:
    """The training places of one process: ``limit`` of them (0: as many as asked for)."""

    def __init__(self, limit: int = 0):
        self.limit = limit
        self._holders: set[Hashable] = set()  # e.g. session ids: a holder gives its place back explicitly

    @property
    def taken(self) -> int:
        return len(self._holders)

    @property
    def full(self) -> bool:
        """Whether a new student would be refused now."""
        return bool(self.limit) and self.taken >= self.limit

    def take(self, holder: Hashable) -> bool:
        """Give ``holder`` a place if one is free (or it has one already); whether it now holds one."""
        if holder in self._holders:
            return True
        if self.full:
            return False
        self._holders.add(holder)
        return True

    def give_back(self, holder: Hashable) -> None:
        """``holder`` no longer trains here (its page closed); nothing happens if it held no place."""
        self._holders.discard(holder)


PLACES = Places(limit_from_env())  # one a process
