"""Messages for the student (warnings, errors, confirmations) as Alert panes that show their text as text.

A message often quotes what came from outside: a link's value, a class name, a CSV file's name or cell. Its text
is escaped here, the one place where a message becomes HTML, and wrapped in a block so that Markdown leaves it
alone too: ``<img onerror=...>`` or ``*stars*`` in a file's name appear as typed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import panel as pn


def notice_html(text: str, items: Sequence[str] = ()) -> str:
    """``text`` (and a bulleted list of ``items``) as escaped HTML."""
    lines = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    body = f"<p>{html.escape(text)}</p>" if text else ""
    return f"<div class='notice'>{body}{f'<ul>{lines}</ul>' if lines else ''}</div>".replace("\n", " ")


def notice(kind: str, text: str = "", items: Sequence[str] = (), **params) -> pn.pane.Alert:
    """An Alert (``kind``: warning, danger, success, info) showing ``text``; hidden while there is none."""
    return pn.pane.Alert(
        notice_html(text, items),
        alert_type=kind,
        visible=bool(text or items),
        sizing_mode="stretch_width",
        **params,
    )


def show(alert: pn.pane.Alert, text: str, items: Sequence[str] = ()) -> None:
    """Put ``text`` in ``alert`` (escaped), or hide it when ``text`` and ``items`` are empty."""
    alert.param.update(object=notice_html(text, items), visible=bool(text or items))
