// dL/dz = (p - onehot(y)) / T as bars around zero, coloured by sign. Gradient descent moves each logit against
// its bar: the true class's logit (negative gradient) goes up, every other logit goes down.

const SIGN = { positive: "#D55E00", negative: "#0072B2" };

export function render({ model, el }) {
  const root = document.createElement("figure");
  root.className = "gradient-bars";
  root.innerHTML = `<figcaption>Gradient ∂L/∂z = (p − y) / T
      <span class="legend"><span class="neg">■</span> negative: a step raises z
      <span class="pos">■</span> positive: a step lowers z</span></figcaption>
    <div class="rows" role="list"></div>`;
  root.style.setProperty("--positive", SIGN.positive);
  root.style.setProperty("--negative", SIGN.negative);
  el.append(root);
  const rows = root.querySelector(".rows");

  function draw() {
    const s = softmaxSteps(model.logits, model.target, model.temperature);
    const scale = Math.max(1e-12, ...s.gradient.map(Math.abs));
    root.classList.toggle("concealed", model.concealed);
    rows.replaceChildren(...s.gradient.map((g, i) => {
      const name = className(model.class_names, i);
      const row = document.createElement("div");
      row.className = `grad-row ${g < 0 ? "negative" : "positive"}`;
      row.setAttribute("role", "listitem");
      row.dataset.class = i;
      row.dataset.gradient = String(g);
      const shown = model.concealed ? "?" : (g >= 0 ? "+" : "−") + Math.abs(g).toFixed(3);
      row.setAttribute("aria-label", `dL/dz for ${name}: ${shown}`);
      // Bars are scaled to the largest |gradient| so that small gradients near convergence stay readable.
      const width = model.concealed ? 0 : (50 * Math.abs(g)) / scale;
      row.innerHTML = `<span class="name" style="--class-color:${classColor(i)}">${escapeHtml(name)}</span>
        <div class="axis"><div class="fill" style="width:${width}%;${g < 0 ? `right:50%` : `left:50%`}"></div></div>
        <span class="value">${shown}</span>`;
      return row;
    }));
  }

  model.on(["logits", "target", "temperature", "class_names", "concealed"], draw);
  draw();
}
