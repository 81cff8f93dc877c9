"""The warm-up's shape questions: marks against torch's own shapes, one line on why, refusals, and the table kept
hidden until the answers are checked."""

from __future__ import annotations

import torch

from softmax_explorer.components.shape_quiz import QUESTIONS, mark, marks_html
from softmax_explorer.components.tensor_shapes import TensorShapes

LOGREG = [("X", [2344, 2]), ("weight", [3, 2]), ("bias", [3]), ("logits", [2344, 3])]
MLP = [("X", [2344, 2]), ("0.weight", [100, 2]), ("0.bias", [100]), ("2.weight", [3, 100]), ("2.bias", [3])]
MLP.append(("logits", [2344, 3]))


def test_the_right_answers_are_the_shapes_torch_gives_with_w_the_transpose_of_linear_weight():
    linear, X = torch.nn.Linear(2, 3), torch.randn(100, 2)
    W, b = linear.weight.T, linear.bias
    right = {"X": X.shape, "W": W.shape, "b": b.shape, "X @ W + b": (X @ W + b).shape}
    typed = {q: str(tuple(s)) for q, s in right.items()}
    marks, problems = mark(typed, 100, 2, 3)
    assert problems == [] and all(m.right for m in marks)
    assert [m.expected for m in marks] == [tuple(right[q]) for q in QUESTIONS]


def test_two_wrong_answers_are_marked_wrong_with_the_right_shape_and_why():
    typed = {"X": "100x2", "W": "(3, 2)", "b": "[1, 3]", "X @ W + b": "100, 3"}
    marks, problems = mark(typed, 100, 2, 3)
    assert problems == []
    assert [m.right for m in marks] == [True, False, False, True]
    w = marks[1]
    assert w.answer == (3, 2) and w.expected == (2, 3)
    assert (
        w.why
        == "W is (in, out) = (2, 3) in the course's X @ W + b; nn.Linear stores its transpose, weight (3, 2)"
    )
    text = marks_html(marks)
    assert (
        "2 of 4 right" in text
        and "✗ W: (3, 2), but it is (2, 3)" in text
        and "✗ b: (1, 3), but it is (3,)" in text
    )
    assert "✓ X: (100, 2)" in text


def test_an_answer_that_is_not_a_shape_is_refused_and_nothing_is_marked():
    typed = {"X": "<img src=x onerror=alert(1)>", "W": "x" * 10_000, "b": "(3,)", "X @ W + b": ""}
    marks, problems = mark(typed, 100, 2, 3)
    assert marks == []
    assert problems == [
        "X: '<img src=x onerror=alert(1)>' is not a shape: write one such as (100, 2), 100x2 or (3,)",
        "W: the answer is too long (10,000 characters): write a shape such as (100, 2)",
        "X @ W + b: no answer: write a shape such as (100, 2)",
    ]


def test_the_table_is_hidden_until_the_answers_are_checked_and_the_refusal_is_escaped():
    shapes = TensorShapes(shapes=LOGREG)
    quiz = shapes.quiz
    assert not shapes.revealed and not shapes._html.visible
    quiz.fields["X"].value_input = "<img src=x onerror=alert(1)>"
    quiz.check()
    assert not shapes.revealed and quiz._problem.visible
    assert "&lt;img src=x onerror=alert(1)&gt;" in quiz._problem.object and "<img" not in quiz._problem.object
    for q, text in zip(QUESTIONS, ["(100, 2)", "(3, 2)", "(3,)", "(100, 3)"], strict=True):
        quiz.fields[q].value_input = text
    quiz.check()
    assert shapes.revealed and shapes._html.visible and not quiz._problem.visible
    assert "3 of 4 right" in quiz._marks.object


def test_the_question_takes_its_batch_from_the_batch_field_and_its_sizes_from_the_model():
    shapes = TensorShapes(shapes=LOGREG)
    assert "a batch of 100 houses" in shapes.quiz._question.object
    assert "nn.Linear(2, 3)" in shapes.quiz._question.object
    shapes.batch = 32
    for q, text in zip(QUESTIONS, ["32x2", "2x3", "3", "32x3"], strict=True):
        shapes.quiz.fields[q].value_input = text
    shapes.quiz.check()
    assert "4 of 4 right" in shapes.quiz._marks.object
    shapes.batch = 100  # the marks were for 32 rows
    assert shapes.quiz._marks.object == ""


def test_with_the_mlp_the_question_stays_the_warm_ups_and_says_so():
    shapes = TensorShapes(shapes=MLP)
    assert "nn.Linear(2, 3)" in shapes.quiz._question.object
    assert "own layers are in the table" in shapes.quiz._question.object


def test_show_the_table_reveals_it_without_answering():
    shapes = TensorShapes(shapes=LOGREG)
    shapes._show.clicks += 1
    assert shapes.revealed and shapes._html.visible and not shapes._show.visible
