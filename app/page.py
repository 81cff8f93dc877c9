"""The page: template, header controls, tabs, the URL warnings, and the URL kept in sync with the state."""

from __future__ import annotations

import panel as pn

from app.playground_url import KEYS as PLAYGROUND_KEYS
from app.playground_url import playground_query, playground_state
from app.url_state import (
    EXPLORER_KEYS,
    TABS,
    app_state,
    explorer_query,
    explorer_state,
    format_query,
    parse_query,
)
from components.page_controls import CopyButton, LectureToggle, ThemeSwitch
from components.playground_config import PlaygroundConfig
from components.softmax_explorer import SoftmaxExplorer
from components.training_playground import TrainingPlayground

TITLE = "Softmax Explorer"
URL_DELAY_MS = 300


def url_warning(warnings: list[str]) -> pn.pane.Alert:
    """A visible note that some of the link's settings were not usable and defaults were used instead."""
    items = "".join(f"<li>{w}</li>" for w in warnings)
    return pn.pane.Alert(
        f"<b>Some settings in the link could not be used; defaults were used instead.</b><ul>{items}</ul>",
        alert_type="warning", visible=bool(warnings), sizing_mode="stretch_width", css_classes=["url-warning"],
    )


def build_page(search: str | None = None):
    """Everything one session sees, initialised from the query string (the browser's, unless ``search``)."""
    location = pn.state.location
    query = parse_query(search if search is not None else (location.search if location else ""))
    page, page_warnings = app_state(query)
    state, warnings = explorer_state(query)
    explorer = SoftmaxExplorer(**state)
    training, training_warnings = playground_state(query)
    playground = TrainingPlayground(config=PlaygroundConfig(**training["config"]), dark=pn.config.theme == "dark",
                                    **training["run"])
    lecture = LectureToggle(present=page["present"], margin=(0, 10), align="center")
    tabs = pn.Tabs(("Softmax explorer", explorer), ("Training playground", playground),
                   active=TABS.index(page["tab"]), dynamic=False, sizing_mode="stretch_width")

    def open_in_explorer(event):
        """A house's forward pass goes to the explorer: its logits, true class and class names."""
        if event.new:
            explorer.stop()
            explorer.param.update(**event.new, goal=[], concealed=False, temperature=1.0)
            tabs.active = 0

    playground.param.watch(open_in_explorer, "handoff")
    lecture.link(playground, present="large_text")
    playground.large_text = lecture.present

    pending = []

    def schedule_url(*_):
        # At most one address update per 300 ms: a drag would otherwise add a history entry per step.
        if location is None or pending:
            return
        pending.append(pn.state.curdoc.add_timeout_callback(write_url, URL_DELAY_MS))

    def write_url():
        pending.clear()
        current = parse_query(location.search)
        ours = (*EXPLORER_KEYS, *PLAYGROUND_KEYS, "present", "tab")
        kept = {k: v for k, v in current.items() if k not in ours}
        kept["tab"] = TABS[tabs.active]
        kept.update(explorer_query(explorer))
        kept.update(playground_query(playground, full=tabs.active == 1))
        if lecture.present:
            kept["present"] = "1"
        location.search = format_query(kept)

    explorer.param.watch(schedule_url, [p for p in explorer.param if p not in ("name", "probabilities", "loss",
                                                                                 "gradient", "message", "running")])
    lecture.param.watch(schedule_url, "present")
    tabs.param.watch(schedule_url, "active")
    playground.config.param.watch(schedule_url, [k for _, (owner, k) in PLAYGROUND_KEYS.items() if owner == "config"])
    playground.param.watch(schedule_url, [k for _, (owner, k) in PLAYGROUND_KEYS.items() if owner == "run"])
    pn.state.onload(schedule_url)

    template = pn.template.BootstrapTemplate(
        title=TITLE,
        header=[pn.Row(pn.layout.HSpacer(), CopyButton(margin=(0, 10), align="center"),
                       ThemeSwitch(theme=pn.config.theme, margin=(0, 10), align="center"), lecture,
                       sizing_mode="stretch_width", align="center")],
        main=[url_warning(page_warnings + warnings + training_warnings), tabs],
        collapsed_sidebar=True,
    )
    return template
