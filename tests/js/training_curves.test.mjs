import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/training_curves.js";

/** History rows (epoch, train loss, train accuracy, validation loss, validation accuracy) as float32 bytes. */
const history = (rows) => new Float32Array(rows.flat()).buffer;

test("the charts draw every epoch sent and show the latest values", () => {
  const model = fakeModel({ history: history([[0, 1.1, 0.3, 1.2, 0.25], [10, 0.5, 0.8, 0.6, 0.75]]), frame_ms: [0, 0] });
  const el = container();
  render({ model, el });
  const root = el.querySelector(".curve-charts");
  assert.equal(root.dataset.points, "2");
  assert.equal(root.dataset.lastEpoch, "10");
  const [loss, accuracy] = el.querySelectorAll("figure");
  assert.equal(Number(loss.dataset.train), Math.fround(0.5));
  assert.equal(Number(accuracy.dataset.val), Math.fround(0.75));
});

test("a non-finite loss breaks the line instead of spoiling it", () => {
  const model = fakeModel({ history: history([[0, 1, 0, 1, 0], [1, NaN, 0, 1, 0], [2, 0.5, 0, 1, 0]]) });
  const el = container();
  render({ model, el });
  const path = el.querySelector("figure path.line.train").getAttribute("d");
  assert.equal(path.match(/M/g).length, 2);
});

test("no history draws empty charts", () => {
  const model = fakeModel({ history: null });
  const el = container();
  render({ model, el });
  assert.equal(el.querySelector(".curve-charts").dataset.points, "0");
});

/** A NUMBERS message (components/layouts.py) as the server packs it. */
function numbers({ replace = 0, drop = 0, trainMs = 0, drawMs = 0, rows = [] }) {
  const buffer = new ArrayBuffer(16 + rows.length * 20);
  const view = new DataView(buffer);
  view.setUint8(0, replace);
  view.setUint8(1, drop);
  view.setFloat32(4, trainMs, true);
  view.setFloat32(8, drawMs, true);
  view.setUint32(12, rows.length, true);
  new Float32Array(buffer, 16).set(rows.flat());
  return buffer;
}

test("messages extend the rows, drop a latest-only row, or replace them; the epoch line shows the latest", () => {
  const model = fakeModel({ history: history([[0, 1.1, 0.3, 1.2, 0.25]]), frame_ms: [0, 0] });
  const el = container();
  render({ model, el });
  const root = el.querySelector(".curve-charts");
  model.emit("msg:custom", numbers({ trainMs: 4.5, drawMs: 0.25, rows: [[1, 0.9, 0.5, 1.0, 0.4], [3, 0.8, 0.6, 0.9, 0.5]] }));
  assert.deepEqual(Array.from(root.rows.filter((_, i) => i % 5 === 0)), [0, 1, 3]);
  const line = el.querySelector(".se-epoch");
  assert.equal(line.querySelector("b[data-epoch]").dataset.epoch, "3");
  assert.match(line.textContent, /training loss 0\.800, accuracy 60\.0%.*validation loss 0\.900, accuracy 50\.0%/);
  assert.equal(line.dataset.trainMs, "4.500");
  assert.equal(line.dataset.drawMs, "0.250");
  model.emit("msg:custom", numbers({ drop: 1, rows: [[2, 0.85, 0.55, 0.95, 0.45], [4, 0.7, 0.7, 0.8, 0.6]] }));
  assert.deepEqual(Array.from(root.rows.filter((_, i) => i % 5 === 0)), [0, 1, 2, 4]);
  assert.equal(root.dataset.points, "4");
  model.emit("msg:custom", numbers({ replace: 1, rows: [[0, 1.1, 0.3, 1.2, 0.25]] }));
  assert.equal(root.dataset.points, "1");
  assert.equal(line.querySelector("b[data-epoch]").dataset.epoch, "0");
});

test("non-finite numbers do not break the epoch line", () => {
  const model = fakeModel({ history: history([[7, NaN, Infinity, -Infinity, NaN]]), frame_ms: [0, 0] });
  const el = container();
  render({ model, el });
  const text = el.querySelector(".se-epoch").textContent;
  assert.match(text, /Epoch 7/);
  assert.match(text, /training loss NaN, accuracy Infinity/);
});
