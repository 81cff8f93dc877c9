import assert from "node:assert/strict";
import { test } from "node:test";

import { cost, gridProbabilities, probabilitiesAt, readNetwork } from "../../components/js/lib/network.js";
import { bytes, json } from "./fixtures.mjs";

const EXPECTED = json("networks.json");
const network = (name) => readNetwork(bytes(`network_${name}.bin`));
// torch computes in float32, this module in float64 from the same float32 weights.
const TOLERANCE = 2e-6;

function assertClose(actual, expected, what) {
  assert.equal(actual.length, expected.length, what);
  const worst = Math.max(...Array.from(actual, (v, i) => Math.abs(v - expected[i])));
  assert.ok(worst < TOLERANCE, `${what}: differs by up to ${worst}`);
}

test("readNetwork reads the layers, activation, standardisation and limits Python packed", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const net = network(name);
    assert.equal(net.number, e.number);
    assert.equal(net.cells, e.cells);
    assert.equal(net.activation, e.activation, name);
    assert.deepEqual(net.layers.map((l) => [l.inputs, l.outputs]), e.widths.slice(1).map((w, i) => [e.widths[i], w]));
    assert.equal(net.classes, 3);
    assert.ok(Math.abs(net.mean[0] + 93.64) < 0.01 && net.std[0] > 0.02 && net.std[0] < 0.03);
  }
});

test("the grid's probabilities are Trainer.grid's, for logistic regression and every activation", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const net = network(name);
    const out = gridProbabilities(net, e.extent, e.size, e.size, new Float64Array(e.size * e.size * 3));
    assertClose(out, e.grid, name);
  }
});

test("the probabilities at one place are predict_proba's, far outside the map too", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const net = network(name);
    const found = e.places.flatMap(([x, y]) => Array.from(probabilitiesAt(net, x, y)));
    assertClose(found, e.probabilities.flat(), name);
  }
});

test("a grid can be computed a few cells at a time", () => {
  const e = EXPECTED.tanh;
  const net = network("tanh");
  const cells = e.size * e.size;
  const out = new Float64Array(cells * 3);
  for (let cell = 0; cell < cells; cell += 7) gridProbabilities(net, e.extent, e.size, e.size, out, cell, Math.min(cells, cell + 7));
  assertClose(out, e.grid, "7 cells at a time");
});

test("cost counts a place's multiply-adds", () => {
  assert.equal(cost(network("logreg")), 2 * 3);
  assert.equal(cost(network("relu")), 2 * 16 + 16 * 8 + 8 * 3);
});
