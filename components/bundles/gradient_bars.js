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
function classColor(i) {
  return CLASS_COLORS[i % CLASS_COLORS.length];
}
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
function render({ model, el }) {
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
    rows = live.logits.flatMap((_, i) => losses.map(([key, short, field], j) => {
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
        field,
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
    const scale = Math.max(1e-12, ...losses.flatMap(([, , field]) => s[field].map(Math.abs)));
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
      r.fill.style.width = `${model.concealed ? 0 : 50 * Math.abs(g) / scale}%`;
      r.fill.style.left = g < 0 ? "" : "50%";
      r.fill.style.right = g < 0 ? "50%" : "";
    }
  }
  model.on(["class_names", "concealed", "objective"], draw);
  draw();
}
export {
  render
};
