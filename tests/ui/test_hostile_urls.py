"""Issue 9: a hostile link, in a real browser against a real server. Every key either tab reads gets every value of
the hostile table (tests/hostile.py): the page renders, a warning names the key and quotes at most a short piece
of the value, no markup of it becomes an element (in the document or any shadow root), no dialog opens, no
JavaScript error, no traceback in the server's log, and the app still works.

One page per tab serves the module and goes from link to link. Markup is what only a browser can show running, so
each markup value goes to every key of its tab in one link. The values that test only the parsing (numbers out of
range, empty, other scripts' digits, deep nesting...) are read by Python whichever client sent them, and
tests/app/test_url_properties.py checks every key with every one of them: here they come in ROTATIONS links, each key
given a different value in each, so that every value reaches the browser on several keys, three values a key.
A 20,000-character value goes three keys at a time, to stay under the server's 64 KB request head.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from tests.hostile import (
    DUPLICATE,
    EXPLORER_SURFACE,
    HUGE,
    INJECTED,
    MARKUP,
    MAX_WARNING,
    SHORT,
    TRAINING_SURFACE,
    UNKNOWN,
    WHOLE_LINK,
    quotes_at_length,
    warned_about,
)
from tests.ui.explorer_page import explorer, poll, query_of, shown
from tests.ui.sessions import plays
from tests.ui.training_page import training

CHECK_EVERY = 5  # links between two checks that the app still works
ROTATIONS = 3  # links that share the parsing-only values out among a tab's keys
STEP = 4  # the value a key gets moves this far down the table from one such link to the next
# Class names (at most 24 characters each) that are markup: valid names, so they must show as typed.
EXPLORER_READY = ".softmax-explorer .readout table.steps"
MARKUP_NAMES = ["<svg onload=alert(1)>", "<b data-hostile>b</b>", "a&lt;b"]


@dataclass
class Link:
    """A query string for one tab, and the keys whose warning it must bring."""

    id: str
    pairs: list[tuple[str, str]]
    must_warn: set[str] = field(default_factory=set)

    def query(self, base: str) -> str:
        pairs = [base] if base else []
        return "?" + "&".join(pairs + [f"{quote(k, safe='')}={quote(v, safe=',')}" for k, v in self.pairs])


HEAD_BUDGET = 48_000  # characters of a link's query: the server reads a request head of at most 64 KB


def fitting(keys: tuple[str, ...], value: str) -> list[tuple[str, ...]]:
    """``keys`` in as few groups as keep a link setting each of them to ``value`` within HEAD_BUDGET."""
    groups: list[list[str]] = [[]]
    for key in keys:
        if groups[-1] and len(Link("", [(k, value) for k in [*groups[-1], key]]).query("")) > HEAD_BUDGET:
            groups.append([])
        groups[-1].append(key)
    return [tuple(group) for group in groups]


def links(keys: tuple[str, ...]) -> list:
    """The hostile links for a tab whose keys are ``keys`` (a long value's keys split over two links or more)."""
    markup = [c for c in SHORT if c.value in MARKUP]
    made = [
        Link(
            f"{c.id}-{i}" if i else c.id, [(k, c.value) for k in group], {k for k in group if c.must_warn(k)}
        )
        for c in markup
        for i, group in enumerate(fitting(keys, c.value))
    ]
    plain = [c for c in SHORT if c not in markup]
    for j in range(ROTATIONS):
        given = [(k, plain[(i + j * STEP) % len(plain)]) for i, k in enumerate(keys)]
        made.append(
            Link(f"values-{j}", [(k, c.value) for k, c in given], {k for k, c in given if c.must_warn(k)})
        )
    # A link longer than a few thousand characters is refused whole, whatever its keys (tests/app checks every
    # key with these values): three keys a value here, a different three for each.
    for i, case in enumerate(HUGE):
        chunk = keys[3 * i : 3 * i + 3]
        made.append(Link(f"{case.id}-{'-'.join(chunk)}", [(k, case.value) for k in chunk], set(chunk)))
    made.append(Link("duplicated", [(k, v) for v in DUPLICATE for k in keys], set(keys)))
    made.append(Link("unknown", list(UNKNOWN.items())))
    return [pytest.param(link, id=link.id) for link in made]


class Probe:
    """One page that loads link after link and checks each; ``works`` checks that the app still responds."""

    def __init__(self, page: Page, server, base: str, ready: str, works):
        self.page, self.server, self.base, self.ready, self.works = page, server, base, ready, works
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.loaded = 0
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def load(self, link: Link) -> list[str]:
        """Open ``link``, check what every link must satisfy, and return the warnings shown."""
        tracebacks = len(self.server.errors())
        self.dialogs.clear()
        self.errors.clear()
        response = self.page.goto(self.server.url + link.query(self.base))
        assert response is not None and response.status < 400, f"HTTP {response and response.status}"
        # A link too long to read is refused whole, its tab too: the explorer then shows, and says why.
        own = self.page.locator(self.ready)
        expect(own.or_(self.page.locator(EXPLORER_READY)).first).to_be_visible(timeout=30_000)
        self.page.wait_for_timeout(300)  # an <img src=x onerror> fires once its request has failed
        assert self.page.evaluate(INJECTED) == [], "markup from the link became elements"
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.errors == [], f"JavaScript errors: {self.errors}"
        assert self.server.errors()[tracebacks:] == [], "the server logged a traceback"
        warning = self.page.locator(".url-warning")
        items = warning.locator("li").all_inner_texts() if warning.is_visible() else []
        if not own.is_visible():
            assert any(WHOLE_LINK.search(i) for i in items), (
                f"{self.base} was ignored without a word: {items}"
            )
            return items
        self.loaded += 1
        if self.loaded % CHECK_EVERY == 0:
            self.works(self.page)
        return items


def check_warnings(items: list[str], link: Link) -> None:
    for key in sorted(link.must_warn):
        assert warned_about(items, key), f"no warning names {key!r}: {[i[:80] for i in items]}"
    for item in items:
        assert len(item) <= MAX_WARNING, f"a warning of {len(item):,} characters: {item[:80]!r}…"
        assert not any(quotes_at_length(item, v) for _, v in link.pairs), f"echoed at length: {item[:80]!r}…"


def explorer_works(page: Page) -> None:
    """A slider's arrow key changes the probabilities, and Python (which writes the address) hears of it."""
    before, logits = shown(page).probabilities, query_of(page).get("logits")
    explorer(page).locator("input.logit").first.focus()
    page.keyboard.press("ArrowRight")
    poll(page, lambda: shown(page).probabilities, lambda p: p != before, 10, "the probabilities to change")
    poll(page, lambda: query_of(page).get("logits"), lambda q: q != logits, 20, "the address to follow")


def training_works(page: Page) -> None:
    """Play advances the epoch counter."""
    plays(page)


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


@pytest.fixture(scope="module")
def explorer_probe(context, server):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return Probe(page, server, "", EXPLORER_READY, explorer_works)


@pytest.fixture(scope="module")
def training_probe(context, server):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return Probe(page, server, "tab=train", ".training-playground .se-epoch b[data-epoch]", training_works)


@pytest.mark.parametrize("link", links(EXPLORER_SURFACE))
def test_a_hostile_explorer_link_warns_and_runs_nothing(explorer_probe, link):
    check_warnings(explorer_probe.load(link), link)


def test_class_names_that_are_markup_show_as_typed(explorer_probe):
    link = Link("markup-names", [("logits", "1,2,3"), ("classes", ",".join(MARKUP_NAMES)), ("target", "0")])
    assert explorer_probe.load(link) == []
    names = explorer(explorer_probe.page).locator(".probability-bars .bar .name").all_inner_texts()
    assert [n.replace(" (true)", "").strip() for n in names] == MARKUP_NAMES


def test_the_explorer_still_works_after_every_hostile_link(explorer_probe):
    explorer_works(explorer_probe.page)


@pytest.mark.parametrize("link", links(TRAINING_SURFACE))
def test_a_hostile_training_link_warns_and_runs_nothing(training_probe, link):
    check_warnings(training_probe.load(link), link)


def test_the_training_tab_still_works_after_every_hostile_link(training_probe, server):
    training_probe.page.goto(f"{server.url}?tab=train")
    expect(training(training_probe.page).locator(".se-epoch b[data-epoch]")).to_be_visible(timeout=30_000)
    training_works(training_probe.page)


@pytest.mark.parametrize(
    "query, tab",
    [
        ("?", "explore"),
        ("?tab=train", "explore"),
        ("x=?&tab=train", "train"),
        ("tab=train&logits=1,2?3", "train"),
    ],
)
def test_a_link_with_a_second_question_mark_opens_the_page(training_probe, server, query, tab):
    # Panel splits the address at every "?" and failed the whole session on a second one. ("??tab=train" names a
    # key "?tab", which nobody reads: the explorer opens.)
    training_probe.page.goto(f"{server.url}?{query}")
    ready = EXPLORER_READY if tab == "explore" else ".training-playground .se-epoch b[data-epoch]"
    expect(training_probe.page.locator(ready).first).to_be_visible(timeout=30_000)
