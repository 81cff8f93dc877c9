import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/copy_button.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function withClipboard(writeText, body) {
  const navigator = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value: { clipboard: { writeText } }, configurable: true });
  return body().finally(() => {
    if (navigator) Object.defineProperty(globalThis, "navigator", navigator);
    else delete globalThis.navigator;
  });
}

test("a click copies the text and says so", () => withClipboard(async () => {}, async () => {
  const model = fakeModel({ label: "Copy", text: "z = [1, 2]" });
  const el = container();
  render({ model, el });
  el.querySelector("button").click();
  await settle();
  assert.equal(model.copied, "z = [1, 2]");
  assert.equal(el.querySelector(".copy-status").textContent, "Copied ✓");
}));

test("without a clipboard the text is shown, selected, to copy by hand", () => withClipboard(
  async () => { throw new Error("not allowed"); }, async () => {
    const model = fakeModel({ label: "Copy link", text: "" });
    const el = container();
    render({ model, el });
    el.querySelector("button").click();
    await settle();
    const field = el.querySelector(".copy-field");
    assert.equal(field.hidden, false);
    assert.equal(field.value, window.location.href);  // no text: the page's address
  }));
