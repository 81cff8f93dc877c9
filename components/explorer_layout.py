"""The explorer tab's layout: its controls and views in two bands, each section hideable from the URL.

Everything here reads and sets the explorer's parameters and calls its actions (``components/explorer_state.py``);
no state lives in the layout.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import panel as pn

from softmax_explorer.components.checkbox import labelled_checkbox
from softmax_explorer.components.largest_challenge import largest_status
from softmax_explorer.components.notice import notice, show
from softmax_explorer.components.softmax_view import OBJECTIVES
from softmax_explorer.components.warmups import AT_LEAST, BOUND, CHALLENGES, LARGEST, LARGEST_LABEL, PRESETS
from softmax_explorer.models.inputs import format_logits

if TYPE_CHECKING:
    from softmax_explorer.components.softmax_explorer import SoftmaxExplorer

# Bokeh's spinner buttons have no accessible name and take a Tab stop each; the arrow keys step the field anyway.
NO_SPIN_BUTTONS = ".bk-input-group > .bk-spin-wrapper > .bk-spin-btn { display: none; }"
# Two bands, each a left column of controls and a right column of views: the sliders and the bars share the first
# band, so the core interaction needs no scrolling on a projector.
LEFT = {
    "sizing_mode": "stretch_width",
    "margin": (0, 24, 0, 0),
    "styles": {"flex": "0 1 calc(480px * var(--se-scale, 1))", "min-width": "300px"},
}
RIGHT = {"sizing_mode": "stretch_width", "margin": 0, "styles": {"flex": "1 1 560px"}}


# Challenges stand apart from the presets, outlined in both themes ("light" is a white block on the dark theme).
CHALLENGE_STYLE = {"button_type": "primary", "button_style": "outline"}


def button(label: str, action, description: str, **kwargs) -> pn.widgets.Button:
    """A button that calls ``action()``; ``description`` is its tooltip (with its key, if any)."""
    widget = pn.widgets.Button(name=label, description=description, margin=(4, 4), **kwargs)
    widget.on_click(lambda _: action())
    return widget


def explorer_layout(
    explorer: SoftmaxExplorer, sliders, temperature, bars, readout, gradient, curve
) -> pn.Column:
    """The explorer's page: the sliders beside the bars, then the tools beside the numbers, gradient and curve."""

    def section(name, *objects, **kwargs):
        column = pn.Column(*objects, sizing_mode="stretch_width", css_classes=["se-section"], **kwargs)
        column.visible = name not in explorer.hide
        explorer.param.watch(lambda e: setattr(column, "visible", name not in e.new), "hide")
        return column

    heading = pn.Row(
        pn.pane.HTML("<h2 class='se-heading'>Logits z</h2>", margin=(0, 5)),
        pn.layout.HSpacer(),
        explorer.shortcuts(),
        *_one_file(explorer),
        align="center",
        sizing_mode="stretch_width",
    )
    reveal = button(
        "Reveal the results",
        explorer.reveal,
        "Show the hidden probabilities and loss (key v)",
        button_type="warning",
        visible=explorer.concealed,
    )
    explorer.param.watch(lambda e: setattr(reveal, "visible", e.new), "concealed")
    controls = pn.Column(
        heading,
        sliders,
        section(
            "shift",
            pn.Row(
                button("−0.5", lambda: explorer.shift(-0.5), "Subtract 0.5 from every logit (key <)"),
                button("+0.5", lambda: explorer.shift(0.5), "Add 0.5 to every logit (key >)"),
                button("×0.5", lambda: explorer.scale(0.5), "Halve every logit"),
                button("×2", lambda: explorer.scale(2.0), "Double every logit"),
                button("Reset", explorer.reset, "Back to the starting logits and T = 1 (key r)"),
                sizing_mode="stretch_width",
            ),
        ),
        section("temperature", temperature),
        reveal,
        **LEFT,
    )
    tools = pn.Column(
        section("entry", _logits_field(explorer)),
        _message(explorer),
        section("classes", _classes_row(explorer)),
        section("gradient", _loss_choice(explorer), _gradient_row(explorer)),
        section("presets", *_warmups(explorer)),
        **LEFT,
    )
    # The readout's table grows with lecture mode's type, so its column's basis grows too: on a projector the
    # second band then stacks rather than cut the table's last columns off.
    details = pn.Column(
        section("steps", readout),
        section("gradient", gradient),
        section("curve", curve),
        **{**RIGHT, "styles": {"flex": "1 1 calc(560px * var(--se-scale, 1))"}},
    )
    return pn.Column(
        pn.FlexBox(
            controls,
            pn.Column(bars, largest_status(explorer), **RIGHT),
            flex_wrap="wrap",
            sizing_mode="stretch_width",
        ),
        pn.FlexBox(tools, details, flex_wrap="wrap", sizing_mode="stretch_width"),
        sizing_mode="stretch_width",
        css_classes=["softmax-explorer"],
    )


def _one_file(explorer: SoftmaxExplorer) -> list[pn.widgets.FileDownload]:
    """A download of this explorer, at what it shows, as one HTML file that needs no server, if the page gives
    the explorer a way to make one (``one_file``: app/standalone.py composes the file from app/'s URL tables)."""
    if explorer.one_file is None:
        return []
    return [
        pn.widgets.FileDownload(
            callback=lambda: io.BytesIO(explorer.one_file(explorer).encode("utf-8")),
            filename="softmax-explorer.html",
            label="⬇ One file",
            description="Download this explorer, at what it shows now, as one HTML file that needs no server: "
            "for a course page, an e-mail or a student at home",
            button_type="light",
            margin=(4, 4),
        )
    ]


def _logits_field(explorer: SoftmaxExplorer) -> pn.widgets.TextInput:
    """Exact entry: the logits as a person writes them; Enter applies what was typed."""
    field = pn.widgets.TextInput(
        name="Logits, exactly (press Enter)",
        value=format_logits(explorer.logits),
        sizing_mode="stretch_width",
    )
    field.param.watch(lambda e: explorer.set_logits_text(e.new), "value")
    explorer.param.watch(lambda e: setattr(field, "value", format_logits(e.new)), "logits")
    return field


def _message(explorer: SoftmaxExplorer) -> pn.pane.Alert:
    """Why the last typed text was not applied, if it was not."""
    message = notice("warning", margin=(0, 5))
    explorer.param.watch(lambda e: show(message, e.new), "message")
    return message


def _classes_row(explorer: SoftmaxExplorer) -> pn.Row:
    names = pn.widgets.TextInput(
        name="Class names (press Enter)", value=", ".join(explorer.class_names), sizing_mode="stretch_width"
    )
    names.param.watch(lambda e: explorer.set_class_names_text(e.new), "value")
    explorer.param.watch(lambda e: setattr(names, "value", ", ".join(e.new)), "class_names")
    return pn.Row(
        names,
        button("+ class", explorer.add_class, "Add a class", align="end"),
        button("− class", explorer.remove_class, "Remove the last class", align="end"),
        sizing_mode="stretch_width",
    )


def _loss_choice(explorer: SoftmaxExplorer) -> pn.widgets.RadioButtonGroup:
    """Cross-entropy, squared error (nn.MSELoss() on the probabilities) or both, in the views (key e)."""
    return pn.widgets.RadioButtonGroup.from_param(
        explorer.param.objective,
        options={label: name for name, label in OBJECTIVES.items()},
        button_type="primary",
        button_style="outline",
        description="The loss the gradient, the curve and the steps use; both shows them side by side (key e)",
        css_classes=["se-loss-choice"],
        margin=(4, 5),
    )


def _gradient_row(explorer: SoftmaxExplorer) -> pn.FlexBox:
    """The step size, one gradient step, and a run of steps (a Stop button while it runs)."""
    run = button(
        "▶ Run steps",
        explorer.run,
        "Take the given number of gradient steps, animated (key n)",
        button_type="primary",
    )
    explorer.param.watch(lambda e: setattr(run, "name", "■ Stop" if e.new else "▶ Run steps"), "running")
    return pn.FlexBox(
        pn.widgets.FloatInput.from_param(
            explorer.param.lr, step=0.1, width=140, stylesheets=[NO_SPIN_BUTTONS]
        ),
        button("Gradient step", explorer.gradient_step, "z ← z − lr · ∂L/∂z (key g)"),
        pn.widgets.IntInput.from_param(explorer.param.steps, width=110, stylesheets=[NO_SPIN_BUTTONS]),
        run,
        align_items="flex-end",
        sizing_mode="stretch_width",
    )


def _warmups(explorer: SoftmaxExplorer) -> list:
    """The warm-up situations and the challenges, and whether the situations hide their results."""
    return [
        pn.pane.HTML("<h3 class='se-heading'>Warm-up situations</h3>", margin=(8, 5, 0, 5)),
        pn.FlexBox(
            *(
                button(label, lambda n=name: explorer.preset(n), f"Load: {label.lower()}")
                for name, (label, _) in PRESETS.items()
            )
        ),
        pn.FlexBox(
            *(
                button(
                    label,
                    lambda n=name: explorer.preset(n),
                    "Move the sliders until every probability is within 0.01 of its goal",
                    **CHALLENGE_STYLE,
                )
                for name, (label, _) in CHALLENGES.items()
            ),
            button(
                LARGEST_LABEL,
                lambda: explorer.preset(LARGEST),
                f"Make the true class's probability at least {AT_LEAST:g} with every logit within ±{BOUND:g}: "
                "what must the other logits do?",
                **CHALLENGE_STYLE,
            ),
        ),
        labelled_checkbox(explorer, "predict_first"),
    ]
