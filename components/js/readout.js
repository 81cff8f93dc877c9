// The numbers behind the bars, step by step, as an HTML table beside the formula (MathML: no CDN, no font
// download). Each numeric cell carries its full-precision value in data-value, which the browser tests compare
// with models/softmax.py.

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

function cell(value, text, cls = "") {
  return `<td class="num ${cls}" data-value="${value}">${text}</td>`;
}

export function render({ model, el }) {
  const root = document.createElement("section");
  root.className = "readout";
  root.setAttribute("aria-label", "The numbers, step by step");
  el.append(root);

  function draw() {
    const s = softmaxSteps(model.logits, model.target, model.temperature);
    const hide = model.concealed;
    const scaled = s.temperature !== 1;
    const zt = scaled ? "z / T" : "z";
    const q = (v) => (hide ? "?" : formatNumber(v));
    const rows = s.logits.map((z, i) => {
      const name = escapeHtml(className(model.class_names, i));
      const isTarget = i === s.target;
      return `<tr data-class="${i}" class="${isTarget ? "is-target" : ""}" style="--class-color:${classColor(i)}">
        <th scope="row"><span class="swatch"></span>${name}${isTarget ? " (true)" : ""}</th>
        ${cell(z, formatLogit(z), "logit")}
        ${scaled ? cell(z / s.temperature, formatNumber(z / s.temperature), "scaled") : ""}
        ${cell(s.shifted[i], formatNumber(s.shifted[i]), "shifted")}
        ${cell(Math.exp(z / s.temperature), formatExp(z / s.temperature), "exp")}
        ${cell(s.expShifted[i], formatNumber(s.expShifted[i], 4), "exp-shifted")}
        ${cell(hide ? "" : s.probabilities[i], hide ? "?" : s.probabilities[i].toFixed(3), "probability")}
        ${cell(hide ? "" : -s.logProbabilities[i], q(-s.logProbabilities[i]), "neg-log-p")}
      </tr>`;
    }).join("");
    const predicted = escapeHtml(className(model.class_names, s.predicted));
    const truth = escapeHtml(className(model.class_names, s.target));
    const total = s.probabilities.reduce((a, b) => a + b, 0);
    const accuracy = hide ? "?" : s.correct ? "1" : "0";
    root.classList.toggle("concealed", hide);
    root.innerHTML = `
      <div class="formula">${FORMULA}</div>
      <table class="steps">
        <caption>softmax and cross-entropy, step by step (m = max z = ${formatLogit(s.top)})</caption>
        <thead><tr><th scope="col">class</th><th scope="col">z</th>
          ${scaled ? `<th scope="col">z / T</th>` : ""}
          <th scope="col">(z − m) / T</th><th scope="col">exp(${zt})</th><th scope="col">exp((z − m) / T)</th>
          <th scope="col">p</th><th scope="col">−log p</th></tr></thead>
        <tbody>${rows}</tbody>
        <tfoot><tr><th scope="row">sum</th><td></td>${scaled ? "<td></td>" : ""}<td></td><td></td>
          ${cell(s.sum, formatNumber(s.sum, 4), "sum")}${cell(hide ? "" : total, q(total), "probability-sum")}<td></td></tr></tfoot>
      </table>
      <p class="loss-line">Loss for the true class <b>${truth}</b>:
        L = −log p<sub>${truth}</sub> = <output class="loss" data-value="${hide ? "" : s.loss}">${q(s.loss)}</output></p>
      <p class="accuracy-line">Prediction (highest p): <b class="predicted">${hide ? "?" : predicted}</b>;
        true class: <b>${truth}</b>; accuracy
        <output class="accuracy" data-value="${hide ? "" : Number(s.correct)}">${accuracy}</output>
        ${hide ? "" : s.correct ? "✓" : "✗"}</p>
      <p class="overflow-note">No overflow: exp is only taken of (z − m) / T ≤ 0, so every term is between 0 and 1,
        however large z is; the exp(${zt}) column is computed from logarithms, for comparison.</p>`;
  }

  model.on(["logits", "target", "temperature", "class_names", "concealed"], draw);
  draw();
}
