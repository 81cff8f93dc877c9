"""Benchmark ceiling: the training tab's traffic with nothing behind it (`bench/classroom.py --bare`).

Served as `/app`, a page with what bench/class_student.py's trainer uses and nothing else: a Play toggle, a
`MapCanvas` whose frames are as large as the 2-100-3 MLP's (2.4 KB, numbered as the app numbers them) and go under
the same flow control (at most 3 unacknowledged; the student acknowledges each with {"shown": n}), and a
`TrainingCurves` sent a 40-byte numbers message ten times a second. Each session's loop ticks at 30 frames a
second, as the app's does; there is no model, no training, no Trainer. What 40 such sessions get from one process
is the most frames a second the app could give them through Panel and Bokeh on this machine.
"""

import os

import numpy as np
import panel as pn
import param
from panel.custom import JSComponent

FRAME_BYTES = 2412  # pack_network's size for a 2-100-3 MLP
IN_FLIGHT = 3
FPS = 30
NUMBERS_EVERY = 3  # ticks: ten times a second


class MapCanvas(JSComponent):
    _esm = "export function render({ model }) { model.on('msg:custom', () => {}); }"

    def __init__(self, **params):
        super().__init__(**params)
        self.shown = 0

    def _handle_msg(self, msg) -> None:
        if isinstance(msg, dict) and "shown" in msg:
            self.shown = int(msg["shown"])


class TrainingCurves(JSComponent):
    _esm = "export function render({ model }) { model.on('msg:custom', () => {}); }"


class Session(param.Parameterized):
    def __init__(self):
        super().__init__()
        self.play = pn.widgets.Toggle(name="▶ Play")
        self.map, self.curves = MapCanvas(), TrainingCurves()
        self.sent = self.ticks = 0
        self.payload = os.urandom(FRAME_BYTES - 4)
        doc = pn.state.curdoc
        handle = doc.add_periodic_callback(self.tick, round(1000 / FPS))
        pn.state.on_session_destroyed(lambda _: doc.remove_periodic_callback(handle))

    def tick(self) -> None:
        if not self.play.value:
            return
        self.ticks += 1
        if self.sent - self.map.shown < IN_FLIGHT:
            self.sent += 1
            self.map._send_msg(np.uint32(self.sent).tobytes() + self.payload)
        if self.ticks % NUMBERS_EVERY == 0:
            self.curves._send_msg(bytes(40))


session = Session()
pn.Column(session.play, session.map, session.curves).servable()
