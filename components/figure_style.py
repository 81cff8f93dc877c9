"""Text sizes for Bokeh figures, which draw on a canvas and so do not follow the page's CSS (lecture mode)."""

from __future__ import annotations

from bokeh.plotting import figure

SIZES = {False: ("12px", "11px", "13px"), True: ("20px", "17px", "20px")}  # axis labels, ticks, legend/title


def set_text_size(fig: figure, large: bool) -> None:
    """Normal text, or text large enough to read from the back of a lecture hall."""
    label, tick, title = SIZES[large]
    for axis in (*fig.xaxis, *fig.yaxis):
        axis.update(axis_label_text_font_size=label, major_label_text_font_size=tick)
    for legend in fig.legend:
        legend.update(label_text_font_size=title, glyph_height=24 if large else 20, glyph_width=24 if large else 20)
    fig.title.text_font_size = title
