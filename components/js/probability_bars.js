// Bars of softmax(z / T), one per class, the true class marked. When T != 1 a dashed outline shows the T = 1
// probabilities, so the temperature's effect is visible; with goals set (a challenge) each bar shows its goal
// and a check once every probability is within 0.01 of it.
// Under them, the loss they give, L = -log p of the true class: with the bars, the main view (large in lecture mode).
// The bars are built once per set of classes and updated in place, so a drag costs no DOM rebuild.

import { liveValues } from "./lib/channel.js";
import { classColor, className } from "./lib/classes.js";
import { formatNumber, formatShort } from "./lib/format.js";
import { softmaxSteps } from "./lib/softmax.js";

export function render({ model, el }) {
  // What it draws: Python's values, or newer ones from the sliders (./lib/channel.js), kept here, not in the model.
  const live = liveValues(model, draw);
  const root = document.createElement("figure");
  root.className = "probability-bars";
  root.innerHTML = `<figcaption>Probabilities p = softmax(z / T)</figcaption>
    <div class="bars" role="list"></div>
    <p class="loss-summary">Loss L = −log p<sub class="truth"></sub> = <output class="loss"></output></p>
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
      b.name.title = b.name.textContent;  // the whole name on hover, when the bar is too narrow for it
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
    challenge.textContent = solved
      ? `✓ Solved: every probability is within 0.01 of its goal (${goal.map(formatShort).join(" / ")}).`
      : `Goal ${goal.map(formatShort).join(" / ")}: ${hits.filter(Boolean).length} of ${goal.length} within 0.01.`;
  }

  model.on(["class_names", "concealed", "goal"], draw);
  draw();
}
