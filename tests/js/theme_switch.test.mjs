import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { WAIT_MS, render } from "../../components/js/theme_switch.js";

/** Render the switch with window.location faked; `went` collects the addresses it loads. */
function themeSwitch(theme, href) {
  const page = window;
  const went = [];
  globalThis.window = { location: { href, assign: (url) => went.push(url) } };
  const model = fakeModel({ theme });
  const el = container();
  render({ model, el });
  return { model, button: el.querySelector("button"), went, restore: () => { globalThis.window = page; } };
}

test("the switch asks the server for the address and loads the one it answers", () => {
  const { model, button, went, restore } = themeSwitch("dark", "http://h/app?tab=train&theme=dark");
  try {
    assert.equal(button.textContent, "Light theme");
    button.click();
    assert.deepEqual(model.sent, [{ switch: "default" }]);
    assert.equal(button.disabled, true);
    model.emit("msg:custom", { go: "?tab=train&resume=abc" });
    assert.deepEqual(went, ["http://h/app?tab=train&resume=abc"]);
  } finally {
    restore();
  }
});

test("an answer that is not a query string is ignored", () => {
  const { model, button, went, restore } = themeSwitch("default", "http://h/app");
  try {
    button.click();
    model.emit("msg:custom", { go: "https://elsewhere.example/" });
    assert.deepEqual(went, []);
    model.emit("remove");  // its fallback goes with it
  } finally {
    restore();
  }
});

test("without an answer it reloads its own address in the other theme, the rest kept", async () => {
  const { button, went, restore } = themeSwitch("dark", "http://h/app?tab=train&theme=dark");
  try {
    button.click();
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS + 50));
    assert.deepEqual(went, ["http://h/app?tab=train&theme=default"]);
  } finally {
    restore();
  }
});
