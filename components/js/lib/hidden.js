// Inside an MLP, in the browser: models/hidden.py's maths over the network a map frame carries (lib/network.js's
// readNetwork), checked against it by tests/js/hidden_units.test.js. Places are in the data's units; the model
// sees them standardised, (x - mean) / std, as the map's forward pass does. Sums in float64.

export const SHOWN_UNITS = 16;  // every unit up to this many, else this many: the largest outgoing weights
// The hidden space places at most this many values (points x the layer's units: its activations, their mean and
// spread, each step of the principal components, 4 flops a value)...
export const SPACE_VALUES = 300_000;
export const SPACE_MACS = 4_000_000;  // ...and spends at most this many multiply-adds on the layers up to it...
export const SPACE_LEAST = 100;  // ...but places at least this many points (or all): fewer would say little

// tanh(z) from one exp (Math.tanh costs about twice as much), to within 3e-16; ±1 where exp overflows.
const tanh = (z) => 1 - 2 / (Math.exp(2 * z) + 1);

const ACTIVATE = {
  relu: (z) => (z > 0 ? z : 0),
  tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  none: (z) => z,
};

/** The centres of a width x height grid of cells over `extent`, row by row from the bottom: {xs, ys}. */
export function gridPlaces([x0, x1, y0, y1], width, height) {
  const xs = new Float64Array(width * height), ys = new Float64Array(width * height);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      xs[i * width + j] = x0 + ((j + 0.5) / width) * (x1 - x0);
      ys[i * width + j] = y0 + ((i + 0.5) / height) * (y1 - y0);
    }
  }
  return { xs, ys };
}

/** The pre-activations z = W h + b of hidden layers 0...`last` at the places (xs, ys): one Float64Array
 * (count x units, place by place) a layer. */
export function preActivations(network, xs, ys, last = network.layers.length - 2) {
  const { layers, mean, std, activation } = network;
  const count = xs.length;
  const out = layers.slice(0, last + 1).map((l) => new Float64Array(count * l.outputs));
  if (last < 0) return out;
  // The first layer: z = W[:, 0] x + W[:, 1] y + b, each term a multiply-add (the map's places repeat rows and
  // columns, but any places may come).
  const { outputs: n1, weight: w1, bias: b1 } = layers[0];
  const z1 = out[0];
  for (let p = 0; p < count; p++) {
    const x = (xs[p] - mean[0]) / std[0], y = (ys[p] - mean[1]) / std[1];
    for (let o = 0, at = p * n1; o < n1; o++) z1[at + o] = w1[2 * o] * x + w1[2 * o + 1] * y + b1[o];
  }
  if (last === 0) return out;
  const relu = activation === "relu", act = ACTIVATE[activation] ?? ACTIVATE.none;
  const hs = out.map((_, l) => new Float64Array(layers[l].outputs));
  for (let p = 0; p < count; p++) {
    for (let l = 1; l <= last; l++) {
      const prev = out[l - 1], inputs = layers[l].inputs, h = hs[l - 1];
      for (let k = 0, at = p * inputs; k < inputs; k++) {
        const v = prev[at + k];
        h[k] = relu ? (v > 0 ? v : 0) : act(v);
      }
      const { outputs, weight, bias } = layers[l];
      const z = out[l];
      for (let o = 0; o < outputs; o++) {
        let sum = bias[o];
        for (let k = 0, w = o * inputs; k < inputs; k++, w++) sum += weight[w] * h[k];
        z[p * outputs + o] = sum;
      }
    }
  }
  return out;
}

/** A unit's activation from its pre-activation. */
export const activate = (network, z) => (ACTIVATE[network.activation] ?? ACTIVATE.none)(z);

/** The activations (count x units) of hidden layer `layer` at the places (xs, ys). */
export function activations(network, xs, ys, layer) {
  const z = preActivations(network, xs, ys, layer)[layer];
  // One loop an activation, without a call a value: the hidden space's largest cost after the steps of its PCA.
  const kind = network.activation;
  if (kind === "relu") for (let i = 0; i < z.length; i++) { if (!(z[i] > 0)) z[i] = 0; }
  else if (kind === "tanh") for (let i = 0; i < z.length; i++) z[i] = 1 - 2 / (Math.exp(2 * z[i]) + 1);
  else if (kind === "sigmoid") for (let i = 0; i < z.length; i++) z[i] = 1 / (1 + Math.exp(-z[i]));
  return z;
}

/** How many linear pieces of the network the places meet, from their pre-activations (every hidden layer): the
 * distinct on/off patterns for ReLU, 1 without an activation or a hidden layer, null for tanh and sigmoid. */
export function linearRegions(network, pre, count) {
  if (network.layers.length === 1 || network.activation === "none") return 1;
  if (network.activation !== "relu") return null;
  const seen = new Set();
  const widths = pre.map((z) => z.length / count);
  for (let p = 0; p < count; p++) {
    // The pattern's bits, 31 a word, into two 32-bit hashes as one 53-bit number: among 40,000 cells a
    // collision has a chance of about 1e-7.
    let a = 0x811c9dc5, b = 0x01000193, word = 0, bits = 0;
    for (let l = 0; l < pre.length; l++) {
      const z = pre[l], units = widths[l];
      for (let u = 0, at = p * units; u < units; u++) {
        word = (word << 1) | (z[at + u] > 0 ? 1 : 0);
        if (++bits === 31) {
          a = Math.imul(a ^ word, 0x01000193);
          b = Math.imul(b ^ (word + 0x9e3779b1), 0x85ebca6b) ^ (b >>> 13);
          word = 0;
          bits = 0;
        }
      }
    }
    a = Math.imul(a ^ (word | (1 << bits)), 0x01000193);
    b = Math.imul(b ^ (word + bits + 0x9e3779b1), 0x85ebca6b) ^ (b >>> 13);
    seen.add((a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff));
  }
  return seen.size;
}

/** A first-layer unit's line in the data's units: [a, c, d] of a x + c y + d = 0. */
export function unitLine(network, unit) {
  const { weight, bias } = network.layers[0];
  const a = weight[2 * unit] / network.std[0], c = weight[2 * unit + 1] / network.std[1];
  return [a, c, bias[unit] - a * network.mean[0] - c * network.mean[1]];
}

/** Where the line [a, c, d] crosses the box [x0, x1, y0, y1]: [xa, ya, xb, yb], or null. */
export function lineSegment([a, c, d], [x0, x1, y0, y1]) {
  const ends = [];
  if (c !== 0) for (const x of [x0, x1]) ends.push([x, -(a * x + d) / c]);
  if (a !== 0) for (const y of [y0, y1]) ends.push([-(c * y + d) / a, y]);
  const slack = 1e-9 * Math.max(x1 - x0, y1 - y0);
  const inside = ends.filter(([x, y]) => x >= x0 - slack && x <= x1 + slack && y >= y0 - slack && y <= y1 + slack);
  if (inside.length < 2) return null;
  inside.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [...inside[0], ...inside.at(-1)];
}

/** The units of hidden layer `layer` to show: all up to `most`, else the `most` whose outgoing weights have the
 * largest norm (ties: the lower index), in order. */
export function shownUnits(network, layer, most = SHOWN_UNITS) {
  const { inputs: units, outputs, weight } = network.layers[layer + 1];
  const all = Array.from({ length: units }, (_, u) => u);
  if (units <= most) return all;
  const norms = all.map((u) => {
    let s = 0;
    for (let o = 0; o < outputs; o++) s += weight[o * units + u] ** 2;
    return Math.sqrt(s);
  });
  return all.sort((u, v) => norms[v] - norms[u] || u - v).slice(0, most).sort((u, v) => u - v);
}

/** The first two principal components of the rows of A (n x h, row by row; centred in place), by subspace
 * iteration from `start` (the last answer: a few steps then suffice) for at most about `ms` (a step that would end
 * past it is not begun, but one always runs): {components [v1, v2], variances, mean, total (the whole variance),
 * points (n x 2: each row's place along the components), next (the iteration's next components: where to start
 * the next call), converged, steps}. Each component's largest entry (ties: the first) is positive, as models/hidden.py
 * makes it. A step costs 4nh flops: the caller bounds nh (SPACE_VALUES), so one cannot overrun `ms` by much. */
export function principalComponents(A, n, h, start = null, ms = 40) {
  const begin = performance.now(), per = 1 / Math.max(n, 1);  // no rows: a mean and variances of 0
  const mean = new Float64Array(h);
  for (let i = 0, at = 0; i < n; i++) for (let j = 0; j < h; j++, at++) mean[j] += A[at];
  for (let j = 0; j < h; j++) mean[j] *= per;
  let total = 0;
  for (let i = 0, at = 0; i < n; i++) {
    for (let j = 0; j < h; j++, at++) {
      const c = A[at] - mean[j];
      A[at] = c;
      total += c * c;
    }
  }
  total *= per;
  let v = start && start[0].length === h ? start.map((c) => Float64Array.from(c))
    : [0, 1].map((k) => Float64Array.from({ length: h }, (_, j) => Math.cos(1 + j * (k + 1.37))));
  orthonormalise(v);
  let u = [new Float64Array(h), new Float64Array(h)];
  const variances = [0, 0], points = new Float64Array(2 * n);
  let converged = false, longest = 0, cos = 1, sin = 0, step = 1;
  for (; ; step++) {
    const stepBegin = performance.now();
    // Each row's place along v (the points, if this is the last step), and u = A'A v, the next v.
    const [v0, v1] = v, [u0, u1] = u;
    u0.fill(0);
    u1.fill(0);
    let s00 = 0, s01 = 0, s11 = 0;
    for (let i = 0, at = 0; i < n; i++, at += h) {
      let d0 = 0, d1 = 0;
      for (let j = 0; j < h; j++) {
        const c = A[at + j];
        d0 += c * v0[j];
        d1 += c * v1[j];
      }
      points[2 * i] = d0;
      points[2 * i + 1] = d1;
      s00 += d0 * d0;
      s01 += d0 * d1;
      s11 += d1 * d1;
      for (let j = 0; j < h; j++) {
        const c = A[at + j];
        u0[j] += d0 * c;
        u1[j] += d1 * c;
      }
    }
    // Rayleigh-Ritz: the best two directions within v's plane are the covariance's there (a 2 x 2 eigenproblem),
    // so the plane need only converge (at the rate of the 3rd variance to the 2nd), not each direction within it
    // (whose rate is the 2nd to the 1st: slow when the two are near, as in a wide layer).
    const a = s00 * per, b = s01 * per, c = s11 * per, half = Math.hypot((a - c) / 2, b), angle = Math.atan2(2 * b, a - c) / 2;
    [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    variances[0] = (a + c) / 2 + half;
    variances[1] = Math.max(0, (a + c) / 2 - half);
    rotate(v0, v1, cos, sin);
    rotate(u0, u1, cos, sin);
    orthonormalise(u);
    converged = 1 - Math.min(Math.abs(dot(u0, v0)), Math.abs(dot(u1, v1))) < 1e-13;
    const now = performance.now();
    longest = Math.max(longest, now - stepBegin);
    if (converged || step === 1000 || now + longest - begin > ms) break;
    [v, u] = [u, v];
  }
  // The points are along v (rotated as it was): it is the answer (u, one step on, is where to go on from).
  rotatePairs(points, cos, sin);
  v.forEach((c, k) => {
    let top = 0;
    for (let j = 1; j < h; j++) if (Math.abs(c[j]) > Math.abs(c[top]) + 1e-12) top = j;
    if (c[top] < 0) {
      for (let j = 0; j < h; j++) c[j] = -c[j];
      for (let i = k; i < 2 * n; i += 2) points[i] = -points[i];
    }
  });
  return { components: v, variances, mean, total, points, next: u, converged, steps: step };
}

const dot = (a, b) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
};

/** (a, b) turned by the angle whose cosine and sine are given, in place: a cos + b sin, b cos - a sin. */
function rotate(a, b, cos, sin) {
  for (let j = 0; j < a.length; j++) {
    const x = a[j];
    a[j] = cos * x + sin * b[j];
    b[j] = cos * b[j] - sin * x;
  }
}

/** Each pair (p[2i], p[2i + 1]) of `p` turned likewise, in place. */
function rotatePairs(p, cos, sin) {
  for (let i = 0; i < p.length; i += 2) {
    const x = p[i];
    p[i] = cos * x + sin * p[i + 1];
    p[i + 1] = cos * p[i + 1] - sin * x;
  }
}

function orthonormalise([a, b]) {
  const na = Math.sqrt(dot(a, a)) || 1;
  for (let j = 0; j < a.length; j++) a[j] /= na;
  const p = dot(a, b);
  for (let j = 0; j < b.length; j++) b[j] -= p * a[j];
  const nb = Math.sqrt(dot(b, b)) || 1;
  for (let j = 0; j < b.length; j++) b[j] /= nb;
}

/** At most `most` of the indices 0...count - 1, evenly spread and in order: the middle one of each of `most` equal
 * runs, floor((2i + 1) count / 2 most), as models/hidden.py's evenly_spread; all of them when count <= most. The
 * same at every call, so the points shown stay put from frame to frame. */
export function evenlySpread(count, most) {
  const m = Math.min(count, Math.max(0, Math.floor(most)));
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) out[i] = m === count ? i : Math.floor(((2 * i + 1) * count) / (2 * m));
  return out;
}

/** How many points the hidden space of layer `layer` places at most, to keep a redraw short: points x the layer's
 * units at most SPACE_VALUES and points x the multiply-adds of the layers up to it at most SPACE_MACS, but at
 * least SPACE_LEAST. */
export function spaceBudget(network, layer) {
  let macs = 0;
  for (let l = 0; l <= layer; l++) macs += network.layers[l].inputs * network.layers[l].outputs;
  const units = network.layers[layer].outputs;
  return Math.max(SPACE_LEAST, Math.floor(Math.min(SPACE_VALUES / units, SPACE_MACS / macs)));
}

/** The points (indices of `count`) the hidden space of layer `layer` places: all, or an evenly spread sample. */
export const spaceSample = (network, layer, count) => evenlySpread(count, spaceBudget(network, layer));

/** Where the data land in hidden layer `layer`: its two activations if it has 2 units (1: the first, 0), else
 * their first two principal components, for at most about `ms` (then `converged` may be false: go on from
 * `next`). {points (n x 2), axes [2 directions], origin, share, pca, next, converged}. The work is n x the layer's
 * units and n x the multiply-adds up to it: give it spaceSample's points. */
export function hiddenSpace(network, xs, ys, layer, start = null, ms = 40) {
  const A = activations(network, xs, ys, layer);
  const n = xs.length, h = network.layers[layer].outputs;
  if (h <= 2) {
    const points = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) { points[2 * i] = A[i * h]; points[2 * i + 1] = h === 2 ? A[i * h + 1] : 0; }
    const axes = h === 2 ? [Float64Array.of(1, 0), Float64Array.of(0, 1)] : [Float64Array.of(1), Float64Array.of(0)];
    return { points, axes, origin: new Float64Array(h), share: 1, pca: false, next: null, converged: true };
  }
  const { components, variances, mean, total, points, next, converged } = principalComponents(A, n, h, start, ms);
  const share = total > 0 ? (variances[0] + variances[1]) / total : 1;
  return { points, axes: components, origin: mean, share, pca: true, next, converged };
}

/** The network's class at each cell of a width x height grid over `box` ([a0, a1, b0, b1]) of the hidden-space
 * plane of its last hidden layer (the last layer is linear there, so the regions are exact on that plane). */
export function spaceClasses(network, space, box, width, height) {
  const { inputs, outputs, weight, bias } = network.layers.at(-1);
  const at = (v) => Array.from({ length: outputs }, (_, o) => {
    let s = 0;
    for (let k = 0; k < inputs; k++) s += weight[o * inputs + k] * v[k];
    return s;
  });
  const base = at(space.origin).map((s, o) => s + bias[o]), da = at(space.axes[0]), db = at(space.axes[1]);
  const out = new Uint8Array(width * height);
  const { xs, ys } = gridPlaces(box, width, height);
  for (let p = 0; p < out.length; p++) {
    let best = 0, top = -Infinity;
    for (let o = 0; o < outputs; o++) {
      const z = base[o] + xs[p] * da[o] + ys[p] * db[o];
      if (z > top) { top = z; best = o; }
    }
    out[p] = best;
  }
  return out;
}
