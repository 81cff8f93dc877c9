import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { render } from "../../components/js/training_curves.js";

/** History rows (epoch, train loss, train accuracy, validation loss, validation accuracy) as float32 bytes. */
const history = (rows) => new Float32Array(rows.flat()).buffer;

test("the charts draw every epoch sent and show the latest values", () => {
  const model = fakeModel({ history: history([[0, 1.1, 0.3, 1.2, 0.25], [10, 0.5, 0.8, 0.6, 0.75]]) });
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
