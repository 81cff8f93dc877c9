"""A checkbox for a Boolean parameter that screen readers can name."""

from __future__ import annotations

import panel as pn
import param


def labelled_checkbox(owner: param.Parameterized, name: str, **params) -> pn.widgets.CheckBoxGroup:
    """A checkbox for ``owner``'s Boolean parameter ``name``, labelled with the parameter's label, synced both ways.

    A one-box CheckBoxGroup rather than a Checkbox: Bokeh's Checkbox leaves its box without an accessible name.
    """
    label = owner.param[name].label
    box = pn.widgets.CheckBoxGroup(options=[label], value=[label] * getattr(owner, name), **params)
    box.param.watch(lambda event: setattr(owner, name, bool(event.new)), "value")
    owner.param.watch(lambda event: setattr(box, "value", [label] * event.new), name)
    return box
