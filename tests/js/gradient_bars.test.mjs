import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/gradient_bars.js";
import { softmaxSteps } from "../../components/js/lib/softmax.js";

test("one bar per class at (p - y) / T: negative for the true class, positive for the others", () => {
  const model = fakeModel({ logits: [1, 2, -1], target: 2, temperature: 0.5, class_names: ["a", "b", "c"], concealed: false });
  const el = container();
  render({ model, el });
  const rows = [...el.querySelectorAll(".grad-row")];
  assert.deepEqual(rows.map((r) => Number(r.dataset.gradient)), softmaxSteps(model.logits, 2, 0.5).gradient);
  assert.deepEqual(rows.map((r) => r.classList.contains("negative")), [false, false, true]);
  assert.match(rows[2].querySelector(".value").textContent, /^−\d\.\d{3}$/);
  assert.equal(rows[0].querySelector(".name").textContent, "a");
});

test("concealed, the gradient is hidden", () => {
  const model = fakeModel({ logits: [1, 2], target: 0, temperature: 1, class_names: [], concealed: true });
  const el = container();
  render({ model, el });
  const rows = [...el.querySelectorAll(".grad-row")];
  assert.ok(rows.every((r) => r.querySelector(".value").textContent === "?" && r.querySelector(".fill").style.width === "0%"));
});

test("each name is whole in its title, where the row cuts it", () => {
  const model = fakeModel({ logits: [1, 2], target: 0, temperature: 1, class_names: ["a_class_name_of_24_chars", "b"],
    concealed: false });
  const el = container();
  render({ model, el });
  assert.equal(el.querySelector(".grad-row .name").title, "a_class_name_of_24_chars");
});

test("squared error: one bar per class at Python's squared-error gradient", () => {
  const model = fakeModel({ logits: [8, 0, 0], target: 2, temperature: 1, class_names: ["a", "b", "c"], concealed: false,
    objective: "squared_error" });
  const el = container();
  render({ model, el });
  const rows = [...el.querySelectorAll(".grad-row")];
  assert.deepEqual(rows.map((r) => Number(r.dataset.gradient)), softmaxSteps(model.logits, 2, 1).squaredGradient);
  assert.ok(rows.every((r) => r.dataset.loss === "squared_error"));
  assert.match(el.querySelector("figcaption").textContent, /squared error/);
});

test("both: a pair of bars a class on one scale, the vanishing squared-error one beside cross-entropy's", () => {
  const model = fakeModel({ logits: [8, 0, 0], target: 2, temperature: 1, class_names: ["a", "b", "c"], concealed: false,
    objective: "both" });
  const el = container();
  render({ model, el });
  const rows = [...el.querySelectorAll(".grad-row")];
  assert.deepEqual(rows.map((r) => [r.dataset.class, r.dataset.loss]),
    [0, 1, 2].flatMap((i) => [[String(i), "cross_entropy"], [String(i), "squared_error"]]));
  const width = (i, loss) => parseFloat(el.querySelector(`.grad-row[data-class="${i}"][data-loss="${loss}"] .fill`).style.width);
  assert.ok(width(2, "cross_entropy") > 49);
  assert.ok(width(2, "squared_error") < 0.1);
  assert.equal(rows[4].querySelector(".name").textContent, "c · CE");
});

test("a gradient too small for three decimals is written with three significant digits, not as 0.000", () => {
  // Near convergence the bars are scaled to the largest |gradient|: "+0.000" beside a half-length bar would mislead.
  const model = fakeModel({ logits: [-5, 5, -5], target: 1, temperature: 1, class_names: [], concealed: false });
  const el = container();
  render({ model, el });
  const texts = [...el.querySelectorAll(".grad-row .value")].map((v) => v.textContent);
  assert.deepEqual(texts, ["+0.0000454", "−0.0000908", "+0.0000454"]);
});
