// dL/dz = (p - onehot(y)) / T as bars around zero, coloured by sign. Gradient descent moves each logit against
// its bar: the true class's logit (negative gradient) goes up, every other logit goes down.

import { liveValues } from "./lib/channel.js";
import { classColor, className } from "./lib/classes.js";
import { softmaxSteps } from "./lib/softmax.js";

const SIGN = { positive: "#D55E00", negative: "#0072B2" };

export function render({ model, el }) {
  // What it draws: Python's values, or newer ones from the sliders (./lib/channel.js), kept here, not in the model.
  const live = liveValues(model, draw);
  const root = document.createElement("figure");
  root.className = "gradient-bars";
  root.innerHTML = `<figcaption>Gradient ∂L/∂z = (p − y) / T
      <span class="legend"><span class="neg">■</span> negative: a step raises z
      <span class="pos">■</span> positive: a step lowers z</span></figcaption>
    <div class="rows" role="list"></div>`;
  root.style.setProperty("--positive", SIGN.positive);
  root.style.setProperty("--negative", SIGN.negative);
  el.append(root);
  const list = root.querySelector(".rows");
  let rows = [];

  function build() {
    rows = live.logits.map((_, i) => {
      const row = document.createElement("div");
      row.setAttribute("role", "listitem");
      row.dataset.class = i;
      row.innerHTML = `<span class="name" style="--class-color:${classColor(i)}"></span>
        <div class="axis"><div class="fill"></div></div><span class="value"></span>`;
      return { row, name: row.querySelector(".name"), fill: row.querySelector(".fill"), value: row.querySelector(".value") };
    });
    list.replaceChildren(...rows.map((r) => r.row));
  }

  function draw() {
    if (rows.length !== live.logits.length) build();
    const s = softmaxSteps(live.logits, live.target, live.temperature);
    const scale = Math.max(1e-12, ...s.gradient.map(Math.abs));
    root.classList.toggle("concealed", model.concealed);
    s.gradient.forEach((g, i) => {
      const r = rows[i];
      const name = className(model.class_names, i);
      const shown = model.concealed ? "?" : (g >= 0 ? "+" : "−") + Math.abs(g).toFixed(3);
      r.row.className = `grad-row ${g < 0 ? "negative" : "positive"}`;
      r.row.dataset.gradient = String(g);
      r.row.setAttribute("aria-label", `dL/dz for ${name}: ${shown}`);
      r.name.textContent = name;
      r.name.title = name;
      r.value.textContent = shown;
      // Bars are scaled to the largest |gradient| so that small gradients near convergence stay readable.
      r.fill.style.width = `${model.concealed ? 0 : (50 * Math.abs(g)) / scale}%`;
      r.fill.style.left = g < 0 ? "" : "50%";
      r.fill.style.right = g < 0 ? "50%" : "";
    });
  }

  model.on(["class_names", "concealed"], draw);
  draw();
}
