"""Benchmark baseline: a Panel periodic callback pushing a 100 x 100 float32 image to a Bokeh figure every 33 ms.

The training tab's frame costs are compared with this bare push, measured in the same run. The image changes
each frame (random numbers), so every frame is sent; there is no model and no training.
"""

import numpy as np
import panel as pn
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure

rng = np.random.default_rng(0)
source = ColumnDataSource(data={"image": [rng.random((100, 100), dtype=np.float32)]})
fig = figure(width=600, height=500, x_range=(0, 1), y_range=(0, 1))
fig.image(image="image", x=0, y=0, dw=1, dh=1, source=source, palette="Viridis256")
play = pn.widgets.Toggle(name="▶ Play")


def push():
    if play.value:
        source.data = {"image": [rng.random((100, 100), dtype=np.float32)]}


pn.state.add_periodic_callback(push, period=33)
pn.Column(play, pn.pane.Bokeh(fig)).servable()
