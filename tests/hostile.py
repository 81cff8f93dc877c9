"""Hostile input shared by the fuzz tests: a table of values for every key of the link, and the checks that
nothing of it became markup, ran script or was echoed at length.

A value is refused with a warning that names its key, except by the keys listed as accepting it (``"0"`` is a
fine seed). ``ANY`` marks a value for which falling back to the default without a word is as sensible as a
warning (an empty value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from softmax_explorer.app import url_state
from softmax_explorer.app.playground_url import KEYS as TRAINING_KEYS

# Every payload carries "alert(" and would open a dialog if it ran.
MARKUP = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
)
LONG = 20_000
MAX_WARNING = 400  # characters in one warning: the message and a short quote of the value
ANY = frozenset({"*"})


@dataclass(frozen=True)
class Hostile:
    """One hostile value; ``accepted_by``: the keys for which it is a valid setting (no warning needed)."""

    id: str
    value: str
    accepted_by: frozenset = frozenset()

    def must_warn(self, key: str) -> bool:
        return self.accepted_by is not ANY and key not in self.accepted_by


SHORT = [
    Hostile("img", MARKUP[0]),
    Hostile("script", MARKUP[1]),
    Hostile("javascript-url", MARKUP[2]),
    Hostile("svg", MARKUP[3]),
    Hostile("nan", "nan"),
    Hostile("inf", "inf"),
    Hostile("-inf", "-inf"),
    Hostile("1e309", "1e309"),
    Hostile("empty", "", ANY),
    Hostile("rtl-emoji", "مرحبا שלום 🙂🔥"),
    Hostile("arabic-indic-3", "٣"),
    Hostile("negative", "-1"),
    # 0 is a valid index (target, pick), flag (conceal, largest, present), seed, full batch, weight decay, noise
    # and number of backward steps.
    Hostile(
        "zero",
        "0",
        frozenset(
            {"target", "conceal", "largest", "present", "noise", "dseed", "std", "batch", "wd", "seed"}
            | {"pick", "backward"}
        ),
    ),
    Hostile("1000-logits", ",".join(["1"] * 1000)),
    Hostile("json-nesting", "[" * 1000),
]
HUGE = [Hostile("20000-digits", "9" * LONG), Hostile("20000-chars", "x" * LONG)]
TABLE = SHORT + HUGE
# Repeated keys: the last wins, and it is hostile.
DUPLICATE = ("<img src=x onerror=alert(2)>", "<svg onload=alert(3)>")
# Keys nobody reads, one of them markup itself: they may be ignored without a word, but must stay text.
UNKNOWN = {"zzz": MARKUP[0], MARKUP[3]: "1", "callback": "javascript:alert(1)"}

# The page-wide keys (read by the app, or by Panel itself for the theme), the explorer's, the training tab's.
PAGE_KEYS = tuple(dict.fromkeys([*getattr(url_state, "PAGE_KEYS", ()), "tab", "present", "theme"]))
EXPLORER_SURFACE = (*PAGE_KEYS, *url_state.EXPLORER_KEYS)
TRAINING_SURFACE = tuple(TRAINING_KEYS)
ALL_KEYS = (*EXPLORER_SURFACE, *TRAINING_SURFACE)


# A link too long to read at all may be refused whole, in one warning that says so instead of naming each key.
WHOLE_LINK = re.compile(r"\blink\b.*\blong\b|\btoo long\b", re.IGNORECASE)


def names_key(warning: str, key: str) -> bool:
    """Whether ``warning`` is about ``key``: the key is its first word (quoted or not)."""
    text = warning.lstrip("'\" ")
    return text.startswith(key) and not text[len(key) : len(key) + 1].isalnum()


def warned_about(warnings: list[str], key: str) -> bool:
    """Whether one of ``warnings`` names ``key``, or says the whole link was too long to read."""
    return any(names_key(w, key) or WHOLE_LINK.search(w) for w in warnings)


def quotes_at_length(text: str, value: str, limit: int = 200) -> bool:
    """Whether ``text`` holds ``limit`` or more consecutive characters of ``value``."""
    if len(text) < limit or len(value) < limit:
        return False
    return any(value[i : i + limit] in text for i in range(len(value) - limit + 1))


# Elements made from a payload, anywhere in the document and its (open) shadow roots: an inline event handler,
# the payloads' <img src=x>, a script that alerts, a javascript: address, or the marker of markup-in-data cases.
INJECTED = """() => {
    const found = [];
    const walk = (root) => {
        for (const e of root.querySelectorAll('*')) {
            const tag = e.tagName.toLowerCase();
            const handlers = e.getAttributeNames().filter((a) => a.startsWith('on'));
            const address = ['href', 'src', 'action', 'formaction', 'xlink:href']
                .map((a) => e.getAttribute(a) || '').find((v) => v.trim().toLowerCase().startsWith('javascript:'));
            if (handlers.length || address || (tag === 'img' && e.getAttribute('src') === 'x')
                || (tag === 'script' && e.textContent.includes('alert(')) || e.hasAttribute('data-hostile')) {
                found.push(e.outerHTML.slice(0, 120));
            }
            if (e.shadowRoot) walk(e.shadowRoot);
        }
    };
    walk(document);
    return found;
}"""
