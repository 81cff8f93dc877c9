import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel, nextFrame } from "./dom.mjs";
import { render } from "../../components/js/decision_map.js";
import { gridProbabilities, probabilitiesAt, readNetwork } from "../../components/js/lib/network.js";
import { SHADES, mapPalette } from "../../components/js/lib/shades.js";
import { bytes, json } from "./fixtures.mjs";

const NETWORKS = json("networks.json");

function map(extra = {}) {
  const model = fakeModel({ frame: null, points: bytes("points.bin"), extent: NETWORKS.relu.extent,
    fade_to: "#ffffff", class_colors: ["#0072b2", "#e69f00", "#009e73"], class_names: ["low", "<b>high</b>"],
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

test("the legend shades each class's strip by the map's own rule, from a guess (1/K) to certainty", () => {
  for (const background of ["#ffffff", "#212529"]) {
    const { el } = map({ fade_to: background, class_names: ["low", "medium", "high"] });
    const lookup = mapPalette(["#0072b2", "#e69f00", "#009e73"], background);
    const strips = [...el.querySelectorAll(".legend canvas.strip")];
    assert.equal(strips.length, 3);
    strips.forEach((strip, c) => {
      const { image } = strip.getContext("2d");
      assert.equal(image.width, SHADES);
      assert.deepEqual(Array.from(image.data), Array.from(lookup.subarray(c * SHADES * 4, (c + 1) * SHADES * 4)));
    });
    assert.deepEqual([...el.querySelectorAll(".strip-ends span")].map((s) => s.textContent), ["1/3", "1"]);
    assert.match(el.querySelector(".confidence").textContent, /Darker: surer.*top p, from 1\/3 \(a guess\) to 1/);
  }
});

test("the legend follows the theme: a new background repaints the strips", () => {
  const { model, el } = map();
  model.set("fade_to", "#212529");
  const { image } = el.querySelector(".legend canvas.strip").getContext("2d");
  assert.deepEqual(Array.from(image.data.subarray(0, 4)), Array.from(mapPalette(["#0072b2"], "#212529").subarray(0, 4)));
});

/** A click in the middle of the map's frame (800 x 500 pixels, its frame from (70, 8) to (788, 454)). */
const clickMiddle = (canvas) => canvas.dispatchEvent(new MouseEvent("click", { clientX: 70 + 359, clientY: 8 + 223 }));

test("a click picks a place, or in draw mode adds a point of the chosen class there", async () => {
  const { model, el, canvas } = map({ drawing: false, pen: 0, drawn: 0, max_drawn: 200 });
  await nextFrame();
  const [x0, x1, y0, y1] = model.extent;
  const middle = [(x0 + x1) / 2, (y0 + y1) / 2];
  clickMiddle(canvas);
  assert.deepEqual(Object.keys(model.sent.at(-1)), ["x", "y"]);
  const toggle = el.querySelector(".draw-toggle");
  assert.equal(toggle.getAttribute("aria-pressed"), "false");
  assert.equal(el.querySelector(".pens").hidden, true);
  toggle.click();
  assert.equal(model.drawing, true);
  assert.equal(toggle.getAttribute("aria-pressed"), "true");
  const pens = [...el.querySelectorAll(".pens input[type=radio]")];
  assert.deepEqual(pens.map((p) => p.parentNode.textContent.trim()), ["low", "<b>high</b>"]);
  pens[1].checked = true;
  pens[1].dispatchEvent(new Event("change", { bubbles: true }));
  assert.equal(model.pen, 1);
  clickMiddle(canvas);
  const [x, y, k] = model.sent.at(-1).draw;
  assert.ok(Math.abs(x - middle[0]) < 1e-9 && Math.abs(y - middle[1]) < 1e-9 && k === 1);
});

test("undo and clear go to the server once points are drawn; past the most, a click draws nothing", () => {
  const { model, el, canvas } = map({ drawing: true, pen: 0, drawn: 0, max_drawn: 3 });
  const undo = el.querySelector(".undo"), clear = el.querySelector(".clear");
  assert.ok(undo.disabled && clear.disabled);
  model.set("drawn", 2);
  assert.ok(!undo.disabled && !clear.disabled);
  assert.match(el.querySelector(".draw-note").textContent, /2 drawn\. .*model keeps its weights\. Every 5th is for validation/);
  undo.click();
  clear.click();
  assert.deepEqual(model.sent.slice(-2), [{ draw: "undo" }, { draw: "clear" }]);
  model.set("drawn", 3);
  const before = model.sent.length;
  clickMiddle(canvas);
  assert.equal(model.sent.length, before);
  assert.match(el.querySelector(".draw-note").textContent, /3 points drawn: the most a link carries/);
});
