import assert from "node:assert/strict";
import { test } from "node:test";

import { nextFrame } from "./dom.mjs";
import { mapGrid } from "../../components/js/lib/map_grid.js";
import { gridProbabilities, readNetwork } from "../../components/js/lib/network.js";
import { bytes, json } from "./fixtures.mjs";

const EXTENT = json("networks.json").logreg.extent;

/** The grids of a map whose plot is 800 x 500 pixels, with what they show and acknowledge. */
function grids() {
  const shown = [];
  const painted = [];
  const grid = mapGrid({ size: () => [800, 500], extent: () => EXTENT, show: (g) => shown.push(g),
    painted: (net) => painted.push(net.number) });
  return { grid, shown, painted };
}

/** A 2-1024-1024-3 MLP (weights 0) numbered `number`: far too costly for one animation frame's budget. */
function wide(number, width = 1024) {
  const layer = (inputs, outputs) => ({ inputs, outputs, weight: new Float32Array(inputs * outputs),
    bias: new Float32Array(outputs) });
  return { number, cells: 400, activation: "relu", mean: new Float32Array(2), std: new Float32Array([1, 1]),
    classes: 3, layers: [layer(2, width), layer(width, width), layer(width, 3)] };
}

test("a frame's grid is the model's probabilities over the extent, shown at once and acknowledged once on screen", async () => {
  const { grid, shown, painted } = grids();
  const net = readNetwork(bytes("network_logreg.bin"));
  grid.frame(net);
  assert.equal(shown.length, 1);
  const { width, height, classes, probabilities, number } = shown[0];
  assert.deepEqual([width, height, classes, number], [net.cells, net.cells, 3, net.number]);
  assert.deepEqual(probabilities, gridProbabilities(net, EXTENT, width, height, new Float64Array(width * height * 3)));
  assert.deepEqual(painted, []);
  await nextFrame();
  assert.deepEqual(painted, [net.number]);
});

test("one frame at a time: those that come while one is computed wait, and only the newest of them is drawn", async () => {
  const { grid, shown, painted } = grids();
  grid.frame(wide(1));
  assert.deepEqual(shown, []);  // computed over several animation frames
  grid.frame(wide(2));
  grid.frame(wide(3));
  while (painted.length < 2) await nextFrame();
  grid.stop();
  assert.deepEqual(shown.map((g) => g.number), [1, 3]);
  assert.deepEqual(painted, [1, 3]);
  assert.ok(shown[0].width * shown[0].height >= 100);  // no coarser than the draft's least, however costly
});

test("stopped, a grid being computed is dropped", async () => {
  const { grid, shown } = grids();
  grid.frame(wide(1));
  grid.stop();
  for (let i = 0; i < 5; i++) await nextFrame();
  assert.deepEqual(shown, []);
});

test("a busy spell while frames came does not leave the map coarse: once the browser is fast again, the finest grid", { timeout: 20000 }, async () => {
  const { grid, shown, painted } = grids();
  const net = readNetwork(bytes("network_logreg.bin"));
  const clock = Object.getOwnPropertyDescriptor(globalThis, "performance");
  const real = performance;
  let busy = true, lost = 0, reads = 0;
  // A loaded machine: now and then (every fifth reading of the clock) the page was not run for 30 ms.
  Object.defineProperty(globalThis, "performance", { configurable: true,
    value: { now: () => real.now() + (busy && ++reads % 5 === 0 ? (lost += 30) : lost) } });
  try {
    for (let number = 1; number <= 4; number++) {
      grid.frame({ ...net, number });
      while (!painted.includes(number)) await nextFrame();
    }
    busy = false;
    const finest = Math.min(net.cells, 200) * Math.min(net.cells, 125);  // 800 x 500 pixels, a cell every 4
    const deadline = real.now() + 5000;
    while (shown.at(-1).width * shown.at(-1).height < finest && real.now() < deadline) await nextFrame();
  } finally {
    grid.stop();
    Object.defineProperty(globalThis, "performance", clock);
  }
  const last = shown.at(-1);
  assert.deepEqual([last.width, last.height], [Math.min(net.cells, 200), Math.min(net.cells, 125)]);
  assert.equal(last.number, 4);
});
