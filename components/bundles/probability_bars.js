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

// components/js/probability_bars.js
function render({ model, el }) {
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
      const shown = hide ? "?" : p.toFixed(3);
      b.bar.dataset.probability = String(p);
      b.bar.classList.toggle("is-target", isTarget);
      b.bar.style.setProperty("--p", hide ? 0 : p);
      b.bar.setAttribute("aria-label", `${name}: probability ${shown}${isTarget ? ", true class" : ""}`);
      b.value.textContent = shown;
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
export {
  render
};
