// The epoch line (the epoch, the latest training and validation loss and accuracy) over training and validation
// loss and accuracy against epochs, as two small SVG charts. The history is float32 rows (epoch, train loss,
// train accuracy, validation loss, validation accuracy), thinned on the server to a few hundred: the `history`
// parameter when the view is made, then the server's messages (layouts.NUMBERS) ten times a second, which extend
// or replace those rows. Redrawing two paths costs far less than a plotting library's full repaint.

import LAYOUTS from "../layouts.json" with { type: "json" };
import { bytesOf, unpack } from "./lib/binary.js";
import { formatNumber } from "./lib/format.js";
import { niceStep, svg } from "./lib/plot.js";

const HEIGHT = 220;  // CSS pixels at the normal text size; the charts are as wide as their column
const COLUMNS = 5;

function rows(value) {
  const buffer = bytesOf(value);
  return buffer ? new Float32Array(buffer) : new Float32Array(0);
}

// The loss the model is trained with (the training tab's choice), and the lowest top of its chart's axis.
const LOSSES = {
  cross_entropy: { title: "Cross-entropy loss", floor: 1.2 },
  squared_error: { title: "Squared-error loss: nn.MSELoss() on softmax(z) against one-hot y", floor: 0.25 },
};
const lossOf = (model) => LOSSES[model.loss] ?? LOSSES.cross_entropy;

const percent = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : String(v));

/** The epoch line's HTML for the latest row (`at(column)`), or "" before the first. */
function epochLine(at) {
  const epoch = Math.round(at(0));
  return `<span>Epoch <b class="epoch" data-epoch="${epoch}">${epoch}</b></span>`
    + `<span>training loss <b>${formatNumber(at(1))}</b>, accuracy <b>${percent(at(2))}</b></span>`
    + `<span>validation loss <b>${formatNumber(at(3))}</b>, accuracy <b>${percent(at(4))}</b></span>`;
}

export function render({ model, el }) {
  const line = document.createElement("div");
  line.className = "se-epoch";
  line.setAttribute("aria-live", "off");
  const root = document.createElement("div");
  root.className = "curve-charts";
  el.append(line, root);
  let data = rows(model.history);
  let [trainMs, drawMs] = model.frame_ms ?? [0, 0];
  const charts = [
    { title: lossOf(model).title, train: 1, val: 3, fixedTop: null, loss: true },
    { title: "Accuracy", train: 2, val: 4, fixedTop: 1 },
  ].map((chart) => {
    const figure = document.createElement("figure");
    figure.innerHTML = `<figcaption><span class="title">${chart.title}</span>
      <span class="key"><span class="train">━ training</span> <span class="val">╍ validation</span></span></figcaption>`;
    const plot = svg("svg", { role: "img", "aria-label": `${chart.title} against epochs, training and validation` });
    figure.append(plot);
    root.append(figure);
    return { ...chart, plot, figure };
  });

  // Drawn in CSS pixels at the chart's real size (no viewBox scaling), so text keeps its font size.
  const scale = () => parseFloat(getComputedStyle(root).fontSize) / 15 || 1;

  function draw() {
    const s = scale();
    const PAD = { left: 52 * s, right: 14, top: 12 * s, bottom: 42 * s };
    const n = Math.floor(data.length / COLUMNS);
    const at = (i, c) => data[i * COLUMNS + c];
    root.rows = data;  // for tests and benchmarks
    line.dataset.trainMs = trainMs.toFixed(3);
    line.dataset.drawMs = drawMs.toFixed(3);
    line.innerHTML = n ? epochLine((c) => at(n - 1, c)) : "";
    const last = n ? at(n - 1, 0) : 0;
    // The epoch axis grows by half when the run outgrows it, so it stays put most of the time.
    let x1 = 50;
    while (last > x1) x1 = Math.ceil((x1 * 1.5) / 10) * 10;
    root.dataset.points = String(n);
    root.dataset.lastEpoch = String(last);
    for (const chart of charts) {
      let top = chart.fixedTop;
      if (top === null) {
        let most = chart.loss ? lossOf(model).floor : 1.2;
        for (let i = 0; i < n; i++) {
          for (const v of [at(i, chart.train), at(i, chart.val)]) if (Number.isFinite(v)) most = Math.max(most, v);
        }
        top = Math.ceil(most * 1.05 * 4) / 4;
      }
      // Larger type in lecture mode, but hardly taller charts: the map and the curves must fit one 1080-pixel screen.
      const W = Math.max(160, chart.figure.clientWidth), H = Math.round(HEIGHT * Math.min(s, 1.1));
      chart.plot.setAttribute("width", W);
      chart.plot.setAttribute("height", H);
      chart.plot.setAttribute("viewBox", `0 0 ${W} ${H}`);
      const sx = (x) => PAD.left + (x / x1) * (W - PAD.left - PAD.right);
      const sy = (y) => PAD.top + (1 - Math.min(Math.max(y, 0), top) / top) * (H - PAD.top - PAD.bottom);
      const plot = chart.plot;
      plot.replaceChildren();
      const yStep = niceStep(top, Math.max(2, Math.min(5, Math.floor((H - PAD.top - PAD.bottom) / (28 * s)))));
      for (let y = 0; y <= top + 1e-9; y += yStep) {
        plot.append(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: sy(y), y2: sy(y), class: "grid" }));
        plot.append(svg("text", { x: PAD.left - 6, y: sy(y) + 4, class: "tick y" }, chart.fixedTop ? `${Math.round(y * 100)}%` : y.toFixed(2)));
      }
      const xStep = niceStep(x1, Math.max(2, Math.min(8, Math.floor((W - PAD.left - PAD.right) / (60 * s)))));
      for (let x = 0; x <= x1 + 1e-9; x += xStep) {
        plot.append(svg("text", { x: sx(x), y: H - PAD.bottom + 18 * s, class: "tick x" }, String(Math.round(x))));
      }
      plot.append(svg("text", { x: (PAD.left + W - PAD.right) / 2, y: H - 6, class: "axis-label" }, "epoch"));
      for (const [column, cls] of [[chart.val, "val"], [chart.train, "train"]]) {
        let d = "";
        let pen = "M";  // a non-finite value (a diverged epoch) breaks the line rather than spoiling the path
        for (let i = 0; i < n; i++) {
          const v = at(i, column);
          if (!Number.isFinite(v)) { pen = "M"; continue; }
          d += `${pen}${sx(at(i, 0)).toFixed(1)},${sy(v).toFixed(1)}`;
          pen = "L";
        }
        plot.append(svg("path", { d, class: `line ${cls}` }));
        const v = n ? at(n - 1, column) : NaN;  // the latest value as a dot: visible even at epoch 0
        if (Number.isFinite(v)) plot.append(svg("circle", { cx: sx(at(n - 1, 0)), cy: sy(v), r: 4, class: `dot ${cls}` }));
      }
      if (n) {
        chart.figure.dataset.train = String(at(n - 1, chart.train));
        chart.figure.dataset.val = String(at(n - 1, chart.val));
      }
    }
  }

  /** The server's numbers (layouts.NUMBERS): its timing, and rows that extend (after dropping
   * the last `drop`) or replace the ones held. */
  function receive(value) {
    const buffer = bytesOf(value);
    if (!buffer) return;
    const numbers = unpack(LAYOUTS.numbers, buffer);
    [trainMs, drawMs] = [numbers.train_ms, numbers.draw_ms];
    if (numbers.replace) {
      data = Float32Array.from(numbers.history);
    } else {
      const kept = data.subarray(0, data.length - numbers.drop * COLUMNS);
      const joined = new Float32Array(kept.length + numbers.history.length);
      joined.set(kept);
      joined.set(numbers.history, kept.length);
      data = joined;
    }
    draw();
  }

  model.on("loss", () => {
    const chart = charts.find((c) => c.loss);
    chart.title = lossOf(model).title;
    chart.figure.querySelector(".title").textContent = chart.title;
    chart.plot.setAttribute("aria-label", `${chart.title} against epochs, training and validation`);
    draw();
  });
  model.on("msg:custom", receive);
  model.on("history", () => { data = rows(model.history); draw(); });
  const resize = new ResizeObserver(() => draw());
  resize.observe(root);
  model.on("remove", () => resize.disconnect());
  draw();
}
