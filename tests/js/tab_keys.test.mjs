import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel, nextFrame, press } from "./dom.mjs";
import { render } from "../../components/js/tab_keys.js";

test("tab strips get ARIA roles, and arrow keys open the next tab", async () => {
  const strip = container();
  strip.innerHTML = `<div class="bk-tab bk-active">one</div><div class="bk-tab">two</div><div class="bk-tab">three</div>`;
  const tabs = [...strip.children];
  const opened = [];
  tabs.forEach((tab) => tab.addEventListener("click", () => {
    opened.push(tab.textContent);
    tabs.forEach((t) => t.classList.toggle("bk-active", t === tab));
  }));
  const model = fakeModel({});
  render({ model, el: container() });
  try {
    await nextFrame();
    assert.equal(strip.getAttribute("role"), "tablist");
    assert.deepEqual(tabs.map((t) => [t.getAttribute("role"), t.getAttribute("aria-selected")]),
      [["tab", "true"], ["tab", "false"], ["tab", "false"]]);
    press(tabs[0], "ArrowLeft");
    press(tabs[2], "Home");
    assert.deepEqual(opened, ["three", "one"]);
    await nextFrame();
    assert.equal(tabs[0].getAttribute("aria-selected"), "true");
  } finally {
    model.emit("remove");  // stops the periodic scan
  }
});
