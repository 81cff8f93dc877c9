"""What the app accepts from outside (links, typed text, uploaded files): the limits, and reading numbers, names
and layer widths from text with messages a student can act on.

Every check looks at a text's length before parsing it, so no parser ever sees 20,000 digits, and every value
quoted back in a message is cut short (:func:`quote`). Messages are plain text: whoever shows them escapes them.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal

MAX_CLASSES = 10  # classes in the explorer and in a data set
MAX_NAME = 24  # characters in a class name
LOGIT_LIMIT = 1000.0  # |z| the explorer accepts
MAX_QUERY = 4000  # characters in a link's query string (10 logits and every setting take under 400)
MAX_VALUE = 300  # characters in one value of a link (but for the drawn points, MAX_DRAWN_TEXT)
MAX_NUMBER = 40  # characters in one number
MAX_LAYERS, MAX_WIDTH = 4, 512  # hidden layers of an MLP, and units in each
MAX_DRAWN = 200  # points drawn on the training map: what a link carries (x, y and class each)
MAX_DRAWN_TEXT = MAX_DRAWN * len("1000,1000,9,")  # characters of the drawn points in a link
CSV_MAX_BYTES = 5_000_000
CSV_MAX_ROWS = 100_000
CSV_MAX_COLUMNS = 200
QUOTE = 40  # characters of a value quoted back in a message

# ASCII digits only: Python's float() also reads Arabic-Indic digits, full-width digits and underscores.
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?", re.ASCII | re.IGNORECASE)
_MILLI = Decimal("0.001")
_EXACT = Context(
    prec=400
)  # enough digits for any float's exact decimal value, so quantize never rounds twice


def quote(value, limit: int = QUOTE) -> str:
    """``value`` as a message quotes it: ``'abc'``, or its first ``limit`` characters and its length."""
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def parse_number(text: str, low: float, high: float, whole: bool = False) -> float:
    """A number from ``low`` to ``high`` (a whole one if ``whole``) written in plain digits, or a ValueError."""
    text = str(text).strip()
    kind = "a whole number" if whole else "a number"
    if len(text) > MAX_NUMBER or not _NUMBER.fullmatch(text):
        raise ValueError(f"{quote(text)} is not {kind}: use {kind} from {low:g} to {high:g}")
    number = float(text)
    if not (math.isfinite(number) and low <= number <= high):
        raise ValueError(f"{quote(text)} is outside {low:g} to {high:g}")
    if whole:
        if not number.is_integer():
            raise ValueError(f"{quote(text)} is not {kind}: use {kind} from {low:g} to {high:g}")
        return int(number)
    return number


def parse_flag(text: str) -> bool:
    """On or off from ``1``/``true``/``yes``/``on`` or ``0``/``false``/``no``/``off``."""
    value = str(text).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{quote(text)} is not on or off: use 1 or 0")


def split_list(text: str, most: int, what: str) -> list[str]:
    """The items of a list separated by commas, semicolons or spaces; refused unread if far too long for ``most``."""
    if len(str(text)) > most * (MAX_NUMBER + 2):
        raise ValueError(f"the list is too long ({len(str(text)):,} characters): give at most {most} {what}")
    return [p for p in str(text).replace(";", ",").replace(",", " ").split() if p]


def parse_logits(text: str) -> list[float]:
    """Logits from text such as ``1, 2, -1``: 2 to MAX_CLASSES numbers from -LOGIT_LIMIT to LOGIT_LIMIT."""
    parts = split_list(text, MAX_CLASSES, "logits")
    if not 2 <= len(parts) <= MAX_CLASSES:
        raise ValueError(f"give between 2 and {MAX_CLASSES} logits, separated by commas (got {len(parts)})")
    return [parse_number(part, -LOGIT_LIMIT, LOGIT_LIMIT) for part in parts]


def parse_class_names(text: str) -> list[str]:
    """Class names from text such as ``low, medium, high``: 2 to MAX_CLASSES different names of at most
    MAX_NAME characters."""
    text = str(text)
    if len(text) > MAX_CLASSES * (MAX_NAME + 2):
        raise ValueError(
            f"the names are too long ({len(text):,} characters): give at most {MAX_CLASSES} names "
            f"of at most {MAX_NAME} characters"
        )
    names = [n.strip() for n in text.split(",")]
    if any(not n for n in names):
        raise ValueError("class names must not be empty")
    if not 2 <= len(names) <= MAX_CLASSES:
        raise ValueError(f"give between 2 and {MAX_CLASSES} class names (got {len(names)})")
    if len(set(names)) != len(names):
        raise ValueError("class names must be different from each other")
    if any(len(n) > MAX_NAME for n in names):
        raise ValueError(f"class names must have at most {MAX_NAME} characters")
    return names


def parse_hidden(text) -> list[int]:
    """Hidden layer widths from text such as ``100`` or ``16, 16``: 1 to MAX_LAYERS layers of 1 to MAX_WIDTH."""
    parts = split_list(text, MAX_LAYERS, "layer widths")
    if not 1 <= len(parts) <= MAX_LAYERS:
        raise ValueError(f"give 1 to {MAX_LAYERS} layer widths, such as 100 or 16, 16")
    return [parse_number(p, 1, MAX_WIDTH, whole=True) for p in parts]


def format_number(value: float) -> str:
    """What a person would write for ``value``, and what a link carries: the shortest text that reads back to it
    within the display precision, half a unit in the third decimal place (in the third significant digit below
    0.001). ``-0.1`` for -0.09999999999999998, ``2.346`` for a float32 logit, ``0.0001``, ``1.23e-7``.

    The same rule as ``formatShort`` in ``components/js/lib/format.js`` (tests/js checks the two agree): ties round
    away from zero, as JavaScript's ``toFixed`` does. The app computes with the full value; only the text is short.
    """
    number = float(value)
    if number == 0:
        return "0"
    if not math.isfinite(number) or abs(number) >= 1e21:
        return repr(number)  # as JavaScript writes these too: "inf", "1e+21"
    exact = Decimal(number)
    unit = _MILLI if abs(number) >= 0.001 else Decimal(1).scaleb(exact.adjusted() - 2)
    rounded = exact.quantize(unit, ROUND_HALF_UP, _EXACT).normalize(_EXACT)
    return format(rounded, "f") if rounded.adjusted() >= -6 else str(rounded).lower()


def format_logits(logits) -> str:
    """Logits as the exact-entry field and the link write them: ``1, 2, -1``."""
    return ", ".join(format_number(v) for v in logits)


MAX_SHAPE_TEXT = 40  # characters in a typed shape such as "(100, 2)"
MAX_DIMS, MAX_DIM = 4, 1_000_000  # axes of a typed shape, and the length of each
_SHAPE = re.compile(r"[(\[]?\s*(\d+(?:\s*(?:,|x|×|\*|\s)\s*\d+)*)\s*,?\s*[)\]]?", re.ASCII | re.IGNORECASE)


def parse_shape(text) -> tuple[int, ...]:
    """A tensor's shape as a student types it: ``(100, 2)``, ``100x2``, ``100,2``, ``[100, 2]``, ``(3,)`` or ``3``:
    1 to MAX_DIMS whole numbers from 1 to MAX_DIM."""
    text = str(text).strip()
    if len(text) > MAX_SHAPE_TEXT:
        raise ValueError(f"the answer is too long ({len(text):,} characters): write a shape such as (100, 2)")
    if not text:
        raise ValueError("no answer: write a shape such as (100, 2)")
    match = _SHAPE.fullmatch(text)
    if not match or (text[0] in "([") != (text[-1] in ")]") or ("x" in text.lower() and "," in text):
        raise ValueError(f"{quote(text)} is not a shape: write one such as (100, 2), 100x2 or (3,)")
    sizes = [int(n) for n in re.findall(r"\d+", match.group(1), re.ASCII)]
    if len(sizes) > MAX_DIMS or not all(1 <= n <= MAX_DIM for n in sizes):
        raise ValueError(f"{quote(text)} is not a shape: give 1 to {MAX_DIMS} sizes from 1 to {MAX_DIM:,}")
    return tuple(sizes)


def format_shape(shape) -> str:
    """A shape as torch prints it, without ``torch.Size``: ``(100, 2)``, ``(3,)``."""
    return str(tuple(int(n) for n in shape))
