import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/temperature_slider.js";

test("the slider holds log10 T and shows T", () => {
  const model = fakeModel({ temperature: 2 });
  const el = container();
  render({ model, el });
  assert.ok(Math.abs(Number(el.querySelector("input").value) - Math.log10(2)) < 0.005);
  assert.equal(el.querySelector("output").textContent, "T = 2.00");
});

test("moving the slider sets T to three significant digits", () => {
  const model = fakeModel({ temperature: 1 });
  const el = container();
  render({ model, el });
  const input = el.querySelector("input");
  input.value = "-0.5";
  input.dispatchEvent(new Event("input"));
  assert.equal(model.temperature, 0.316);
});
