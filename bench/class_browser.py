"""The Chromium student of bench/classroom.py: a real headless page beside the simulated class.

It times the explorer's slider key -> readout and challenge-preset click -> bars during the first 40 % of the
window, then opens the training tab, presses Play and counts the frames its map canvas paints (`data-frame`).
"""

from __future__ import annotations

import contextlib
import random
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import psutil

from bench.shadow_dom import DEEP
from tests.ui.conftest import CHROMIUM_ARGS, find_chromium

if TYPE_CHECKING:
    from bench.classroom import Harness

CHALLENGES = ("Challenge: half on the last class", "Challenge: each twice the one before")
KEY_TIMEOUT_S, CLICK_TIMEOUT_S = 2.0, 10.0

EXPLORER_TIMING = (
    """
() => {"""
    + DEEP
    + """
  const readout = deep(document, "output.loss")?.getRootNode();
  const bars = deep(document, ".probability-bars")?.getRootNode();
  const slider = deep(document, "input.logit");
  if (!readout || !bars || !slider) return false;
  const lat = window.__lat = { armed: null, t0: null, keys: [], clicks: [], slider };
  const start = (kind) => (e) => { if (lat.armed === kind && lat.t0 === null) lat.t0 = e.timeStamp; };
  document.addEventListener("keydown", start("key"), true);
  document.addEventListener("click", start("click"), true);
  const done = (kind, list) => () => {
    if (lat.armed !== kind || lat.t0 === null) return;
    list.push(performance.now() - lat.t0);
    lat.armed = lat.t0 = null;
  };
  const options = { subtree: true, childList: true, characterData: true, attributes: true };
  new MutationObserver(done("key", lat.keys)).observe(readout, options);
  new MutationObserver(done("click", lat.clicks)).observe(bars, options);
  return true;
}
"""
)

COUNT_FRAMES = (
    """
() => {
  window.__frames = 0;"""
    + DEEP
    + """
  const canvas = deep(document, "canvas.map");
  if (!canvas) return false;
  new MutationObserver(() => { window.__frames += 1; })
    .observe(canvas, { attributes: true, attributeFilter: ["data-frame"] });
  return true;
}
"""
)


@dataclass
class BrowserResult:
    join_s: float | None = None
    keys_ms: list[float] = field(default_factory=list)
    clicks_ms: list[float] = field(default_factory=list)
    fps: float | None = None
    page_errors: list[str] = field(default_factory=list)
    error: str | None = None
    cpu_s: float = 0.0


def chromium_student(h: Harness, model: str, result: BrowserResult) -> None:
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            try:
                _chromium_session(h, model, browser, result)
            finally:
                with contextlib.suppress(Exception):
                    result.cpu_s = _chromium_cpu()
                browser.close()
    except Exception as error:  # a failed measurement is an error of the run, not a crash of the harness
        result.error = f"{type(error).__name__}: {str(error)[:300]}"
    finally:
        h.browser_done.set()


def _chromium_cpu() -> float:
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "chrom" in child.name().lower():
                times = child.cpu_times()
                total += times.user + times.system
    return total


def kill_chromium() -> None:
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "chrom" in child.name().lower():
                child.kill()


def _chromium_session(h: Harness, model: str, browser, result: BrowserResult) -> None:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.on("pageerror", lambda error: result.page_errors.append(str(error)[:300]))
    timeout_ms = 1000 * (h.join_timeout + h.seconds)
    h.go.wait(60)
    page.goto(f"{h.base}/app?model={model}", timeout=timeout_ms)
    page.locator(".softmax-explorer .readout table.steps").wait_for(timeout=timeout_ms)
    result.join_s = time.monotonic() - h.t0
    h.browser_joined.set()
    if not h.window_open.wait(h.join_timeout + 60) or h.stopping:
        return
    start, end = h.window
    explorer_end = start + 0.4 * (end - start)
    page.wait_for_timeout(300)
    if not page.evaluate(EXPLORER_TIMING):
        raise RuntimeError("the explorer's readout, bars or slider were not found")
    turn = 0
    while time.monotonic() < explorer_end:
        turn += 1
        if turn % 5 == 0:
            # A challenge preset: the logits go to zero and the goal changes, so the bars change.
            target = page.get_by_role("button", name=CHALLENGES[(turn // 5) % 2], exact=True)
            target.scroll_into_view_if_needed()
            page.evaluate("window.__lat.armed = 'click'")
            target.click()
            _wait_sample(page, "clicks", len(result.clicks_ms), CLICK_TIMEOUT_S, result.clicks_ms)
            page.wait_for_timeout(200)
        else:
            page.evaluate("window.__lat.slider.focus(); window.__lat.armed = 'key'")
            page.keyboard.press("ArrowRight" if turn % 2 else "ArrowLeft")
            _wait_sample(page, "keys", len(result.keys_ms), KEY_TIMEOUT_S, result.keys_ms)
            page.wait_for_timeout(random.uniform(80, 150))
    # Then train, and count the frames the canvas paints.
    page.locator(".bk-tab").get_by_text("Training playground", exact=True).click()
    remaining_ms = max(1000, 1000 * (end - time.monotonic()))
    page.locator(".training-playground .se-epoch b[data-epoch]").wait_for(timeout=remaining_ms)
    page.wait_for_timeout(300)
    if not page.evaluate(COUNT_FRAMES):
        raise RuntimeError("the map's canvas was not found")
    page.locator(".training-playground").get_by_role("button", name="▶ Play").click()
    played = time.monotonic()
    page.wait_for_timeout(1000)
    frames0, t0 = page.evaluate("window.__frames"), time.monotonic()
    page.wait_for_timeout(max(0, 1000 * (end - t0)))
    elapsed = time.monotonic() - t0
    if elapsed >= 2 and t0 - played < 5:
        result.fps = (page.evaluate("window.__frames") - frames0) / elapsed


def _wait_sample(page, kind: str, count: int, timeout: float, into: list[float]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        samples = page.evaluate(f"window.__lat.{kind}")
        if len(samples) > count:
            into.append(samples[-1])
            return
        page.wait_for_timeout(5)
    page.evaluate("window.__lat.armed = window.__lat.t0 = null")
    into.append(1000 * timeout)  # never came: counted as the timeout
