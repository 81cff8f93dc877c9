// The hidden space's maths a redraw (components/js/hidden_units.js, showSpace) in Node, without the page: for
// random networks the size of the benchmark's (BENCHMARKS.md, "Inside the network") over Ames-sized data, one
// training frame after another (the weights nudged each frame, the principal components warm-started from the
// last, at most PCA_MS for them, as the page does), and the last layer's regions on the plot's 120 x 120 grid.
//
//     node bench/hidden_space.mjs [--frames 60] [--rounds 3] [--points 2930] [--baseline OLD.js ...]
//
// --baseline: other copies of lib/hidden.js to time in the same run, in alternation with this one (e.g.
// `git show HEAD~1:components/js/lib/hidden.js > /tmp/hidden_before.js`: it imports nothing). A module that
// exports spaceSample places that sample of the points; one without it, all of them. Prints Markdown: the median ms a
// redraw in each round, and their medians.

/* global console, performance, URL */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const { values } = parseArgs({ options: {
  frames: { type: "string", default: "60" },
  rounds: { type: "string", default: "3" },
  points: { type: "string", default: "2930" },
  baseline: { type: "string", multiple: true, default: [] },
} });
const FRAMES = Number(values.frames), ROUNDS = Number(values.rounds), POINTS = Number(values.points);
const PCA_MS = 8;  // as components/js/hidden_units.js
const CASES = [
  { name: "MLP 2-300-3 (tanh)", widths: [2, 300, 3], activation: "tanh", layer: 0 },
  { name: "MLP 2-100-3 (ReLU)", widths: [2, 100, 3], activation: "relu", layer: 0 },
  { name: "MLP 2-64-64-64-3 (ReLU), layer 3", widths: [2, 64, 64, 64, 3], activation: "relu", layer: 2 },
  // The widest and deepest net the UI allows (models/inputs.py): 2,930 points there cost seconds, so 3 frames.
  { name: "MLP 2-512x4-3 (tanh), layer 4", widths: [2, 512, 512, 512, 512, 3], activation: "tanh", layer: 3, frames: 3 },
];

/** A deterministic stream of numbers, roughly normal. */
function normals(seed) {
  let s = seed >>> 0;
  const uniform = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5 >>> 0) + 0.5) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function network({ widths, activation }, normal) {
  const layers = widths.slice(1).map((outputs, i) => {
    const inputs = widths[i], scale = Math.sqrt(2 / inputs);
    return { inputs, outputs, weight: Float32Array.from({ length: inputs * outputs }, () => scale * normal()),
      bias: Float32Array.from({ length: outputs }, () => 0.1 * normal()) };
  });
  return { number: 1, cells: 100, activation, mean: [0, 0], std: [1, 1], classes: widths.at(-1), layers };
}

/** The next frame's network: every weight nudged, as a step of training does. */
function nudge(net, normal) {
  for (const { weight, bias } of net.layers) {
    for (const a of [weight, bias]) for (let i = 0; i < a.length; i++) a[i] += 0.003 * normal() * (Math.abs(a[i]) + 0.05);
  }
  net.number += 1;
}

/** ms a redraw, median over FRAMES frames of one training run, with `lib`. */
function run(lib, c, seed) {
  const normal = normals(seed), net = network(c, normal);
  const xs = Float64Array.from({ length: POINTS }, () => normal()), ys = Float64Array.from({ length: POINTS }, () => normal());
  const h = c.widths[c.layer + 1], last = c.layer === c.widths.length - 3;
  let start = null, shown = POINTS;
  const times = [];
  for (let frame = 0; frame < Math.min(FRAMES, c.frames ?? FRAMES); frame++) {
    nudge(net, normal);
    const begin = performance.now();
    let [px, py] = [xs, ys];
    if (lib.spaceSample) {
      const pick = lib.spaceSample(net, c.layer, POINTS);
      px = Float64Array.from(pick, (i) => xs[i]);
      py = Float64Array.from(pick, (i) => ys[i]);
    }
    const space = lib.hiddenSpace(net, px, py, c.layer, start, PCA_MS);
    if (space.pca) start = space.next ?? space.axes;
    if (last) lib.spaceClasses(net, space, [-3, 3, -3, 3], 120, 120);
    times.push(performance.now() - begin);
    shown = px.length;
    if (space.points.length !== 2 * shown || h !== space.axes[0].length) throw new Error("bad space");
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1], shown };
}

const libs = [["this tree", "../components/js/lib/hidden.js"], ...values.baseline.map((p) => [p, p])];
const loaded = await Promise.all(libs.map(async ([name, path]) => [name,
  await import(path.startsWith("..") ? new URL(path, import.meta.url) : pathToFileURL(resolve(path)))]));
const rows = [];
for (const c of CASES) {
  const results = loaded.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    loaded.forEach(([, lib], k) => results[k].push(run(lib, c, 7 + round)));
  }
  loaded.forEach(([name], k) => {
    const ms = results[k].map((r) => r.ms).sort((a, b) => a - b);
    rows.push(`| ${c.name} | ${name} | ${results[k][0].shown} of ${POINTS} | ${ms.map((m) => m.toFixed(1)).join(", ")} | ${ms[ms.length >> 1].toFixed(1)} |`);
    console.error(rows.at(-1));
  });
}
console.log(`\n${ROUNDS} rounds of ${FRAMES} frames each, alternating; PCA_MS ${PCA_MS}.\n`);
console.log("| network | hidden.js | points placed | ms/redraw, median a round | median |");
console.log("|---|---|---:|---:|---:|");
for (const row of rows) console.log(row);
