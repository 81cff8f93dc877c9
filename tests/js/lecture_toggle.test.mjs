import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel, press } from "./dom.mjs";
import { render } from "../../components/js/lecture_toggle.js";

test("the switch and the key l turn lecture mode on and off, on the whole page", () => {
  const model = fakeModel({ present: false });
  const el = container();
  render({ model, el });
  const box = el.querySelector("input");
  box.checked = true;
  box.dispatchEvent(new Event("change"));
  assert.equal(model.present, true);
  model.emit("present");
  assert.equal(document.documentElement.classList.contains("se-present"), true);
  press(document.body, "l");
  assert.equal(model.present, false);
  model.emit("present");
  assert.equal(document.documentElement.classList.contains("se-present"), false);
  assert.equal(box.checked, false);
});

test("l typed into a text field is a letter, not the switch", () => {
  const model = fakeModel({ present: false });
  render({ model, el: container() });
  const field = document.createElement("input");
  document.body.append(field);
  press(field, "l");
  assert.equal(model.present, false);
});
