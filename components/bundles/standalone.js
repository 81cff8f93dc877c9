// components/js/copy_button.js
function render({ model, el }) {
  const button2 = document.createElement("button");
  button2.type = "button";
  button2.className = "copy-button";
  button2.textContent = model.label;
  const field2 = Object.assign(document.createElement("input"), { type: "text", readOnly: true, hidden: true });
  field2.className = "copy-field";
  field2.setAttribute("aria-label", model.text ? "Text to copy" : "Link to this exact state");
  const status = document.createElement("span");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  el.append(button2, field2, status);
  button2.addEventListener("click", async () => {
    const text = model.text || window.location.href;
    field2.value = text;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied \u2713";
      field2.hidden = true;
    } catch {
      field2.hidden = false;
      field2.select();
      status.textContent = document.execCommand && document.execCommand("copy") ? "Copied \u2713" : "Press Ctrl+C to copy";
    }
    model.copied = text;
    setTimeout(() => {
      status.textContent = "";
    }, 3e3);
  });
  model.on("label", () => {
    button2.textContent = model.label;
  });
}

// components/js/lib/channel.js
var PREFIX = "softmax-channel:";
function publish(channel, values) {
  if (channel) document.dispatchEvent(new CustomEvent(PREFIX + channel, { detail: values }));
}
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
function classColor(i) {
  return CLASS_COLORS[i % CLASS_COLORS.length];
}
function className(names, i) {
  return names && names[i] !== void 0 && names[i] !== "" ? String(names[i]) : `class ${i}`;
}

// components/js/lib/format.js
var LN10 = Math.log(10);
function formatExp(x) {
  const e = Math.exp(x);
  if (Number.isFinite(e) && e !== 0 && Math.abs(x) < 13.8) return formatNumber(e, 4);
  const log10 = x / LN10;
  let n = Math.floor(log10);
  let m = 10 ** (log10 - n);
  if (Number(m.toFixed(2)) >= 10) {
    m /= 10;
    n += 1;
  }
  return `${m.toFixed(2)} \xD7 10<sup>${n}</sup>`;
}
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

// components/js/gradient_bars.js
var SIGN = { positive: "#D55E00", negative: "#0072B2" };
var LOSSES = [
  ["cross_entropy", "CE", "gradient", "(p \u2212 y) / T"],
  ["squared_error", "SE", "squaredGradient", "J\u1D40 2(p \u2212 y) / (K T)"]
];
var shown = (objective) => LOSSES.filter(([key]) => objective === "both" || key === (objective || "cross_entropy"));
function title(objective) {
  const losses = shown(objective);
  if (losses.length === 2) return "Gradients \u2202L/\u2202z, on one scale: cross-entropy (p \u2212 y) / T and squared error J\u1D40 2(p \u2212 y) / (K T)";
  const [key, , , formula] = losses[0];
  return `Gradient \u2202L/\u2202z = ${formula}${key === "squared_error" ? ", squared error (J = diag p \u2212 p p\u1D40)" : ""}`;
}
function render2({ model, el }) {
  const live = liveValues(model, draw);
  const root = document.createElement("figure");
  root.className = "gradient-bars";
  root.innerHTML = `<figcaption><span class="title"></span>
      <span class="legend"><span class="neg">\u25A0</span> negative: a step raises z
      <span class="pos">\u25A0</span> positive: a step lowers z</span></figcaption>
    <div class="rows" role="list"></div>`;
  root.style.setProperty("--positive", SIGN.positive);
  root.style.setProperty("--negative", SIGN.negative);
  el.append(root);
  const list = root.querySelector(".rows");
  const heading = root.querySelector(".title");
  let rows = [];
  let layout = "";
  function build(losses) {
    rows = live.logits.flatMap((_, i) => losses.map(([key, short, field2], j) => {
      const row = document.createElement("div");
      row.setAttribute("role", "listitem");
      row.dataset.class = i;
      row.dataset.loss = key;
      row.innerHTML = `<span class="name" style="--class-color:${classColor(i)}"></span>
        <div class="axis"><div class="fill"></div></div><span class="value"></span>`;
      return {
        row,
        i,
        key,
        short,
        field: field2,
        paired: losses.length > 1,
        first: j === 0,
        name: row.querySelector(".name"),
        fill: row.querySelector(".fill"),
        value: row.querySelector(".value")
      };
    }));
    list.replaceChildren(...rows.map((r) => r.row));
  }
  function draw() {
    const losses = shown(model.objective);
    const key = `${live.logits.length} ${losses.map((l) => l[0])}`;
    if (key !== layout) {
      build(losses);
      heading.textContent = title(model.objective);
      layout = key;
    }
    const s = softmaxSteps(live.logits, live.target, live.temperature);
    const scale2 = Math.max(1e-12, ...losses.flatMap(([, , field2]) => s[field2].map(Math.abs)));
    root.classList.toggle("concealed", model.concealed);
    root.classList.toggle("paired", losses.length > 1);
    for (const r of rows) {
      const g = s[r.field][r.i];
      const name = className(model.class_names, r.i);
      const text = model.concealed ? "?" : (g >= 0 ? "+" : "\u2212") + formatNumber(Math.abs(g));
      r.row.className = `grad-row ${g < 0 ? "negative" : "positive"}${r.paired ? ` pair ${r.short.toLowerCase()}` : ""}`;
      r.row.classList.toggle("first", r.first);
      r.row.dataset.gradient = String(g);
      r.row.setAttribute("aria-label", `dL/dz${r.paired ? ` (${r.short})` : ""} for ${name}: ${text}`);
      r.name.textContent = r.paired ? r.first ? `${name} \xB7 ${r.short}` : r.short : name;
      r.name.title = name;
      r.value.textContent = text;
      r.fill.style.width = `${model.concealed ? 0 : 50 * Math.abs(g) / scale2}%`;
      r.fill.style.left = g < 0 ? "" : "50%";
      r.fill.style.right = g < 0 ? "50%" : "";
    }
  }
  model.on(["class_names", "concealed", "objective"], draw);
  draw();
}

// components/js/lib/keys.js
function isTyping(event) {
  const origin = event.composedPath()[0];
  return Boolean(origin && (origin.isContentEditable || /^(TEXTAREA|SELECT)$/.test(origin.tagName) || origin.tagName === "INPUT" && !/^(range|radio|checkbox|button)$/.test(origin.type)));
}
function isShortcut(event) {
  return !(event.ctrlKey || event.metaKey || event.altKey) && !isTyping(event);
}
function isShown(el) {
  return el.isConnected && el.checkVisibility({ checkVisibilityCSS: true });
}

// components/js/lecture_toggle.js
var PAGE_CSS = `
html.se-present { --se-scale: 1.45; --se-bar-scale: 1.3; --bokeh-font-size: 21px; font-size: 150%; --se-big: 54px;
  --se-label: 28px; --se-note-display: none; --se-muted-share: 90%; --se-grid-share: 40%; --se-track-share: 14%; }
`;
function render3({ model, el }) {
  if (!document.getElementById("se-page-css")) {
    const style = document.createElement("style");
    style.id = "se-page-css";
    style.textContent = PAGE_CSS;
    document.head.append(style);
  }
  const label = document.createElement("label");
  label.className = "lecture-toggle";
  label.innerHTML = `<input type="checkbox" role="switch" aria-keyshortcuts="l"> Lecture mode`;
  const box = label.querySelector("input");
  box.addEventListener("change", () => {
    model.present = box.checked;
  });
  el.append(label);
  function apply() {
    box.checked = model.present;
    document.documentElement.classList.toggle("se-present", model.present);
  }
  function onKey(event) {
    if (event.key !== "l" || !isShortcut(event)) return;
    model.present = !model.present;
  }
  document.addEventListener("keydown", onKey);
  model.on("remove", () => document.removeEventListener("keydown", onKey));
  model.on("present", apply);
  apply();
}

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// components/js/logit_sliders.js
var instances = 0;
var SYNC_MS = 150;
function render4({ model, el }) {
  const group = `true-class-${++instances}`;
  const root = document.createElement("div");
  root.className = "logit-sliders";
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Logits, one slider per class");
  el.append(root);
  let rows = [];
  let selected = model.target;
  let pending = null;
  let timer = null;
  let syncedAt = -Infinity;
  function sync() {
    clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const z = pending;
    pending = null;
    syncedAt = performance.now();
    model.logits = z;
  }
  const setLogit = (i, value) => {
    const z = (pending ?? model.logits).slice();
    z[i] = value;
    rows[i].output.textContent = formatShort(value);
    pending = z;
    publish(model.channel, { logits: z, target: model.target });
    const wait = SYNC_MS - (performance.now() - syncedAt);
    if (wait <= 0 && !timer) sync();
    else timer ??= setTimeout(sync, Math.max(0, wait));
  };
  function build() {
    root.replaceChildren();
    bound = null;
    rows = model.logits.map((_, i) => {
      const name = className(model.class_names, i);
      const row = document.createElement("div");
      row.className = "slider-row";
      row.dataset.class = i;
      row.style.setProperty("--class-color", classColor(i));
      const radio = Object.assign(document.createElement("input"), { type: "radio", name: group, value: i });
      radio.className = "true-class";
      radio.setAttribute("aria-label", `true class: ${name}`);
      radio.title = `Make ${name} the true class`;
      radio.addEventListener("change", () => {
        if (radio.checked) model.target = i;
      });
      const label = document.createElement("label");
      label.className = "class-name";
      label.htmlFor = `${group}-slider-${i}`;
      label.innerHTML = `<span class="swatch"></span>z<sub>${escapeHtml(name)}</sub>`;
      label.title = name;
      const slider = Object.assign(document.createElement("input"), { type: "range", id: `${group}-slider-${i}` });
      slider.className = "logit";
      slider.step = "0.1";
      slider.setAttribute("aria-label", `logit for ${name}`);
      slider.addEventListener("input", () => setLogit(i, Number(slider.value)));
      slider.addEventListener("change", sync);
      slider.addEventListener("focus", () => {
        selected = i;
      });
      const output = document.createElement("output");
      output.className = "logit-value";
      output.htmlFor = slider.id;
      row.append(radio, label, slider, output);
      root.append(row);
      return { row, radio, slider, output };
    });
    update();
  }
  let bound = null;
  function update() {
    if (rows.length !== model.logits.length) return build();
    const widen = bound !== model.bound;
    bound = model.bound;
    model.logits.forEach((v, i) => {
      const { row, radio, slider, output } = rows[i];
      if (widen) {
        slider.min = String(-bound);
        slider.max = String(bound);
      }
      if (Number(slider.value) !== v) slider.value = String(v);
      slider.setAttribute("aria-valuetext", formatShort(v));
      output.textContent = formatShort(v);
      radio.checked = i === model.target;
      row.classList.toggle("is-target", i === model.target);
    });
  }
  function onKey(event) {
    if (!isShortcut(event) || !isShown(el)) return;
    const k = model.logits.length;
    if (/^[0-9]$/.test(event.key)) {
      const i = event.key === "0" ? 9 : Number(event.key) - 1;
      if (i < k) {
        selected = i;
        rows[i].slider.focus();
        event.preventDefault();
      }
    } else if (event.key === "+" || event.key === "=" || event.key === "-") {
      const i = Math.min(selected, k - 1);
      const z = model.logits[i] + (event.key === "-" ? -0.5 : 0.5);
      setLogit(i, Math.round(z * 1e3) / 1e3);
      sync();
      rows[i].slider.value = String(model.logits[i]);
      event.preventDefault();
    } else if (event.key === "t") {
      model.target = Math.min(selected, k - 1);
      event.preventDefault();
    }
  }
  document.addEventListener("keydown", onKey);
  model.on("remove", () => {
    document.removeEventListener("keydown", onKey);
    clearTimeout(timer);
  });
  model.on(["logits", "target"], () => {
    update();
    publish(model.channel, { logits: model.logits, target: model.target });
  });
  model.on("bound", update);
  model.on("class_names", build);
  build();
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

// components/js/loss_curve.js
var W = 480;
var H = 220;
var PAD = { left: 46, right: 46, top: 12, bottom: 36 };
var TICKS = 5;
function path(xs, ys, sx, sy) {
  return xs.map((x, i) => `${i ? "L" : "M"}${sx(x).toFixed(1)},${sy(ys[i]).toFixed(1)}`).join("");
}
function render5({ model, el }) {
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

// components/js/probability_bars.js
function render6({ model, el }) {
  const live = liveValues(model, draw);
  const root = document.createElement("figure");
  root.className = "probability-bars";
  root.innerHTML = `<figcaption>Probabilities p = softmax(z / T)</figcaption>
    <div class="bars" role="list"></div>
    <p class="loss-summary">Loss L = \u2212log p<sub class="truth"></sub> = <output class="loss"></output></p>
    <p class="challenge" aria-live="polite" hidden></p>`;
  el.append(root);
  const list = root.querySelector(".bars");
  const challenge = root.querySelector(".challenge");
  const [truth, loss] = [root.querySelector(".loss-summary .truth"), root.querySelector(".loss-summary .loss")];
  let bars = [];
  function build() {
    bars = live.logits.map((_, i) => {
      const bar = document.createElement("div");
      bar.className = "bar";
      bar.setAttribute("role", "listitem");
      bar.dataset.class = i;
      bar.style.setProperty("--class-color", classColor(i));
      bar.innerHTML = `<span class="value"></span><div class="track"><div class="ghost"></div>
        <div class="fill"></div><div class="goal"></div></div><span class="name"></span>`;
      const part = (name) => bar.querySelector(name);
      return { bar, value: part(".value"), ghost: part(".ghost"), goal: part(".goal"), name: part(".name") };
    });
    list.replaceChildren(...bars.map((b) => b.bar));
    list.style.setProperty("--k", bars.length);
  }
  function draw() {
    if (bars.length !== live.logits.length) build();
    const s = softmaxSteps(live.logits, live.target, live.temperature);
    const plain = s.temperature === 1 ? null : softmaxSteps(live.logits, live.target, 1).probabilities;
    const goal = model.goal.length === s.probabilities.length ? model.goal : null;
    const hide = model.concealed;
    root.classList.toggle("concealed", hide);
    s.probabilities.forEach((p, i) => {
      const b = bars[i];
      const name = className(model.class_names, i);
      const isTarget = i === s.target;
      const shown2 = hide ? "?" : p.toFixed(3);
      b.bar.dataset.probability = String(p);
      b.bar.classList.toggle("is-target", isTarget);
      b.bar.style.setProperty("--p", hide ? 0 : p);
      b.bar.setAttribute("aria-label", `${name}: probability ${shown2}${isTarget ? ", true class" : ""}`);
      b.value.textContent = shown2;
      b.name.textContent = isTarget ? `${name} (true)` : name;
      b.name.title = b.name.textContent;
      b.ghost.hidden = !plain || hide;
      if (plain) {
        b.ghost.style.setProperty("--q", plain[i]);
        b.ghost.title = `at T = 1: ${plain[i].toFixed(3)}`;
      }
      b.goal.hidden = !goal;
      if (goal) {
        b.goal.style.setProperty("--g", goal[i]);
        b.goal.title = `goal ${formatShort(goal[i])}`;
      }
    });
    truth.textContent = className(model.class_names, s.target);
    loss.dataset.value = hide ? "" : s.loss;
    loss.textContent = hide ? "?" : formatNumber(s.loss);
    challenge.hidden = !goal || hide;
    if (!goal) return;
    const hits = s.probabilities.map((p, i) => Math.abs(p - goal[i]) <= 0.01);
    const solved = hits.every(Boolean);
    challenge.classList.toggle("solved", solved);
    challenge.textContent = solved ? `\u2713 Solved: every probability is within 0.01 of its goal (${goal.map(formatShort).join(" / ")}).` : `Goal ${goal.map(formatShort).join(" / ")}: ${hits.filter(Boolean).length} of ${goal.length} within 0.01.`;
  }
  model.on(["class_names", "concealed", "goal"], draw);
  draw();
}

// components/js/readout.js
var FORMULA = `
<math display="block" aria-label="p sub i equals e to the z i over T, over the sum over j of e to the z j over T">
  <msub><mi>p</mi><mi>i</mi></msub><mo>=</mo>
  <mfrac><msup><mi>e</mi><mrow><msub><mi>z</mi><mi>i</mi></msub><mo>/</mo><mi>T</mi></mrow></msup>
    <mrow><munder><mo>\u2211</mo><mi>j</mi></munder><msup><mi>e</mi><mrow><msub><mi>z</mi><mi>j</mi></msub><mo>/</mo><mi>T</mi></mrow></msup></mrow></mfrac>
  <mo>=</mo>
  <mfrac><msup><mi>e</mi><mrow><mo>(</mo><msub><mi>z</mi><mi>i</mi></msub><mo>\u2212</mo><mi>m</mi><mo>)</mo><mo>/</mo><mi>T</mi></mrow></msup>
    <mrow><munder><mo>\u2211</mo><mi>j</mi></munder><msup><mi>e</mi><mrow><mo>(</mo><msub><mi>z</mi><mi>j</mi></msub><mo>\u2212</mo><mi>m</mi><mo>)</mo><mo>/</mo><mi>T</mi></mrow></msup></mrow></mfrac>
  <mspace width="1em"/><mtext>with</mtext><mspace width="0.5em"/><mi>m</mi><mo>=</mo><mo>max</mo><msub><mi>z</mi><mi>j</mi></msub>
</math>
<math display="block" aria-label="L equals minus log p sub y">
  <mi>L</mi><mo>=</mo><mo>\u2212</mo><mi>log</mi><msub><mi>p</mi><mi>y</mi></msub>
  <mspace width="2em"/>
  <mfrac><mrow><mo>\u2202</mo><mi>L</mi></mrow><mrow><mo>\u2202</mo><msub><mi>z</mi><mi>i</mi></msub></mrow></mfrac>
  <mo>=</mo><mfrac><mrow><msub><mi>p</mi><mi>i</mi></msub><mo>\u2212</mo><msub><mi>y</mi><mi>i</mi></msub></mrow><mi>T</mi></mfrac>
</math>`;
var SQUARED = `
<math display="block" aria-label="squared error: L equals the mean over k of p k minus y k squared">
  <msub><mi>L</mi><mtext>SE</mtext></msub><mo>=</mo><mfrac><mn>1</mn><mi>K</mi></mfrac>
  <munder><mo>\u2211</mo><mi>k</mi></munder><msup><mrow><mo>(</mo><msub><mi>p</mi><mi>k</mi></msub><mo>\u2212</mo><msub><mi>y</mi><mi>k</mi></msub><mo>)</mo></mrow><mn>2</mn></msup>
  <mspace width="2em"/>
  <mfrac><mrow><mo>\u2202</mo><msub><mi>L</mi><mtext>SE</mtext></msub></mrow><mrow><mo>\u2202</mo><msub><mi>z</mi><mi>i</mi></msub></mrow></mfrac>
  <mo>=</mo><mfrac><mrow><msub><mi>p</mi><mi>i</mi></msub><mo>(</mo><msub><mi>g</mi><mi>i</mi></msub><mo>\u2212</mo><munder><mo>\u2211</mo><mi>k</mi></munder><msub><mi>p</mi><mi>k</mi></msub><msub><mi>g</mi><mi>k</mi></msub><mo>)</mo></mrow><mi>T</mi></mfrac>
  <mspace width="0.5em"/><mtext>with</mtext><mspace width="0.5em"/><msub><mi>g</mi><mi>k</mi></msub><mo>=</mo><mfrac><mrow><mn>2</mn><mo>(</mo><msub><mi>p</mi><mi>k</mi></msub><mo>\u2212</mo><msub><mi>y</mi><mi>k</mi></msub><mo>)</mo></mrow><mi>K</mi></mfrac>
</math>`;
var COLUMNS = [
  // [class, header, value, text]; "scaled" appears only when T != 1, and "hidden" cells show "?" when concealed:
  // the exponentials too, since they and their sum give p at a glance.
  ["logit", "z", (s, i) => s.logits[i], (v) => formatShort(v)],
  ["scaled", "z / T", (s, i) => s.logits[i] / s.temperature, (v) => formatNumber(v)],
  ["shifted", "(z \u2212 m) / T", (s, i) => s.shifted[i], (v) => formatNumber(v)],
  ["exp", "exp(z / T)", (s, i) => Math.exp(s.logits[i] / s.temperature), (_, s, i) => formatExp(s.logits[i] / s.temperature), "hidden"],
  ["exp-shifted", "exp((z \u2212 m) / T)", (s, i) => s.expShifted[i], (v) => formatNumber(v, 4), "hidden"],
  ["probability", "p", (s, i) => s.probabilities[i], (v) => v.toFixed(3), "hidden"],
  ["neg-log-p", "\u2212log p", (s, i) => -s.logProbabilities[i], (v) => formatNumber(v), "hidden"],
  // Both gradients, when the explorer compares the losses.
  ["grad-ce", "\u2202L<sub>CE</sub>/\u2202z", (s, i) => s.gradient[i], (v) => formatNumber(v), "hidden", "compare"],
  ["grad-se", "\u2202L<sub>SE</sub>/\u2202z", (s, i) => s.squaredGradient[i], (v) => formatNumber(v), "hidden", "compare"]
];
function tieNote(s, names) {
  const best = s.probabilities[s.predicted];
  const tied = s.probabilities.flatMap((p, i) => p === best ? [i] : []).map((i) => className(names, i));
  if (tied.length < 2) return "";
  const list = `${tied.slice(0, -1).join(", ")} and ${tied.at(-1)}`;
  return ` (a ${tied.length}-way tie of ${list}: argmax, as torch.argmax does, takes the first of them, so the accuracy is ${Number(s.correct)})`;
}
function render7({ model, el }) {
  const live = liveValues(model, draw);
  const root = document.createElement("section");
  root.className = "readout";
  root.setAttribute("aria-label", "The numbers, step by step");
  el.append(root);
  let layout = "";
  let parts = null;
  function build(columns, compare) {
    const names = live.logits.map((_, i) => escapeHtml(className(model.class_names, i)));
    root.innerHTML = `
      <div class="formula">${FORMULA}${compare ? SQUARED : ""}</div>
      <table class="steps">
        <caption></caption>
        <thead><tr><th scope="col">class</th>${columns.map((c) => `<th scope="col">${c[1]}</th>`).join("")}</tr></thead>
        <tbody>${names.map((name, i) => `<tr data-class="${i}" style="--class-color:${classColor(i)}">
          <th scope="row"><span class="swatch"></span><span class="row-name">${name}</span></th>
          ${columns.map((c) => `<td class="num ${c[0]}"></td>`).join("")}</tr>`).join("")}</tbody>
        <tfoot><tr><th scope="row">sum</th>${columns.map((c) => `<td class="num ${c[0] === "exp-shifted" ? "sum" : c[0] === "probability" ? "probability-sum" : ""}"></td>`).join("")}</tr></tfoot>
      </table>
      <p class="loss-line">Loss for the true class <b class="truth"></b>:
        L = \u2212log p<sub class="truth"></sub> = <output class="loss"></output></p>
      <p class="squared-line">Squared error (<code>nn.MSELoss()</code> on p against one-hot y):
        L<sub>SE</sub> = (1/K) \u03A3 (p \u2212 y)\xB2 = <output class="squared-error"></output></p>
      <p class="accuracy-line">Prediction (highest p): <b class="predicted"></b><span class="tie"></span>;
        true class: <b class="truth"></b>; accuracy <output class="accuracy"></output> <span class="verdict"></span></p>
      <p class="overflow-note">No overflow: exp is only taken of (z \u2212 m) / T \u2264 0, so every term is between 0 and 1,
        however large z is; the exp(z / T) column is computed from logarithms, for comparison.</p>`;
    const q = (sel) => root.querySelector(sel);
    parts = {
      caption: q("caption"),
      rows: [...root.querySelectorAll("tbody tr")],
      sum: q("td.sum"),
      names: [...root.querySelectorAll("tbody .row-name")],
      total: q("td.probability-sum"),
      loss: q("output.loss"),
      squared: q("output.squared-error"),
      accuracy: q("output.accuracy"),
      predicted: q(".predicted"),
      tie: q(".tie"),
      truth: [...root.querySelectorAll(".truth")],
      verdict: q(".verdict")
    };
  }
  function set(node, value, text) {
    node.dataset.value = value;
    if (text.includes("<")) node.innerHTML = text;
    else node.textContent = text;
  }
  function draw() {
    const s = softmaxSteps(live.logits, live.target, live.temperature);
    const hide = model.concealed;
    const compare = (model.objective ?? "cross_entropy") !== "cross_entropy";
    const columns = COLUMNS.filter((c) => (c[0] !== "scaled" || s.temperature !== 1) && (compare || !c[5]));
    const key = JSON.stringify([model.class_names, s.logits.length, columns.length, compare]);
    if (key !== layout) {
      build(columns, compare);
      layout = key;
    }
    root.classList.toggle("concealed", hide);
    parts.caption.textContent = `softmax, ${compare ? "cross-entropy and squared error" : "cross-entropy"}, step by step (m = max z = ${formatShort(s.top)})`;
    parts.rows.forEach((row, i) => {
      row.classList.toggle("is-target", i === s.target);
      parts.names[i].textContent = className(model.class_names, i) + (i === s.target ? " (true)" : "");
      columns.forEach(([, , value, text, hidden], j) => {
        const v = value(s, i);
        set(row.cells[j + 1], hide && hidden ? "" : v, hide && hidden ? "?" : text(v, s, i));
      });
    });
    const total = s.probabilities.reduce((a, b) => a + b, 0);
    set(parts.sum, hide ? "" : s.sum, hide ? "?" : formatNumber(s.sum, 4));
    set(parts.total, hide ? "" : total, hide ? "?" : total.toFixed(3));
    set(parts.loss, hide ? "" : s.loss, hide ? "?" : formatNumber(s.loss));
    set(parts.squared, hide ? "" : s.squaredError, hide ? "?" : formatNumber(s.squaredError));
    set(parts.accuracy, hide ? "" : Number(s.correct), hide ? "?" : String(Number(s.correct)));
    parts.verdict.textContent = hide ? "" : s.correct ? "\u2713" : "\u2717";
    parts.predicted.textContent = hide ? "?" : className(model.class_names, s.predicted);
    parts.tie.textContent = hide ? "" : tieNote(s, model.class_names);
    for (const node of parts.truth) node.textContent = className(model.class_names, s.target);
  }
  model.on(["class_names", "concealed", "objective"], draw);
  draw();
}

// components/js/shortcuts.js
var instances2 = 0;
function render8({ model, el }) {
  const id = `shortcut-help-${++instances2}`;
  const button2 = document.createElement("button");
  button2.type = "button";
  button2.className = "shortcut-button";
  button2.textContent = "\u2328 Shortcuts";
  button2.setAttribute("aria-keyshortcuts", "?");
  button2.setAttribute("popovertarget", id);
  const help = document.createElement("div");
  help.id = id;
  help.className = "shortcut-help";
  help.setAttribute("popover", "auto");
  help.setAttribute("role", "dialog");
  help.setAttribute("aria-label", "Keyboard shortcuts");
  el.append(button2, help);
  function draw() {
    const rows = model.keys.map(([key, text]) => `<tr><td><kbd>${escapeHtml(key)}</kbd></td><td>${escapeHtml(text)}</td></tr>`);
    help.innerHTML = `<h2>Keyboard shortcuts</h2><table>${rows.join("")}
      <tr><td><kbd>?</kbd></td><td>show or hide this list</td></tr></table>
      <p>Tab and Shift+Tab move between controls; arrow keys move a focused slider.</p>`;
  }
  function onKey(event) {
    if (!isShortcut(event) || !isShown(el)) return;
    if (event.key === "?") {
      help.togglePopover();
      event.preventDefault();
      return;
    }
    const key = event.key === " " ? "space" : event.key;
    const origin = event.composedPath()[0];
    if (key === "space" && origin && (origin.tagName === "BUTTON" || /^(checkbox|radio)$/.test(origin.type))) return;
    const entry = model.keys.find(([k, , action]) => action && k === key);
    if (!entry) return;
    event.preventDefault();
    model.send_msg({ action: entry[2] });
  }
  document.addEventListener("keydown", onKey);
  model.on("remove", () => document.removeEventListener("keydown", onKey));
  model.on("keys", draw);
  draw();
}

// components/js/temperature_slider.js
function render9({ model, el }) {
  const root = document.createElement("div");
  root.className = "temperature";
  root.innerHTML = `<label for="temperature">Temperature T</label>
    <span class="end">0.1</span>
    <input id="temperature" type="range" min="-1" max="1" step="0.01" aria-label="temperature T (log scale)">
    <span class="end">10</span>
    <output for="temperature"></output>
    <p class="hint">T &lt; 1 sharpens the probabilities, T &gt; 1 flattens them; the order never changes.</p>`;
  el.append(root);
  const input = root.querySelector("input");
  const output = root.querySelector("output");
  const show = (t) => {
    output.textContent = `T = ${t.toPrecision(3)}`;
    input.setAttribute("aria-valuetext", `T = ${t.toPrecision(3)}`);
  };
  input.addEventListener("input", () => {
    const t = Number((10 ** Number(input.value)).toPrecision(3));
    show(t);
    model.temperature = t;
  });
  function update() {
    const x = Math.log10(model.temperature);
    if (Math.abs(Number(input.value) - x) > 5e-3) input.value = String(x);
    show(model.temperature);
  }
  model.on("temperature", () => {
    update();
    publish(model.channel, { temperature: model.temperature });
  });
  update();
}

// components/js/theme_switch.js
var WAIT_MS = 1500;
function render10({ model, el }) {
  const button2 = document.createElement("button");
  button2.type = "button";
  button2.className = "theme-switch";
  const dark = model.theme === "dark";
  const other = dark ? "default" : "dark";
  button2.textContent = dark ? "Light theme" : "Dark theme";
  button2.setAttribute("aria-label", dark ? "Switch to the light theme" : "Switch to the dark theme");
  let fallback = null;
  const go = (search) => {
    clearTimeout(fallback);
    const url = new URL(window.location.href);
    url.search = search;
    window.location.assign(url.toString());
  };
  button2.addEventListener("click", () => {
    button2.disabled = true;
    model.send_msg({ switch: other });
    fallback = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set("theme", other);
      go(url.search);
    }, WAIT_MS);
  });
  model.on("msg:custom", (message) => {
    if (message && typeof message.go === "string" && message.go.startsWith("?")) go(message.go);
  });
  model.on("remove", () => clearTimeout(fallback));
  el.append(button2);
}

// components/js/standalone/model.js
var same2 = (a, b) => a === b || Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same2(v, b[i]));
function shimModel(getters, { set = () => {
}, send = () => {
} } = {}) {
  const callbacks = /* @__PURE__ */ new Map();
  const last = {};
  const model = {
    on(names, callback) {
      for (const name of [names].flat()) callbacks.set(name, [...callbacks.get(name) ?? [], callback]);
    },
    send_msg(message) {
      send(message, model);
    },
    emit(name, ...args) {
      for (const callback of callbacks.get(name) ?? []) callback(...args);
    },
    /** Call the callbacks of every property whose value is not what it was at the last refresh. */
    refresh() {
      for (const [name, get] of Object.entries(getters)) {
        const value = get();
        if (same2(value, last[name])) continue;
        last[name] = value;
        model.emit(name);
      }
    }
  };
  for (const [name, get] of Object.entries(getters)) {
    last[name] = get();
    Object.defineProperty(model, name, { get, set(value) {
      set(name, value);
    }, enumerable: true });
  }
  return model;
}

// components/js/standalone/inputs.js
var NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?$/i;
var QUOTE = 40;
function pyRepr(text) {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0);
    if (c === "\\" || c === q) out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "	") out += "\\t";
    else if (code < 32 || code >= 127 && code <= 160) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return q + out + q;
}
var thousands = (n) => n.toLocaleString("en-US");
function quote(value, limit = QUOTE) {
  const text = [...String(value)];
  if (text.length <= limit) return pyRepr(text.join(""));
  return `${pyRepr(text.slice(0, limit).join(""))}\u2026 (${thousands(text.length)} characters)`;
}
function parseNumber(spec, text, low, high, whole = false) {
  const t = String(text).trim();
  const kind = whole ? "a whole number" : "a number";
  const not = `${quote(t)} is not ${kind}: use ${kind} from ${low} to ${high}`;
  if ([...t].length > spec.limits.max_number || !NUMBER.test(t)) throw new Error(not);
  const number = Number(t);
  if (!(Number.isFinite(number) && low <= number && number <= high)) throw new Error(`${quote(t)} is outside ${low} to ${high}`);
  if (whole && !Number.isInteger(number)) throw new Error(not);
  return number;
}
function parseFlag(text) {
  const value = String(text).trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new Error(`${quote(text)} is not on or off: use 1 or 0`);
}
function splitList(spec, text, most, what) {
  const length = [...String(text)].length;
  if (length > most * (spec.limits.max_number + 2)) {
    throw new Error(`the list is too long (${thousands(length)} characters): give at most ${most} ${what}`);
  }
  return String(text).replaceAll(";", ",").replaceAll(",", " ").split(/\s+/).filter(Boolean);
}
function parseLogits(spec, text) {
  const { max_classes: most, logit_limit: limit } = spec.limits;
  const parts = splitList(spec, text, most, "logits");
  if (parts.length < 2 || parts.length > most) {
    throw new Error(`give between 2 and ${most} logits, separated by commas (got ${parts.length})`);
  }
  return parts.map((part) => parseNumber(spec, part, -limit, limit));
}
function parseClassNames(spec, text) {
  const { max_classes: most, max_name: longest } = spec.limits;
  text = String(text);
  const length = [...text].length;
  if (length > most * (longest + 2)) {
    throw new Error(`the names are too long (${thousands(length)} characters): give at most ${most} names of at most ${longest} characters`);
  }
  const names = text.split(",").map((n) => n.trim());
  if (names.some((n) => !n)) throw new Error("class names must not be empty");
  if (names.length < 2 || names.length > most) {
    throw new Error(`give between 2 and ${most} class names (got ${names.length})`);
  }
  if (new Set(names).size !== names.length) throw new Error("class names must be different from each other");
  if (names.some((n) => [...n].length > longest)) throw new Error(`class names must have at most ${longest} characters`);
  return names;
}
var formatLogits = (logits) => logits.map(formatShort).join(", ");

// components/js/standalone/state.js
var defaultLogits = (spec, k) => spec.default_logits.slice(0, k);
function defaults(spec) {
  const state = Object.fromEntries(Object.entries(spec.params).map(([name, p]) => [name, p.default]));
  return { ...state, logits: defaultLogits(spec, spec.default_classes.length), class_names: [...spec.default_classes] };
}
function sliderBound(spec, logits) {
  const biggest = Math.max(...logits.map(Math.abs));
  return spec.slider_bounds.find((b) => biggest <= b) ?? spec.slider_bounds.at(-1);
}
function named(names, k) {
  const kept = names.slice(0, k);
  const out = [...kept];
  for (let i = kept.length + 1; out.length < k; i++) if (!kept.includes(`class ${i}`)) out.push(`class ${i}`);
  return out;
}
var clip = (spec, logits) => logits.map((v) => Math.min(Math.max(v, -spec.limits.logit_limit), spec.limits.logit_limit));
function resize(state, names, logits) {
  return {
    class_names: names,
    logits,
    target: Math.min(state.target, logits.length - 1),
    goal: state.goal.length !== logits.length ? [] : state.goal
  };
}
var shift = (spec, state, delta) => ({ logits: clip(spec, state.logits.map((v) => v + delta)) });
var scale = (spec, state, factor) => ({ logits: clip(spec, state.logits.map((v) => v * factor)) });
var reset = (spec, state) => ({ logits: defaultLogits(spec, state.logits.length), temperature: 1, goal: [], largest: false, concealed: false });
function gradientStep(spec, state) {
  const s = softmaxSteps(state.logits, state.target, state.temperature);
  const gradient = state.objective === "squared_error" ? s.squaredGradient : s.gradient;
  return { logits: clip(spec, state.logits.map((z, i) => z - state.lr * gradient[i])) };
}
function nextObjective(spec, state) {
  const choices = spec.params.objective.objects;
  return { objective: choices[(choices.indexOf(state.objective) + 1) % choices.length] };
}
function preset(spec, state, name) {
  const k = String(state.logits.length);
  const situation = spec.presets.find((p) => p.name === name);
  if (situation) {
    return { logits: situation.logits[k], goal: [], largest: false, concealed: state.predict_first, temperature: 1 };
  }
  const largest = name === spec.largest.name;
  const goal = largest ? [] : spec.challenges.find((c) => c.name === name).goal[k];
  return { logits: Array(Number(k)).fill(0), goal, largest, concealed: false, temperature: 1 };
}
function largestCheck(spec, state) {
  const { bound, at_least: atLeast } = spec.largest;
  const { logits, target, temperature, class_names: names } = state;
  const name = names[target];
  const k = logits.length;
  const p = softmaxSteps(logits, target, 1).probabilities[target];
  const best = 1 / (1 + (k - 1) * Math.exp(-2 * bound));
  const [b, twice] = [formatShort(bound), formatShort(2 * bound)];
  const goal = `p(${name}) \u2265 ${formatShort(atLeast)} with every logit within \xB1${b}`;
  const open = (status) => ({ met: false, status, explanation: "" });
  if (temperature !== 1) return open(`Set T back to 1: this question is about the logits alone (${goal}).`);
  const outside = logits.findIndex((z) => Math.abs(z) > bound + 1e-9);
  if (outside >= 0) return open(`Keep every logit within \xB1${b}: z(${names[outside]}) is ${formatShort(logits[outside])}.`);
  if (p < atLeast) {
    const hint = logits[target] >= bound - 0.05 ? ` ${name}'s logit is at the top: what must the others do?` : "";
    return open(`Goal ${goal}: now p(${name}) = ${p.toFixed(4)}.${hint}`);
  }
  const explanation = `Softmax depends only on the differences between logits: p(${name}) = 1 / (1 + \u03A3 exp(z_k \u2212 z_${name})) over the other classes k. So p(${name}) grows when z_${name} \u2212 z_k grows for every other k, whether z_${name} goes up or the others go down, alike. With every logit within \xB1${b}, the best is z_${name} = ${b} and all the others = \u2212${b}: differences of ${twice}, p(${name}) = 1 / (1 + ${k - 1}\xB7exp(\u2212${twice})) = ${best.toFixed(5)}.`;
  return { met: true, status: `\u2713 Solved: p(${name}) = ${p.toFixed(5)} with every logit within \xB1${b}.`, explanation };
}
function addClass(spec, state) {
  const k = state.logits.length;
  return k < spec.limits.max_classes ? resize(state, named(state.class_names, k + 1), [...state.logits, 0]) : {};
}
function removeClass(spec, state) {
  const k = state.logits.length;
  return k > 2 ? resize(state, state.class_names.slice(0, -1), state.logits.slice(0, -1)) : {};
}
function setLogitsText(spec, state, text) {
  let logits;
  try {
    logits = parseLogits(spec, text);
  } catch (error) {
    return { changes: {}, message: `Not applied: ${error.message}.` };
  }
  const same4 = formatLogits(logits) === formatLogits(state.logits);
  return { changes: same4 ? {} : resize(state, named(state.class_names, logits.length), logits), message: "" };
}
function setClassNamesText(spec, state, text) {
  let names;
  try {
    names = parseClassNames(spec, text);
  } catch (error) {
    return { changes: {}, message: `Not applied: ${error.message}.` };
  }
  const k = names.length;
  return { changes: resize(state, names, [...state.logits, ...Array(k).fill(0)].slice(0, k)), message: "" };
}

// components/js/standalone/address.js
function readQuery(spec, search) {
  const { max_query: most, max_value: longest } = spec.limits;
  const length = [...search].length;
  if (length > most) {
    return [{}, [`the link's settings are ${thousands(length)} characters long (at most ${thousands(most)} are read), so none of them was used`]];
  }
  const query = {};
  const all = {};
  for (const [key, value] of new URLSearchParams(search.replace(/^\?+/, ""))) all[key] = value;
  const warnings = [];
  for (const [key, value] of Object.entries(all)) {
    const n = [...value].length;
    if ([...key].length > longest || n > (spec.long_values[key] ?? longest)) {
      warnings.push(`${quote(key)}: ${quote(value)} is too long (${thousands(n)} characters)`);
    } else {
      query[key] = value;
    }
  }
  return [query, warnings];
}
function formatQuery(query) {
  const encode = (text) => encodeURIComponent(text).replace(/%20/g, "+").replace(/%2C/gi, ",").replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts = Object.entries(query).map(([k, v]) => `${encode(k)}=${encode(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}
function explorerState(spec, query) {
  const warnings = [];
  const read2 = (key, parse) => {
    if (!(key in query)) return null;
    try {
      return parse(query[key]);
    } catch (error) {
      warnings.push(`${key}: ${error.message}`);
      return null;
    }
  };
  let names = read2("classes", (text) => parseClassNames(spec, text));
  let logits = read2("logits", (text) => parseLogits(spec, text));
  if (logits === null) logits = defaultLogits(spec, names ? names.length : spec.default_classes.length);
  const k = logits.length;
  if (names !== null && names.length !== k) {
    warnings.push(`classes: ${names.length} names for ${k} logits`);
    names = null;
  }
  if (names === null) {
    names = k === spec.default_classes.length ? [...spec.default_classes] : Array.from({ length: k }, (_, i) => `class ${i + 1}`);
  }
  const state = { ...defaults(spec), logits, class_names: names, target: Math.min(spec.params.target.default, k - 1) };
  const special = {
    target(value) {
      if (/^[0-9]{1,2}$/.test(value) && Number(value) < k) return Number(value);
      if (names.includes(value)) return names.indexOf(value);
      throw new Error(`${quote(value)} is not a class: use an index from 0 to ${k - 1} or a class name`);
    },
    goal(value) {
      const p = value.split(",").slice(0, k + 1).map((v) => parseNumber(spec, v, 0, 1));
      if (p.length !== k || Math.abs(p.reduce((a, b) => a + b, 0) - 1) > 0.01) {
        throw new Error(`give ${k} probabilities that sum to 1`);
      }
      return p;
    },
    hide(value) {
      const sections = value.split(",").filter(Boolean);
      const known = spec.params.hide.objects;
      const unknown = sections.filter((s) => !known.includes(s));
      if (unknown.length) throw new Error(`${unknown.slice(0, 3).map((s) => quote(s)).join(", ")} not known; use any of ${known.join(", ")}`);
      return sections;
    }
  };
  for (const [key, name] of Object.entries(spec.keys)) {
    if (name === "logits" || name === "class_names") continue;
    const value = read2(key, special[key] ?? ((text) => parseValue(spec, spec.params[name], text)));
    if (value !== null) state[name] = value;
  }
  return [state, warnings];
}
function parseValue(spec, param, text) {
  if (param.kind === "boolean") return parseFlag(text);
  if (param.kind === "choice") {
    if (param.objects.includes(text)) return text;
    throw new Error(`${quote(text)} is not one of ${param.objects.join(", ")}`);
  }
  const [low, high] = param.bounds;
  return parseNumber(spec, text, low, high, param.kind === "integer");
}
function pageState(spec, query) {
  const page = { tab: "explore", present: false, theme: "default" };
  const warnings = [];
  for (const [key, choices] of [["tab", spec.tabs], ["theme", spec.themes]]) {
    if (!(key in query)) continue;
    if (choices.includes(query[key])) page[key] = query[key];
    else warnings.push(`${key}: ${quote(query[key])} is not one of ${choices.join(", ")}`);
  }
  if ("present" in query) {
    try {
      page.present = parseFlag(query.present);
    } catch (error) {
      warnings.push(`present: ${error.message}`);
    }
  }
  return [page, warnings];
}
function formatValue(value) {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return value.map(formatValue).join(",");
  return typeof value === "number" ? formatShort(value) : String(value);
}
var same3 = (a, b) => Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => same3(v, b[i])) : a === b;
function explorerQuery(spec, state) {
  const query = {};
  for (const [key, name] of Object.entries(spec.keys)) {
    if (spec.always.includes(key) || !same3(state[name], spec.params[name].default)) query[key] = formatValue(state[name]);
  }
  return query;
}
function pageQuery(spec, state, page, current) {
  const ours = /* @__PURE__ */ new Set([...Object.keys(spec.keys), ...spec.page_keys]);
  const query = Object.fromEntries(Object.entries(current).filter(([k]) => !ours.has(k)));
  query.tab = "explore";
  Object.assign(query, explorerQuery(spec, state));
  if (page.present) query.present = "1";
  if (page.theme === "dark") query.theme = "dark";
  return query;
}
function fromAddress(spec, search) {
  const [query, queryWarnings] = readQuery(spec, search);
  const [page, pageWarnings] = pageState(spec, query);
  const [state, warnings] = explorerState(spec, query);
  return { state, page, query, warnings: [...queryWarnings, ...pageWarnings, ...warnings] };
}

// components/js/standalone/page.js
var CHANNEL = "standalone";
var URL_DELAY_MS = 300;
var FILE_NOTE = "One-file explorer: everything is computed in this browser, with no server. The training playground needs the app's server (panel serve app), so it is not in this file.";
var URL_WARNING = "Some settings in the link could not be used; defaults were used instead.";
var PANEL_BASE = "input, button, select, textarea { font: inherit; }";
function element(html) {
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}
function button(label, description, action, kind = "default") {
  const b = Object.assign(document.createElement("button"), { type: "button", textContent: label, title: description });
  b.className = `se-button ${kind}`;
  b.addEventListener("click", action);
  return b;
}
function field(label, apply, extra = "") {
  const wrap = element(`<label class="se-field ${extra}"><span class="se-label"></span><input type="text"></label>`);
  wrap.querySelector(".se-label").textContent = label;
  const input = wrap.querySelector("input");
  input.addEventListener("change", () => apply(input.value));
  return { wrap, input };
}
function addressOf(location, start = "") {
  if (location.search.length > 1) return location.search;
  if (location.hash.length > 1) return `?${location.hash.slice(1)}`;
  return start;
}
function mountPage(spec, css, root = document.body) {
  const opened = fromAddress(spec, addressOf(window.location, spec.start));
  let state = { ...opened.state, message: "", running: false };
  const page = opened.page;
  const linkQuery = opened.query;
  const models = [];
  let run = null;
  let remaining = 0;
  document.documentElement.classList.toggle("se-dark", page.theme === "dark");
  function apply(changes) {
    state = { ...state, ...changes };
    for (const model of models) model.refresh();
    refresh();
    scheduleAddress();
  }
  const act = (action, ...args) => apply(action(spec, state, ...args));
  function stop() {
    clearInterval(run);
    run = null;
    if (state.running) apply({ running: false });
  }
  function startRun() {
    if (run !== null) return stop();
    remaining = state.steps;
    run = setInterval(() => {
      act(gradientStep);
      if (--remaining <= 0) stop();
    }, spec.run_period_ms);
    apply({ running: true });
  }
  const actions = {
    step: () => act(gradientStep),
    run: startRun,
    reset: () => {
      stop();
      act(reset);
    },
    up: () => act(shift, 0.5),
    down: () => act(shift, -0.5),
    reveal: () => apply({ concealed: false }),
    loss: () => act(nextObjective)
  };
  let addressTimer = null;
  function scheduleAddress() {
    addressTimer ??= setTimeout(writeAddress, URL_DELAY_MS);
  }
  function writeAddress() {
    addressTimer = null;
    const search = formatQuery(pageQuery(spec, state, page, linkQuery)) || "?";
    try {
      window.history.replaceState(null, "", search + window.location.hash);
    } catch {
      window.location.replace(`#${search.slice(1)}`);
    }
  }
  function mount(name, render11, getters, options = {}, styles = [name]) {
    const host = document.createElement("div");
    host.className = `se-component se-${name.replaceAll("_", "-")}`;
    const shadow = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = [PANEL_BASE, css.base, ...styles.map((s) => css[s])].join("\n");
    const el = document.createElement("div");
    shadow.append(style, el);
    const model = shimModel(getters, options);
    models.push(model);
    render11({ model, el });
    return host;
  }
  const get = (name) => () => state[name];
  const example = { logits: get("logits"), target: get("target"), temperature: get("temperature") };
  const view = (name, render11, extra = {}) => mount(name, render11, {
    ...example,
    class_names: get("class_names"),
    concealed: get("concealed"),
    objective: get("objective"),
    channel: () => CHANNEL,
    ...extra
  });
  const fromSlider = { set: (name, value) => {
    stop();
    apply({ [name]: value });
  } };
  const sliders = mount("logit_sliders", render4, {
    logits: get("logits"),
    target: get("target"),
    class_names: get("class_names"),
    bound: () => sliderBound(spec, state.logits),
    channel: () => CHANNEL
  }, fromSlider);
  const temperature = mount(
    "temperature_slider",
    render9,
    { temperature: get("temperature"), channel: () => CHANNEL },
    fromSlider
  );
  const bars = view("probability_bars", render6, { goal: () => state.goal.length === state.logits.length ? state.goal : [] });
  const steps = view("readout", render7);
  const gradient = view("gradient_bars", render2);
  const curve = view("loss_curve", render5);
  const keys = mount(
    "shortcuts",
    render8,
    { keys: () => spec.shortcuts },
    { send: (message2) => actions[message2?.action]?.() }
  );
  const header = {
    copy: mount("copy_button", render, { label: () => "Copy link", text: () => "", copied: () => "" }, {}, ["page_controls"]),
    theme: mount("theme_switch", render10, { theme: () => page.theme }, {
      // The server answers with the address to load; here the page does, from its own state.
      send: (message2, model) => model.emit(
        "msg:custom",
        { go: formatQuery(pageQuery(spec, state, { ...page, theme: message2.switch }, linkQuery)) || "?" }
      )
    }, ["page_controls"]),
    lecture: mount("lecture_toggle", render3, { present: () => page.present }, {
      set: (_, value) => {
        page.present = Boolean(value);
        apply({});
      }
    }, ["page_controls"])
  };
  const sections = [];
  function section(name, ...children) {
    const div = document.createElement("div");
    div.className = "se-section";
    div.dataset.section = name;
    div.append(...children);
    sections.push(div);
    return div;
  }
  const row = (className2, ...children) => {
    const div = document.createElement("div");
    div.className = className2;
    div.append(...children);
    return div;
  };
  const heading = row("se-heading-row", element("<h2 class='se-heading'>Logits z</h2>"), keys);
  const shiftRow = row(
    "se-buttons",
    button("\u22120.5", "Subtract 0.5 from every logit (key <)", actions.down),
    button("+0.5", "Add 0.5 to every logit (key >)", actions.up),
    button("\xD70.5", "Halve every logit", () => act(scale, 0.5)),
    button("\xD72", "Double every logit", () => act(scale, 2)),
    button("Reset", "Back to the starting logits and T = 1 (key r)", actions.reset)
  );
  const reveal = button("Reveal the results", "Show the hidden probabilities and loss (key v)", actions.reveal, "warning");
  const largest = element(`<div class="se-largest"><p class="se-largest-status" aria-live="polite"></p>
    <div class="se-alert success" hidden></div></div>`);
  const entered = (setter) => (text) => {
    const { changes, message: message2 } = setter(spec, state, text);
    apply({ ...changes, message: message2 });
    refresh();
  };
  const logitsField = field("Logits, exactly (press Enter)", entered(setLogitsText));
  const namesField = field("Class names (press Enter)", entered(setClassNamesText), "se-grow");
  const message = element(`<div class="se-alert warning" role="alert" hidden></div>`);
  function numberField(name) {
    const { label, bounds: [low, high], kind } = spec.params[name];
    const f = field(label, (text) => {
      const value = Number(text.trim());
      if (text.trim() && Number.isFinite(value)) {
        const clamped = Math.min(Math.max(kind === "integer" ? Math.round(value) : value, low), high);
        apply({ [name]: clamped });
      }
      refresh();
    }, `se-number se-${name}`);
    f.input.inputMode = kind === "integer" ? "numeric" : "decimal";
    return f;
  }
  const lrField = numberField("lr");
  const stepsField = numberField("steps");
  const runButton = button("\u25B6 Run steps", "Take the given number of gradient steps, animated (key n)", startRun, "primary");
  const gradientRow = row(
    "se-buttons se-gradient-row",
    lrField.wrap,
    button("Gradient step", "z \u2190 z \u2212 lr \xB7 \u2202L/\u2202z (key g)", actions.step),
    stepsField.wrap,
    runButton
  );
  const lossButtons = Object.entries(spec.objectives).map(([name, label]) => Object.assign(
    button(
      label,
      "The loss the gradient, the curve and the steps use; both shows them side by side (key e)",
      () => apply({ objective: name })
    ),
    { value: name }
  ));
  const lossRow = row("se-buttons se-loss-choice", ...lossButtons);
  lossRow.setAttribute("role", "group");
  lossRow.setAttribute("aria-label", spec.params.objective.label);
  const classesRow = row(
    "se-buttons se-classes-row",
    namesField.wrap,
    button("+ class", "Add a class", () => act(addClass)),
    button("\u2212 class", "Remove the last class", () => act(removeClass))
  );
  const predictFirst = element(`<label class="se-check"><input type="checkbox"><span></span></label>`);
  predictFirst.querySelector("span").textContent = spec.params.predict_first.label;
  const predictBox = predictFirst.querySelector("input");
  predictBox.addEventListener("change", () => apply({ predict_first: predictBox.checked }));
  const load = (name) => () => {
    stop();
    act(preset, name);
  };
  const warmups = [
    element("<h3 class='se-heading'>Warm-up situations</h3>"),
    row("se-buttons", ...spec.presets.map((p) => button(p.label, `Load: ${p.label.toLowerCase()}`, load(p.name)))),
    row(
      "se-buttons",
      ...spec.challenges.map((c) => button(
        c.label,
        "Move the sliders until every probability is within 0.01 of its goal",
        load(c.name),
        "light"
      )),
      button(
        spec.largest.label,
        `Make the true class's probability at least ${formatShort(spec.largest.at_least)} with every logit within \xB1${formatShort(spec.largest.bound)}: what must the other logits do?`,
        load(spec.largest.name),
        "light"
      )
    ),
    predictFirst
  ];
  const warning = element(`<div class="se-alert warning url-warning" role="alert"><p></p><ul></ul></div>`);
  warning.hidden = opened.warnings.length === 0;
  warning.querySelector("p").textContent = URL_WARNING;
  warning.querySelector("ul").append(...opened.warnings.map((w) => Object.assign(document.createElement("li"), { textContent: w })));
  const note = element(`<p class="se-file-note" role="note"></p>`);
  note.textContent = FILE_NOTE + (page.tab === "train" ? " This link opens the training playground on the server." : "");
  const top = element(`<header class="se-header"><span class="se-title"></span><span class="se-spacer"></span></header>`);
  top.querySelector(".se-title").textContent = spec.title;
  top.append(header.copy, header.theme, header.lecture);
  const controls = row("se-left", heading, sliders, section("shift", shiftRow), section("temperature", temperature), reveal);
  const tools = row(
    "se-left",
    section("entry", logitsField.wrap),
    message,
    section("classes", classesRow),
    section("gradient", lossRow, gradientRow),
    section("presets", ...warmups)
  );
  const details = row("se-right se-details", section("steps", steps), section("gradient", gradient), section("curve", curve));
  const explorer = row("softmax-explorer", row("se-band", controls, row("se-right", bars, largest)), row("se-band", tools, details));
  const main = row("se-main", warning, note, explorer);
  root.append(top, main);
  function refresh() {
    logitsField.input.value = formatLogits(state.logits);
    namesField.input.value = state.class_names.join(", ");
    lrField.input.value = formatShort(state.lr);
    stepsField.input.value = String(state.steps);
    message.hidden = !state.message;
    message.textContent = state.message;
    reveal.hidden = !state.concealed;
    runButton.textContent = state.running ? "\u25A0 Stop" : "\u25B6 Run steps";
    predictBox.checked = state.predict_first;
    for (const b of lossButtons) {
      b.setAttribute("aria-pressed", String(b.value === state.objective));
      b.classList.toggle("primary", b.value === state.objective);
    }
    for (const s of sections) s.hidden = state.hide.includes(s.dataset.section);
    const check = state.largest && !state.concealed ? largestCheck(spec, state) : null;
    largest.hidden = !check;
    if (check) {
      largest.querySelector("p").textContent = check.status;
      Object.assign(largest.querySelector("div"), { textContent: check.explanation, hidden: !check.met });
    }
  }
  refresh();
  scheduleAddress();
  return { get state() {
    return state;
  }, page, apply };
}

// components/js/standalone.js
var read = (id) => JSON.parse(document.getElementById(id).textContent);
if (document.getElementById("se-spec")) mountPage(read("se-spec"), read("se-css"));
