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
function unpackPoints(value) {
  const buffer = bytesOf(value);
  return buffer ? unpack(layouts_default.points, buffer) : unpack(layouts_default.points, new ArrayBuffer(8));
}

// components/palette.json
var palette_default = {
  class_colors: [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#882255",
    "#44AA99",
    "#888888"
  ]
};

// components/js/lib/classes.js
var CLASS_COLORS = palette_default.class_colors;
function className(names, i) {
  return names && names[i] !== void 0 && names[i] !== "" ? String(names[i]) : `class ${i}`;
}

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// components/js/lib/draw.js
var groups = 0;
function drawPanel(model, colorOf) {
  const el = document.createElement("div");
  el.className = "draw";
  el.setAttribute("role", "group");
  el.setAttribute("aria-label", "Draw points");
  const name = `pen-${++groups}`;
  el.innerHTML = `<button type="button" class="draw-toggle" aria-pressed="false">\u270E Draw points</button>
    <div class="pens" role="radiogroup" aria-label="Class to draw"></div>
    <div class="edits"><button type="button" class="undo">Undo</button><button type="button" class="clear">Clear</button></div>
    <p class="draw-note" role="status"></p>`;
  const toggle = el.querySelector(".draw-toggle");
  const pens = el.querySelector(".pens");
  const edits = el.querySelector(".edits");
  const note = el.querySelector(".draw-note");
  function classes() {
    pens.innerHTML = model.class_names.map((label, c) => `<label class="pen"><input type="radio" name="${name}"
      value="${c}"><span class="swatch" style="--class-color:${colorOf(c)}"></span>${escapeHtml(label)}</label>`).join("");
    update();
  }
  function update() {
    const drawing = Boolean(model.drawing);
    toggle.setAttribute("aria-pressed", String(drawing));
    toggle.textContent = drawing ? "\u270E Drawing: click the map" : "\u270E Draw points";
    pens.hidden = !drawing;
    for (const input of pens.querySelectorAll("input")) input.checked = Number(input.value) === model.pen;
    edits.hidden = !drawing && !model.drawn;
    el.querySelector(".undo").disabled = el.querySelector(".clear").disabled = !model.drawn;
    const full = model.drawn >= model.max_drawn;
    note.hidden = edits.hidden;
    note.textContent = full ? `${model.drawn} points drawn: the most a link carries. Undo or clear to draw others.` : `${model.drawn} drawn. They train at once: the model keeps its weights. Every 5th is for validation (\u25B2).`;
  }
  toggle.addEventListener("click", () => {
    model.drawing = !model.drawing;
    update();
  });
  pens.addEventListener("change", (event) => {
    model.pen = Number(event.target.value);
  });
  el.querySelector(".undo").addEventListener("click", () => model.send_msg({ draw: "undo" }));
  el.querySelector(".clear").addEventListener("click", () => model.send_msg({ draw: "clear" }));
  classes();
  return { el, update, classes, full: () => model.drawn >= model.max_drawn };
}

// components/js/lib/shades.js
var SHADES = 25;
function shade(confidence, k) {
  return Math.min(SHADES - 1, Math.max(0, Math.round((confidence - 1 / k) / (1 - 1 / k) * (SHADES - 1))));
}
var rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
function mapPalette(colors, background) {
  const under = rgb(background);
  const lookup = new Uint8ClampedArray(colors.length * SHADES * 4);
  colors.forEach((color, c) => {
    const over = rgb(color);
    for (let s = 0; s < SHADES; s++) {
      const amount = 0.08 + 0.62 * s / (SHADES - 1);
      lookup.set([...over.map((v, i) => Math.round(v * amount + under[i] * (1 - amount))), 255], (c * SHADES + s) * 4);
    }
  });
  return lookup;
}
function paint(probabilities, width, height, k, lookup, pixels) {
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const at = (i * width + j) * k;
      let top = 0;
      for (let c = 1; c < k; c++) if (probabilities[at + c] > probabilities[at + top]) top = c;
      const code = top * SHADES + shade(probabilities[at + top], k);
      pixels.set(lookup.subarray(code * 4, code * 4 + 4), ((height - 1 - i) * width + j) * 4);
    }
  }
}

// components/js/lib/legend.js
function confidenceRamp(c, k) {
  const out = new Float64Array(SHADES * k);
  for (let s = 0; s < SHADES; s++) {
    const top = Math.min(1, 1 / k + (1 - 1 / k) * (s + 0.25) / (SHADES - 1));
    for (let j = 0; j < k; j++) out[s * k + j] = j === c ? top : (1 - top) / (k - 1);
  }
  return out;
}
function paintStrips(strips, colors, background) {
  const k = colors.length;
  const lookup = mapPalette(colors, background);
  strips.forEach((canvas, c) => {
    canvas.width = SHADES;
    canvas.height = 1;
    const ctx = canvas.getContext("2d");
    const image = ctx.createImageData(SHADES, 1);
    paint(confidenceRamp(c, k), SHADES, 1, k, lookup, image.data);
    ctx.putImageData(image, 0, 0);
  });
}
function legendHtml(names) {
  const k = names.length;
  const classes = names.map((name) => `<li><canvas class="strip" aria-hidden="true"></canvas>${escapeHtml(name)}</li>`);
  return `<div class="ends"><span class="strip-ends" aria-hidden="true"><span>1/${k}</span><span>1</span></span>top p</div>
    <ul class="legend classes">${classes.join("")}</ul>
    <p class="confidence">Darker: surer. The shade is the model's top p, from 1/${k} (a guess) to 1.</p>
    <ul class="legend parts"><li class="part">\u25CF training</li><li class="part">\u25B2 validation</li></ul>`;
}

// components/js/lib/map_channel.js
var PREFIX = "softmax-map:";
function send(channel, topic, detail = null) {
  if (channel) document.dispatchEvent(new CustomEvent(`${PREFIX}${topic}:${channel}`, { detail }));
}
function listen(channel, topic, listener) {
  if (!channel) return () => {
  };
  const name = `${PREFIX}${topic}:${channel}`;
  const handler = (event) => listener(event.detail);
  document.addEventListener(name, handler);
  return () => document.removeEventListener(name, handler);
}

// components/js/lib/network.js
function readNetwork(value) {
  const buffer = bytesOf(value);
  if (!buffer) return null;
  const { number, cells, activation, mean, std, widths, weights } = unpack(layouts_default.network, buffer);
  let offset = 0;
  const layers = Array.from(widths.subarray(1), (outputs, i) => {
    const inputs = widths[i];
    const weight = weights.subarray(offset, offset += inputs * outputs);
    const bias = weights.subarray(offset, offset += outputs);
    return { inputs, outputs, weight, bias };
  });
  return { number, cells, activation: layouts_default.activations[activation], mean, std, classes: widths.at(-1), layers };
}
function cost(network) {
  return network.layers.reduce((sum, { inputs, outputs }) => sum + inputs * outputs, 0);
}
function activate(h, n, kind) {
  if (kind === "relu") for (let i = 0; i < n; i++) {
    if (h[i] < 0) h[i] = 0;
  }
  else if (kind === "tanh") for (let i = 0; i < n; i++) h[i] = Math.tanh(h[i]);
  else if (kind === "sigmoid") for (let i = 0; i < n; i++) h[i] = 1 / (1 + Math.exp(-h[i]));
}
function gridProbabilities(network, extent, width, height, out, from = 0, to = width * height) {
  const [x0, x1, y0, y1] = extent;
  const { layers, mean, std, classes, activation } = network;
  const first = layers[0];
  const n1 = first.outputs;
  const columns = new Float64Array(width * n1);
  for (let j = 0; j < width; j++) {
    const x = (x0 + (j + 0.5) / width * (x1 - x0) - mean[0]) / std[0];
    for (let k = 0; k < n1; k++) columns[j * n1 + k] = first.weight[2 * k] * x;
  }
  const row = new Float64Array(n1);
  const values = layers.map((layer) => new Float64Array(layer.outputs));
  let rowOf = -1;
  for (let cell = from; cell < to; cell++) {
    const i = Math.floor(cell / width), j = cell - i * width;
    if (i !== rowOf) {
      const y = (y0 + (i + 0.5) / height * (y1 - y0) - mean[1]) / std[1];
      for (let k = 0; k < n1; k++) row[k] = first.weight[2 * k + 1] * y + first.bias[k];
      rowOf = i;
    }
    let input = values[0];
    for (let k = 0; k < n1; k++) input[k] = columns[j * n1 + k] + row[k];
    for (let l = 1; l < layers.length; l++) {
      const { inputs, outputs, weight, bias } = layers[l];
      activate(input, inputs, activation);
      const output = values[l];
      for (let o = 0; o < outputs; o++) {
        let sum = bias[o];
        for (let k = 0, w = o * inputs; k < inputs; k++, w++) sum += weight[w] * input[k];
        output[o] = sum;
      }
      input = output;
    }
    softmaxInto(input, classes, out, cell * classes);
  }
  return out;
}
function softmaxInto(logits, k, out, at) {
  let top = -Infinity;
  for (let c = 0; c < k; c++) if (logits[c] > top) top = logits[c];
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[at + c] = Math.exp(logits[c] - top);
  for (let c = 0; c < k; c++) out[at + c] /= sum;
}
function probabilitiesAt(network, x, y) {
  return gridProbabilities(network, [x, x, y, y], 1, 1, new Float64Array(network.classes));
}

// components/js/lib/map_grid.js
var CELL_PX = 4;
var BUDGET_MS = 12;
var DRAFT_CELLS = 144;
var REFINE_AFTER_MS = 150;
var REFINE_MAX_MS = 3e3;
function mapGrid({ size, extent, show, painted }) {
  let job = null;
  let waiting = null;
  let refineTimer = null;
  let msPerMac = 2e-6;
  function finest(net) {
    const most = net.cells;
    const [width, height] = size();
    return [Math.min(most, Math.max(2, Math.round(width / CELL_PX))), Math.min(most, Math.max(2, Math.round(height / CELL_PX)))];
  }
  function measured(ms, macs) {
    if (macs <= 0) return;
    const speed = Math.max(ms, 0.1) / macs;
    if (speed < msPerMac) msPerMac = speed;
    else if (ms > 1) msPerMac = (msPerMac + speed) / 2;
  }
  function affordable(net, [w, h], ms, least = 4) {
    const f = Math.sqrt(w * h * cost(net) * msPerMac / ms);
    if (f <= 1) return [w, h];
    const g = Math.min(f, Math.sqrt(w * h / least));
    return [Math.max(2, Math.floor(w / g)), Math.max(2, Math.floor(h / g))];
  }
  function start(net, fine) {
    const [w, h] = fine ? affordable(net, finest(net), REFINE_MAX_MS) : affordable(net, finest(net), BUDGET_MS, DRAFT_CELLS);
    job = { net, fine, w, h, extent: extent().slice(), cell: 0, out: new Float64Array(w * h * net.classes) };
    if (fine) requestAnimationFrame(slice);
    else slice();
  }
  function slice() {
    const current = job;
    if (!current) return;
    const { net, w, h } = current;
    const begin = performance.now();
    const first = current.cell;
    do {
      const count = Math.max(1, Math.floor(BUDGET_MS / 4 / (cost(net) * msPerMac)));
      const to = Math.min(w * h, current.cell + count);
      gridProbabilities(net, current.extent, w, h, current.out, current.cell, to);
      current.cell = to;
    } while (current.cell < w * h && performance.now() - begin < BUDGET_MS);
    measured(performance.now() - begin, (current.cell - first) * cost(net));
    if (current.cell < w * h) {
      requestAnimationFrame(() => {
        if (job === current) slice();
      });
      return;
    }
    job = null;
    show({ width: w, height: h, classes: net.classes, probabilities: current.out, number: net.number });
    if (current.fine) {
      const [fw2, fh2] = affordable(net, finest(net), REFINE_MAX_MS);
      if (fw2 * fh2 > w * h && !waiting) start(net, true);
      return;
    }
    requestAnimationFrame(() => {
      painted(net);
      if (waiting && !job) {
        const next = waiting;
        waiting = null;
        start(next, false);
      }
    });
    const [fw, fh] = finest(net);
    if (!waiting && w * h < fw * fh) refineTimer = setTimeout(() => {
      if (!job && !waiting) start(net, true);
    }, REFINE_AFTER_MS);
  }
  return {
    /** A new model (a frame): drawn now, or right after the frame being drawn; refined once no other follows. */
    frame(net) {
      clearTimeout(refineTimer);
      if (job && !job.fine) {
        waiting = net;
        return;
      }
      waiting = null;
      start(net, false);
    },
    /** Draw `net` (if any) afresh at the finest grid, unless a frame's grid is being computed. */
    refine(net) {
      if (net && (!job || job.fine)) start(net, true);
    },
    stop() {
      job = waiting = null;
      clearTimeout(refineTimer);
    }
  };
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
function niceTicks(lo, hi, count) {
  const step = niceStep(hi - lo, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push([v, v.toFixed(decimals)]);
  return ticks;
}

// components/js/decision_map.js
var HEIGHT = 500;
var LECTURE_SHARE = 0.42;
function render({ model, el }) {
  const root = document.createElement("figure");
  root.className = "decision-map";
  root.innerHTML = `<div class="plot"><canvas class="map"></canvas><svg class="axes"></svg>
    <div class="tooltip" role="status" hidden></div></div>
    <aside class="side"><div class="key" role="group" aria-label="Legend"></div></aside>`;
  el.append(root);
  const plot = root.querySelector(".plot");
  const canvas = root.querySelector("canvas");
  const axes = root.querySelector("svg");
  const tooltip = root.querySelector(".tooltip");
  const key = root.querySelector(".key");
  canvas.setAttribute("role", "img");
  const cells = document.createElement("canvas");
  const layer = document.createElement("canvas");
  let box = { x: 0, y: 0, w: 1, h: 1 };
  let lookup = null;
  let points = unpackPoints(model.points);
  let network = null;
  let highlight = null;
  const scale = () => parseFloat(getComputedStyle(el).fontSize) / 15 || 1;
  const colorOf = (c) => model.class_colors[c % model.class_colors.length];
  const panel = drawPanel(model, colorOf);
  root.querySelector(".side").append(panel.el);
  const toPixel = (x, y) => {
    const [x0, x1, y0, y1] = model.extent;
    return [box.x + (x - x0) / (x1 - x0) * box.w, box.y + (1 - (y - y0) / (y1 - y0)) * box.h];
  };
  const toData = (px, py) => {
    const [x0, x1, y0, y1] = model.extent;
    return [x0 + (px - box.x) / box.w * (x1 - x0), y0 + (1 - (py - box.y) / box.h) * (y1 - y0)];
  };
  function layout() {
    const s = scale();
    const width = Math.max(200, plot.clientWidth);
    const fit = s > 1.2 ? Math.max(360, LECTURE_SHARE * window.innerHeight) : Infinity;
    const height = Math.round(Math.min(HEIGHT * Math.min(s, 1.3), fit));
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    axes.setAttribute("viewBox", `0 0 ${width} ${height}`);
    axes.setAttribute("width", width);
    axes.setAttribute("height", height);
    const left = 70 * s, bottom = 46 * s;
    box = { x: left, y: 8, w: width - left - 12, h: height - bottom - 8 };
    drawAxes();
    drawPoints();
    compose();
  }
  function drawAxes() {
    const [x0, x1, y0, y1] = model.extent;
    const s = scale();
    axes.replaceChildren(svg("rect", { x: box.x, y: box.y, width: box.w, height: box.h, class: "frame" }));
    for (const [v, text] of niceTicks(x0, x1, Math.max(3, Math.floor(box.w / (110 * s))))) {
      const [px] = toPixel(v, y0);
      axes.append(svg("line", { x1: px, x2: px, y1: box.y + box.h, y2: box.y + box.h + 5, class: "tick" }));
      axes.append(svg("text", { x: px, y: box.y + box.h + 20 * s, class: "tick-label x" }, text));
    }
    for (const [v, text] of niceTicks(y0, y1, Math.max(3, Math.floor(box.h / (60 * s))))) {
      const [, py] = toPixel(x0, v);
      axes.append(svg("line", { x1: box.x - 5, x2: box.x, y1: py, y2: py, class: "tick" }));
      axes.append(svg("text", { x: box.x - 8, y: py + 5 * s, class: "tick-label y" }, text));
    }
    axes.append(svg("text", { x: box.x + box.w / 2, y: box.y + box.h + 40 * s, class: "axis-label" }, model.x_label));
    axes.append(svg("text", {
      x: 14 * s,
      y: box.y + box.h / 2,
      class: "axis-label",
      transform: `rotate(-90 ${14 * s} ${box.y + box.h / 2})`
    }, model.y_label));
  }
  function drawPoints() {
    const ratio = window.devicePixelRatio || 1;
    layer.width = canvas.width;
    layer.height = canvas.height;
    const ctx = layer.getContext("2d");
    ctx.scale(ratio, ratio);
    const { x, y, cls, part } = points;
    const radius = 3.2 * Math.min(scale(), 1.3);
    ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
    const firstDrawn = x.length - (model.drawn || 0);
    for (let i = 0; i < x.length; i++) {
      const [px, py] = toPixel(x[i], y[i]);
      const r = i < firstDrawn ? radius : radius * 1.4;
      ctx.lineWidth = i < firstDrawn ? 0.8 : 2;
      ctx.fillStyle = colorOf(cls[i]);
      ctx.beginPath();
      if (part[i]) {
        ctx.moveTo(px, py - r * 1.5);
        ctx.lineTo(px + r * 1.3, py + r * 0.9);
        ctx.lineTo(px - r * 1.3, py + r * 0.9);
        ctx.closePath();
      } else {
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }
  }
  function show(grid) {
    const { width, height, classes, probabilities } = grid;
    lookup ??= mapPalette(Array.from({ length: classes }, (_, c) => colorOf(c)), model.fade_to);
    if (cells.width !== width || cells.height !== height) {
      cells.width = width;
      cells.height = height;
    }
    const ctx = cells.getContext("2d");
    const pixels = ctx.createImageData(width, height);
    paint(probabilities, width, height, classes, lookup, pixels.data);
    ctx.putImageData(pixels, 0, 0);
    canvas.grid = grid;
    canvas.dataset.cells = `${width}x${height}`;
    compose();
  }
  const grids = mapGrid({
    size: () => [box.w, box.h],
    extent: () => model.extent,
    show,
    painted: (net) => {
      canvas.dataset.frame = String(net.number);
      model.send_msg({ shown: net.number });
    }
  });
  function receive(value) {
    const net = readNetwork(value);
    if (!net) return;
    network = net;
    share();
    if (lookup && net.classes * 4 * SHADES !== lookup.length) lookup = null;
    grids.frame(net);
  }
  function redraw() {
    grids.refine(network);
  }
  function compose() {
    const ratio = window.devicePixelRatio || 1;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, box.x, box.y, box.w, box.h);
    if (highlight) drawHighlight(ctx);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (model.marker.length === 2) {
      const [px, py] = toPixel(...model.marker);
      ctx.lineWidth = 3;
      ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
      ctx.beginPath();
      ctx.arc(px, py, 10, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
  function drawHighlight(ctx) {
    ctx.drawImage(highlight.image, box.x, box.y, box.w, box.h);
    if (!highlight.line) return;
    const [ax, ay, bx, by] = highlight.line;
    ctx.save();
    ctx.lineWidth = 3;
    ctx.setLineDash([10, 5]);
    ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
    ctx.beginPath();
    ctx.moveTo(...toPixel(ax, ay));
    ctx.lineTo(...toPixel(bx, by));
    ctx.stroke();
    ctx.restore();
  }
  const share = () => send(model.channel, "state", {
    network,
    points,
    extent: model.extent,
    colors: model.class_colors,
    names: model.class_names,
    fade: model.fade_to
  });
  const unlisten = [listen(model.channel, "ask", share), listen(model.channel, "highlight", (shown) => {
    highlight = shown;
    canvas.dataset.highlight = shown ? shown.label : "";
    compose();
  })];
  function drawLegend() {
    key.innerHTML = legendHtml(model.class_names);
    paintStrips([...key.querySelectorAll("canvas.strip")], model.class_names.map((_, c) => colorOf(c)), model.fade_to);
    canvas.setAttribute("aria-label", `Decision map over ${model.x_label} and ${model.y_label}: the model's class and confidence, with the data's points`);
  }
  function nearest(px, py) {
    const { x, y } = points;
    let best = -1, bestDistance = 8 * 8;
    for (let i = 0; i < x.length; i++) {
      const [qx, qy] = toPixel(x[i], y[i]);
      const d = (qx - px) ** 2 + (qy - py) ** 2;
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  }
  const inside = (px, py) => px >= box.x && px <= box.x + box.w && py >= box.y && py <= box.y + box.h;
  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  canvas.addEventListener("click", (event) => {
    const [px, py] = local(event);
    if (!inside(px, py)) return;
    const [x, y] = toData(px, py);
    if (!model.drawing) model.send_msg({ x, y });
    else if (!panel.full()) model.send_msg({ draw: [x, y, model.pen] });
  });
  canvas.addEventListener("mousemove", (event) => {
    const [px, py] = local(event);
    tooltip.hidden = !inside(px, py) || !network;
    if (tooltip.hidden) return;
    const [x, y] = toData(px, py);
    const p = probabilitiesAt(network, x, y);
    const i = nearest(px, py);
    const { cls, part } = points;
    const place = i < 0 ? `${escapeHtml(model.x_label)}: ${x.toFixed(4)}<br>${escapeHtml(model.y_label)}: ${y.toFixed(4)}` : `<b>${escapeHtml(className(model.class_names, cls[i]))}</b> (${part[i] ? "validation" : "training"})<br>
        ${escapeHtml(model.x_label)}: ${points.x[i].toFixed(4)}<br>${escapeHtml(model.y_label)}: ${points.y[i].toFixed(4)}`;
    const rows = Array.from(p, (v, c) => `<tr><td><span class="swatch" style="--class-color:${colorOf(c)}"></span>
      ${escapeHtml(className(model.class_names, c))}</td><td class="num">${v.toFixed(3)}</td></tr>`);
    tooltip.innerHTML = `${place}<table class="probabilities"><caption>the model here</caption>${rows.join("")}</table>`;
    tooltip.dataset.place = `${x} ${y}`;
    tooltip.dataset.probabilities = Array.from(p).join(" ");
    tooltip.style.left = `${px + 12}px`;
    tooltip.style.top = `${py + 12}px`;
  });
  canvas.addEventListener("mouseleave", () => {
    tooltip.hidden = true;
  });
  const recolor = () => {
    lookup = null;
    drawLegend();
    if (canvas.grid) show(canvas.grid);
    share();
  };
  model.on("msg:custom", receive);
  model.on("points", () => {
    points = unpackPoints(model.points);
    drawPoints();
    compose();
    share();
  });
  const drawMode = () => {
    canvas.classList.toggle("drawing", Boolean(model.drawing));
    panel.update();
  };
  model.on(["drawing", "pen", "drawn"], drawMode);
  model.on("drawn", () => {
    drawPoints();
    compose();
  });
  model.on("extent", () => {
    layout();
    redraw();
    share();
  });
  model.on(["x_label", "y_label"], drawAxes);
  model.on("fade_to", recolor);
  model.on(["class_names", "class_colors"], () => {
    panel.classes();
    drawPoints();
    recolor();
  });
  model.on("marker", compose);
  const resize = new ResizeObserver(() => {
    layout();
    redraw();
  });
  resize.observe(plot);
  model.on("remove", () => {
    unlisten.forEach((stop) => stop());
    resize.disconnect();
    grids.stop();
  });
  drawLegend();
  drawMode();
  requestAnimationFrame(() => {
    layout();
    receive(model.frame);
  });
}
export {
  render
};
