import assert from "node:assert/strict";
import { test } from "node:test";

import { niceStep, niceTicks, svg } from "../../components/js/lib/plot.js";

test("niceStep is 1, 2, 2.5 or 5 times a power of ten, with at most about count ticks", () => {
  assert.equal(niceStep(10, 5), 2);
  assert.equal(niceStep(7, 3), 2.5);
  assert.equal(niceStep(1, 4), 0.25);
  assert.equal(niceStep(1000, 3), 500);
  assert.ok(Math.abs(niceStep(0.03, 3) - 0.01) < 1e-15);
});

test("niceTicks label round values within the range, with the decimals the step needs", () => {
  assert.deepEqual(niceTicks(0, 1, 5), [[0, "0.0"], [0.2, "0.2"], [0.4, "0.4"], [0.6000000000000001, "0.6"],
    [0.8, "0.8"], [1, "1.0"]]);
  assert.deepEqual(niceTicks(-3.2, 7.9, 4).map(([, text]) => text), ["0", "5"]);
});

test("niceTicks suit a map of longitudes (small steps far from zero)", () => {
  const ticks = niceTicks(-93.70, -93.57, 4);
  assert.deepEqual(ticks.map(([, text]) => text), ["-93.70", "-93.65", "-93.60"]);
  for (const [v] of ticks) assert.ok(v >= -93.70 - 1e-9 && v <= -93.57);
});

test("svg makes an SVG element with its attributes and text", () => {
  const made = [];
  globalThis.document = {
    createElementNS: (ns, tag) => {
      const node = { ns, tag, attributes: {}, textContent: "", setAttribute(k, v) { this.attributes[k] = String(v); } };
      made.push(node);
      return node;
    },
  };
  try {
    const line = svg("line", { x1: 1, class: "tick" });
    assert.equal(line.ns, "http://www.w3.org/2000/svg");
    assert.deepEqual(line.attributes, { x1: "1", class: "tick" });
    assert.equal(line.textContent, "");
    assert.equal(svg("text", {}, 0).textContent, 0);
  } finally {
    delete globalThis.document;
  }
});
