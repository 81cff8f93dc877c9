"""A page's training tab, carried over the reload that switches the theme.

Panel applies a theme when a page loads, so the theme switch reloads the page; the address holds the explorer's
state and the training tab's settings, but not what only the server has: the uploaded or drawn data, the model's
weights and optimizer, the curves, the picked house. So the switch leaves the page's TrainingPlayground here under
a one-time token (``resume=`` in the new address), and the new page takes it back, within TTL_S, in the same
process (behind nginx, the replica cookie sends the reload there). A token that is unknown, used or too old
gives a fresh training tab and a note; nothing else depends on it.
"""

from __future__ import annotations

import re
import secrets
import time
from collections import OrderedDict
from typing import Any

TTL_S = 60.0
MAX_KEPT = 64  # playgrounds waiting for their page at once, at most (the oldest go first)
TOKEN = re.compile(r"[A-Za-z0-9_-]{22}")


class CarryOver:
    """Objects waiting for the page that was promised them, each under its own token, for at most TTL_S."""

    def __init__(self):
        self._kept: OrderedDict[str, tuple[float, Any]] = OrderedDict()

    def put(self, thing: Any) -> str:
        self._forget_old()
        token = secrets.token_urlsafe(16)  # 22 characters
        self._kept[token] = (time.monotonic(), thing)
        while len(self._kept) > MAX_KEPT:
            self._kept.popitem(last=False)
        return token

    def take(self, token: str) -> Any | None:
        """What was left under ``token`` (once), or None if nothing is (any text is safe to pass)."""
        self._forget_old()
        if not TOKEN.fullmatch(token or ""):
            return None
        kept = self._kept.pop(token, None)
        return kept[1] if kept else None

    def __len__(self) -> int:
        return len(self._kept)

    def _forget_old(self) -> None:
        now = time.monotonic()
        while self._kept and now - next(iter(self._kept.values()))[0] > TTL_S:
            self._kept.popitem(last=False)


CARRIED = CarryOver()  # one a process
