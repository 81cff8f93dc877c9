"""Shapes as a student types them (the warm-up's shape questions): the usual spellings read alike, and anything
else is refused with a message that quotes it cut short."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from softmax_explorer.models.inputs import MAX_SHAPE_TEXT, format_shape, parse_shape

shape = st.lists(st.integers(1, 100_000), min_size=1, max_size=4).map(tuple)


@given(shape)
def test_a_shape_written_as_torch_prints_it_reads_back(dims):
    assert parse_shape(format_shape(dims)) == dims


@given(
    shape,
    st.sampled_from(["{}", "({})", "[{}]"]),
    st.sampled_from([", ", ",", "x", " x ", " × ", "*", " "]),
)
def test_every_usual_spelling_reads_as_the_same_shape(dims, wrap, sep):
    text = wrap.format(sep.join(map(str, dims)))
    if len(text) <= MAX_SHAPE_TEXT:
        assert parse_shape(text) == dims


@pytest.mark.parametrize(
    ("text", "dims"),
    [
        ("(100, 2)", (100, 2)),
        ("100x2", (100, 2)),
        ("100,2", (100, 2)),
        ("[100, 2]", (100, 2)),
        ("(3,)", (3,)),
        ("3", (3,)),
        ("(3)", (3,)),
        (" 100 X 3 ", (100, 3)),
    ],
)
def test_the_answers_students_write_read_as_shapes(text, dims):
    assert parse_shape(text) == dims


@given(
    st.text(min_size=1, max_size=60).filter(lambda t: any(c not in "0123456789()[], xX×*" for c in t.strip()))
)
def test_text_that_is_not_a_shape_is_refused(text):
    with pytest.raises(ValueError):
        parse_shape(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<img src=x onerror=alert(1)>", "'<img src=x onerror=alert(1)>' is not a shape"),
        ("", "no answer"),
        ("(100, 2", "is not a shape"),
        ("0, 2", "sizes from 1 to 1,000,000"),
        ("1, 2, 3, 4, 5", "give 1 to 4 sizes"),
        ("100x2, 3", "is not a shape"),
        ("٣", "is not a shape"),  # Arabic-Indic three: int() would read it
    ],
)
def test_a_refusal_says_why(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_shape(text)


def test_a_long_answer_is_refused_unread_with_its_length():
    with pytest.raises(ValueError) as error:
        parse_shape("<img src=x onerror=alert(1)>" * 400)
    assert str(error.value) == "the answer is too long (11,200 characters): write a shape such as (100, 2)"
