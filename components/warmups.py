"""The warm-up's situations (predict the probabilities first) and its challenges (reach the goal probabilities),
each for any number of classes k: name -> (button label, function of k giving the logits or the goals); and the
challenge of the warm-up's last question, which has a rule of its own (:func:`largest_check`)."""

from __future__ import annotations

import math

from softmax_explorer.models.inputs import format_number
from softmax_explorer.models.softmax import softmax

PRESETS = {
    "equal": ("All equal", lambda k: [1.5] * k),
    "bigger": ("One much bigger", lambda k: [6.0] + [1.0] * (k - 1)),
    "smaller": ("One much smaller", lambda k: [1.0] * (k - 1) + [-4.0]),
}
CHALLENGES = {
    "half": ("Challenge: half on the last class", lambda k: [round(0.5 / (k - 1), 3)] * (k - 1) + [0.5]),
    "double": (
        "Challenge: each twice the one before",
        lambda k: [round(2**i / (2**k - 1), 3) for i in range(k)],
    ),
}

# The warm-up's last question: make output 1 (the true class) as large as possible; what must the other logits do?
# A challenge with its own check (not goals to match): p(true class) of at least AT_LEAST with every logit within
# +/-BOUND, which no single logit can reach alone: it takes the true class's logit up and every other one down.
LARGEST = "largest"
LARGEST_LABEL = "Challenge: the true class's p as large as it can be"
BOUND = 5.0
AT_LEAST = 0.999


def largest_check(logits, target: int, temperature: float, names) -> tuple[bool, str, str]:
    """The largest-output challenge for these logits: whether it is met, the line that says how far it is, and
    once met the explanation (else "")."""
    name, k = names[target], len(logits)
    p = float(softmax(logits, 1.0)[target])
    best = 1 / (1 + (k - 1) * math.exp(-2 * BOUND))
    goal = f"p({name}) ≥ {AT_LEAST:g} with every logit within ±{BOUND:g}"
    outside = [
        i for i, z in enumerate(logits) if abs(z) > BOUND + 1e-9
    ]  # not 5.0000000001 after 50 steps of 0.1
    if temperature != 1:
        return False, f"Set T back to 1: this question is about the logits alone ({goal}).", ""
    if outside:
        i = outside[0]
        return False, f"Keep every logit within ±{BOUND:g}: z({names[i]}) is {format_number(logits[i])}.", ""
    if p < AT_LEAST:
        hint = (
            f" {name}'s logit is at the top: what must the others do?"
            if logits[target] >= BOUND - 0.05
            else ""
        )
        return False, f"Goal {goal}: now p({name}) = {p:.4f}.{hint}", ""
    explanation = (
        f"Softmax depends only on the differences between logits: p({name}) = 1 / (1 + Σ exp(z_k − z_{name})) "
        f"over the other classes k. So p({name}) grows when z_{name} − z_k grows for every other k, whether "
        f"z_{name} goes up or the others go down, alike. With every logit within ±{BOUND:g}, the best is z_{name} "
        f"= {BOUND:g} and all the others = −{BOUND:g}: differences of {2 * BOUND:g}, p({name}) = 1 / (1 + "
        f"{k - 1}·exp(−{2 * BOUND:g})) = {best:.5f}."
    )
    return True, f"✓ Solved: p({name}) = {p:.5f} with every logit within ±{BOUND:g}.", explanation
