import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/theme_switch.js";

test("the switch reloads the page with the other theme, the rest of the address kept", () => {
  const page = window;
  const went = [];
  globalThis.window = { location: { href: "http://h/app?tab=train&theme=dark", assign: (url) => went.push(url) } };
  try {
    const el = container();
    render({ model: fakeModel({ theme: "dark" }), el });
    const button = el.querySelector("button");
    assert.equal(button.textContent, "Light theme");
    button.click();
    assert.deepEqual(went, ["http://h/app?tab=train&theme=default"]);
  } finally {
    globalThis.window = page;
  }
});
