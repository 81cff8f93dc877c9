"""The page: template, header controls, tabs, the URL warnings, and the URL kept in sync with the state."""

from __future__ import annotations

import panel as pn
from panel.io.location import Location, _get_location_params
from panel.util import edit_readonly

from softmax_explorer.app.carry_over import CARRIED
from softmax_explorer.app.playground_url import KEYS as PLAYGROUND_KEYS
from softmax_explorer.app.playground_url import LINKED, playground_query, playground_state, show_linked_point
from softmax_explorer.app.url_state import (
    EXPLORER_KEYS,
    PAGE_KEYS,
    TABS,
    app_state,
    explorer_query,
    explorer_state,
    format_query,
    read_query,
)
from softmax_explorer.components import metrics
from softmax_explorer.components.admission import PLACES
from softmax_explorer.components.notice import notice, show
from softmax_explorer.components.page_controls import CopyButton, LectureToggle, TabKeys, ThemeSwitch
from softmax_explorer.components.playground_config import PlaygroundConfig
from softmax_explorer.components.softmax_explorer import SoftmaxExplorer
from softmax_explorer.components.training_playground import TrainingPlayground

TITLE = "Softmax Explorer"
URL_DELAY_MS = 300
# Shown when the page's connection to its server ends (a replica stopped, the network dropped): not a frozen page.
DISCONNECTED = "Connection lost: reload the page to continue (your settings are kept in the address)."
NOT_USED = "Some settings in the link could not be used; defaults were used instead."


def url_warning(warnings: list[str]) -> pn.pane.Alert:
    """A visible note that some of the link's settings were not usable and defaults were used instead."""
    return notice("warning", NOT_USED if warnings else "", warnings, css_classes=["url-warning"])


def refused() -> pn.pane.Alert:
    """The training tab's content when this process has no training place left (components/admission.py)."""
    n = PLACES.taken
    who = "1 student is" if n == 1 else f"{n} students are"
    return notice(
        "warning",
        f"Training is full on this server: {who} training here, as many as it serves at a good pace.",
        [
            "The Softmax explorer tab works as usual.",
            "Open this tab again in a few minutes, or reload the page to be sent to a server with room.",
        ],
        css_classes=["training-full"],
    )


def one_file(explorer: SoftmaxExplorer) -> str:
    """The explorer as one HTML file (app/standalone.py, which reads this module's title: imported when asked)."""
    from softmax_explorer.app.standalone import explorer_html

    return explorer_html(explorer)


class Page:
    """One session's page: the two tabs, the header, and the address kept in step with what is on screen."""

    def __init__(self, search: str):
        self.location = pn.state.location
        self.query, query_warnings = read_query(search)
        page, page_warnings = app_state(self.query)
        state, warnings = explorer_state(self.query)
        self.training, training_warnings = playground_state(self.query)
        self.explorer = SoftmaxExplorer(**state, one_file=one_file)
        self.playground: TrainingPlayground | None = None  # made when its tab is first opened
        # A training tab the page before this one left for it (the theme switch), if it is still there.
        self.carried = CARRIED.take(page["resume"]) if "resume" in page else None
        if self.carried is not None:
            training_warnings = []  # its settings come with it (a CSV, say, which no link can name)
        elif "resume" in page:
            warnings.append(
                "The training tab could not be carried over to this page (it was opened already, or more than a "
                "minute has passed), so it starts afresh."
            )
        self.lecture = LectureToggle(present=page["present"], margin=(0, 10), align="center")
        # A tab's contents are rendered when it is first opened, then kept: dynamic=False would render both at
        # once (a slower first load), dynamic=True would re-render the explorer from Python's copy of its views,
        # which a drag does not update.
        self.holders = [pn.Column(sizing_mode="stretch_width") for _ in TABS]
        self.tabs = pn.Tabs(
            ("Softmax explorer", self.holders[0]),
            ("Training playground", self.holders[1]),
            active=TABS.index(page["tab"]),
            sizing_mode="stretch_width",
        )
        self.tabs.param.watch(self._open_tab, "active")
        self.warnings = query_warnings + page_warnings + warnings + training_warnings
        self.warning = url_warning(self.warnings)
        self._open_tab()
        self._pending = False
        self.explorer.param.watch(self._schedule_url, list(EXPLORER_KEYS.values()))
        self.lecture.param.watch(self._schedule_url, "present")
        self.tabs.param.watch(self._schedule_url, "active")
        pn.state.onload(self._schedule_url)
        self.template = pn.template.BootstrapTemplate(
            title=TITLE,
            header=[
                pn.Row(
                    pn.layout.HSpacer(),
                    CopyButton(margin=(0, 10), align="center"),
                    ThemeSwitch(
                        theme=pn.config.theme, on_switch=self._switch_theme, margin=(0, 10), align="center"
                    ),
                    self.lecture,
                    TabKeys(width=0, height=0, margin=0),
                    sizing_mode="stretch_width",
                    align="center",
                )
            ],
            main=[self.warning, self.tabs],
            collapsed_sidebar=True,
            # No busy spinner: training keeps the server busy many times a second, and each change of the
            # spinner is a message and a flicker in the header.
            busy_indicator=None,
        )

    def _open_tab(self, *_):
        holder = self.holders[self.tabs.active]
        if self.tabs.active == 0:
            if not holder.objects:
                holder.append(self.explorer)
        elif self.playground is None:  # made once a place is free; asked again each time the tab opens
            if self.carried is not None:
                holder.objects = [self._adopt(*self.carried)]
            elif PLACES.take(self._place):
                self._give_back_on_close()
                holder.objects = [self._make_playground()]
            else:
                if not holder.objects:
                    metrics.TRAINING_REFUSED.inc()
                holder.objects = [refused()]

    @property
    def _place(self):
        """What holds this page's training place: its session (or the page itself, outside a server)."""
        context = pn.state.curdoc.session_context if pn.state.curdoc else None
        return context.id if context is not None else id(self)

    def _give_back_on_close(self):
        place, doc = self._place, pn.state.curdoc
        if doc is not None and doc.session_context is not None:
            doc.on_session_destroyed(lambda _: PLACES.give_back(place))

    def _make_playground(self) -> TrainingPlayground:
        run = dict(self.training["run"])
        linked = {name: run.pop(name) for name in LINKED if name in run}  # checked against the data loaded
        playground = TrainingPlayground(
            config=PlaygroundConfig(**self.training["config"]), dark=pn.config.theme == "dark", **run
        )
        more = show_linked_point(playground, linked)
        if more:  # the link's point did not fit the data or the graph: said with the link's other warnings
            self.warnings = [*self.warnings, *more]
            show(self.warning, NOT_USED, self.warnings)
        self._watch_playground(playground)
        return playground

    def _watch_playground(self, playground: TrainingPlayground) -> None:
        playground.param.watch(self._open_in_explorer, "handoff")
        playground.config.param.watch(
            self._schedule_url, [k for o, k in PLAYGROUND_KEYS.values() if o == "config"]
        )
        playground.param.watch(self._schedule_url, [k for o, k in PLAYGROUND_KEYS.values() if o == "run"])
        self.playground = playground

    def _adopt(self, playground: TrainingPlayground, place, playing: bool) -> TrainingPlayground:
        """The training tab of the page before this one (the theme switch), going on here, its place with it."""
        self.carried = None
        PLACES.give_back(place)
        PLACES.take(self._place)
        self._give_back_on_close()
        playground.adopt(dark=pn.config.theme == "dark", playing=playing)
        self._watch_playground(playground)
        return playground

    def _switch_theme(self, theme: str) -> str:
        """The address of this page in ``theme`` (the theme switch): the state, and this page's training tab
        carried over (its data, model, curves and picked point live only here)."""
        query = self._query()
        query["theme"] = theme
        if self.playground is not None:
            query["resume"] = CARRIED.put((self.playground, self._place, self.playground.playing))
        elif self.carried is not None:  # carried here, not opened yet: it goes on to the next page
            query["resume"] = CARRIED.put(self.carried)
        return format_query(query) or "?"

    def _open_in_explorer(self, event):
        """A house's forward pass goes to the explorer: its logits, true class and class names."""
        if event.new:
            self.explorer.stop()
            self.explorer.param.update(**event.new, goal=[], concealed=False, temperature=1.0)
            self.tabs.active = 0

    def _schedule_url(self, *_):
        # At most one address update per 300 ms: a drag would otherwise add a history entry per step.
        if self.location is None or self._pending:
            return
        self._pending = True
        pn.state.curdoc.add_timeout_callback(self._write_url, URL_DELAY_MS)

    def _write_url(self):
        self._pending = False
        self.location.search = format_query(self._query())

    def _query(self) -> dict[str, str]:
        """The address's query for what is on screen now (other keys in the link stay, if short enough)."""
        current, _ = read_query(
            self.location.search if self.location else ""
        )  # other keys in the link stay, if short enough to read
        ours = (*EXPLORER_KEYS, *PLAYGROUND_KEYS, *PAGE_KEYS)
        query = {k: v for k, v in current.items() if k not in ours}
        query["tab"] = TABS[self.tabs.active]
        query.update(explorer_query(self.explorer))
        if self.playground is None:  # not opened yet: its settings stay as the link gave them
            query.update({k: v for k, v in self.query.items() if k in PLAYGROUND_KEYS})
        else:
            query.update(playground_query(self.playground, full=self.tabs.active == 1))
        if self.lecture.present:
            query["present"] = "1"
        if pn.config.theme == "dark":
            query["theme"] = "dark"
        return query


class BoundedLocation(Location):
    """Panel's Location without its own reading of the query, which turns every number into an int and fails
    the whole session on a value of 5,000 digits. This app reads the query itself, bounded (``read_query``),
    and syncs no parameter through the Location, so the Location needs no parsed query."""

    @property
    def query_params(self) -> dict:
        return {}

    @classmethod
    def from_request(cls, request):
        """Panel's, for an address whose query holds another "?" too (``/app??x=1``, ``/app?a=?``), on which Panel
        splits the address at each "?" and fails the session: here the query is everything after the first."""
        uri = getattr(request, "uri", None)
        if not (isinstance(uri, str) and uri.count("?") > 1):
            return super().from_request(request)
        path, _, query = uri.partition("?")
        location = cls()
        params = _get_location_params(request.protocol, request.host, f"{path}?{query.replace('?', '%3F')}")
        with edit_readonly(location):
            location.param.update(params)
        return location


def _bounded_location() -> Location | None:
    """This session's Location, made before Panel makes its own (it is kept per document in ``pn.state``)."""
    doc = pn.state.curdoc
    if doc is not None and doc.session_context is not None and doc not in pn.state._locations:
        pn.state._locations[doc] = BoundedLocation.from_request(doc.session_context.request)
    return pn.state.location


def build_page(search: str | None = None):
    """Everything one session sees, initialised from the query string (the browser's, unless ``search``)."""
    location = _bounded_location()
    return Page(search if search is not None else (location.search if location else "")).template
