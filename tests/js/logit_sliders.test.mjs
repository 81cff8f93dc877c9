import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel, press } from "./dom.mjs";
import { render } from "../../components/js/logit_sliders.js";

function sliders(extra = {}) {
  const model = fakeModel({ logits: [1, 2, -1], target: 0, bound: 10, class_names: ["a", "b", "c"], ...extra });
  const el = container();
  render({ model, el });
  const rows = () => [...el.querySelectorAll(".slider-row")];
  return { model, el, rows };
}

test("one slider per class, at its logit, within the bound", () => {
  const { rows } = sliders();
  const inputs = rows().map((r) => r.querySelector("input.logit"));
  assert.deepEqual(inputs.map((s) => Number(s.value)), [1, 2, -1]);
  assert.deepEqual([inputs[0].min, inputs[0].max], ["-10", "10"]);
  assert.equal(rows()[0].querySelector("input.true-class").checked, true);
});

test("moving a slider sets that logit", () => {
  const { model, rows } = sliders();
  const slider = rows()[1].querySelector("input.logit");
  slider.value = "3.5";
  slider.dispatchEvent(new Event("input"));
  assert.deepEqual(model.logits, [1, 3.5, -1]);
  assert.equal(rows()[1].querySelector("output").textContent, "3.5");
});

test("keys pick a class, nudge its logit by 0.5 and make it the true class", () => {
  const { model } = sliders();
  press(document.body, "2");
  press(document.body, "+");
  assert.deepEqual(model.logits, [1, 2.5, -1]);
  press(document.body, "-");
  press(document.body, "-");
  assert.deepEqual(model.logits, [1, 1.5, -1]);
  press(document.body, "t");
  assert.equal(model.target, 1);
});

test("keys typed into a text field are left alone", () => {
  const { model } = sliders();
  const field = document.createElement("input");
  document.body.append(field);
  press(field, "3");
  press(field, "+");
  assert.deepEqual(model.logits, [1, 2, -1]);
});

test("a new set of classes rebuilds the sliders", () => {
  const { model, rows } = sliders();
  model.set("class_names", ["x", "y"]);
  model.set("logits", [0, 1]);
  assert.equal(rows().length, 2);
  assert.equal(rows()[0].querySelector("input.logit").getAttribute("aria-label"), "logit for x");
});

test("a logit is shown without floating-point noise, and each name is whole in its label's title", () => {
  const { model, rows } = sliders({ class_names: ["a_class_name_of_24_chars", "b", "c"] });
  model.set("logits", [0.9, 1.8, -0.6 + 0.5]);
  assert.equal(rows()[2].querySelector("output").textContent, "-0.1");
  assert.equal(rows()[2].querySelector("input.logit").getAttribute("aria-valuetext"), "-0.1");
  assert.equal(rows()[0].querySelector("label").title, "a_class_name_of_24_chars");
});

test("a drag reaches the views at every step and Python at most every SYNC_MS, its end at once", async () => {
  const { subscribe } = await import("../../components/js/lib/channel.js");
  const { SYNC_MS } = await import("../../components/js/logit_sliders.js");
  const { model, rows } = sliders({ channel: "drag-test" });
  const seen = [];
  subscribe("drag-test", (values) => seen.push(values.logits[0]));
  const synced = [];
  let logits = model.logits;
  Object.defineProperty(model, "logits", { get: () => logits, set: (z) => { logits = z; synced.push(z[0]); } });
  const slider = rows()[0].querySelector("input.logit");
  const steps = [1.1, 1.2, 1.3, 1.4, 1.5, 1.6];
  for (const v of steps) {  // six pointer moves within a few ms: one sync at once, the rest wait
    slider.value = String(v);
    slider.dispatchEvent(new Event("input"));
  }
  assert.deepEqual(seen, steps);
  assert.deepEqual(synced, [1.1]);
  await new Promise((resolve) => setTimeout(resolve, SYNC_MS + 30));
  assert.deepEqual(synced, [1.1, 1.6]);  // the latest, once SYNC_MS has passed
  slider.value = "2.5";
  slider.dispatchEvent(new Event("input"));
  slider.dispatchEvent(new Event("change"));  // let go
  assert.deepEqual(synced.at(-1), 2.5);
  assert.deepEqual(model.logits, [2.5, 2, -1]);
});
