// One labelled range input per class and a "true class" radio button. The source of the explorer's live state
// in the browser: every change, a drag's step or a push from Python, goes to the explorer's views on its channel
// (./lib/channel.js) at once; a change sets model.logits / model.target (which Panel syncs to Python), a drag's
// at most every SYNC_MS.
// Keys (anywhere on the page while this is visible): 1-9 and 0 pick a class, + and - nudge it by 0.5,
// t makes it the true class.

import { publish } from "./lib/channel.js";
import { classColor, className } from "./lib/classes.js";
import { formatShort } from "./lib/format.js";
import { escapeHtml } from "./lib/html.js";
import { isShortcut, isShown } from "./lib/keys.js";

let instances = 0;
export const SYNC_MS = 150;

export function render({ model, el }) {
  const group = `true-class-${++instances}`;
  const root = document.createElement("div");
  root.className = "logit-sliders";
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Logits, one slider per class");
  el.append(root);
  let rows = [];
  let selected = model.target;

  // A drag fires an input event per pointer move (60 a second); the views follow each one on the channel, and
  // Python (the address, the hand-off, the numbers a test reads) gets the latest at most every SYNC_MS: the
  // first change at once, then what the drag has reached, and its end the moment the slider is let go.
  let pending = null;  // logits not yet sent to Python
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
      radio.addEventListener("change", () => { if (radio.checked) model.target = i; });
      const label = document.createElement("label");
      label.className = "class-name";
      label.htmlFor = `${group}-slider-${i}`;
      label.innerHTML = `<span class="swatch"></span>z<sub>${escapeHtml(name)}</sub>`;
      label.title = name;  // the whole name, when the label cuts it
      const slider = Object.assign(document.createElement("input"), { type: "range", id: `${group}-slider-${i}` });
      slider.className = "logit";
      slider.step = "0.1";
      slider.setAttribute("aria-label", `logit for ${name}`);
      slider.addEventListener("input", () => setLogit(i, Number(slider.value)));
      slider.addEventListener("change", sync);  // let go (or a key): the value the drag ended at, now
      slider.addEventListener("focus", () => { selected = i; });
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
      // Assigning an equal value would move the caret of a slider being dragged; skip it.
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
      if (i < k) { selected = i; rows[i].slider.focus(); event.preventDefault(); }
    } else if (event.key === "+" || event.key === "=" || event.key === "-") {
      const i = Math.min(selected, k - 1);
      const z = model.logits[i] + (event.key === "-" ? -0.5 : 0.5);
      setLogit(i, Math.round(z * 1000) / 1000);
      sync();  // a key press is a change of its own, not a step of a drag
      rows[i].slider.value = String(model.logits[i]);
      event.preventDefault();
    } else if (event.key === "t") {
      model.target = Math.min(selected, k - 1);
      event.preventDefault();
    }
  }

  document.addEventListener("keydown", onKey);
  model.on("remove", () => { document.removeEventListener("keydown", onKey); clearTimeout(timer); });
  model.on(["logits", "target"], () => {
    update();
    publish(model.channel, { logits: model.logits, target: model.target });
  });
  model.on("bound", update);
  model.on("class_names", build);
  build();
}
