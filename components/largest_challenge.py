"""The warm-up's last question as a challenge on the explorer: its button's line of progress under the bars, and
the explanation once it is met. The rule is ``largest_check`` in ``components/warmups.py``; this only shows it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import panel as pn

from softmax_explorer.components.notice import notice, show
from softmax_explorer.components.warmups import largest_check

if TYPE_CHECKING:
    from softmax_explorer.components.softmax_explorer import SoftmaxExplorer

STYLE = ".se-largest-status { margin: 0.4em 0 0; font-weight: 600; font-size: 1.1em; color: var(--se-fg, inherit); }"


def largest_status(explorer: SoftmaxExplorer) -> pn.Column:
    """The challenge's progress (live as the logits move) and, once met, why; hidden while it is not on."""
    line = pn.pane.HTML(sizing_mode="stretch_width", margin=(0, 5), stylesheets=[STYLE])
    why = notice("success", margin=(4, 5))
    column = pn.Column(line, why, sizing_mode="stretch_width", margin=0)

    def update(*_):
        on = explorer.largest and not explorer.concealed
        column.visible = on
        if not on:
            return
        met, status, explanation = largest_check(
            explorer.logits, explorer.target, explorer.temperature, explorer.class_names
        )
        kind = "solved" if met else "open"
        line.object = f"<p class='se-largest-status {kind}' aria-live='polite'>{html.escape(status)}</p>"
        show(why, explanation)

    explorer.param.watch(update, ["logits", "target", "temperature", "class_names", "largest", "concealed"])
    update()
    return column
