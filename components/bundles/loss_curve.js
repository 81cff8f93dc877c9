// components/js/lib/channel.js
var PREFIX = "softmax-channel:";
function subscribe(channel, listener) {
  if (!channel) return () => {
  };
  const handler = (event) => listener(event.detail);
  document.addEventListener(PREFIX + channel, handler);
  return () => document.removeEventListener(PREFIX + channel, handler);
}
var same = (a, b) => a === b || Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
function liveValues(model, changed) {
  const live = { logits: model.logits, target: model.target, temperature: model.temperature };
  const update = (values) => {
    const news = Object.entries(values).filter(([name, value]) => name in live && !same(live[name], value));
    if (!news.length) return;
    Object.assign(live, Object.fromEntries(news));
    changed();
  };
  for (const name of Object.keys(live)) model.on(name, () => update({ [name]: model[name] }));
  model.on("remove", subscribe(model.channel, update));
  return live;
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

// components/js/lib/format.js
var LN10 = Math.log(10);
function formatNumber(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && a < 10 ** -digits) return v.toPrecision(3);
  if (a >= 1e9) return v.toPrecision(4);
  return v.toFixed(digits);
}
function formatShort(v) {
  const x = Number(v);
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? "0" : String(x);
  return String(Number(Math.abs(x) < 1e-3 ? x.toPrecision(3) : x.toFixed(3)));
}

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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

// components/js/lib/softmax.js
function softmaxSteps(logits, target, temperature) {
  const z = logits.map(Number);
  const T = Number(temperature);
  const top = Math.max(...z);
  const shifted = z.map((v) => (v - top) / T);
  const expShifted = shifted.map(Math.exp);
  const sum = expShifted.reduce((a, b) => a + b, 0);
  const probabilities = expShifted.map((e) => e / sum);
  const logSum = Math.log(sum);
  const logProbabilities = shifted.map((s) => s - logSum);
  const k = Math.min(Math.max(0, target | 0), z.length - 1);
  const loss = -logProbabilities[k];
  const gradient = probabilities.map((p, i) => (p - (i === k ? 1 : 0)) / T);
  const squared = squaredError(probabilities, k, T);
  const best = probabilities.indexOf(Math.max(...probabilities));
  return {
    logits: z,
    temperature: T,
    target: k,
    top,
    shifted,
    expShifted,
    sum,
    probabilities,
    logProbabilities,
    loss,
    gradient,
    squaredError: squared.loss,
    squaredGradient: squared.gradient,
    predicted: best,
    correct: best === k
  };
}
function squaredError(probabilities, k, T) {
  const K = probabilities.length;
  const error = probabilities.map((p, i) => p - (i === k ? 1 : 0));
  const loss = error.reduce((a, e) => a + e * e, 0) / K;
  const g = error.map((e) => 2 * e / K);
  const pg = probabilities.reduce((a, p, i) => a + p * g[i], 0);
  return { loss, gradient: probabilities.map((p, i) => p * (g[i] - pg) / T) };
}
function squaredAlong(logits, target, temperature, xs) {
  return xs.map((x) => {
    const moved = logits.map((v, i) => (i === target ? x : v) / temperature);
    const top = Math.max(...moved);
    const e = moved.map((v) => Math.exp(v - top));
    const sum = e.reduce((a, b) => a + b, 0);
    return squaredError(e.map((v) => v / sum), target, temperature).loss;
  });
}
function lossAlong(logits, target, temperature, xs) {
  const others = logits.filter((_, i) => i !== target).map((v) => v / temperature);
  const top = Math.max(...others);
  const logS = top + Math.log(others.reduce((a, v) => a + Math.exp(v - top), 0));
  return xs.map((x) => softplus(logS - x / temperature));
}
function softplus(u) {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

// components/js/loss_curve.js
var W = 480;
var H = 220;
var PAD = { left: 46, right: 46, top: 12, bottom: 36 };
var TICKS = 5;
function path(xs, ys, sx, sy) {
  return xs.map((x, i) => `${i ? "L" : "M"}${sx(x).toFixed(1)},${sy(ys[i]).toFixed(1)}`).join("");
}
function render({ model, el }) {
  const live = liveValues(model, draw);
  const root = document.createElement("figure");
  root.className = "loss-curve";
  root.innerHTML = `<figcaption></figcaption>
    <svg viewBox="0 0 ${W} ${H}" role="img"><g class="axes"></g><path class="p-curve"/><path class="se-path"/>
      <path class="loss-path"/><circle class="current-se" r="6"/><text class="current-se-label"></text>
      <circle class="current" r="6"/><text class="current-label"></text></svg>
    <p class="sigmoid-note" hidden></p>`;
  el.append(root);
  const [caption, plot, note] = [root.querySelector("figcaption"), root.querySelector("svg"), root.querySelector("p")];
  const [axes, pCurve, lossPath, point, label] = ["g.axes", ".p-curve", ".loss-path", "circle.current", ".current-label"].map((sel) => plot.querySelector(sel));
  const [sePath, sePoint, seLabel] = [".se-path", "circle.current-se", ".current-se-label"].map((sel) => plot.querySelector(sel));
  let windowKey = "";
  function drawAxes(x0, x1, top, step, sx, sy, sp, name, objective) {
    axes.replaceChildren();
    for (let i = 0; i * step <= top * (1 + 1e-9); i++) {
      const v = i * step;
      axes.append(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: sy(v), y2: sy(v), class: "grid" }));
      axes.append(svg("text", { x: PAD.left - 6, y: sy(v) + 4, class: "tick left" }, formatShort(v)));
    }
    for (const p of [0, 0.5, 1]) axes.append(svg("text", { x: W - PAD.right + 6, y: sp(p) + 4, class: "tick right" }, p.toFixed(1)));
    const xStep = Math.max(1, Math.round((x1 - x0) / 8));
    for (let x = Math.ceil(x0 / xStep) * xStep; x <= x1; x += xStep) {
      axes.append(svg("text", { x: sx(x), y: H - PAD.bottom + 16, class: "tick bottom" }, String(x)));
    }
    axes.append(svg("text", { x: (PAD.left + W - PAD.right) / 2, y: H - 4, class: "axis-label" }, `z of ${name}`));
    axes.append(svg(
      "text",
      { x: 4, y: PAD.top + 10, class: "axis-label loss-label" },
      objective === "squared_error" ? "SE" : objective === "both" ? "CE" : "L"
    ));
    axes.append(svg("text", { x: W - 4, y: PAD.top + 10, class: "axis-label p-label" }, objective === "both" ? "p, SE" : "p"));
  }
  function draw() {
    const s = softmaxSteps(live.logits, live.target, live.temperature);
    const y = s.target;
    const name = className(model.class_names, y);
    const zy = s.logits[y];
    const others = s.logits.filter((_, i) => i !== y);
    const centre = Math.round(Math.max(...others));
    const half = 4 * Math.ceil(Math.max(8, Math.abs(zy - centre) + 2) * Math.max(1, s.temperature) / 4);
    const x0 = centre - half, x1 = centre + half;
    const xs = Array.from({ length: 161 }, (_, i) => x0 + (x1 - x0) * i / 160);
    const objective = model.objective ?? "cross_entropy";
    const squared = objective === "cross_entropy" ? null : squaredAlong(s.logits, y, s.temperature, xs);
    const ce = lossAlong(s.logits, y, s.temperature, xs);
    const onlySquared = objective === "squared_error";
    const losses = onlySquared ? squared : ce;
    const loss = onlySquared ? s.squaredError : s.loss;
    const step = niceStep(Math.max(...losses), TICKS);
    const top = step * Math.ceil(Math.max(...losses) / step);
    const sx = (x) => PAD.left + (x - x0) / (x1 - x0) * (W - PAD.left - PAD.right);
    const sy = (v) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
    const sp = (p) => PAD.top + (1 - p) * (H - PAD.top - PAD.bottom);
    const key = `${x0} ${x1} ${top} ${name} ${objective}`;
    if (key !== windowKey) {
      drawAxes(x0, x1, top, step, sx, sy, sp, name, objective);
      windowKey = key;
    }
    const zName = `z<sub>${escapeHtml(name)}</sub>`;
    caption.innerHTML = {
      cross_entropy: `Loss as ${zName} varies, the other logits held`,
      squared_error: `Squared error as ${zName} varies, the other logits held`,
      both: `Cross-entropy (left axis) and <span class="se-key">squared error</span> (right axis) as ${zName} varies`
    }[objective] ?? "";
    const what = onlySquared ? "Squared error" : "Cross-entropy";
    const now = model.concealed ? "hidden" : formatNumber(loss);
    plot.setAttribute("aria-label", `${what} against the logit of ${name}; now z = ${formatShort(zy)}, L = ${now}` + (objective === "both" ? `, squared error ${model.concealed ? "hidden" : formatNumber(s.squaredError)}` : ""));
    pCurve.setAttribute("d", path(xs, ce.map((l) => Math.exp(-l)), sx, sp));
    lossPath.setAttribute("d", path(xs, losses, sx, sy));
    sePath.setAttribute("d", objective === "both" ? path(xs, squared, sx, sp) : "");
    point.style.display = label.style.display = pCurve.style.display = lossPath.style.display = model.concealed ? "none" : "";
    sePath.style.display = sePoint.style.display = seLabel.style.display = model.concealed || objective !== "both" ? "none" : "";
    point.setAttribute("cx", sx(zy));
    point.setAttribute("cy", sy(loss));
    point.dataset.z = String(zy);
    point.dataset.loss = String(loss);
    label.setAttribute("x", sx(zy) + 9);
    label.setAttribute("y", sy(loss) - 8);
    label.textContent = `${{ cross_entropy: "L", squared_error: "SE", both: "CE" }[objective] ?? "L"} = ${formatNumber(loss)}`;
    sePoint.setAttribute("cx", sx(zy));
    sePoint.setAttribute("cy", sp(s.squaredError));
    sePoint.dataset.loss = String(s.squaredError);
    seLabel.setAttribute("x", sx(zy) + 9);
    seLabel.setAttribute("y", sp(s.squaredError) + 22);
    seLabel.textContent = `SE = ${formatNumber(s.squaredError)}`;
    root.classList.toggle("concealed", model.concealed);
    note.hidden = s.logits.length !== 2;
    if (note.hidden) return;
    const other = 1 - y;
    const d = (s.logits[y] - s.logits[other]) / s.temperature;
    const sigmoid = 1 / (1 + Math.exp(-d));
    const [a, b] = [name, className(model.class_names, other)].map(escapeHtml);
    note.innerHTML = `Two classes: p<sub>${a}</sub> = \u03C3((z<sub>${a}</sub> \u2212 z<sub>${b}</sub>) / T) = \u03C3(${formatNumber(d)})
      = <output class="sigmoid" data-value="${model.concealed ? "" : sigmoid}">${model.concealed ? "?" : sigmoid.toFixed(3)}</output>,
      the same as softmax: <output class="softmax-p">${model.concealed ? "?" : s.probabilities[y].toFixed(3)}</output>.`;
  }
  model.on(["class_names", "concealed", "objective"], draw);
  draw();
}
export {
  render
};
