"""Reading and driving the explorer tab the way a person does, for the browser tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs

import numpy as np
import pytest
from playwright.sync_api import Locator, Page, expect

from softmax_explorer.models.softmax import cross_entropy, softmax

LOGITS_FIELD = "Logits, exactly (press Enter)"
NAMES_FIELD = "Class names (press Enter)"


@dataclass
class Shown:
    """What the explorer shows right now, from the DOM."""

    logits: list[float]
    probabilities: list[float]  # full precision, from the readout's data-value
    probability_text: list[str]  # as printed
    bar_probabilities: list[float]
    loss: float | None
    loss_text: str
    accuracy_text: str
    slider_values: list[float]


EXPLORER = ".softmax-explorer"  # the first tab's root: the training tab has a readout of its own


def explorer(page: Page) -> Locator:
    """The explorer tab, to scope locators (the training tab shows a readout and bars too)."""
    return page.locator(EXPLORER)


def open_explorer(page: Page, server, query: str = "") -> Page:
    page.goto(server.url + query)
    expect(explorer(page).locator(".readout table.steps")).to_be_visible(timeout=20_000)
    expect(explorer(page).locator(".slider-row").first).to_be_visible()
    return page


def numbers(page: Page, selector: str, attribute: str = "data-value") -> list[float]:
    """The full-precision numbers that the explorer's elements matching ``selector`` carry in ``attribute``
    (NaN where a concealed result carries none)."""
    return [
        float(v or "nan")
        for v in explorer(page)
        .locator(selector)
        .evaluate_all(f"els => els.map(e => e.getAttribute('{attribute}'))")
    ]


def shown(page: Page) -> Shown:
    tab = explorer(page)
    # The logits first: a change that reached them reached the rest too (each message is drawn in one task).
    logits = numbers(page, ".readout tbody td.logit")
    loss = tab.locator(".readout output.loss")
    loss_value = loss.get_attribute("data-value")
    return Shown(
        logits=logits,
        probabilities=numbers(page, ".readout tbody td.probability"),
        probability_text=tab.locator(".readout tbody td.probability").all_inner_texts(),
        bar_probabilities=numbers(page, ".probability-bars .bar", "data-probability"),
        loss=float(loss_value) if loss_value else None,
        loss_text=loss.inner_text(),
        accuracy_text=tab.locator(".readout output.accuracy").inner_text(),
        slider_values=[
            float(v) for v in tab.locator("input.logit").evaluate_all("els => els.map(e => e.value)")
        ],
    )


def assert_matches_core(now: Shown, target: int, temperature: float = 1.0) -> None:
    """The browser's numbers equal models/softmax.py's for the logits it shows."""
    p = softmax(now.logits, temperature)
    np.testing.assert_allclose(now.probabilities, p, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(now.bar_probabilities, p, rtol=1e-12, atol=1e-15)
    assert now.probability_text == [f"{v:.3f}" for v in p]
    loss = cross_entropy(now.logits, target, temperature)
    assert now.loss == pytest.approx(loss, rel=1e-12)
    assert float(now.loss_text) == pytest.approx(loss, rel=5e-3, abs=5e-4)  # as printed, to 3 digits
    assert now.accuracy_text == ("1" if np.argmax(p) == target else "0")


def poll(page: Page, read: Callable, check: Callable, timeout: float = 10.0, what: str = "a condition"):
    """``read()`` again every 50 ms until ``check`` passes on it; return what passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if check(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} never held; last seen: {value}")
        page.wait_for_timeout(50)


def wait_for_logits(page: Page, expected, timeout: float = 10.0) -> Shown:
    """Wait until the readout shows exactly the logits ``expected`` (a change made in Python arrives after a
    round trip), and return what the page shows then."""
    expected = [float(v) for v in expected]
    return poll(
        page, lambda: shown(page), lambda now: now.logits == expected, timeout, f"the logits {expected}"
    )


def query_of(page: Page) -> dict[str, str]:
    """The query string in the address bar, read from the page itself (Python updates it with replaceState)."""
    return {k: v[-1] for k, v in parse_qs(page.evaluate("location.search").lstrip("?")).items()}


def wait_for_query(page: Page, timeout: float = 10.0, **expected: str) -> dict[str, str]:
    """Wait until the address bar's query holds ``expected`` (Python writes it after a round trip)."""
    return poll(
        page,
        lambda: query_of(page),
        lambda q: all(q.get(k) == v for k, v in expected.items()),
        timeout,
        f"the query holding {expected}",
    )


def enter(page: Page, label: str, text: str) -> None:
    """Type ``text`` into the text field labelled ``label`` and press Enter."""
    field = explorer(page).get_by_label(label, exact=True)
    field.fill(text)
    field.press("Enter")


def click(page: Page, name: str) -> None:
    explorer(page).get_by_role("button", name=name, exact=True).click()


def focused_name(page: Page) -> str:
    """The accessible name (aria-label, label or text) of the focused element, inside shadow roots too."""
    return page.evaluate("""() => {
        let e = document.activeElement;
        while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
        if (!e) return "";
        const label = e.getAttribute("aria-label") || (e.labels && e.labels[0] && e.labels[0].textContent);
        return (label || e.textContent || "").trim();
    }""")
