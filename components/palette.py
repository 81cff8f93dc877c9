"""Class colours, the same in every view of both tabs, from ``palette.json`` (which the browser modules import).

Okabe and Ito's colour-blind-safe palette (blue, orange, bluish green, reddish purple, sky blue, vermillion,
yellow), then two of Paul Tol's muted colours and a grey: distinct on a projector, and every view also names
its classes, so no colour has to be told apart alone.
"""

import json
from pathlib import Path

CLASS_COLORS = tuple(json.loads(Path(__file__).with_name("palette.json").read_text("utf-8"))["class_colors"])
