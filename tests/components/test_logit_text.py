"""Logits and class names as text: exact round trips, and errors a student can act on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.logit_text import format_logits, format_number, parse_class_names, parse_logits

logit = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
name = (
    st.text(st.characters(blacklist_characters=",", blacklist_categories=("Cs",)), min_size=1, max_size=24)
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(logit, min_size=2, max_size=10))
def test_formatted_logits_parse_back_to_exactly_the_same_floats(logits):
    parsed = parse_logits(format_logits(logits))
    assert parsed == logits
    assert [p.hex() for p in parsed] == [float(v).hex() for v in logits]  # bit for bit, signed zeros too


@given(st.lists(name, min_size=2, max_size=10, unique=True))
def test_joined_class_names_parse_back_to_the_same_names(names):
    assert parse_class_names(", ".join(names)) == names


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (-0.5, "-0.5"),
        (1000.0, "1000"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-7, "1e-07"),
        (2.5e-300, "2.5e-300"),
    ],
)
def test_numbers_are_written_as_short_as_they_read_back(value, text):
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
        ("1, two, 3", "'two' is not a number"),
        ("1, nan", "'nan' is not a finite number"),
        ("-inf, 1", "'-inf' is not a finite number"),
        ("1, 1000.5", "1000.5 is outside -1000 to 1000"),
        ("-1e4, 1", "-1e4 is outside -1000 to 1000"),
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
