import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel, press } from "./dom.mjs";
import { render } from "../../components/js/shortcuts.js";

function shortcuts() {
  const model = fakeModel({ keys: [["space", "play or pause", "toggle"], ["s", "one <epoch>", "step"], ["g", "listed only", ""]] });
  const el = container();
  render({ model, el });
  return { model, el };
}

test("a shortcut key sends its action", () => {
  const { model } = shortcuts();
  press(document.body, "s");
  const space = press(document.body, " ");
  assert.deepEqual(model.sent, [{ action: "step" }, { action: "toggle" }]);
  assert.equal(space.defaultPrevented, true);  // the page does not scroll
});

test("keys without an action, with Ctrl held, or typed in a field send nothing", () => {
  const { model } = shortcuts();
  const field = document.createElement("textarea");
  document.body.append(field);
  press(document.body, "g");
  press(document.body, "s", { ctrlKey: true });
  press(field, "s");
  assert.deepEqual(model.sent, []);
});

test("space on a focused button presses the button, not the shortcut", () => {
  const { model } = shortcuts();
  const button = document.createElement("button");
  document.body.append(button);
  press(button, " ");
  assert.deepEqual(model.sent, []);
});

test("a hidden tab's shortcuts do not act", () => {
  const { model, el } = shortcuts();
  el.hidden = true;
  press(document.body, "s");
  assert.deepEqual(model.sent, []);
});

test("'?' opens the list, which names every key, escaped", () => {
  const { el } = shortcuts();
  press(document.body, "?");
  const help = el.querySelector(".shortcut-help");
  assert.equal(help.dataset.open, "open");
  assert.deepEqual([...help.querySelectorAll("kbd")].map((k) => k.textContent), ["space", "s", "g", "?"]);
  assert.match(help.innerHTML, /one &lt;epoch&gt;/);
});
