"""The components in a real JupyterLab and Notebook 7 (the test extra's), driven in headless Chromium, offline.

A notebook shows the explorer and the training playground; a slider moves the bars, Play moves the epoch, and no
request leaves 127.0.0.1 (every other one is refused and recorded: Panel's default is a CDN). When the outputs are
cleared, the playground's loop in the kernel stops (asked of the kernel directly, not through the page).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.ui.conftest import ARTIFACTS
from tests.ui.explorer_page import assert_matches_core, explorer, poll, shown
from tests.ui.notebook_server import JupyterServer, Requests, run_all_cells, wait_for_kernel, write_notebook
from tests.ui.training_page import PLAY, button, training, wait_for_epoch

pytestmark = pytest.mark.timeout(600)

# As the README's notebook section has it: Panel first, then the components; pn.extension() after the import
# loads everything inline (the import says so).
LAB_CELLS = [
    "import panel as pn\nfrom softmax_explorer import SoftmaxExplorer, TrainingPlayground\n\npn.extension()",
    "explorer = SoftmaxExplorer(logits=[1, 2, -1], target=1)\nexplorer",
    "playground = TrainingPlayground(dataset='blobs', model='mlp', hidden=[16])\nplayground",
]
NOTEBOOK = "components.ipynb"
# No pn.extension() at all: the first component shown loads it.
CLASSIC_CELLS = [
    "from softmax_explorer import SoftmaxExplorer\n\nSoftmaxExplorer(logits=[1, 2, -1], target=1)",
]


# Notebook 7.6's own page throws these, with a notebook of `1 + 1` and no Panel in it too.
NOTEBOOK_7_OWN_ERRORS = (
    "Cannot read properties of undefined (reading 'schema')",
    "Command 'filebrowser:open-path' not registered.",
)


@pytest.fixture(scope="module")
def jupyter(chromium_path, tmp_path_factory):
    server = JupyterServer(tmp_path_factory.mktemp("notebooks"))
    yield server
    server.stop()


@pytest.fixture
def notebook_page(browser):
    """A page whose requests are recorded (and refused unless they go to 127.0.0.1); JavaScript errors fail."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(30_000)
    page.requests = Requests(page)
    yield page
    context.close()
    errors = [e for e in errors if e not in NOTEBOOK_7_OWN_ERRORS]
    assert not errors, f"JavaScript errors: {errors}"


def open_and_run(page: Page, jupyter: JupyterServer, path: str, cells: list[str]) -> None:
    """Write a notebook of ``cells``, open it at ``path`` (its page in JupyterLab or Notebook 7), run every cell
    and wait until the explorer is drawn (the first run imports torch: it may take a while on a busy machine)."""
    name = path.rsplit("/", 1)[-1]
    write_notebook(jupyter.root / name, cells)
    page.goto(jupyter.page_url(path))
    wait_for_kernel(page, jupyter)
    run_all_cells(page)
    expect(explorer(page).locator(".readout table.steps")).to_be_visible(timeout=180_000)


def move_slider(page: Page) -> None:
    """Five presses of the right arrow on the slider of the first class: z_low from 1 to 1.5."""
    before = shown(page)
    assert before.logits == [1.0, 2.0, -1.0]
    assert_matches_core(before, target=1)
    page.get_by_label("logit for low").focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    after = poll(
        page, lambda: shown(page), lambda now: now.logits[0] == pytest.approx(1.5), 10, "z_low = 1.5"
    )
    assert after.bar_probabilities != before.bar_probabilities
    assert after.bar_probabilities[0] > before.bar_probabilities[0]
    assert_matches_core(after, target=1)


def no_request_left_the_machine(page: Page) -> None:
    assert page.requests.all, "the page's requests were not recorded"
    assert page.requests.outside == [], "a notebook must work with no internet: nothing may load from a CDN"


def test_jupyterlab_shows_both_components_offline_and_the_loop_stops_with_its_output(jupyter, notebook_page):
    page = notebook_page
    open_and_run(page, jupyter, f"lab/tree/{NOTEBOOK}", LAB_CELLS)
    move_slider(page)

    expect(training(page).locator(".se-epoch b[data-epoch]")).to_be_attached(timeout=60_000)
    training(page).locator("canvas").first.scroll_into_view_if_needed()
    button(page, PLAY).click()
    start = wait_for_epoch(page, lambda e: e > 0, timeout=60)
    wait_for_epoch(page, lambda e: e > start, timeout=60)
    page.screenshot(path=ARTIFACTS / "notebook-jupyterlab.png")
    assert jupyter.run(NOTEBOOK, "print(playground.playing)").strip() == "True"
    no_request_left_the_machine(page)

    # The outputs go: Panel's notebook extension hears of it from the page, and the loop in the kernel stops.
    page.get_by_role("menuitem", name="Edit", exact=True).click()
    page.get_by_role("menuitem", name="Clear Outputs of All Cells", exact=True).click()
    expect(training(page)).to_have_count(0)
    poll(
        page,
        lambda: jupyter.run(NOTEBOOK, "print(playground.playing)").strip(),
        lambda s: s == "False",
        30,  # the page's message, then the loop's next tick, in a kernel that is training: slow on a busy machine
        "the loop to stop",
    )
    frames = jupyter.run(NOTEBOOK, "print(playground.frames)")
    page.wait_for_timeout(1000)
    assert jupyter.run(NOTEBOOK, "print(playground.frames)") == frames, (
        "the loop trained on after its output went"
    )


def test_notebook_7_shows_the_explorer_offline_and_its_slider_moves_the_bars(jupyter, notebook_page):
    page = notebook_page
    open_and_run(page, jupyter, "notebooks/classic.ipynb", CLASSIC_CELLS)
    assert re.search(r"/notebooks/classic\.ipynb", page.url)
    move_slider(page)
    page.screenshot(path=ARTIFACTS / "notebook-classic.png")
    no_request_left_the_machine(page)
