import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/handoff_button.js";

test("a click scrolls the page's containers back to the top, across shadow roots, then counts the click", () => {
  // The template's scrolled main column, holding a component in a shadow root, as Panel renders it.
  const main = container();
  const host = document.createElement("div");
  main.append(host);
  const el = document.createElement("div");
  host.attachShadow({ mode: "open" }).append(el);
  main.scrollTop = 1140;
  window.scrollTo = () => {};  // jsdom does not implement it
  const model = fakeModel({ label: "Open these logits in the explorer", description: "Explore", clicks: 0 });
  render({ model, el });
  const button = el.querySelector("button");
  assert.equal(button.textContent, "Open these logits in the explorer");
  button.click();
  assert.equal(main.scrollTop, 0);
  assert.equal(model.clicks, 1);
});
