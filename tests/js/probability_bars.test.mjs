import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/probability_bars.js";
import { softmaxSteps } from "../../components/js/lib/softmax.js";

const explorer = (extra = {}) => fakeModel({ logits: [1, 2, -1], target: 1, temperature: 1, class_names: ["a", "b", "c"],
  concealed: false, goal: [], ...extra });

function bars(model) {
  const el = container();
  render({ model, el });
  return () => [...el.querySelectorAll(".bar")];
}

test("one bar per class, each at its softmax probability, the true class marked", () => {
  const model = explorer();
  const shown = bars(model)();
  const p = softmaxSteps(model.logits, 1, 1).probabilities;
  assert.deepEqual(shown.map((b) => Number(b.dataset.probability)), p);
  assert.deepEqual(shown.map((b) => b.querySelector(".value").textContent), p.map((v) => v.toFixed(3)));
  assert.deepEqual(shown.map((b) => b.classList.contains("is-target")), [false, true, false]);
  assert.equal(shown[1].querySelector(".name").textContent, "b (true)");
});

test("the bars follow new logits, and a new number of classes rebuilds them", () => {
  const model = explorer();
  const shown = bars(model);
  model.set("logits", [0, 0, 0, 0]);
  assert.equal(shown().length, 4);
  assert.deepEqual(shown().map((b) => Number(b.dataset.probability)), [0.25, 0.25, 0.25, 0.25]);
});

test("away from T = 1 each bar shows its T = 1 probability as a ghost", () => {
  const model = explorer({ temperature: 2 });
  const ghosts = bars(model)().map((b) => b.querySelector(".ghost"));
  assert.ok(ghosts.every((g) => !g.hidden));
  assert.equal(ghosts[0].title, `at T = 1: ${softmaxSteps(model.logits, 1, 1).probabilities[0].toFixed(3)}`);
});

test("concealed, the bars give no probability away", () => {
  const shown = bars(explorer({ concealed: true }))();
  assert.ok(shown.every((b) => b.querySelector(".value").textContent === "?"));
  assert.ok(shown.every((b) => b.style.getPropertyValue("--p") === "0"));
});

test("a challenge is solved when every probability is within 0.01 of its goal", () => {
  const model = explorer({ logits: [0, 0], target: 0, class_names: [], goal: [0.5, 0.5] });
  const el = container();
  render({ model, el });
  assert.match(el.querySelector(".challenge").textContent, /Solved/);
  model.set("goal", [0.9, 0.1]);
  assert.match(el.querySelector(".challenge").textContent, /0 of 2 within 0.01/);
});

test("a name too long for its bar ends in an ellipsis and is whole in its title", () => {
  const name = "a_class_name_of_24_chars";
  const shown = bars(explorer({ class_names: [name, "<i>b</i>", "c"] }))();
  assert.equal(shown[0].querySelector(".name").title, name);
  assert.equal(shown[1].querySelector(".name").title, "<i>b</i> (true)");
  assert.equal(shown[1].querySelector(".name i"), null);
});

test("under the bars, the loss of the true class; concealed, a '?'", () => {
  const model = explorer();
  const el = container();
  render({ model, el });
  const loss = el.querySelector(".loss-summary output.loss");
  assert.equal(Number(loss.dataset.value), softmaxSteps(model.logits, 1, 1).loss);
  assert.equal(loss.textContent, softmaxSteps(model.logits, 1, 1).loss.toFixed(3));
  assert.equal(el.querySelector(".loss-summary .truth").textContent, "b");
  model.set("concealed", true);
  assert.equal(loss.textContent, "?");
  assert.equal(loss.dataset.value, "");
});

test("a challenge's goals are written without floating-point noise", () => {
  const model = explorer({ logits: [0, 0, 0], goal: [0.1 + 0.2, 0.2, 0.5] });
  const el = container();
  render({ model, el });
  assert.match(el.querySelector(".challenge").textContent, /^Goal 0\.3 \/ 0\.2 \/ 0\.5: /);
});
