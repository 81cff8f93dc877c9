// dL/dz as bars around zero, coloured by sign: cross-entropy's (p - onehot(y)) / T, squared error's
// J^T 2 (p - y) / (K T), or both, a pair of bars a class on one scale. Gradient descent moves each logit against
// its bar: the true class's logit (negative gradient) goes up, every other logit goes down.

import { liveValues } from "./lib/channel.js";
import { classColor, className } from "./lib/classes.js";
import { formatNumber } from "./lib/format.js";
import { softmaxSteps } from "./lib/softmax.js";

const SIGN = { positive: "#D55E00", negative: "#0072B2" };
// The losses a bar can show: [key, short name, the field of softmaxSteps, the formula].
const LOSSES = [
  ["cross_entropy", "CE", "gradient", "(p − y) / T"],
  ["squared_error", "SE", "squaredGradient", "Jᵀ 2(p − y) / (K T)"],
];

/** The losses `objective` shows: cross_entropy, squared_error or both. */
const shown = (objective) => LOSSES.filter(([key]) => objective === "both" || key === (objective || "cross_entropy"));

function title(objective) {
  const losses = shown(objective);
  if (losses.length === 2) return "Gradients ∂L/∂z, on one scale: cross-entropy (p − y) / T and squared error Jᵀ 2(p − y) / (K T)";
  const [key, , , formula] = losses[0];
  return `Gradient ∂L/∂z = ${formula}${key === "squared_error" ? ", squared error (J = diag p − p pᵀ)" : ""}`;
}

export function render({ model, el }) {
  // What it draws: Python's values, or newer ones from the sliders (./lib/channel.js), kept here, not in the model.
  const live = liveValues(model, draw);
  const root = document.createElement("figure");
  root.className = "gradient-bars";
  root.innerHTML = `<figcaption><span class="title"></span>
      <span class="legend"><span class="neg">■</span> negative: a step raises z
      <span class="pos">■</span> positive: a step lowers z</span></figcaption>
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
      return { row, i, key, short, field, paired: losses.length > 1, first: j === 0,
        name: row.querySelector(".name"), fill: row.querySelector(".fill"), value: row.querySelector(".value") };
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
    // Bars are scaled to the largest |gradient| shown so that small gradients near convergence stay readable;
    // with both losses, one scale for both, so that one loss's gradient can be seen to vanish beside the other's.
    const scale = Math.max(1e-12, ...losses.flatMap(([, , field]) => s[field].map(Math.abs)));
    root.classList.toggle("concealed", model.concealed);
    root.classList.toggle("paired", losses.length > 1);
    for (const r of rows) {
      const g = s[r.field][r.i];
      const name = className(model.class_names, r.i);
      // Three decimals, or three significant digits where those would read 0.000 beside a bar drawn to scale.
      const text = model.concealed ? "?" : (g >= 0 ? "+" : "−") + formatNumber(Math.abs(g));
      r.row.className = `grad-row ${g < 0 ? "negative" : "positive"}${r.paired ? ` pair ${r.short.toLowerCase()}` : ""}`;
      r.row.classList.toggle("first", r.first);
      r.row.dataset.gradient = String(g);
      r.row.setAttribute("aria-label", `dL/dz${r.paired ? ` (${r.short})` : ""} for ${name}: ${text}`);
      r.name.textContent = r.paired ? (r.first ? `${name} · ${r.short}` : r.short) : name;
      r.name.title = name;
      r.value.textContent = text;
      r.fill.style.width = `${model.concealed ? 0 : (50 * Math.abs(g)) / scale}%`;
      r.fill.style.left = g < 0 ? "" : "50%";
      r.fill.style.right = g < 0 ? "50%" : "";
    }
  }

  model.on(["class_names", "concealed", "objective"], draw);
  draw();
}
