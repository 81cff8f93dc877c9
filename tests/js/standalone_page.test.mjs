import assert from "node:assert/strict";
import { test } from "node:test";

import { container } from "./dom.mjs";
import { json } from "./fixtures.mjs";
import { shimModel } from "../../components/js/standalone/model.js";
import { addressOf, mountPage } from "../../components/js/standalone/page.js";

const spec = json("spec.json");
const css = new Proxy({}, { get: () => "" });  // the stylesheets do not matter here

test("a shim model reads its properties from the page, writes through it, and calls back only on a change", () => {
  let state = { logits: [1, 2], target: 0 };
  const written = [];
  const model = shimModel({ logits: () => state.logits, target: () => state.target },
    { set: (name, value) => written.push([name, value]) });
  const calls = [];
  model.on(["logits", "target"], () => calls.push("changed"));
  model.on("target", () => calls.push("target"));
  assert.deepEqual(model.logits, [1, 2]);
  model.target = 1;
  assert.deepEqual(written, [["target", 1]]);
  state = { logits: [1, 2], target: 1 };  // an equal list for logits: no callback for it
  model.refresh();
  assert.deepEqual(calls, ["changed", "target"]);
  model.refresh();
  assert.equal(calls.length, 2);
});

test("the address is the query, else the fragment, else the state the file was exported at", () => {
  assert.equal(addressOf({ search: "?logits=1,2", hash: "#logits=3,4" }, "?logits=5,6"), "?logits=1,2");
  assert.equal(addressOf({ search: "", hash: "#logits=3,4" }, "?logits=5,6"), "?logits=3,4");
  assert.equal(addressOf({ search: "", hash: "" }, "?logits=5,6"), "?logits=5,6");
});

function mounted() {
  const root = container();
  const explorer = mountPage(spec, css, root);
  const button = (name) => [...root.querySelectorAll("button")].find((b) => b.textContent === name);
  const field = (label) => [...root.querySelectorAll("label.se-field")]
    .find((l) => l.textContent === label).querySelector("input");
  const enter = (label, text) => {
    const input = field(label);
    input.value = text;
    input.dispatchEvent(new Event("change"));
  };
  return { root, explorer, button, field, enter };
}

test("the page opens at the exported state and its buttons act on it", () => {
  const { explorer, button, field } = mounted();
  assert.deepEqual(explorer.state.logits, [1, 2, -1]);
  assert.equal(field("Logits, exactly (press Enter)").value, "1, 2, -1");
  button("+0.5").click();
  assert.deepEqual(explorer.state.logits, [1.5, 2.5, -0.5]);
  assert.equal(field("Logits, exactly (press Enter)").value, "1.5, 2.5, -0.5");
  button("+ class").click();
  assert.deepEqual(explorer.state.class_names, ["low", "medium", "high", "class 4"]);
  assert.equal(field("Class names (press Enter)").value, "low, medium, high, class 4");
});

test("text that cannot be applied says why and leaves the logits", () => {
  const { root, explorer, enter, field } = mounted();
  enter("Logits, exactly (press Enter)", "1, nope");
  assert.deepEqual(explorer.state.logits, [1, 2, -1]);
  const alert = root.querySelector(".se-alert[role=alert]:not(.url-warning)");
  assert.equal(alert.hidden, false);
  assert.equal(alert.textContent, "Not applied: 'nope' is not a number: use a number from -1000 to 1000.");
  assert.equal(field("Logits, exactly (press Enter)").value, "1, 2, -1");
  enter("Step size (learning rate)", "50");
  assert.equal(explorer.state.lr, 10);  // clamped to the parameter's bounds, as Panel's FloatInput does
});

test("a warm-up situation hides the results until revealed, and hidden sections follow the state", () => {
  const { root, explorer, button } = mounted();
  button("One much bigger").click();
  assert.deepEqual(explorer.state.logits, [6, 1, 1]);
  assert.equal(explorer.state.concealed, true);
  assert.equal(button("Reveal the results").hidden, false);
  button("Reveal the results").click();
  assert.equal(button("Reveal the results").hidden, true);
  explorer.apply({ hide: ["curve", "presets"] });
  const hidden = [...root.querySelectorAll(".se-section")].filter((s) => s.hidden).map((s) => s.dataset.section);
  assert.deepEqual(hidden, ["presets", "curve"]);
});
