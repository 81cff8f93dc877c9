"""The warm-up's situations (predict the probabilities first) and its challenges (reach the goal probabilities),
each for any number of classes k: name -> (button label, function of k giving the logits or the goals)."""

from __future__ import annotations

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
