import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/loss_curve.js";
import { softmaxSteps } from "../../components/js/lib/softmax.js";

function curve(extra) {
  const model = fakeModel({ target: 0, temperature: 1, class_names: [], concealed: false, ...extra });
  const el = container();
  render({ model, el });
  return { model, el };
}

test("the current point sits at the true class's logit and loss", () => {
  const { model, el } = curve({ logits: [0.5, 2, -1] });
  const point = el.querySelector("circle.current");
  assert.equal(Number(point.dataset.z), 0.5);
  assert.equal(Number(point.dataset.loss), softmaxSteps(model.logits, 0, 1).loss);
  assert.match(el.querySelector("path.loss-path").getAttribute("d"), /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){160}$/);
});

test("with two classes the note gives p as a sigmoid of the logits' difference, equal to softmax", () => {
  const { model, el } = curve({ logits: [1.5, -0.5] });
  const note = el.querySelector(".sigmoid-note");
  assert.equal(note.hidden, false);
  const sigmoid = Number(note.querySelector("output.sigmoid").dataset.value);
  assert.ok(Math.abs(sigmoid - softmaxSteps(model.logits, 0, 1).probabilities[0]) < 1e-15);
  model.set("logits", [1, 2, 3]);
  assert.equal(note.hidden, true);
});

test("concealed, the curves and the point are hidden", () => {
  const { el } = curve({ logits: [1, 2], concealed: true });
  assert.equal(el.querySelector("circle.current").style.display, "none");
  assert.equal(el.querySelector("path.loss-path").style.display, "none");
  assert.match(el.querySelector("svg").getAttribute("aria-label"), /L = hidden/);
});

/** The y of each point of an SVG path "M x,y L x,y ...". */
const ys = (d) => [...d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));

for (const [logits, temperature] of [[[1, 2, -1], 1], [[0.5, 2, -1], 0.1], [[1000, -1000, 0], 1], [[3, 3], 10]]) {
  test(`the loss axis follows the data, so no part of the curve is cut flat (z = ${logits}, T = ${temperature})`, () => {
    const { el } = curve({ logits, temperature });
    const top = 12, bottom = 220 - 36; // the plot's edges (PAD)
    const path = ys(el.querySelector("path.loss-path").getAttribute("d"));
    assert.ok(path.every((y) => y >= top - 0.05 && y <= bottom + 0.05), "every point within the plot");
    assert.ok(path[0] < path[1], "the curve still rises at its left end");
    assert.ok(Math.min(...path) < top + (bottom - top) / 3, "and reaches the top third: the axis is not too tall");
    const ticks = [...el.querySelectorAll(".tick.left")];
    const grid = [...el.querySelectorAll("line.grid")].map((l) => Number(l.getAttribute("y1")));
    assert.equal(ticks[0].textContent, "0");
    assert.ok(Math.abs(Math.min(...grid) - top) < 1e-9, "the top tick at the top of the plot");
  });
}

test("squared error: the curve and the point are the squared error's", () => {
  const { model, el } = curve({ logits: [0.5, 2, -1], objective: "squared_error" });
  assert.equal(Number(el.querySelector("circle.current").dataset.loss), softmaxSteps(model.logits, 0, 1).squaredError);
  assert.equal(el.querySelector("circle.current-se").style.display, "none");
  assert.match(el.querySelector("figcaption").textContent, /^Squared error as z/);
});

test("both: cross-entropy on the left axis, squared error beside it on the right, each point marked", () => {
  const { model, el } = curve({ logits: [8, 0, 0], target: 2, objective: "both" });
  const s = softmaxSteps(model.logits, 2, 1);
  assert.equal(Number(el.querySelector("circle.current").dataset.loss), s.loss);
  assert.equal(Number(el.querySelector("circle.current-se").dataset.loss), s.squaredError);
  assert.match(el.querySelector("path.se-path").getAttribute("d"), /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){160}$/);
  model.set("objective", "cross_entropy");
  assert.equal(el.querySelector("path.se-path").style.display, "none");
});
