import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/readout.js";
import { softmaxSteps } from "../../components/js/lib/softmax.js";

function readout(extra = {}) {
  const model = fakeModel({ logits: [1, 2, -1], target: 0, temperature: 1, class_names: [], concealed: false, ...extra });
  const el = container();
  render({ model, el });
  const column = (name) => [...el.querySelectorAll(`tbody td.${name}`)];
  return { model, el, column };
}

test("each row holds its class's numbers at full precision", () => {
  const { model, column } = readout();
  const s = softmaxSteps(model.logits, 0, 1);
  assert.deepEqual(column("probability").map((td) => Number(td.dataset.value)), s.probabilities);
  assert.deepEqual(column("neg-log-p").map((td) => Number(td.dataset.value)), s.logProbabilities.map((v) => -v));
  assert.deepEqual(column("shifted").map((td) => td.textContent), ["-1.000", "0.000", "-3.000"]);
});

test("the loss line shows the true class's loss", () => {
  const { model, el } = readout();
  assert.equal(Number(el.querySelector("output.loss").dataset.value), softmaxSteps(model.logits, 0, 1).loss);
  assert.equal(el.querySelector(".predicted").textContent, "class 1");
  assert.equal(el.querySelector(".verdict").textContent, "✗");
});

test("the z / T column appears only when T is not 1", () => {
  const { model, column } = readout();
  assert.equal(column("scaled").length, 0);
  model.set("temperature", 0.5);
  assert.deepEqual(column("scaled").map((td) => td.textContent), ["2.000", "4.000", "-2.000"]);
});

test("exp(z / T) of a logit of 1000 is written as a power of ten, not Infinity", () => {
  const { column } = readout({ logits: [1000, -1000, 0] });
  assert.equal(column("exp")[0].innerHTML, "1.97 × 10<sup>434</sup>");
  assert.equal(column("exp")[1].innerHTML, "5.08 × 10<sup>-435</sup>");
});

test("concealed, the probabilities, exponentials and loss show '?'", () => {
  const { el, column } = readout({ concealed: true });
  for (const name of ["exp", "exp-shifted", "probability", "neg-log-p"]) {
    assert.ok(column(name).every((td) => td.textContent === "?"), name);
  }
  assert.equal(el.querySelector("output.loss").textContent, "?");
  assert.equal(column("logit")[0].textContent, "1");
});

test("a tie for the highest p says so, and that argmax takes the first of the tied classes", () => {
  const { model, el } = readout({ logits: [1.5, 1.5, 1.5], target: 1, class_names: ["low", "medium", "high"] });
  assert.equal(el.querySelector(".predicted").textContent, "low");
  assert.equal(el.querySelector(".tie").textContent,
    " (a 3-way tie of low, medium and high: argmax, as torch.argmax does, takes the first of them, so the accuracy is 0)");
  assert.equal(el.querySelector("output.accuracy").textContent, "0");
  model.set("target", 0);
  assert.match(el.querySelector(".tie").textContent, /so the accuracy is 1\)$/);
  model.set("logits", [2, 0.5, 2]);
  assert.match(el.querySelector(".tie").textContent, /^ \(a 2-way tie of low and high: /);
  model.set("logits", [1.5, 1.5000001, 1.5]);
  assert.equal(el.querySelector(".tie").textContent, "");
  assert.equal(el.querySelector(".predicted").textContent, "medium");
});

test("concealed, a tie is not told either", () => {
  const { el } = readout({ logits: [1.5, 1.5, 1.5], concealed: true });
  assert.equal(el.querySelector(".tie").textContent, "");
});

test("the table shows a long class name whole, and markup in a name as text", () => {
  const names = ["a_class_name_of_24_chars", "<b>bold</b> & co", "c"];
  const { el } = readout({ class_names: names, target: 2 });
  const shown = [...el.querySelectorAll("tbody .row-name")].map((n) => n.textContent);
  assert.deepEqual(shown, [names[0], names[1], "c (true)"]);
  assert.equal(el.querySelector("tbody b"), null);
});

test("logits are written without floating-point noise, and kept whole in data-value", () => {
  const { column } = readout({ logits: [0.9, 1.8, -0.6 + 0.5] });
  assert.deepEqual(column("logit").map((td) => td.textContent), ["0.9", "1.8", "-0.1"]);
  assert.equal(Number(column("logit")[2].dataset.value), -0.09999999999999998);
});

test("the squared error is always in the numbers; comparing, both gradients join the table", () => {
  const { model, el, column } = readout({ logits: [8, 0, 0], target: 2 });
  const s = softmaxSteps(model.logits, 2, 1);
  assert.equal(Number(el.querySelector("output.squared-error").dataset.value), s.squaredError);
  assert.equal(column("grad-se").length, 0);
  model.set("objective", "both");
  assert.deepEqual(column("grad-ce").map((td) => Number(td.dataset.value)), s.gradient);
  assert.deepEqual(column("grad-se").map((td) => Number(td.dataset.value)), s.squaredGradient);
  assert.match(el.querySelector(".formula").textContent, /SE/);
  model.set("concealed", true);
  assert.equal(el.querySelector("output.squared-error").textContent, "?");
  assert.ok(column("grad-se").every((td) => td.textContent === "?"));
});
