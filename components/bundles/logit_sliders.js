// components/js/lib/channel.js
var PREFIX = "softmax-channel:";
function publish(channel, values) {
  if (channel) document.dispatchEvent(new CustomEvent(PREFIX + channel, { detail: values }));
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
function formatShort(v) {
  const x = Number(v);
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? "0" : String(x);
  return String(Number(Math.abs(x) < 1e-3 ? x.toPrecision(3) : x.toFixed(3)));
}

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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

// components/js/logit_sliders.js
var instances = 0;
var SYNC_MS = 150;
function render({ model, el }) {
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
export {
  SYNC_MS,
  render
};
