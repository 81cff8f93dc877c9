// The numbers behind the bars, step by step, as an HTML table beside the formula (MathML: no CDN, no font
// download). Each numeric cell carries its full-precision value in data-value, which the browser tests compare
// with models/softmax.py.

import { liveValues } from "./lib/channel.js";
import { classColor, className } from "./lib/classes.js";
import { formatExp, formatShort, formatNumber } from "./lib/format.js";
import { escapeHtml } from "./lib/html.js";
import { softmaxSteps } from "./lib/softmax.js";

const FORMULA = `
<math display="block" aria-label="p sub i equals e to the z i over T, over the sum over j of e to the z j over T">
  <msub><mi>p</mi><mi>i</mi></msub><mo>=</mo>
  <mfrac><msup><mi>e</mi><mrow><msub><mi>z</mi><mi>i</mi></msub><mo>/</mo><mi>T</mi></mrow></msup>
    <mrow><munder><mo>∑</mo><mi>j</mi></munder><msup><mi>e</mi><mrow><msub><mi>z</mi><mi>j</mi></msub><mo>/</mo><mi>T</mi></mrow></msup></mrow></mfrac>
  <mo>=</mo>
  <mfrac><msup><mi>e</mi><mrow><mo>(</mo><msub><mi>z</mi><mi>i</mi></msub><mo>−</mo><mi>m</mi><mo>)</mo><mo>/</mo><mi>T</mi></mrow></msup>
    <mrow><munder><mo>∑</mo><mi>j</mi></munder><msup><mi>e</mi><mrow><mo>(</mo><msub><mi>z</mi><mi>j</mi></msub><mo>−</mo><mi>m</mi><mo>)</mo><mo>/</mo><mi>T</mi></mrow></msup></mrow></mfrac>
  <mspace width="1em"/><mtext>with</mtext><mspace width="0.5em"/><mi>m</mi><mo>=</mo><mo>max</mo><msub><mi>z</mi><mi>j</mi></msub>
</math>
<math display="block" aria-label="L equals minus log p sub y">
  <mi>L</mi><mo>=</mo><mo>−</mo><mi>log</mi><msub><mi>p</mi><mi>y</mi></msub>
  <mspace width="2em"/>
  <mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><msub><mi>z</mi><mi>i</mi></msub></mrow></mfrac>
  <mo>=</mo><mfrac><mrow><msub><mi>p</mi><mi>i</mi></msub><mo>−</mo><msub><mi>y</mi><mi>i</mi></msub></mrow><mi>T</mi></mfrac>
</math>`;
// Squared error's formula, shown when the explorer compares it (objective squared_error or both).
const SQUARED = `
<math display="block" aria-label="squared error: L equals the mean over k of p k minus y k squared">
  <msub><mi>L</mi><mtext>SE</mtext></msub><mo>=</mo><mfrac><mn>1</mn><mi>K</mi></mfrac>
  <munder><mo>∑</mo><mi>k</mi></munder><msup><mrow><mo>(</mo><msub><mi>p</mi><mi>k</mi></msub><mo>−</mo><msub><mi>y</mi><mi>k</mi></msub><mo>)</mo></mrow><mn>2</mn></msup>
  <mspace width="2em"/>
  <mfrac><mrow><mo>∂</mo><msub><mi>L</mi><mtext>SE</mtext></msub></mrow><mrow><mo>∂</mo><msub><mi>z</mi><mi>i</mi></msub></mrow></mfrac>
  <mo>=</mo><mfrac><mrow><msub><mi>p</mi><mi>i</mi></msub><mo>(</mo><msub><mi>g</mi><mi>i</mi></msub><mo>−</mo><munder><mo>∑</mo><mi>k</mi></munder><msub><mi>p</mi><mi>k</mi></msub><msub><mi>g</mi><mi>k</mi></msub><mo>)</mo></mrow><mi>T</mi></mfrac>
  <mspace width="0.5em"/><mtext>with</mtext><mspace width="0.5em"/><msub><mi>g</mi><mi>k</mi></msub><mo>=</mo><mfrac><mrow><mn>2</mn><mo>(</mo><msub><mi>p</mi><mi>k</mi></msub><mo>−</mo><msub><mi>y</mi><mi>k</mi></msub><mo>)</mo></mrow><mi>K</mi></mfrac>
</math>`;

const COLUMNS = [
  // [class, header, value, text]; "scaled" appears only when T != 1, and "hidden" cells show "?" when concealed:
  // the exponentials too, since they and their sum give p at a glance.
  ["logit", "z", (s, i) => s.logits[i], (v) => formatShort(v)],
  ["scaled", "z / T", (s, i) => s.logits[i] / s.temperature, (v) => formatNumber(v)],
  ["shifted", "(z − m) / T", (s, i) => s.shifted[i], (v) => formatNumber(v)],
  ["exp", "exp(z / T)", (s, i) => Math.exp(s.logits[i] / s.temperature), (_, s, i) => formatExp(s.logits[i] / s.temperature), "hidden"],
  ["exp-shifted", "exp((z − m) / T)", (s, i) => s.expShifted[i], (v) => formatNumber(v, 4), "hidden"],
  ["probability", "p", (s, i) => s.probabilities[i], (v) => v.toFixed(3), "hidden"],
  ["neg-log-p", "−log p", (s, i) => -s.logProbabilities[i], (v) => formatNumber(v), "hidden"],
  // Both gradients, when the explorer compares the losses.
  ["grad-ce", "∂L<sub>CE</sub>/∂z", (s, i) => s.gradient[i], (v) => formatNumber(v), "hidden", "compare"],
  ["grad-se", "∂L<sub>SE</sub>/∂z", (s, i) => s.squaredGradient[i], (v) => formatNumber(v), "hidden", "compare"],
];

/** What a tie for the highest p means ("" without one): argmax takes the first of the tied classes, as
 * torch.argmax does, and the accuracy follows from that choice. */
function tieNote(s, names) {
  const best = s.probabilities[s.predicted];
  const tied = s.probabilities.flatMap((p, i) => (p === best ? [i] : [])).map((i) => className(names, i));
  if (tied.length < 2) return "";
  const list = `${tied.slice(0, -1).join(", ")} and ${tied.at(-1)}`;
  return ` (a ${tied.length}-way tie of ${list}: argmax, as torch.argmax does, takes the first of them, ` +
    `so the accuracy is ${Number(s.correct)})`;
}

export function render({ model, el }) {
  // What it draws: Python's values, or newer ones from the sliders (./lib/channel.js), kept here, not in the model.
  const live = liveValues(model, draw);
  const root = document.createElement("section");
  root.className = "readout";
  root.setAttribute("aria-label", "The numbers, step by step");
  el.append(root);
  let layout = "";
  let parts = null;

  // The table is built once per set of classes (and T = 1 or not), then only its numbers change.
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
        L = −log p<sub class="truth"></sub> = <output class="loss"></output></p>
      <p class="squared-line">Squared error (<code>nn.MSELoss()</code> on p against one-hot y):
        L<sub>SE</sub> = (1/K) Σ (p − y)² = <output class="squared-error"></output></p>
      <p class="accuracy-line">Prediction (highest p): <b class="predicted"></b><span class="tie"></span>;
        true class: <b class="truth"></b>; accuracy <output class="accuracy"></output> <span class="verdict"></span></p>
      <p class="overflow-note">No overflow: exp is only taken of (z − m) / T ≤ 0, so every term is between 0 and 1,
        however large z is; the exp(z / T) column is computed from logarithms, for comparison.</p>`;
    const q = (sel) => root.querySelector(sel);
    parts = {
      caption: q("caption"), rows: [...root.querySelectorAll("tbody tr")], sum: q("td.sum"),
      names: [...root.querySelectorAll("tbody .row-name")],
      total: q("td.probability-sum"), loss: q("output.loss"), squared: q("output.squared-error"), accuracy: q("output.accuracy"),
      predicted: q(".predicted"), tie: q(".tie"), truth: [...root.querySelectorAll(".truth")], verdict: q(".verdict"),
    };
  }

  function set(node, value, text) {
    node.dataset.value = value;
    // Only exp(z / T) carries markup (a power of ten); plain text is much cheaper to set while dragging.
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
    parts.verdict.textContent = hide ? "" : s.correct ? "✓" : "✗";
    parts.predicted.textContent = hide ? "?" : className(model.class_names, s.predicted);
    parts.tie.textContent = hide ? "" : tieNote(s, model.class_names);
    for (const node of parts.truth) node.textContent = className(model.class_names, s.target);
  }

  model.on(["class_names", "concealed", "objective"], draw);
  draw();
}
