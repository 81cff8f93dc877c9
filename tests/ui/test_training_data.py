"""The training tab's data in a real browser: CSV uploads (bad and good), standardisation, and the toy sets.

One page serves the module; each test chooses the data it needs first.
"""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from softmax_explorer.models.toys import load_toy
from tests.ui.conftest import checked_page
from tests.ui.explorer_page import poll
from tests.ui.training_page import (
    alert_text,
    button,
    choose,
    chosen,
    csv_load_button,
    curves,
    enter,
    epoch,
    losses,
    map_points,
    open_training,
    shapes,
    train_until,
    training,
    upload_csv,
    wait_for_epoch,
    wait_for_shapes,
)

AMES = "Ames houses (price class by location)"
AMES_SHAPES = {"X": (2344, 2), "weight": (3, 2), "bias": (3,), "logits": (2344, 3)}


@pytest.fixture(scope="module")
def page(browser, server):
    with checked_page(browser) as page:
        open_training(page, server, "grid=50&fps=5&epf=20")
        yield page


def use_ames(page) -> None:
    if chosen(page, "Data") != AMES:
        choose(page, "Data", AMES)
        wait_for_shapes(page, **AMES_SHAPES)


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return path


def load_fails(page, path, says: str) -> str:
    """Drop the file at ``path``, press Load if it can be pressed, and return the error shown (holding ``says``)."""
    upload_csv(page, path)
    if csv_load_button(page).is_enabled():
        csv_load_button(page).click()
    error = training(page).locator(".csv-error")
    poll(
        page,
        lambda: error.is_visible() and alert_text(error),
        lambda text: text and text.startswith(f"{path.name!r}: ") and says in text,
        what=f"an error saying {says!r}",
    )
    return alert_text(error)


def test_a_csv_without_a_label_column_says_what_it_needs(page, tmp_path):
    text = load_fails(
        page, write(tmp_path, "two.csv", "x,y\n1,2\n3,4\n"), "it needs two feature columns and a label column"
    )
    assert (
        text
        == "'two.csv': the file has 2 columns ('x', 'y'); it needs two feature columns and a label column"
    )


def test_a_csv_with_text_among_the_numbers_names_the_line(page, tmp_path):
    path = write(tmp_path, "text.csv", "x,y,kind\n1,2,a\n2,lots,b\n3,1,a\n")
    load_fails(page, path, "'text.csv': column 'y' must hold numbers, but line 3 of the file has 'lots'")


def test_a_csv_with_one_class_says_it_needs_two_to_ten(page, tmp_path):
    path = write(tmp_path, "one.csv", "x,y,kind\n1,2,a\n2,3,a\n3,1,a\n")
    load_fails(page, path, "the label column 'kind' has 1 classes; it needs 2 to 10")


def test_a_csv_with_eleven_classes_says_it_needs_two_to_ten(page, tmp_path):
    rows = "".join(f"{i},{i % 3},c{i}\n" for i in range(11))
    load_fails(page, write(tmp_path, "eleven.csv", "x,y,kind\n" + rows), "has 11 classes; it needs 2 to 10")


def test_a_bad_csv_leaves_the_data_and_training_as_they_were(page, tmp_path):
    use_ames(page)
    load_fails(page, write(tmp_path, "single.csv", "x,y,kind\n1,2,a\n2,3,a\n"), "1 classes")
    assert chosen(page, "Data") == AMES and shapes(page) == AMES_SHAPES
    start = epoch(page)
    button(page, "Step").click()
    wait_for_epoch(page, lambda e: e == start + 1)


def test_a_csv_with_missing_values_trains_and_reports_the_rows_left_out(page, tmp_path):
    rows = [f"{100 + i},{i},{(i * 7) % 5},{'ab'[i % 2]}" for i in range(12)]
    rows[3] = "103,,1,b"  # no x
    rows[8] = "108,8,3,"  # no class
    path = write(tmp_path, "houses.csv", "price,x,y,kind\n" + "\n".join(rows) + "\n")
    upload_csv(page, path)
    label = training(page).get_by_label("Label (the class)", exact=True)
    poll(
        page,
        lambda: label.evaluate("s => [...s.options].map(o => o.text)"),
        lambda options: options == ["price", "x", "y", "kind"],
        what="the file's columns in the pickers",
    )
    choose(page, "Feature on the x axis", "x")
    choose(page, "Feature on the y axis", "y")
    choose(page, "Label (the class)", "kind")
    csv_load_button(page).click()
    loaded = training(page).locator(".csv-loaded")
    expect(loaded).to_be_visible()
    assert (
        alert_text(loaded)
        == "Loaded 10 rows of houses.csv: classes a, b; 2 rows with missing values were left out."
    )
    poll(
        page,
        lambda: chosen(page, "Data"),
        lambda shown: shown == "Your CSV file",
        what="the CSV chosen as data",
    )
    wait_for_shapes(page, X=(8, 2), logits=(8, 2))
    assert len(map_points(page)) == 10
    button(page, "Step").click()
    wait_for_epoch(page, lambda e: e == 1)


def test_standardising_lets_ames_learn_where_raw_degrees_do_not(page):
    use_ames(page)
    checkbox = training(page).get_by_role(
        "checkbox", name="Standardise the inputs (mean 0, std 1)", exact=True
    )
    final = {}
    for standardise in (True, False):
        checkbox.set_checked(standardise)
        wait_for_epoch(page, lambda e: e == 0)  # new data: a new run
        start = losses(page)[1]
        train_until(page, 100)
        final[standardise] = (start, losses(page)[1])
    checkbox.set_checked(True)
    (start, end), (_, raw_end) = final[True], final[False]
    assert end < start  # standardised inputs: the loss falls
    assert raw_end > 10 * end  # degrees of about -93 and 42: the steps overshoot and the loss stays huge


def test_a_toy_set_shows_its_points(page):
    choose(page, "Data", "Toy: moons")
    expected = load_toy("moons", n=300, noise=0.1, seed=0)
    shown = poll(page, lambda: map_points(page), lambda p: len(p) == 300, what="300 moons")
    assert np.array_equal(shown, sorted_points(expected))


def sorted_points(data) -> np.ndarray:
    points = np.column_stack([data.X_raw, data.y])
    return points[np.lexsort(points.T[::-1])]


def wait_for_points(page, data) -> None:
    expected = sorted_points(data)
    poll(
        page,
        lambda: map_points(page),
        lambda p: p.shape == expected.shape and np.array_equal(p, expected),
        what=f"the map showing {data.source}",
    )


def slider(page, label: str):
    """The handle of the slider labelled ``label`` (keyboard: arrows move it a step)."""
    return training(page).locator(".bk-input-group", has_text=label).locator(".noUi-handle")


def test_the_points_slider_sets_the_size(page):
    choose(page, "Data", "Toy: circles")
    slider(page, "Points").press("ArrowRight")
    wait_for_points(page, load_toy("circles", n=350, noise=0.1, seed=0))


def test_the_noise_slider_moves_the_points(page):
    choose(page, "Data", "Toy: xor")
    slider(page, "Noise").press("ArrowRight")
    wait_for_points(page, load_toy("xor", n=350, noise=0.11, seed=0))


def test_the_data_seed_draws_other_points(page):
    choose(page, "Data", "Toy: spiral")
    enter(page, "Data seed", "3")
    wait_for_points(page, load_toy("spiral", n=350, noise=0.11, seed=3, classes=3))


def test_the_classes_slider_sets_how_many_blobs(page):
    choose(page, "Data", "Toy: blobs")
    slider(page, "Classes").press("ArrowRight")
    wait_for_points(page, load_toy("blobs", n=350, noise=0.11, seed=3, classes=4))
    wait_for_shapes(page, logits=(280, 4))


def test_new_data_starts_the_curves_over_at_epoch_0(page):
    choose(page, "Data", "Toy: moons")
    train_until(page, 40)
    choose(page, "Data", "Toy: blobs")
    poll(page, lambda: curves(page)["epoch"], lambda e: e == [0], what="the curves holding only epoch 0")
