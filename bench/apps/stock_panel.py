"""Benchmark baseline: the stock Panel path, FloatSliders whose values go to Python, which renders the readout.

?k=N sets the number of classes. This is what the explorer would cost without its browser-side views.
"""

import panel as pn

from softmax_explorer.models.softmax import cross_entropy, softmax

k = int(pn.state.session_args.get("k", [b"3"])[0])
logits = [1.0, 2.0, -1.0, 0.5, -0.5, 1.5, -1.5, 0.2, -0.2, 0.8][:k]
sliders = [
    pn.widgets.FloatSlider(start=-10, end=10, step=0.1, value=v, name=f"z{i}") for i, v in enumerate(logits)
]


def readout(*z):
    p = softmax(z)
    rows = "".join(f"<tr><td>{v}</td><td>{q:.3f}</td></tr>" for v, q in zip(z, p, strict=True))
    return f"<table>{rows}</table><output class='loss'>{cross_entropy(z, 0):.3f}</output>"


pn.Column(*sliders, pn.pane.HTML(pn.bind(readout, *sliders), css_classes=["readout"])).servable()
