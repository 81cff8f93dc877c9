import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { readViews, render, writeViews } from "../../components/js/hidden_units.js";
import { gridPlaces, hiddenSpace, lineSegment, linearRegions, preActivations, shownUnits, spaceClasses,
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

test("logistic regression says it has no hidden layer", async () => {
  const { el, share, stop } = inside(["units", "space"]);
  share("logreg");
  await settle();
  assert.match(el.querySelector(".note").textContent, /no hidden layer/);
  assert.equal(el.querySelector(".inside-network").dataset.regions, "1");
  stop();
});
