"""Logits and class names as text, for the exact-entry field and the URL: parsed with clear errors, and
formatted so that parsing the text gives back exactly the same numbers."""

from __future__ import annotations

import math

MAX_CLASSES = 10
LOGIT_LIMIT = 1000.0


def format_number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``1`` rather than ``1.0``)."""
    short = f"{value:g}"
    return short if float(short) == value else repr(float(value))


def format_logits(logits) -> str:
    return ", ".join(format_number(v) for v in logits)


def parse_logits(text: str) -> list[float]:
    """Logits from text such as ``1, 2, -1``; ValueError with a message a student can act on."""
    parts = [p for p in str(text).replace(";", ",").replace(",", " ").split() if p]
    if not 2 <= len(parts) <= MAX_CLASSES:
        raise ValueError(f"give between 2 and {MAX_CLASSES} logits, separated by commas (got {len(parts)})")
    values = []
    for part in parts:
        try:
            value = float(part)
        except ValueError:
            raise ValueError(f"{part!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{part!r} is not a finite number")
        if abs(value) > LOGIT_LIMIT:
            raise ValueError(f"{part} is outside -{LOGIT_LIMIT:g} to {LOGIT_LIMIT:g}")
        values.append(value)
    return values


def parse_class_names(text: str) -> list[str]:
    """Class names from text such as ``low, medium, high``: 2 to 10 distinct names of at most 24 characters."""
    names = [n.strip() for n in str(text).split(",")]
    if any(not n for n in names):
        raise ValueError("class names must not be empty")
    if not 2 <= len(names) <= MAX_CLASSES:
        raise ValueError(f"give between 2 and {MAX_CLASSES} class names (got {len(names)})")
    if len(set(names)) != len(names):
        raise ValueError("class names must be different from each other")
    if any(len(n) > 24 for n in names):
        raise ValueError("class names must have at most 24 characters")
    return names
