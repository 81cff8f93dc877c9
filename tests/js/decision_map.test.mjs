import assert from "node:assert/strict";
import { test } from "node:test";

import { container, contexts, fakeModel, nextFrame } from "./dom.mjs";
import { render } from "../../components/js/decision_map.js";
import { bytes, json } from "./fixtures.mjs";

function map(extra = {}) {
  const model = fakeModel({ frame: null, points: bytes("points.bin"), extent: [-1, 1, -1, 1], palette: [],
    class_colors: ["#0072b2", "#e69f00", "#009e73"], class_names: ["low", "<b>high</b>"], x_label: "x1",
    y_label: "x2", marker: [], ...extra });
  const el = container();
  render({ model, el });
  return { model, el, canvas: el.querySelector("canvas.map") };
}

test("a frame is painted through the palette, bottom row last, then acknowledged", async () => {
  const palette = Array.from({ length: 250 }, (_, i) => `#${i.toString(16).padStart(2, "0")}0000`);
  const { model, canvas } = map({ frame: bytes("frame.bin"), palette });
  await nextFrame();
  const { number, height, width, codes } = json("binary.json").frame;
  assert.equal(canvas.dataset.frame, String(number));
  assert.deepEqual(model.sent, [{ shown: number }]);
  const cells = contexts.map((c) => c.image).find(Boolean);
  assert.deepEqual([cells.width, cells.height], [width, height]);
  const red = (row, col) => cells.data[(row * width + col) * 4];
  assert.equal(red(0, 0), codes[(height - 1) * width]);  // the image's top row is the grid's last
  assert.equal(red(height - 1, width - 1), codes[width - 1]);
});

test("the legend names every class, escaped, and both parts", () => {
  const { el } = map();
  assert.deepEqual([...el.querySelectorAll(".legend li")].map((li) => li.textContent),
    ["low", "<b>high</b>", "● training", "▲ validation"]);
});
