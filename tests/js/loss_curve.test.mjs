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
