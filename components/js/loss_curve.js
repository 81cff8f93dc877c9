// The cross-entropy L(z_y) as the true class's logit z_y varies with the other logits held, and p(true class)
// beside it; the current point is marked. With two classes, p = sigmoid(z_1 - z_0), which the caption shows.
// The explorer's objective chooses the loss: cross-entropy, squared error (on the left axis instead), or both
// (squared error on the right axis, which it shares with p: it is at most 2 / K): where the prediction is
// confidently wrong, cross-entropy falls in a straight line and squared error lies flat.

import { liveValues } from "./lib/channel.js";
import { className } from "./lib/classes.js";
import { formatShort, formatNumber } from "./lib/format.js";
import { escapeHtml } from "./lib/html.js";
import { niceStep, svg } from "./lib/plot.js";
import { lossAlong, softmaxSteps, squaredAlong } from "./lib/softmax.js";

const W = 480, H = 220, PAD = { left: 46, right: 46, top: 12, bottom: 36 };
const TICKS = 5; // about as many steps on the loss axis

function path(xs, ys, sx, sy) {
  return xs.map((x, i) => `${i ? "L" : "M"}${sx(x).toFixed(1)},${sy(ys[i]).toFixed(1)}`).join("");
}

export function render({ model, el }) {
  // What it draws: Python's values, or newer ones from the sliders (./lib/channel.js), kept here, not in the model.
  const live = liveValues(model, draw);
  const root = document.createElement("figure");
  root.className = "loss-curve";
  root.innerHTML = `<figcaption></figcaption>
    <svg viewBox="0 0 ${W} ${H}" role="img"><g class="axes"></g><path class="p-curve"/><path class="se-path"/>
      <path class="loss-path"/><circle class="current-se" r="6"/><text class="current-se-label"></text>
      <circle class="current" r="6"/><text class="current-label"></text></svg>
    <p class="sigmoid-note" hidden></p>`;
  el.append(root);
  const [caption, plot, note] = [root.querySelector("figcaption"), root.querySelector("svg"), root.querySelector("p")];
  const [axes, pCurve, lossPath, point, label] = ["g.axes", ".p-curve", ".loss-path", "circle.current", ".current-label"]
    .map((sel) => plot.querySelector(sel));
  const [sePath, sePoint, seLabel] = [".se-path", "circle.current-se", ".current-se-label"].map((sel) => plot.querySelector(sel));
  let windowKey = "";

  function drawAxes(x0, x1, top, step, sx, sy, sp, name, objective) {
    axes.replaceChildren();
    for (let i = 0; i * step <= top * (1 + 1e-9); i++) {
      const v = i * step;
      axes.append(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: sy(v), y2: sy(v), class: "grid" }));
      axes.append(svg("text", { x: PAD.left - 6, y: sy(v) + 4, class: "tick left" }, formatShort(v)));
    }
    for (const p of [0, 0.5, 1]) axes.append(svg("text", { x: W - PAD.right + 6, y: sp(p) + 4, class: "tick right" }, p.toFixed(1)));
    const xStep = Math.max(1, Math.round((x1 - x0) / 8));
    for (let x = Math.ceil(x0 / xStep) * xStep; x <= x1; x += xStep) {
      axes.append(svg("text", { x: sx(x), y: H - PAD.bottom + 16, class: "tick bottom" }, String(x)));
    }
    axes.append(svg("text", { x: (PAD.left + W - PAD.right) / 2, y: H - 4, class: "axis-label" }, `z of ${name}`));
    axes.append(svg("text", { x: 4, y: PAD.top + 10, class: "axis-label loss-label" },
      objective === "squared_error" ? "SE" : objective === "both" ? "CE" : "L"));
    axes.append(svg("text", { x: W - 4, y: PAD.top + 10, class: "axis-label p-label" }, objective === "both" ? "p, SE" : "p"));
  }

  function draw() {
    const s = softmaxSteps(live.logits, live.target, live.temperature);
    const y = s.target;
    const name = className(model.class_names, y);
    const zy = s.logits[y];
    const others = s.logits.filter((_, i) => i !== y);
    // A window centred on the other logits, wide enough for the current point; rounded so that it (and its
    // axes) stay put while a slider moves.
    const centre = Math.round(Math.max(...others));
    const half = 4 * Math.ceil(Math.max(8, Math.abs(zy - centre) + 2) * Math.max(1, s.temperature) / 4);
    const x0 = centre - half, x1 = centre + half;
    const xs = Array.from({ length: 161 }, (_, i) => x0 + ((x1 - x0) * i) / 160);
    const objective = model.objective ?? "cross_entropy";
    const squared = objective === "cross_entropy" ? null : squaredAlong(s.logits, y, s.temperature, xs);
    const ce = lossAlong(s.logits, y, s.temperature, xs);
    const onlySquared = objective === "squared_error";
    const losses = onlySquared ? squared : ce;
    const loss = onlySquared ? s.squaredError : s.loss;
    // The loss axis follows the data: it reaches the highest loss in the window (at its left end, as L falls
    // while z_y grows), so no part of the curve is cut and nothing looks flat that is not.
    const step = niceStep(Math.max(...losses), TICKS);
    const top = step * Math.ceil(Math.max(...losses) / step);
    const sx = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
    const sy = (v) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
    const sp = (p) => PAD.top + (1 - p) * (H - PAD.top - PAD.bottom);
    const key = `${x0} ${x1} ${top} ${name} ${objective}`;
    if (key !== windowKey) {
      drawAxes(x0, x1, top, step, sx, sy, sp, name, objective);
      windowKey = key;
    }
    const zName = `z<sub>${escapeHtml(name)}</sub>`;
    caption.innerHTML = {
      cross_entropy: `Loss as ${zName} varies, the other logits held`,
      squared_error: `Squared error as ${zName} varies, the other logits held`,
      both: `Cross-entropy (left axis) and <span class="se-key">squared error</span> (right axis) as ${zName} varies`,
    }[objective] ?? "";
    const what = onlySquared ? "Squared error" : "Cross-entropy";
    const now = model.concealed ? "hidden" : formatNumber(loss);
    plot.setAttribute("aria-label", `${what} against the logit of ${name}; now z = ${formatShort(zy)}, L = ${now}` +
      (objective === "both" ? `, squared error ${model.concealed ? "hidden" : formatNumber(s.squaredError)}` : ""));
    pCurve.setAttribute("d", path(xs, ce.map((l) => Math.exp(-l)), sx, sp));
    lossPath.setAttribute("d", path(xs, losses, sx, sy));
    sePath.setAttribute("d", objective === "both" ? path(xs, squared, sx, sp) : "");
    // Concealed, the curves go too: read at the current z, they would give the hidden loss and p away.
    point.style.display = label.style.display = pCurve.style.display = lossPath.style.display =
      model.concealed ? "none" : "";
    sePath.style.display = sePoint.style.display = seLabel.style.display =
      model.concealed || objective !== "both" ? "none" : "";
    point.setAttribute("cx", sx(zy));
    point.setAttribute("cy", sy(loss));
    point.dataset.z = String(zy);
    point.dataset.loss = String(loss);
    label.setAttribute("x", sx(zy) + 9);
    label.setAttribute("y", sy(loss) - 8);
    label.textContent = `${{ cross_entropy: "L", squared_error: "SE", both: "CE" }[objective] ?? "L"} = ${formatNumber(loss)}`;
    sePoint.setAttribute("cx", sx(zy));
    sePoint.setAttribute("cy", sp(s.squaredError));
    sePoint.dataset.loss = String(s.squaredError);
    // Below its point: the cross-entropy's label is above its own, often at the same height.
    seLabel.setAttribute("x", sx(zy) + 9);
    seLabel.setAttribute("y", sp(s.squaredError) + 22);
    seLabel.textContent = `SE = ${formatNumber(s.squaredError)}`;
    root.classList.toggle("concealed", model.concealed);
    note.hidden = s.logits.length !== 2;
    if (note.hidden) return;
    const other = 1 - y;
    const d = (s.logits[y] - s.logits[other]) / s.temperature;
    const sigmoid = 1 / (1 + Math.exp(-d));
    const [a, b] = [name, className(model.class_names, other)].map(escapeHtml);
    note.innerHTML = `Two classes: p<sub>${a}</sub> = σ((z<sub>${a}</sub> − z<sub>${b}</sub>) / T) = σ(${formatNumber(d)})
      = <output class="sigmoid" data-value="${model.concealed ? "" : sigmoid}">${model.concealed ? "?" : sigmoid.toFixed(3)}</output>,
      the same as softmax: <output class="softmax-p">${model.concealed ? "?" : s.probabilities[y].toFixed(3)}</output>.`;
  }

  model.on(["class_names", "concealed", "objective"], draw);
  draw();
}
