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

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
function render({ model, el }) {
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
export {
  render
};
