"""Reading and driving the explorer tab the way a person does, for the browser tests."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import parse_qs

from playwright.sync_api import Page, expect


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


def open_explorer(page: Page, server, query: str = "") -> Page:
    page.goto(server.url + query)
    expect(page.locator(".readout table.steps")).to_be_visible()
    expect(page.locator(".slider-row").first).to_be_visible()
    return page


def shown(page: Page) -> Shown:
    def values(selector, attribute="data-value"):
        return [float(v) for v in page.locator(selector).evaluate_all(
            f"els => els.map(e => e.getAttribute('{attribute}'))")]

    loss = page.locator(".readout output.loss")
    loss_value = loss.get_attribute("data-value")
    return Shown(
        logits=values(".readout tbody td.logit"),
        probabilities=values(".readout tbody td.probability"),
        probability_text=page.locator(".readout tbody td.probability").all_inner_texts(),
        bar_probabilities=values(".probability-bars .bar", "data-probability"),
        loss=float(loss_value) if loss_value else None,
        loss_text=loss.inner_text(),
        accuracy_text=page.locator(".readout output.accuracy").inner_text(),
        slider_values=[float(v) for v in page.locator("input.logit").evaluate_all("els => els.map(e => e.value)")],
    )


def query_of(page: Page) -> dict[str, str]:
    """The query string in the address bar, read from the page itself (Python updates it with replaceState)."""
    return {k: v[-1] for k, v in parse_qs(page.evaluate("location.search").lstrip("?")).items()}


def wait_for_query(page: Page, timeout: float = 10.0, **expected: str) -> dict[str, str]:
    """Wait until the address bar's query holds ``expected`` (Python writes it after a round trip)."""
    deadline = time.monotonic() + timeout
    while True:
        query = query_of(page)
        if all(query.get(k) == v for k, v in expected.items()):
            return query
        if time.monotonic() > deadline:
            raise AssertionError(f"the query {query} never held {expected}")
        page.wait_for_timeout(50)
