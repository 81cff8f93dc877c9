import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { readViews, render, writeViews } from "../../components/js/hidden_units.js";
import { SPACE_LEAST, SPACE_MACS, SPACE_VALUES, evenlySpread, gridPlaces, hiddenSpace, lineSegment, linearRegions,
  preActivations, principalComponents, shownUnits, spaceBudget, spaceClasses, spaceSample,
  unitLine } from "../../components/js/lib/hidden.js";
import { listen, send } from "../../components/js/lib/map_channel.js";
import { readNetwork } from "../../components/js/lib/network.js";
import { bytes, json } from "./fixtures.mjs";

const EXPECTED = json("hidden.json");
const network = (name) => readNetwork(bytes(`hidden_${name}.bin`));
const TOLERANCE = 1e-5;  // the model sees float32 inputs (models/data.py), this module float64 ones

function assertClose(actual, expected, what, tolerance = TOLERANCE) {
  assert.equal(actual.length, expected.length, what);
  const worst = Math.max(0, ...Array.from(actual, (v, i) => Math.abs(v - expected[i]) / Math.max(1, Math.abs(expected[i]))));
  assert.ok(worst < tolerance, `${what}: differs by up to ${worst}`);
}

test("every hidden layer's pre-activations over the grid are models/hidden.py's", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const { xs, ys } = gridPlaces(e.extent, e.side, e.side);
    const pre = preActivations(network(name), xs, ys);
    assert.equal(pre.length, e.pre.length, name);
    pre.forEach((z, l) => assertClose(z, e.pre[l], `${name}, layer ${l}`));
  }
});

test("the linear regions are the distinct ReLU patterns; 1 without an activation; none for tanh and sigmoid", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const net = network(name);
    const { xs, ys } = gridPlaces(e.extent, e.side, e.side);
    assert.equal(linearRegions(net, preActivations(net, xs, ys), xs.length), e.regions, name);
  }
  assert.ok(EXPECTED.deep.regions > 1 && EXPECTED.logreg.regions === 1 && EXPECTED.two.regions === null);
});

test("a first-layer unit's line and its segment over the map are models/hidden.py's", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const net = network(name);
    e.lines.forEach((line, u) => {
      assertClose(unitLine(net, u), line, `${name}, unit ${u}`, 1e-9);
      const segment = lineSegment(unitLine(net, u), e.extent);
      if (e.segments[u] === null) assert.equal(segment, null, `${name}, unit ${u}`);
      else assertClose(segment, e.segments[u], `${name}, unit ${u}'s segment`, 1e-9);
    });
  }
});

test("the units shown are all up to 16, else the 16 with the largest outgoing weights", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    e.shown.forEach((units, layer) => assert.deepEqual(shownUnits(network(name), layer), units, name));
  }
  assert.equal(EXPECTED.wide.shown[0].length, 16);
});

test("the hidden space is the layer's activations (2 units) or their first two principal components", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const net = network(name);
    e.spaces.forEach((expected, layer) => {
      const space = hiddenSpace(net, e.points.x, e.points.y, layer, null, Infinity);
      assertClose(space.points, expected.points, `${name}, layer ${layer}`, 1e-4);
      assert.ok(Math.abs(space.share - expected.share) < 1e-6, `${name}, layer ${layer}: share`);
      if (expected.classes) {
        const classes = Array.from(e.points.x, (_, i) => {
          const [a, b] = [space.points[2 * i], space.points[2 * i + 1]];
          return spaceClasses(net, space, [a, a, b, b], 1, 1)[0];
        });
        assert.deepEqual(classes, expected.classes, `${name}: the regions' classes at the points`);
      }
    });
  }
});

test("the sample of the points is evenly spread, in order, bounded and the same every time; all fit: all", () => {
  for (const [count, most] of [[2930, 1000], [2930, 2912], [100000, 585], [7, 3], [10, 1], [60, 23], [5, 4]]) {
    const pick = evenlySpread(count, most);
    assert.equal(pick.length, most, `${count}, ${most}`);
    assert.deepEqual(evenlySpread(count, most), pick, "the same at every call: the points stay put");
    // The middle of each of `most` equal runs of the indices (rounded down), in order: the gaps differ by at most one.
    pick.forEach((p, i) => {
      const middle = ((i + 0.5) * count) / most;
      assert.ok(p <= middle && middle < p + 1 && (i === 0 || p > pick[i - 1]), `${count}, ${most}: ${i}`);
    });
    const gaps = Array.from(pick.subarray(1), (p, i) => p - pick[i]);
    assert.ok(Math.max(...gaps) - Math.min(...gaps) <= 1, `${count}, ${most}: gaps ${Math.min(...gaps)}...${Math.max(...gaps)}`);
  }
  for (const [count, most] of [[2930, 3000], [2930, 2930], [1, 100], [0, 5]]) {
    assert.deepEqual(Array.from(evenlySpread(count, most)), Array.from({ length: count }, (_, i) => i));
  }
  assert.equal(evenlySpread(10, 0).length, 0);
  for (const e of Object.values(EXPECTED)) {  // models/hidden.py's evenly_spread
    assert.deepEqual(Array.from(evenlySpread(e.points.x.length, e.sample.most)), e.sample.indices);
  }
});

/** A network of these widths, for its shape alone. */
const shaped = (widths) => ({ layers: widths.slice(1).map((outputs, i) => ({ inputs: widths[i], outputs })) });
const macs = (net, layer) => net.layers.slice(0, layer + 1).reduce((s, l) => s + l.inputs * l.outputs, 0);

test("the hidden space places at most a budget of points x units and of multiply-adds; the course MLP all of Ames", () => {
  const ames = 2930;
  assert.equal(spaceSample(shaped([2, 100, 3]), 0, ames).length, ames);  // the course MLP: every point
  assert.equal(spaceSample(shaped([2, 64, 64, 64, 3]), 0, ames).length, ames);
  assert.equal(spaceSample(shaped([2, 300, 3]), 0, ames).length, 1000);
  assert.equal(spaceSample(shaped([2, 103, 3]), 0, ames).length, 2912);  // the narrowest layer sampled on Ames
  assert.equal(spaceSample(shaped([2, 102, 3]), 0, ames).length, ames);
  for (let seed = 1; seed < 300; seed++) {
    const widths = [2, ...Array.from({ length: 1 + (seed % 4) }, (_, l) => 1 + ((seed * 7919 * (l + 3)) % 512)), 3];
    const net = shaped(widths);
    for (let layer = 0; layer < widths.length - 2; layer++) {
      const most = spaceBudget(net, layer), units = widths[layer + 1];
      assert.ok(most >= SPACE_LEAST, `${widths}`);
      assert.ok(most === SPACE_LEAST || (most * units <= SPACE_VALUES && most * macs(net, layer) <= SPACE_MACS), `${widths}, ${layer}`);
      for (const count of [50, ames, 100000]) {
        const pick = spaceSample(net, layer, count);
        assert.equal(pick.length, Math.min(count, most), `${widths}, ${layer}, ${count}`);
      }
    }
  }
  // The widest layer the UI allows (models/inputs.py's MAX_WIDTH): a step of the PCA, 4 flops a value, stays small.
  assert.ok(spaceBudget(shaped([2, 512, 3]), 0) * 512 <= SPACE_VALUES);
  assert.equal(spaceBudget(shaped([2, 512, 512, 512, 512, 3]), 3), SPACE_LEAST);
});

test("the hidden space of an evenly spread sample is models/hidden.py's for those points", () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    const net = network(name), pick = evenlySpread(e.points.x.length, e.sample.most);
    const [xs, ys] = [e.points.x, e.points.y].map((v) => Float64Array.from(pick, (i) => v[i]));
    e.sample.spaces.forEach((expected, layer) => {
      const space = hiddenSpace(net, xs, ys, layer, null, Infinity);
      assertClose(space.points, expected.points, `${name}, layer ${layer}`, 1e-4);
      assert.ok(Math.abs(space.share - expected.share) < 1e-6, `${name}, layer ${layer}: share`);
    });
  }
});

/** Rows (n x h) with the given spread along h orthogonal directions (deterministic). */
function spread(n, variances) {
  const h = variances.length, A = new Float64Array(n * h);
  let s = 12345;
  const uniform = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  // A rotation: the directions are not the axes.
  const q = Array.from({ length: h }, (_, j) => Float64Array.from({ length: h }, (_, k) => Math.cos(0.7 * (j + 1) * (k + 2))));
  for (let j = 0; j < h; j++) {
    for (let l = 0; l < j; l++) {
      let p = 0;
      for (let k = 0; k < h; k++) p += q[j][k] * q[l][k];
      for (let k = 0; k < h; k++) q[j][k] -= p * q[l][k];
    }
    const norm = Math.hypot(...q[j]);
    for (let k = 0; k < h; k++) q[j][k] /= norm;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < h; j++) {
      const c = Math.sqrt(3 * variances[j]) * uniform();
      for (let k = 0; k < h; k++) A[i * h + k] += c * q[j][k];
    }
  }
  return A;
}

test("the PCA's steps: one at least, however short the time; near-equal leading variances converge in a few", () => {
  const n = 400, variances = [1, 0.97, 0.3, 0.2, 0.1, 0.05];
  const once = principalComponents(spread(n, variances), n, variances.length, null, 0);
  assert.equal(once.steps, 1);
  assert.equal(once.points.length, 2 * n);
  // Two near leading variances (1.06 and 0.91 in this sample, the third 0.3): the plane converges at the rate of
  // the third to the second, the directions within it at once (Rayleigh-Ritz), not at the rate of the second to
  // the first (0.86: plain subspace iteration takes 99 steps here; this, 14).
  const full = principalComponents(spread(n, variances), n, variances.length, null, Infinity);
  assert.ok(full.converged && full.steps < 40, `${full.steps} steps`);
  // Warm-started from its answer, it is done at once, and the same.
  const again = principalComponents(spread(n, variances), n, variances.length, full.next, Infinity);
  assert.ok(again.converged && again.steps <= 2, `${again.steps} steps`);
  assertClose(again.points, full.points, "the points", 1e-5);
  // Each point's place is its centred row along the components.
  const A = spread(n, variances), h = variances.length;
  for (let i = 0; i < n; i += 37) {
    for (let k = 0; k < 2; k++) {
      let d = 0;
      for (let j = 0; j < h; j++) d += (A[i * h + j] - full.mean[j]) * full.components[k][j];
      assert.ok(Math.abs(d - full.points[2 * i + k]) < 1e-12, `point ${i}, component ${k}`);
    }
  }
});

test("views= reads and writes what is open and chosen", () => {
  assert.deepEqual(readViews(["units", "layer2", "unit7"]), { units: true, space: false, layer: 1, unit: 7 });
  assert.deepEqual(readViews([]), { units: false, space: false, layer: 0, unit: null });
  for (const views of [["units", "space"], ["space", "layer3"], ["units", "unit0"]]) {
    assert.deepEqual(writeViews(readViews(views)), views);
  }
});

function inside(views) {
  const model = fakeModel({ channel: "test", views });
  const el = container();
  const highlights = [];
  const stop = listen("test", "highlight", (h) => highlights.push(h));
  const asked = [];
  const stopAsk = listen("test", "ask", () => asked.push(true));
  render({ model, el });
  stopAsk();
  const share = (name) => send("test", "state", { network: network(name), extent: EXPECTED[name].extent,
    points: { x: Float64Array.from(EXPECTED[name].points.x), y: Float64Array.from(EXPECTED[name].points.y),
      cls: new Uint8Array(EXPECTED[name].points.x.length) }, colors: ["#0072B2"], names: ["a"], fade: "#ffffff" });
  return { model, el, highlights, asked, share, stop };
}

const settle = () => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 20)), 20));

test("the view asks the map for its network, shows a picture a unit, and highlights the unit focused", async () => {
  const { model, el, highlights, asked, share, stop } = inside(["units"]);
  assert.equal(asked.length, 1);
  share("relu");
  await settle();
  const root = el.querySelector(".inside-network");
  assert.equal(el.querySelectorAll("button.unit").length, 8);
  assert.equal(root.dataset.regions, String(linearRegions(network("relu"),
    preActivations(network("relu"), ...Object.values(gridPlaces(EXPECTED.relu.extent, 50, 50))), 2500)));
  const third = el.querySelectorAll("button.unit")[3];
  third.dispatchEvent(new window.FocusEvent("focusin", { bubbles: true }));
  assert.equal(highlights.at(-1).label, "layer 1, unit 3");
  assertClose(highlights.at(-1).line, lineSegment(unitLine(network("relu"), 3), EXPECTED.relu.extent), "line", 1e-12);
  third.click();
  assert.deepEqual(model.views, ["units", "unit3"]);
  stop();
});

test("a wide layer over many points shows an evenly spread sample of them and says so", async () => {
  // The drawing's context, enough for the plot (lib/space_plot.js).
  const context = document.createElement("canvas").getContext("2d");
  for (const method of ["fillRect", "strokeRect", "rect", "fillText", "save", "restore", "translate", "rotate"]) {
    Object.getPrototypeOf(context)[method] ??= function () {};
  }
  const { el, stop } = inside(["space"]);
  const e = EXPECTED.wide, count = 8000;  // 40 units x 8,000 points: over the budget of 300,000 values
  const of = (v) => Float64Array.from({ length: count }, (_, i) => v[i % v.length] + 1e-3 * Math.floor(i / v.length));
  send("test", "state", { network: network("wide"), extent: e.extent, points: { x: of(e.points.x), y: of(e.points.y),
    cls: Uint8Array.from({ length: count }, (_, i) => i % 3) }, colors: ["#0072B2", "#E69F00", "#009E73"],
    names: ["a", "b", "c"], fade: "#ffffff" });
  await settle();
  const canvas = el.querySelector("canvas.space"), most = SPACE_VALUES / 40;
  assert.equal(canvas.space.points.length, 2 * most);
  assert.equal(canvas.dataset.shown, String(most));
  assert.match(el.querySelector(".space-note .sample").textContent, /^Shown: 7,500 of the 8,000 points, evenly spread, to keep it live\.$/);
  assert.match(canvas.getAttribute("aria-label"), /^7,500 of the data's 8,000 points, evenly spread, placed by layer 1/);
  // The first layer (of 40 units) placed for those points: the sample's, as hiddenSpace gives it.
  const pick = evenlySpread(count, most);
  const space = hiddenSpace(network("wide"), Float64Array.from(pick, (i) => of(e.points.x)[i]),
    Float64Array.from(pick, (i) => of(e.points.y)[i]), 0, null, Infinity);
  assert.equal(space.points.length, canvas.space.points.length);
  stop();
});

test("logistic regression says it has no hidden layer", async () => {
  const { el, share, stop } = inside(["units", "space"]);
  share("logreg");
  await settle();
  assert.match(el.querySelector(".note").textContent, /no hidden layer/);
  assert.equal(el.querySelector(".inside-network").dataset.regions, "1");
  stop();
});
