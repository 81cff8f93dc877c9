// The cross-entropy L(z_y) as the true class's logit z_y varies with the other logits held, and p(true class)
// beside it; the current point is marked. With two classes, p = sigmoid(z_1 - z_0), which the caption shows.

const NS = "http://www.w3.org/2000/svg";
const W = 480, H = 220, PAD = { left: 46, right: 46, top: 12, bottom: 36 };

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}

function path(xs, ys, sx, sy) {
  return xs.map((x, i) => `${i ? "L" : "M"}${sx(x).toFixed(1)},${sy(ys[i]).toFixed(1)}`).join("");
}

export function render({ model, el }) {
  const root = document.createElement("figure");
  root.className = "loss-curve";
  const caption = document.createElement("figcaption");
  const plot = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img" });
  const note = document.createElement("p");
  note.className = "sigmoid-note";
  root.append(caption, plot, note);
  el.append(root);

  function draw() {
    const s = softmaxSteps(model.logits, model.target, model.temperature);
    const y = s.target;
    const name = className(model.class_names, y);
    const zy = s.logits[y];
    const others = s.logits.filter((_, i) => i !== y);
    // Centre the window on the other logits, wide enough to hold the current point.
    const centre = others.length ? Math.max(...others) : 0;
    const half = Math.max(8, Math.abs(zy - centre) + 2) * Math.max(1, s.temperature);
    const x0 = centre - half, x1 = centre + half;
    const xs = Array.from({ length: 161 }, (_, i) => x0 + ((x1 - x0) * i) / 160);
    const losses = lossAlong(s.logits, y, s.temperature, xs);
    const top = Math.max(1, Math.min(Math.max(...losses), Math.max(8, s.loss * 1.1)));
    const sx = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
    const sy = (v) => PAD.top + (1 - Math.min(v, top) / top) * (H - PAD.top - PAD.bottom);
    const sp = (p) => PAD.top + (1 - p) * (H - PAD.top - PAD.bottom);
    const probs = losses.map((l) => Math.exp(-l));
    caption.innerHTML = `Loss as z<sub>${escapeHtml(name)}</sub> varies, the other logits held`;
    plot.setAttribute("aria-label",
      `Cross-entropy against the logit of ${name}; now z = ${formatLogit(zy)}, L = ${model.concealed ? "hidden" : s.loss.toFixed(3)}`);
    plot.replaceChildren();
    const yTicks = [0, top / 2, top];
    for (const v of yTicks) {
      plot.append(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: sy(v), y2: sy(v), class: "grid" }));
      plot.append(svg("text", { x: PAD.left - 6, y: sy(v) + 4, class: "tick left" }, v.toFixed(1)));
    }
    for (const p of [0, 0.5, 1]) plot.append(svg("text", { x: W - PAD.right + 6, y: sp(p) + 4, class: "tick right" }, p.toFixed(1)));
    const step = Math.max(1, Math.round((x1 - x0) / 8));
    for (let x = Math.ceil(x0 / step) * step; x <= x1; x += step) {
      plot.append(svg("text", { x: sx(x), y: H - PAD.bottom + 16, class: "tick bottom" }, String(x)));
    }
    plot.append(svg("text", { x: (PAD.left + W - PAD.right) / 2, y: H - 4, class: "axis-label" }, `z of ${name}`));
    plot.append(svg("text", { x: 4, y: PAD.top + 10, class: "axis-label loss-label" }, "L"));
    plot.append(svg("text", { x: W - 4, y: PAD.top + 10, class: "axis-label p-label" }, "p"));
    plot.append(svg("path", { d: path(xs, probs, sx, sp), class: "p-curve" }));
    plot.append(svg("path", { d: path(xs, losses, sx, sy), class: "loss-path" }));
    if (!model.concealed) {
      const point = svg("circle", { cx: sx(zy), cy: sy(s.loss), r: 6, class: "current" });
      point.dataset.z = String(zy);
      point.dataset.loss = String(s.loss);
      plot.append(point);
      plot.append(svg("text", { x: sx(zy) + 9, y: sy(s.loss) - 8, class: "current-label" }, `L = ${s.loss.toFixed(3)}`));
    }
    root.classList.toggle("concealed", model.concealed);
    if (s.logits.length === 2) {
      const other = 1 - y;
      const d = s.logits[y] - s.logits[other];
      const p = s.probabilities[y];
      note.hidden = false;
      note.innerHTML = `Two classes: p<sub>${escapeHtml(name)}</sub> = σ((z<sub>${escapeHtml(name)}</sub> − z<sub>${escapeHtml(className(model.class_names, other))}</sub>) / T)
        = σ(${formatNumber(d / s.temperature)}) = <output class="sigmoid" data-value="${model.concealed ? "" : 1 / (1 + Math.exp(-d / s.temperature))}">${model.concealed ? "?" : (1 / (1 + Math.exp(-d / s.temperature))).toFixed(3)}</output>,
        the same as softmax: ${model.concealed ? "?" : p.toFixed(3)}.`;
    } else {
      note.hidden = true;
      note.textContent = "";
    }
  }

  model.on(["logits", "target", "temperature", "class_names", "concealed"], draw);
  draw();
}
