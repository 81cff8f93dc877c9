"""The warm-up's four shape questions, predict then check: for a batch of houses through ``nn.Linear(in, out)``
written as the course writes it, ``X @ W + b``, what are the shapes of X, W, b and ``X @ W + b``?

The student types each shape (``(100, 2)``, ``100x2``, ``[100, 2]``: ``models/inputs.py`` reads them); "Check"
marks each answer right or wrong with one line on why, and reveals the tensor table below it. Typed text is
bounded by the parser and escaped before it becomes HTML.
"""

from __future__ import annotations

import html
from typing import NamedTuple

import panel as pn
import param

from softmax_explorer.components.assets import stylesheets
from softmax_explorer.components.notice import notice, show
from softmax_explorer.models.inputs import format_shape, parse_shape

QUESTIONS = ("X", "W", "b", "X @ W + b")
# Right and wrong in words and symbols first; the colours (Okabe and Ito's green and vermillion) only add to them.
STYLE = """
.se-quiz-score { font-weight: 700; margin: 0.4em 0 0.2em; }
ul.se-quiz-marks { list-style: none; padding: 0; margin: 0; }
ul.se-quiz-marks li { margin: 0.3em 0; padding: 0.15em 0 0.15em 0.6em; border-left: 4px solid; line-height: 1.35; }
ul.se-quiz-marks li.right { border-color: #009e73; }
ul.se-quiz-marks li.wrong { border-color: #d55e00; }
ul.se-quiz-marks li span { color: var(--se-fg, inherit); }
"""


class Mark(NamedTuple):
    """One answer marked: the question, whether it is right, the shape read from it, the right shape, and why."""

    question: str
    right: bool
    answer: tuple[int, ...]
    expected: tuple[int, ...]
    why: str


def answers(batch: int, n_in: int, n_out: int) -> dict[str, tuple[tuple[int, ...], str]]:
    """Each question's shape and the one line that says why, for ``nn.Linear(n_in, n_out)`` and ``batch`` rows."""
    x, w, b, y = (batch, n_in), (n_in, n_out), (n_out,), (batch, n_out)
    return {
        "X": (x, f"X is (batch, in) = {format_shape(x)}: one row a house, one column a feature"),
        "W": (
            w,
            f"W is (in, out) = {format_shape(w)} in the course's X @ W + b; nn.Linear stores its transpose, "
            f"weight {format_shape(w[::-1])}",
        ),
        "b": (b, f"b is (out,) = {format_shape(b)}: one number a class, added to every row of X @ W"),
        "X @ W + b": (
            y,
            f"X @ W + b is (batch, out) = {format_shape(y)}: {format_shape(x)} @ {format_shape(w)} gives one row "
            f"of {n_out} scores a house",
        ),
    }


def mark(typed: dict[str, str], batch: int, n_in: int, n_out: int) -> tuple[list[Mark], list[str]]:
    """The four answers marked, or, if any cannot be read (empty, too long, not a shape), no marks and a reason
    for each that cannot: nothing is revealed until every answer is a shape."""
    read, problems = {}, []
    for question in QUESTIONS:
        try:
            read[question] = parse_shape(typed.get(question, ""))
        except ValueError as error:
            problems.append(f"{question}: {error}")
    if problems:
        return [], problems
    right = answers(batch, n_in, n_out)
    return [Mark(q, read[q] == right[q][0], read[q], right[q][0], right[q][1]) for q in QUESTIONS], []


def marks_html(marks: list[Mark]) -> str:
    """The marks as a list: ✓ or ✗, what was answered, the right shape when it differs, and why."""
    items = []
    for m in marks:
        said = format_shape(m.answer)
        head = (
            f"✓ {m.question}: {said}"
            if m.right
            else f"✗ {m.question}: {said}, but it is {format_shape(m.expected)}"
        )
        kind = "right" if m.right else "wrong"
        items.append(
            f"<li class='{kind}'><strong>{html.escape(head)}</strong> <span>{html.escape(m.why)}.</span></li>"
        )
    score = sum(m.right for m in marks)
    return f"<p class='se-quiz-score'>{score} of {len(marks)} right</p><ul class='se-quiz-marks'>{''.join(items)}</ul>"


class ShapeQuiz(pn.viewable.Viewer):
    """Four fields for the shapes of X, W, b and X @ W + b, a Check button, and the marks."""

    batch = param.Integer(default=100, bounds=(1, None), doc="Rows of X, as the question says.")
    n_in = param.Integer(default=2, bounds=(1, None), doc="Features: nn.Linear's in_features.")
    n_out = param.Integer(default=3, bounds=(1, None), doc="Classes: nn.Linear's out_features.")
    note = param.String(default="", doc="A line under the question (say, which model the table shows).")
    checked = param.Event(doc="Check was pressed and every answer could be read.")

    def __init__(self, **params):
        super().__init__(**params)
        self.fields = {
            q: pn.widgets.TextInput(
                label=q, placeholder="e.g. (5, 7)", width=140, max_length=200, margin=(0, 8, 0, 0)
            )
            for q in QUESTIONS
        }
        for field in self.fields.values():
            field.param.watch(lambda _: self.check(), "enter_pressed")
        css = [*stylesheets("training"), STYLE]
        self._question = pn.pane.HTML(sizing_mode="stretch_width", margin=(0, 5), stylesheets=css)
        self._check = pn.widgets.Button(
            label="Check",
            button_type="primary",
            description="Mark the four answers (or press Enter in a field)",
        )
        self._check.on_click(lambda _: self.check())
        self._problem = notice("warning", margin=(4, 5))
        self._marks = pn.pane.HTML(sizing_mode="stretch_width", margin=(0, 5), stylesheets=css)
        self._question_text()

    def check(self) -> None:
        """Mark what is typed; an answer that cannot be read is refused with the reason, and nothing is revealed."""
        typed = {q: f.value_input if f.value_input is not None else f.value for q, f in self.fields.items()}
        marks, problems = mark(typed, self.batch, self.n_in, self.n_out)
        show(self._problem, "Not checked yet: every answer must be a shape." if problems else "", problems)
        self._marks.object = marks_html(marks) if marks else ""
        if marks:
            self.param.trigger("checked")

    @param.depends("batch", "n_in", "n_out", "note", watch=True)
    def _question_text(self) -> None:
        self._marks.object = ""  # marks for another batch or model no longer apply
        note = f"<p class='se-note'>{html.escape(self.note)}</p>" if self.note else ""
        self._question.object = (
            f"<p class='se-quiz-question'><strong>Predict first:</strong> a batch of {self.batch:,} houses goes "
            f"through <code>nn.Linear({self.n_in}, {self.n_out})</code>, written <code>X @ W + b</code> as the "
            "course writes it. What are the shapes of X, W, b and X @ W + b?</p>"
            f"{note}"
        )

    def __panel__(self):
        return pn.Column(
            self._question,
            pn.FlexBox(*self.fields.values(), self._check, align_items="flex-end"),
            self._problem,
            self._marks,
            sizing_mode="stretch_width",
        )
