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
