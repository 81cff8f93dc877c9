import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel, nextFrame } from "./dom.mjs";
import { render } from "../../components/js/decision_map.js";
import { gridProbabilities, probabilitiesAt, readNetwork } from "../../components/js/lib/network.js";
import { bytes, json } from "./fixtures.mjs";

const NETWORKS = json("networks.json");

function map(extra = {}) {
  const model = fakeModel({ frame: null, points: bytes("points.bin"), extent: NETWORKS.relu.extent,
    background: "#ffffff", class_colors: ["#0072b2", "#e69f00", "#009e73"], class_names: ["low", "<b>high</b>"],
    x_label: "x1", y_label: "x2", marker: [], ...extra });
  const el = container();
  // jsdom does no layout: give the plot the size a page would.
  Object.defineProperty(window.HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 800 });
  render({ model, el });
  return { model, el, canvas: el.querySelector("canvas.map") };
}

test("a frame is the model: the map draws its probabilities over the extent, then acknowledges it", async () => {
  const { model, canvas } = map();
  await nextFrame();
  model.emit("msg:custom", bytes("network_relu.bin"));
  await nextFrame();
  assert.equal(canvas.dataset.frame, String(NETWORKS.relu.number));
  assert.deepEqual(model.sent, [{ shown: NETWORKS.relu.number }]);
  const { width, height, classes, probabilities } = canvas.grid;
  assert.equal(classes, 3);
  const expected = gridProbabilities(readNetwork(bytes("network_relu.bin")), model.extent, width, height,
    new Float64Array(width * height * 3));
  assert.deepEqual(probabilities, expected);
});

test("the finest grid is a cell every 4 pixels, at most the frame's cells a side", async () => {
  const { model, canvas } = map();
  await nextFrame();
  model.emit("msg:custom", bytes("network_logreg.bin"));  // logistic regression: cheap enough for the finest
  const [w, h] = canvas.dataset.cells.split("x").map(Number);
  assert.equal(w, NETWORKS.logreg.cells);  // the plot is 800 pixels wide: 200 cells, capped at 50
  assert.ok(h <= NETWORKS.logreg.cells && h >= 2);
});

test("a view rendered later draws the last frame it was given", async () => {
  const { model, canvas } = map({ frame: bytes("network_tanh.bin") });
  await nextFrame();
  assert.equal(canvas.dataset.frame, String(NETWORKS.tanh.number));
  assert.deepEqual(model.sent, [{ shown: NETWORKS.tanh.number }]);
});

test("hovering shows the model's exact probabilities at that place", async () => {
  const { model, el, canvas } = map({ frame: bytes("network_sigmoid.bin") });
  await nextFrame();
  // The plot is 800 x 500 pixels, its frame from (70, 8) to (788, 454): this is the middle of the extent.
  canvas.dispatchEvent(new MouseEvent("mousemove", { clientX: 70 + 359, clientY: 8 + 223 }));
  const tooltip = el.querySelector(".tooltip");
  assert.equal(tooltip.hidden, false);
  const [x0, x1, y0, y1] = model.extent;
  const [x, y] = tooltip.dataset.place.split(" ").map(Number);
  assert.ok(Math.abs(x - (x0 + x1) / 2) < 1e-9 && Math.abs(y - (y0 + y1) / 2) < 1e-9);
  const expected = probabilitiesAt(readNetwork(bytes("network_sigmoid.bin")), x, y);
  assert.deepEqual(tooltip.dataset.probabilities.split(" ").map(Number), Array.from(expected));
  assert.equal(tooltip.querySelectorAll(".probabilities tr").length, 3);
});

test("the legend names every class, escaped, and both parts", () => {
  const { el } = map();
  assert.deepEqual([...el.querySelectorAll(".legend li")].map((li) => li.textContent),
    ["low", "<b>high</b>", "● training", "▲ validation"]);
});
