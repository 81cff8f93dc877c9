// components/layouts.json
var layouts_default = {
  points: [
    ["n", "u4"],
    ["x", "f8", "n"],
    ["y", "f8", "n"],
    ["cls", "u1", "n"],
    ["part", "u1", "n"]
  ],
  network: [
    ["number", "u4"],
    ["cells", "u2"],
    ["activation", "u1"],
    ["depth", "u1"],
    ["params", "u4"],
    ["mean", "f8", "2"],
    ["std", "f8", "2"],
    ["widths", "u2", "depth"],
    ["weights", "f4", "params"]
  ],
  numbers: [
    ["replace", "u1"],
    ["drop", "u1"],
    ["train_ms", "f4"],
    ["draw_ms", "f4"],
    ["rows", "u4"],
    ["history", "f4", "rows*5"]
  ],
  activations: ["relu", "tanh", "sigmoid", "none"]
};

// components/js/lib/binary.js
var ARRAYS = { u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, f4: Float32Array, f8: Float64Array };
function bytesOf(value) {
  if (value == null) return null;
  if (value instanceof ArrayBuffer) return value;
  if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0)).buffer;
}
function unpack(layout, buffer) {
  const fields = {};
  let offset = 0;
  for (const [name, type, length] of layout) {
    const Typed = ARRAYS[type];
    const size = Typed.BYTES_PER_ELEMENT;
    offset = Math.ceil(offset / size) * size;
    const count = length === void 0 ? 1 : length.split("*").reduce((n, f) => n * (/^\d+$/.test(f) ? Number(f) : fields[f]), 1);
    const array = new Typed(buffer, offset, count);
    fields[name] = length === void 0 ? array[0] : array;
    offset += count * size;
  }
  return fields;
}

// components/js/lib/format.js
var LN10 = Math.log(10);
function formatNumber(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && a < 10 ** -digits) return v.toPrecision(3);
  if (a >= 1e9) return v.toPrecision(4);
  return v.toFixed(digits);
}

// components/js/lib/plot.js
var SVG_NS = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null && text !== void 0) node.textContent = text;
  return node;
}
function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

// components/js/training_curves.js
var HEIGHT = 220;
var COLUMNS = 5;
function rows(value) {
  const buffer = bytesOf(value);
  return buffer ? new Float32Array(buffer) : new Float32Array(0);
}
var LOSSES = {
  cross_entropy: { title: "Cross-entropy loss", floor: 1.2 },
  squared_error: { title: "Squared-error loss: nn.MSELoss() on softmax(z) against one-hot y", floor: 0.25 }
};
var lossOf = (model) => LOSSES[model.loss] ?? LOSSES.cross_entropy;
var percent = (v) => Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : String(v);
function epochLine(at) {
  const epoch = Math.round(at(0));
  return `<span>Epoch <b class="epoch" data-epoch="${epoch}">${epoch}</b></span><span>training loss <b>${formatNumber(at(1))}</b>, accuracy <b>${percent(at(2))}</b></span><span>validation loss <b>${formatNumber(at(3))}</b>, accuracy <b>${percent(at(4))}</b></span>`;
}
function render({ model, el }) {
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
    { title: "Accuracy", train: 2, val: 4, fixedTop: 1 }
  ].map((chart) => {
    const figure = document.createElement("figure");
    figure.innerHTML = `<figcaption><span class="title">${chart.title}</span>
      <span class="key"><span class="train">\u2501 training</span> <span class="val">\u254D validation</span></span></figcaption>`;
    const plot = svg("svg", { role: "img", "aria-label": `${chart.title} against epochs, training and validation` });
    figure.append(plot);
    root.append(figure);
    return { ...chart, plot, figure };
  });
  const scale = () => parseFloat(getComputedStyle(root).fontSize) / 15 || 1;
  function draw() {
    const s = scale();
    const PAD = { left: 52 * s, right: 14, top: 12 * s, bottom: 42 * s };
    const n = Math.floor(data.length / COLUMNS);
    const at = (i, c) => data[i * COLUMNS + c];
    root.rows = data;
    line.dataset.trainMs = trainMs.toFixed(3);
    line.dataset.drawMs = drawMs.toFixed(3);
    line.innerHTML = n ? epochLine((c) => at(n - 1, c)) : "";
    const last = n ? at(n - 1, 0) : 0;
    let x1 = 50;
    while (last > x1) x1 = Math.ceil(x1 * 1.5 / 10) * 10;
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
      const W = Math.max(160, chart.figure.clientWidth), H = Math.round(HEIGHT * Math.min(s, 1.1));
      chart.plot.setAttribute("width", W);
      chart.plot.setAttribute("height", H);
      chart.plot.setAttribute("viewBox", `0 0 ${W} ${H}`);
      const sx = (x) => PAD.left + x / x1 * (W - PAD.left - PAD.right);
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
        let pen = "M";
        for (let i = 0; i < n; i++) {
          const v2 = at(i, column);
          if (!Number.isFinite(v2)) {
            pen = "M";
            continue;
          }
          d += `${pen}${sx(at(i, 0)).toFixed(1)},${sy(v2).toFixed(1)}`;
          pen = "L";
        }
        plot.append(svg("path", { d, class: `line ${cls}` }));
        const v = n ? at(n - 1, column) : NaN;
        if (Number.isFinite(v)) plot.append(svg("circle", { cx: sx(at(n - 1, 0)), cy: sy(v), r: 4, class: `dot ${cls}` }));
      }
      if (n) {
        chart.figure.dataset.train = String(at(n - 1, chart.train));
        chart.figure.dataset.val = String(at(n - 1, chart.val));
      }
    }
  }
  function receive(value) {
    const buffer = bytesOf(value);
    if (!buffer) return;
    const numbers = unpack(layouts_default.numbers, buffer);
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
  model.on("history", () => {
    data = rows(model.history);
    draw();
  });
  const resize = new ResizeObserver(() => draw());
  resize.observe(root);
  model.on("remove", () => resize.disconnect());
  draw();
}
export {
  render
};
