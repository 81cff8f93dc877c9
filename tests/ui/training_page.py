"""Reading and driving the training tab the way a person does, for the browser tests."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import numpy as np
from playwright.sync_api import Locator, Page, expect

from softmax_explorer.components.layouts import POINTS, unpack
from tests.ui.explorer_page import poll

TRAINING = (
    ".training-playground"  # the training tab's root: the explorer tab has buttons and readouts of its own
)
# The browser-side models of the map and of the curves (Panel JSComponents), found by the data they hold.
MAP_MODEL = "[...Bokeh.documents[0].all_models].find(m => m.data && m.data.frame !== undefined)"


def training(page: Page) -> Locator:
    """The training tab, to scope locators."""
    return page.locator(TRAINING)


def open_training(page: Page, server, query: str = "") -> Page:
    """Open the page on the training tab with ``query`` (e.g. ``dataset=blobs&epf=50``) and wait for the map."""
    page.goto(f"{server.url}?tab=train" + (f"&{query}" if query else ""))
    expect(training(page).locator(".se-epoch b[data-epoch]")).to_be_visible(timeout=30_000)
    expect(training(page).locator("canvas").first).to_be_visible()
    return page


def show_tab(page: Page, name: str) -> None:
    """Switch to the page's tab ``name``: "Softmax explorer" or "Training playground"."""
    page.locator(".bk-tab").get_by_text(name, exact=True).click()


def epoch(page: Page) -> int:
    """The epoch the epoch line shows."""
    return int(training(page).locator(".se-epoch b[data-epoch]").get_attribute("data-epoch"))


def losses(page: Page) -> tuple[int, float, float]:
    """(epoch, training loss, validation loss) as the epoch line shows them, read at once."""
    text = training(page).locator(".se-epoch").inner_text()
    found = re.search(
        r"(\d+)\s*training loss\s*([\d.e+-]+|nan|inf).*validation loss\s*([\d.e+-]+|nan|inf)", text, re.S
    )
    assert found, f"no losses in the epoch line {text!r}"
    return int(found[1]), float(found[2]), float(found[3])


def wait_for_epoch(page: Page, check, timeout: float = 20.0) -> int:
    """Wait until the shown epoch passes ``check``; return it."""
    return poll(page, lambda: epoch(page), check, timeout, "the epoch's condition")


PLAY, PAUSE = re.compile(r"Play$"), re.compile(r"Pause$")  # the one toggle button's two names (after an icon)


def button(page: Page, name: str | re.Pattern) -> Locator:
    return training(page).get_by_role("button", name=name, exact=True)


def play(page: Page) -> None:
    button(page, PLAY).click()
    expect(button(page, PAUSE)).to_be_visible()


def pause(page: Page) -> int:
    """Press Pause and wait until the epoch stops moving (frames already sent still arrive); return it."""
    button(page, PAUSE).click()
    expect(button(page, PLAY)).to_be_visible()
    return settled_epoch(page)


def settled_epoch(page: Page) -> int:
    """The epoch once it has not changed for half a second."""
    seen = [epoch(page)]

    def still(now):
        seen.append(now)
        return len(seen) > 10 and len(set(seen[-10:])) == 1

    return poll(page, lambda: epoch(page), still, 20, "the epoch to settle")


def train_until(page: Page, epochs: int) -> int:
    """Play until the epoch reaches ``epochs``, then pause; return the epoch it stopped at."""
    play(page)
    wait_for_epoch(page, lambda e: e >= epochs)
    return pause(page)


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` (its shown text) in the training tab's select labelled ``label``."""
    training(page).get_by_label(label, exact=True).select_option(label=option)


def chosen(page: Page, label: str) -> str:
    """The shown text of the option selected in the select labelled ``label``."""
    return training(page).get_by_label(label, exact=True).evaluate("s => s.options[s.selectedIndex].text")


def enter(page: Page, label: str, text: str) -> None:
    """Type ``text`` into the training tab's text field labelled ``label`` and press Enter."""
    field = training(page).get_by_label(label, exact=True)
    field.fill(text)
    field.press("Enter")


def csv_load_button(page: Page) -> Locator:
    """The CSV card's Load button: "Load the CSV", or "Load <file>" once a readable file is in."""
    return training(page).get_by_role("button", name=re.compile(r"^Load "))


def upload_csv(page: Page, path) -> None:
    """Drop the file at ``path`` on the CSV card (opened first if closed); wait until the server has read it."""
    if not csv_load_button(page).is_visible():
        training(page).get_by_text("Your own data (CSV)", exact=True).click()
        expect(csv_load_button(page)).to_be_visible()
    training(page).locator("input[type=file]").set_input_files(path)
    name = Path(path).name
    ready = training(page).get_by_role("button", name=f"Load {name}", exact=True)
    error = training(page).locator(".csv-error")
    poll(
        page,
        lambda: (
            ready.is_enabled()
            if ready.is_visible()
            else alert_text(error).startswith(f"{name!r}:") and error.is_visible()
        ),
        bool,
        20,
        f"the server reading {name}",
    )


def alert_text(alert: Locator) -> str:
    """The text of a Panel Alert (it renders inside its own shadow root)."""
    return alert.evaluate("""e => [...(e.shadowRoot || e).children]
        .filter(c => !['STYLE', 'LINK'].includes(c.tagName)).map(c => c.innerText).join(' ')""").strip()


def open_details(page: Page, tab: str) -> None:
    """Show one of the details tabs: Confusion matrix, Tensor shapes, PyTorch code."""
    training(page).locator(".bk-tab").get_by_text(tab, exact=True).click()


def show_shapes_table(page: Page) -> None:
    """Open the Tensor shapes tab and show its table (hidden until the warm-up's questions are checked)."""
    open_details(page, "Tensor shapes")
    expect(training(page).get_by_role("button", name="Check", exact=True)).to_be_visible()
    reveal = training(page).get_by_role("button", name="Show the table", exact=True)
    if reveal.is_visible():
        reveal.click()
    expect(training(page).locator("table.se-shapes")).to_be_visible()


def shapes(page: Page, batch: str = "the training set") -> dict[str, tuple[int, ...]]:
    """The tensor shapes table for a batch ("the training set" or "the warm-up": its button), torch's name ->
    torch's shape."""
    show_shapes_table(page)
    choice = training(page).get_by_role("button", name=re.compile(re.escape(batch)))
    caption = training(page).locator("table.se-shapes caption")
    choice.click()

    def sizes() -> tuple[
        str | None, str | None
    ]:  # the button's number (it follows the data) and the caption's
        label, shown = choice.inner_text(), caption.inner_text()
        wanted = re.search(r"\(([\d,]+)", label) or re.search(r"([\d,]+)", label)
        return wanted and wanted.group(1), (re.search(r"batch of ([\d,]+) ", shown) or [None, None])[1]

    poll(page, sizes, lambda both: both[0] is not None and both[0] == both[1], 10, f"the shapes for {batch}")
    rows = training(page).locator("table.se-shapes tbody tr")
    expect(rows.first).to_be_visible()
    # Read in one go: the table is redrawn whole when the model changes.
    cells = rows.evaluate_all(
        "rows => rows.map(r => [r.querySelector('th').innerText, r.querySelector('td.shape').innerText])"
    )
    return {name: tuple(int(n) for n in re.findall(r"\d+", shape)) for name, shape in cells}


def wait_for_shapes(page: Page, **expected: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
    """Wait until the shapes table holds ``expected`` (names with dots written as underscores: 0_weight)."""
    expected = {name.replace("_", "."): shape for name, shape in expected.items()}
    return poll(
        page,
        lambda: shapes(page),
        lambda s: all(s.get(k) == v for k, v in expected.items()),
        10,
        f"the shapes {expected}",
    )


def code(page: Page) -> str:
    """The PyTorch script the code tab shows (the tab is rendered when opened: its text follows at once)."""
    open_details(page, "PyTorch code")
    shown = training(page).locator("pre.se-code")
    expect(shown).not_to_have_text("")
    return shown.inner_text()


def wait_for_code(page: Page, *fragments: str) -> str:
    """Wait until the script holds every one of ``fragments``."""
    return poll(
        page,
        lambda: code(page),
        lambda text: all(f in text for f in fragments),
        10,
        f"the script holding {fragments}",
    )


def confusion_counts(page: Page) -> np.ndarray:
    """The validation confusion matrix's counts, (K, K)."""
    open_details(page, "Confusion matrix")
    rows = training(page).locator("table.se-confusion tbody tr")
    expect(rows.first).to_be_visible()
    return np.array(
        rows.evaluate_all("rows => rows.map(r => [...r.querySelectorAll('td')].map(td => +td.dataset.count))")
    )


# --- the map and the curves, read from what the browser holds and draws ---------------------------------------


# A typed array's bytes as base64: a map's pixels are millions of numbers, seconds to carry as a JSON array.
BASE64 = """(array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text);
}"""


def from_base64(text: str, dtype=np.uint8) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype).copy()


def map_bytes(page: Page, name: str) -> bytes:
    """The map's bytes parameter ``name`` (e.g. "points") as the browser holds it."""
    return base64.b64decode(page.evaluate(f"() => ({BASE64})(new Uint8Array({MAP_MODEL}.data.{name}))"))


def map_grid(page: Page) -> tuple[int, np.ndarray]:
    """The grid the map shows, as the browser computed it from the model: the number of the frame (the model) it
    comes from, and the class probabilities of its cells, (H, W, K) with row 0 at the bottom."""
    number, width, height, k, values = (
        training(page)
        .locator("canvas.map")
        .evaluate(f"""canvas => {{
        const g = canvas.grid;
        return g ? [g.number, g.width, g.height, g.classes, ({BASE64})(Float64Array.from(g.probabilities))]
            : [0, 0, 0, 0, ""];
    }}""")
    )
    return number, from_base64(values, np.float64).reshape(height, width, k)


def map_cells(page: Page) -> tuple[int, int]:
    """The map's grid, (width, height) in cells."""
    cells = training(page).locator("canvas.map").get_attribute("data-cells") or "0x0"
    return tuple(int(n) for n in cells.split("x"))


def settled_map(page: Page, cells: tuple[int, int]) -> tuple[int, np.ndarray]:
    """Wait until the map shows the last frame painted at ``cells`` (its finest grid, once frames stop); return
    that grid (see map_grid)."""
    poll(
        page,
        lambda: (
            training(page)
            .locator("canvas.map")
            .evaluate("c => [c.dataset.cells, Number(c.dataset.frame || 0), c.grid ? c.grid.number : -1]")
        ),
        lambda seen: seen[0] == "{}x{}".format(*cells) and seen[1] == seen[2] > 0,
        20,
        f"the map at {cells} cells",
    )
    return map_grid(page)


def map_painted(page: Page) -> int:
    """The number of the last frame the canvas painted."""
    return int(training(page).locator("canvas.map").get_attribute("data-frame") or 0)


def map_pixels(page: Page) -> np.ndarray:
    """The RGB pixels the canvas shows inside the map's frame, (rows, columns, 3)."""
    width, height, values = (
        training(page)
        .locator("canvas.map")
        .evaluate(f"""canvas => {{
        const frame = canvas.parentNode.querySelector('svg.axes rect.frame').getBoundingClientRect();
        const own = canvas.getBoundingClientRect(), ratio = canvas.width / own.width;
        const x = Math.ceil((frame.left - own.left + 2) * ratio), y = Math.ceil((frame.top - own.top + 2) * ratio);
        const w = Math.floor((frame.width - 4) * ratio), h = Math.floor((frame.height - 4) * ratio);
        return [w, h, ({BASE64})(canvas.getContext('2d').getImageData(x, y, w, h).data)];
    }}""")
    )
    return from_base64(values).reshape(height, width, 4)[..., :3]


def map_points(page: Page) -> np.ndarray:
    """The points the map holds (training and validation), rows of (x, y, class), sorted."""
    points = unpack(POINTS, map_bytes(page, "points"))
    rows = np.column_stack([points["x"], points["y"], points["cls"]])
    return rows[np.lexsort(rows.T[::-1])]


def map_legend(page: Page) -> list[str]:
    """The map legend's entries, as shown."""
    return [text.strip() for text in training(page).locator(".decision-map .legend li").all_inner_texts()]


def curves(page: Page) -> dict[str, list[float]]:
    """The curves' data as the browser holds it (float32, thinned to a few hundred rows): epoch, train_loss,
    train_acc, val_loss, val_acc."""
    columns = ["epoch", "train_loss", "train_acc", "val_loss", "val_acc"]
    values = training(page).locator(".curve-charts").evaluate("root => Array.from(root.rows)")
    rows = np.array(values, dtype=float).reshape(-1, len(columns))
    return {column: rows[:, i].tolist() for i, column in enumerate(columns)}


def drawn_curve_points(page: Page) -> int:
    """How many epochs the curve charts have drawn (their data-points attribute)."""
    return int(training(page).locator(".curve-charts").get_attribute("data-points") or 0)


def figure_font_sizes(page: Page) -> set[str]:
    """The computed font sizes of the map's and the curves' axis labels."""
    return set(
        training(page)
        .locator(".decision-map .axis-label, .curve-charts .axis-label")
        .evaluate_all("labels => labels.map(label => getComputedStyle(label).fontSize)")
    )


def click_map(page: Page, x: float, y: float) -> None:
    """Click the map at (x, y) in its data units (degrees for Ames)."""
    left, top = (
        training(page)
        .locator(".decision-map svg.axes rect.frame")
        .evaluate(
            f"""(frame, [x, y]) => {{
        const [x0, x1, y0, y1] = {MAP_MODEL}.data.extent;
        const box = frame.getBoundingClientRect();
        return [box.left + (x - x0) / (x1 - x0) * box.width, box.top + (1 - (y - y0) / (y1 - y0)) * box.height];
    }}""",
            [x, y],
        )
    )
    page.mouse.click(left, top)
