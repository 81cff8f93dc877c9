"""Class colours, the same in every view of both tabs (Python draws the map, the browser draws the bars).

Okabe and Ito's colour-blind-safe palette (blue, orange, bluish green, reddish purple, sky blue, vermillion,
yellow), then two of Paul Tol's muted colours and a grey: distinct on a projector, and every view also names
its classes, so no colour has to be told apart alone.
"""

CLASS_COLORS = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#882255", "#44AA99", "#888888",
)


def class_color(i: int) -> str:
    return CLASS_COLORS[i % len(CLASS_COLORS)]


def mix(color: str, background: str, amount: float) -> str:
    """``amount`` of ``color`` over ``background`` (0 gives the background, 1 the colour), as #rrggbb."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * amount + y * (1 - amount)):02x}" for x, y in zip(a, b, strict=True))
