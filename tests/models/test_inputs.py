"""Logits and class names as text: round trips within the display precision, and errors a student can act on."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from softmax_explorer.models.inputs import (
    format_logits,
    format_number,
    parse_class_names,
    parse_flag,
    parse_hidden,
    parse_logits,
    parse_number,
    quote,
)

logit = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
name = (
    st.text(st.characters(blacklist_characters=",", blacklist_categories=("Cs",)), min_size=1, max_size=24)
    .map(str.strip)
    .filter(bool)
)


def display_error(value: float) -> float:
    """Half a unit of the display precision: of the third decimal, or of the third significant digit below 0.001."""
    return 0.0005 if abs(value) >= 0.001 else 0.5 * 10.0 ** (math.floor(math.log10(abs(value))) - 2)


@given(st.lists(logit, min_size=2, max_size=10))
def test_formatted_logits_parse_back_within_the_display_precision_and_format_alike(logits):
    text = format_logits(logits)
    parsed = parse_logits(text)
    assert all(abs(p - v) <= display_error(v) * (1 + 1e-9) for p, v in zip(parsed, logits, strict=True) if v)
    assert format_logits(parsed) == text  # a link read and written again says the same


@given(st.floats(-1e9, 1e9, allow_nan=False, allow_subnormal=False).filter(bool))
def test_no_shorter_text_reads_back_within_the_display_precision(value):
    text = format_number(value)
    assert abs(float(text) - value) <= display_error(value) * (1 + 1e-9)
    if "e" not in text and "." in text:  # one decimal fewer is too coarse
        fewer = text[:-1].rstrip(".")
        step = 10.0 ** -(len(text.split(".")[1]) - 1)
        assert all(abs(float(fewer) + d * step - value) > display_error(value) for d in (-1, 0, 1))


@given(st.lists(name, min_size=2, max_size=10, unique=True))
def test_joined_class_names_parse_back_to_the_same_names(names):
    assert parse_class_names(", ".join(names)) == names


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (-0.5, "-0.5"),
        (1000.0, "1000"),
        (-0.0, "0"),
        (-0.6 + 0.5, "-0.1"),  # -0.09999999999999998: "+0.5" on -0.6
        (0.1 + 0.2, "0.3"),
        (1 / 3, "0.333"),
        (2.3456789, "2.346"),
        (0.0625, "0.063"),  # a tie rounds away from zero, as JavaScript's toFixed does
        (-0.0625, "-0.063"),
        (0.0003, "0.0003"),  # below 0.001, three significant digits: the training tab's rates survive
        (1.23456e-5, "0.0000123"),
        (1e-7, "1e-7"),
        (2.5e-300, "2.5e-300"),
    ],
)
def test_numbers_are_written_as_a_person_would_within_the_display_precision(value, text):
    assert format_number(value) == text


def test_logits_may_be_separated_by_commas_semicolons_or_spaces():
    assert parse_logits(" 1, 2;-1  0.5 ") == [1.0, 2.0, -1.0, 0.5]


def test_logits_at_plus_and_minus_1000_are_accepted():
    assert parse_logits("1000, -1000") == [1000.0, -1000.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5", "give between 2 and 10 logits, separated by commas (got 1)"),
        ("", "give between 2 and 10 logits, separated by commas (got 0)"),
        (",".join(["1"] * 11), "give between 2 and 10 logits, separated by commas (got 11)"),
        ("1, two, 3", "'two' is not a number: use a number from -1000 to 1000"),
        ("1, nan", "'nan' is not a number: use a number from -1000 to 1000"),
        ("-inf, 1", "'-inf' is not a number: use a number from -1000 to 1000"),
        ("1, 1e309", "'1e309' is outside -1000 to 1000"),
        ("1, ٣", "'٣' is not a number: use a number from -1000 to 1000"),
        ("1, 1_000", "'1_000' is not a number: use a number from -1000 to 1000"),
        ("1, 1000.5", "'1000.5' is outside -1000 to 1000"),
        ("-1e4, 1", "'-1e4' is outside -1000 to 1000"),
        ("1," * 1000, "the list is too long (2,000 characters): give at most 10 logits"),
    ],
)
def test_bad_logit_text_is_refused_with_a_message(text, message):
    with pytest.raises(ValueError) as error:
        parse_logits(text)
    assert str(error.value) == message


def test_class_names_are_stripped():
    assert parse_class_names(" cat ,dog,  bird") == ["cat", "dog", "bird"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cat, , dog", "class names must not be empty"),
        ("cat,", "class names must not be empty"),
        ("cat", "give between 2 and 10 class names (got 1)"),
        (",".join("abcdefghijk"), "give between 2 and 10 class names (got 11)"),
        ("cat, dog, cat", "class names must be different from each other"),
        ("cat, " + "x" * 25, "class names must have at most 24 characters"),
    ],
)
def test_bad_class_names_are_refused_with_a_message(text, message):
    with pytest.raises(ValueError) as error:
        parse_class_names(text)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("text", "widths"), [("100", [100]), ("16, 16", [16, 16]), (" 8 4,2 ", [8, 4, 2]), ("1,512", [1, 512])]
)
def test_parse_hidden_reads_widths(text, widths):
    assert parse_hidden(text) == widths


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "give 1 to 4"),
        ("1,2,3,4,5", "give 1 to 4"),
        ("0", "outside 1 to 512"),
        ("513", "outside 1 to 512"),
        ("16.5", "not a whole number"),
        ("-3", "outside 1 to 512"),
        ("ten", "not a whole number"),
    ],
)
def test_parse_hidden_refuses_bad_text_with_a_reason(text, says):
    with pytest.raises(ValueError, match=says):
        parse_hidden(text)


@pytest.mark.parametrize(
    ("text", "low", "high", "whole", "value"),
    [
        ("0.5", 0, 1, False, 0.5),
        (" 3 ", 1, 5, True, 3),
        ("1e2", 0, 1000, False, 100.0),
        ("-.5", -1, 0, False, -0.5),
        ("2.0", 1, 5, True, 2),
    ],
)
def test_parse_number_reads_plain_numbers(text, low, high, whole, value):
    assert parse_number(text, low, high, whole) == value


@pytest.mark.parametrize(
    "text",
    ["", "abc", "nan", "inf", "-inf", "1e309", "٣", "１", "1_0", "0x10", "9" * 20_000, "1,5", "<b>1</b>"],
)
def test_parse_number_refuses_anything_else_without_parsing_it_whole(text):
    with pytest.raises(ValueError) as error:
        parse_number(text, 0, 1e400)
    assert len(str(error.value)) < 120  # the value is quoted short, whatever its length


def test_quote_cuts_a_long_value_and_says_how_long_it_was():
    assert quote("abc") == "'abc'"
    assert quote("x" * 20_000) == "'" + "x" * 40 + "'… (20,000 characters)"


@pytest.mark.parametrize(("text", "value"), [("1", True), ("on", True), ("No", False), ("0", False)])
def test_parse_flag_reads_on_and_off(text, value):
    assert parse_flag(text) is value


def test_parse_flag_refuses_anything_else():
    with pytest.raises(ValueError, match="use 1 or 0"):
        parse_flag("2")
