"""Benchmark control: the same softmax maths in a Bokeh CustomJS callback, browser-only (served by `panel serve`).

?k=N sets the number of classes. No Python runs when a slider moves: this is the floor for input-to-repaint.
"""

from bokeh.io import curdoc
from bokeh.layouts import column
from bokeh.models import ColumnDataSource, CustomJS, Div, Slider
from bokeh.plotting import figure

args = curdoc().session_context.request.arguments if curdoc().session_context else {}
k = int(args.get("k", [b"3"])[0])
logits = [1.0, 2.0, -1.0, 0.5, -0.5, 1.5, -1.5, 0.2, -0.2, 0.8][:k]

sliders = [Slider(start=-10, end=10, step=0.1, value=v, title=f"z{i}") for i, v in enumerate(logits)]
readout = Div(text="", css_classes=["readout"])
source = ColumnDataSource(data={"x": [str(i) for i in range(k)], "p": [1 / k] * k})
bars = figure(x_range=source.data["x"], y_range=(0, 1), height=250, width=500, toolbar_location=None)
bars.vbar(x="x", top="p", width=0.8, source=source)

update = CustomJS(
    args={"sliders": sliders, "readout": readout, "source": source},
    code="""
    const z = sliders.map((s) => s.value);
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    const sum = e.reduce((a, b) => a + b, 0);
    const p = e.map((v) => v / sum);
    const loss = -(z[0] - top - Math.log(sum));
    readout.text = "<table>" + p.map((v, i) => `<tr><td>${z[i]}</td><td>${v.toFixed(3)}</td></tr>`).join("")
        + `</table><output class="loss">${loss.toFixed(3)}</output>`;
    source.data = { x: source.data.x, p };
""",
)
for s in sliders:
    s.js_on_change("value", update)
curdoc().js_on_event("document_ready", update)
curdoc().add_root(column(*sliders, readout, bars))
