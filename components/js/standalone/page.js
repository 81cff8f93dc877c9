// The one-file explorer's page: the explorer tab as the server's page lays it out (components/explorer_layout.py),
// with no server. The views, sliders, shortcuts and header controls are the server's own modules, each in a shadow
// root with its stylesheets as Panel gives them, on a model shim (./model.js) over this page's state; the controls
// Panel makes in Python (buttons, fields, the checkbox) are made here, and every action is ./state.js's.

import { render as copyButton } from "../copy_button.js";
import { render as gradientBars } from "../gradient_bars.js";
import { render as lectureToggle } from "../lecture_toggle.js";
import { render as logitSliders } from "../logit_sliders.js";
import { render as lossCurve } from "../loss_curve.js";
import { render as probabilityBars } from "../probability_bars.js";
import { render as readout } from "../readout.js";
import { render as shortcuts } from "../shortcuts.js";
import { render as temperatureSlider } from "../temperature_slider.js";
import { render as themeSwitch } from "../theme_switch.js";
import { formatShort } from "../lib/format.js";
import { shimModel } from "./model.js";
import { formatQuery, fromAddress, pageQuery } from "./address.js";
import { formatLogits } from "./inputs.js";
import * as rules from "./state.js";

const CHANNEL = "standalone";  // the sliders' channel to the views (lib/channel.js): a drag repaints at once
const URL_DELAY_MS = 300;  // as app/page.py: at most one address update per 300 ms while a slider moves
export const FILE_NOTE = "One-file explorer: everything is computed in this browser, with no server. " +
  "The training playground needs the app's server (panel serve app), so it is not in this file.";
const URL_WARNING = "Some settings in the link could not be used; defaults were used instead.";
// What Panel's page gives every component's shadow root besides its own stylesheets: form controls in the
// component's type (sized in em, the true-class radios and the lecture switch grow with lecture mode).
const PANEL_BASE = "input, button, select, textarea { font: inherit; }";

/** An element from HTML text (one root). */
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

/** A text field with its label above it, as Panel's TextInput shows one; `apply(text)` on Enter or on leaving it. */
function field(label, apply, extra = "") {
  const wrap = element(`<label class="se-field ${extra}"><span class="se-label"></span><input type="text"></label>`);
  wrap.querySelector(".se-label").textContent = label;
  const input = wrap.querySelector("input");
  input.addEventListener("change", () => apply(input.value));
  return { wrap, input };
}

/** Where the address is read from: its query, or its fragment (a page whose query cannot be rewritten writes
 * there), or the state the file was exported at. */
export function addressOf(location, start = "") {
  if (location.search.length > 1) return location.search;
  if (location.hash.length > 1) return `?${location.hash.slice(1)}`;
  return start;
}

/** Build the page in `root` from the address; `spec` holds Python's tables, `css` the components' stylesheets. */
export function mountPage(spec, css, root = document.body) {
  const opened = fromAddress(spec, addressOf(window.location, spec.start));
  let state = { ...opened.state, message: "", running: false };
  const page = opened.page;
  const linkQuery = opened.query;  // the link's own keys (the training tab's, say), kept in the address
  const models = [];
  let run = null;
  let remaining = 0;

  document.documentElement.classList.toggle("se-dark", page.theme === "dark");

  // --- state -------------------------------------------------------------------------------------------------
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
      act(rules.gradientStep);
      if (--remaining <= 0) stop();
    }, spec.run_period_ms);
    apply({ running: true });
  }
  const actions = {
    step: () => act(rules.gradientStep),
    run: startRun,
    reset: () => { stop(); act(rules.reset); },
    up: () => act(rules.shift, 0.5),
    down: () => act(rules.shift, -0.5),
    reveal: () => apply({ concealed: false }),
    loss: () => act(rules.nextObjective),
  };

  // --- the address -------------------------------------------------------------------------------------------
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
      window.location.replace(`#${search.slice(1)}`);  // a browser that keeps a file's query as it is
    }
  }

  // --- the components: the server's modules on a shim of this page's state --------------------------------------
  function mount(name, render, getters, options = {}, styles = [name]) {
    const host = document.createElement("div");
    host.className = `se-component se-${name.replaceAll("_", "-")}`;
    const shadow = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = [PANEL_BASE, css.base, ...styles.map((s) => css[s])].join("\n");
    const el = document.createElement("div");
    shadow.append(style, el);
    const model = shimModel(getters, options);
    models.push(model);
    render({ model, el });
    return host;
  }
  const get = (name) => () => state[name];
  const example = { logits: get("logits"), target: get("target"), temperature: get("temperature") };
  const view = (name, render, extra = {}) => mount(name, render, {
    ...example, class_names: get("class_names"), concealed: get("concealed"), objective: get("objective"),
    channel: () => CHANNEL, ...extra,
  });
  // A slider moved: as SoftmaxExplorer._browser_changed, a run of steps stops and the value is recorded.
  const fromSlider = { set: (name, value) => { stop(); apply({ [name]: value }); } };

  const sliders = mount("logit_sliders", logitSliders, {
    logits: get("logits"), target: get("target"), class_names: get("class_names"),
    bound: () => rules.sliderBound(spec, state.logits), channel: () => CHANNEL,
  }, fromSlider);
  const temperature = mount("temperature_slider", temperatureSlider,
    { temperature: get("temperature"), channel: () => CHANNEL }, fromSlider);
  const bars = view("probability_bars", probabilityBars, { goal: () => (state.goal.length === state.logits.length ? state.goal : []) });
  const steps = view("readout", readout);
  const gradient = view("gradient_bars", gradientBars);
  const curve = view("loss_curve", lossCurve);
  const keys = mount("shortcuts", shortcuts, { keys: () => spec.shortcuts },
    { send: (message) => actions[message?.action]?.() });
  const header = {
    copy: mount("copy_button", copyButton, { label: () => "Copy link", text: () => "", copied: () => "" }, {}, ["page_controls"]),
    theme: mount("theme_switch", themeSwitch, { theme: () => page.theme }, {
      // The server answers with the address to load; here the page does, from its own state.
      send: (message, model) => model.emit("msg:custom",
        { go: formatQuery(pageQuery(spec, state, { ...page, theme: message.switch }, linkQuery)) || "?" }),
    }, ["page_controls"]),
    lecture: mount("lecture_toggle", lectureToggle, { present: () => page.present }, {
      set: (_, value) => { page.present = Boolean(value); apply({}); },
    }, ["page_controls"]),
  };

  // --- the controls Panel makes in Python (components/explorer_layout.py) --------------------------------------
  const sections = [];
  function section(name, ...children) {
    const div = document.createElement("div");
    div.className = "se-section";
    div.dataset.section = name;
    div.append(...children);
    sections.push(div);
    return div;
  }
  const row = (className, ...children) => {
    const div = document.createElement("div");
    div.className = className;
    div.append(...children);
    return div;
  };

  const heading = row("se-heading-row", element("<h2 class='se-heading'>Logits z</h2>"), keys);
  const shiftRow = row("se-buttons",
    button("−0.5", "Subtract 0.5 from every logit (key <)", actions.down),
    button("+0.5", "Add 0.5 to every logit (key >)", actions.up),
    button("×0.5", "Halve every logit", () => act(rules.scale, 0.5)),
    button("×2", "Double every logit", () => act(rules.scale, 2)),
    button("Reset", "Back to the starting logits and T = 1 (key r)", actions.reset));
  const reveal = button("Reveal the results", "Show the hidden probabilities and loss (key v)", actions.reveal, "warning");
  // The largest-output challenge's progress under the bars and, once met, why (components/largest_challenge.py).
  const largest = element(`<div class="se-largest"><p class="se-largest-status" aria-live="polite"></p>
    <div class="se-alert success" hidden></div></div>`);

  const entered = (setter) => (text) => {
    const { changes, message } = setter(spec, state, text);
    apply({ ...changes, message });
    refresh();  // the field shows the state, whether or not the text was applied
  };
  const logitsField = field("Logits, exactly (press Enter)", entered(rules.setLogitsText));
  const namesField = field("Class names (press Enter)", entered(rules.setClassNamesText), "se-grow");
  const message = element(`<div class="se-alert warning" role="alert" hidden></div>`);

  /** A number field for a parameter with bounds (lr, steps), as Panel's FloatInput and IntInput: a value outside
   * the bounds is clamped to them, text that is no number puts the field back. */
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
  const runButton = button("▶ Run steps", "Take the given number of gradient steps, animated (key n)", startRun, "primary");
  const gradientRow = row("se-buttons se-gradient-row", lrField.wrap,
    button("Gradient step", "z ← z − lr · ∂L/∂z (key g)", actions.step), stepsField.wrap, runButton);
  // The loss choice, as Panel's RadioButtonGroup: one pressed button of three.
  const lossButtons = Object.entries(spec.objectives).map(([name, label]) => Object.assign(
    button(label, "The loss the gradient, the curve and the steps use; both shows them side by side (key e)",
      () => apply({ objective: name })), { value: name }));
  const lossRow = row("se-buttons se-loss-choice", ...lossButtons);
  lossRow.setAttribute("role", "group");
  lossRow.setAttribute("aria-label", spec.params.objective.label);
  const classesRow = row("se-buttons se-classes-row", namesField.wrap,
    button("+ class", "Add a class", () => act(rules.addClass)),
    button("− class", "Remove the last class", () => act(rules.removeClass)));

  const predictFirst = element(`<label class="se-check"><input type="checkbox"><span></span></label>`);
  predictFirst.querySelector("span").textContent = spec.params.predict_first.label;
  const predictBox = predictFirst.querySelector("input");
  predictBox.addEventListener("change", () => apply({ predict_first: predictBox.checked }));
  const load = (name) => () => { stop(); act(rules.preset, name); };
  const warmups = [
    element("<h3 class='se-heading'>Warm-up situations</h3>"),
    row("se-buttons", ...spec.presets.map((p) => button(p.label, `Load: ${p.label.toLowerCase()}`, load(p.name)))),
    row("se-buttons", ...spec.challenges.map((c) => button(c.label,
      "Move the sliders until every probability is within 0.01 of its goal", load(c.name), "light")),
    button(spec.largest.label, `Make the true class's probability at least ${formatShort(spec.largest.at_least)} with ` +
      `every logit within ±${formatShort(spec.largest.bound)}: what must the other logits do?`, load(spec.largest.name),
    "light")),
    predictFirst,
  ];

  // --- the page --------------------------------------------------------------------------------------------------
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
  const tools = row("se-left", section("entry", logitsField.wrap), message, section("classes", classesRow),
    section("gradient", lossRow, gradientRow), section("presets", ...warmups));
  const details = row("se-right se-details", section("steps", steps), section("gradient", gradient), section("curve", curve));
  const explorer = row("softmax-explorer", row("se-band", controls, row("se-right", bars, largest)), row("se-band", tools, details));
  const main = row("se-main", warning, note, explorer);
  root.append(top, main);

  /** Show the state in the controls made here (the components refresh themselves), as Python sets its widgets. */
  function refresh() {
    logitsField.input.value = formatLogits(state.logits);
    namesField.input.value = state.class_names.join(", ");
    lrField.input.value = formatShort(state.lr);
    stepsField.input.value = String(state.steps);
    message.hidden = !state.message;
    message.textContent = state.message;
    reveal.hidden = !state.concealed;
    runButton.textContent = state.running ? "■ Stop" : "▶ Run steps";
    predictBox.checked = state.predict_first;
    for (const b of lossButtons) {
      b.setAttribute("aria-pressed", String(b.value === state.objective));
      b.classList.toggle("primary", b.value === state.objective);
    }
    for (const s of sections) s.hidden = state.hide.includes(s.dataset.section);
    const check = state.largest && !state.concealed ? rules.largestCheck(spec, state) : null;
    largest.hidden = !check;
    if (check) {
      largest.querySelector("p").textContent = check.status;
      Object.assign(largest.querySelector("div"), { textContent: check.explanation, hidden: !check.met });
    }
  }
  refresh();
  scheduleAddress();
  return { get state() { return state; }, page, apply };
}
