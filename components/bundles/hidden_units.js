// components/palette.json
var palette_default = {
  class_colors: [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#882255",
    "#44AA99",
    "#888888"
  ]
};

// components/js/lib/classes.js
var CLASS_COLORS = palette_default.class_colors;
function className(names, i) {
  return names && names[i] !== void 0 && names[i] !== "" ? String(names[i]) : `class ${i}`;
}

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// components/js/lib/map_channel.js
var PREFIX = "softmax-map:";
function send(channel, topic, detail = null) {
  if (channel) document.dispatchEvent(new CustomEvent(`${PREFIX}${topic}:${channel}`, { detail }));
}
function listen(channel, topic, listener) {
  if (!channel) return () => {
  };
  const name = `${PREFIX}${topic}:${channel}`;
  const handler = (event) => listener(event.detail);
  document.addEventListener(name, handler);
  return () => document.removeEventListener(name, handler);
}

// components/js/lib/hidden.js
var SHOWN_UNITS = 16;
var SPACE_VALUES = 3e5;
var SPACE_MACS = 4e6;
var SPACE_LEAST = 100;
var tanh = (z) => 1 - 2 / (Math.exp(2 * z) + 1);
var ACTIVATE = {
  relu: (z) => z > 0 ? z : 0,
  tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  none: (z) => z
};
function gridPlaces([x0, x1, y0, y1], width, height) {
  const xs = new Float64Array(width * height), ys = new Float64Array(width * height);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      xs[i * width + j] = x0 + (j + 0.5) / width * (x1 - x0);
      ys[i * width + j] = y0 + (i + 0.5) / height * (y1 - y0);
    }
  }
  return { xs, ys };
}
function preActivations(network, xs, ys, last = network.layers.length - 2) {
  const { layers, mean, std, activation } = network;
  const count = xs.length;
  const out = layers.slice(0, last + 1).map((l) => new Float64Array(count * l.outputs));
  if (last < 0) return out;
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
        h[k] = relu ? v > 0 ? v : 0 : act(v);
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
function activations(network, xs, ys, layer) {
  const z = preActivations(network, xs, ys, layer)[layer];
  const kind = network.activation;
  if (kind === "relu") for (let i = 0; i < z.length; i++) {
    if (!(z[i] > 0)) z[i] = 0;
  }
  else if (kind === "tanh") for (let i = 0; i < z.length; i++) z[i] = 1 - 2 / (Math.exp(2 * z[i]) + 1);
  else if (kind === "sigmoid") for (let i = 0; i < z.length; i++) z[i] = 1 / (1 + Math.exp(-z[i]));
  return z;
}
function linearRegions(network, pre, count) {
  if (network.layers.length === 1 || network.activation === "none") return 1;
  if (network.activation !== "relu") return null;
  const seen = /* @__PURE__ */ new Set();
  const widths = pre.map((z) => z.length / count);
  for (let p = 0; p < count; p++) {
    let a = 2166136261, b = 16777619, word = 0, bits = 0;
    for (let l = 0; l < pre.length; l++) {
      const z = pre[l], units = widths[l];
      for (let u = 0, at = p * units; u < units; u++) {
        word = word << 1 | (z[at + u] > 0 ? 1 : 0);
        if (++bits === 31) {
          a = Math.imul(a ^ word, 16777619);
          b = Math.imul(b ^ word + 2654435761, 2246822507) ^ b >>> 13;
          word = 0;
          bits = 0;
        }
      }
    }
    a = Math.imul(a ^ (word | 1 << bits), 16777619);
    b = Math.imul(b ^ word + bits + 2654435761, 2246822507) ^ b >>> 13;
    seen.add((a >>> 0) * 2 ** 21 + (b >>> 0 & 2097151));
  }
  return seen.size;
}
function unitLine(network, unit) {
  const { weight, bias } = network.layers[0];
  const a = weight[2 * unit] / network.std[0], c = weight[2 * unit + 1] / network.std[1];
  return [a, c, bias[unit] - a * network.mean[0] - c * network.mean[1]];
}
function lineSegment([a, c, d], [x0, x1, y0, y1]) {
  const ends = [];
  if (c !== 0) for (const x of [x0, x1]) ends.push([x, -(a * x + d) / c]);
  if (a !== 0) for (const y of [y0, y1]) ends.push([-(c * y + d) / a, y]);
  const slack = 1e-9 * Math.max(x1 - x0, y1 - y0);
  const inside = ends.filter(([x, y]) => x >= x0 - slack && x <= x1 + slack && y >= y0 - slack && y <= y1 + slack);
  if (inside.length < 2) return null;
  inside.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [...inside[0], ...inside.at(-1)];
}
function shownUnits(network, layer, most = SHOWN_UNITS) {
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
function principalComponents(A, n, h, start = null, ms = 40) {
  const begin = performance.now(), per = 1 / Math.max(n, 1);
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
  let v = start && start[0].length === h ? start.map((c) => Float64Array.from(c)) : [0, 1].map((k) => Float64Array.from({ length: h }, (_, j) => Math.cos(1 + j * (k + 1.37))));
  orthonormalise(v);
  let u = [new Float64Array(h), new Float64Array(h)];
  const variances = [0, 0], points = new Float64Array(2 * n);
  let converged = false, longest = 0, cos = 1, sin = 0, step = 1;
  for (; ; step++) {
    const stepBegin = performance.now();
    const [v0, v1] = v, [u0, u1] = u;
    u0.fill(0);
    u1.fill(0);
    let s00 = 0, s01 = 0, s11 = 0;
    for (let i = 0, at = 0; i < n; i++, at += h) {
      let d0 = 0, d1 = 0;
      for (let j = 0; j < h; j++) {
        const c2 = A[at + j];
        d0 += c2 * v0[j];
        d1 += c2 * v1[j];
      }
      points[2 * i] = d0;
      points[2 * i + 1] = d1;
      s00 += d0 * d0;
      s01 += d0 * d1;
      s11 += d1 * d1;
      for (let j = 0; j < h; j++) {
        const c2 = A[at + j];
        u0[j] += d0 * c2;
        u1[j] += d1 * c2;
      }
    }
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
    if (converged || step === 1e3 || now + longest - begin > ms) break;
    [v, u] = [u, v];
  }
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
var dot = (a, b) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
};
function rotate(a, b, cos, sin) {
  for (let j = 0; j < a.length; j++) {
    const x = a[j];
    a[j] = cos * x + sin * b[j];
    b[j] = cos * b[j] - sin * x;
  }
}
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
function evenlySpread(count, most) {
  const m = Math.min(count, Math.max(0, Math.floor(most)));
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) out[i] = m === count ? i : Math.floor((2 * i + 1) * count / (2 * m));
  return out;
}
function spaceBudget(network, layer) {
  let macs = 0;
  for (let l = 0; l <= layer; l++) macs += network.layers[l].inputs * network.layers[l].outputs;
  const units = network.layers[layer].outputs;
  return Math.max(SPACE_LEAST, Math.floor(Math.min(SPACE_VALUES / units, SPACE_MACS / macs)));
}
var spaceSample = (network, layer, count) => evenlySpread(count, spaceBudget(network, layer));
function hiddenSpace(network, xs, ys, layer, start = null, ms = 40) {
  const A = activations(network, xs, ys, layer);
  const n = xs.length, h = network.layers[layer].outputs;
  if (h <= 2) {
    const points2 = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      points2[2 * i] = A[i * h];
      points2[2 * i + 1] = h === 2 ? A[i * h + 1] : 0;
    }
    const axes = h === 2 ? [Float64Array.of(1, 0), Float64Array.of(0, 1)] : [Float64Array.of(1), Float64Array.of(0)];
    return { points: points2, axes, origin: new Float64Array(h), share: 1, pca: false, next: null, converged: true };
  }
  const { components, variances, mean, total, points, next, converged } = principalComponents(A, n, h, start, ms);
  const share = total > 0 ? (variances[0] + variances[1]) / total : 1;
  return { points, axes: components, origin: mean, share, pca: true, next, converged };
}
function spaceClasses(network, space, box, width, height) {
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
      if (z > top) {
        top = z;
        best = o;
      }
    }
    out[p] = best;
  }
  return out;
}

// components/js/lib/unit_shades.js
var hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
var isDark = (c) => hex(c).reduce((s, v, i) => s + v * [0.299, 0.587, 0.114][i], 0) < 128;
function unitColors(fade) {
  return isDark(fade) ? [hex("#a99cf0"), hex("#e0a25a"), hex(fade)] : [hex("#4b3aa8"), hex("#a6611a"), hex(fade)];
}
function paintUnit(values, at, stride, width, height, activation, colors, pixels) {
  const [on, off, bg] = colors;
  const lut = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const v = k / 127.5 - 1, to = v >= 0 ? on : off;
    for (let c = 0; c < 3; c++) lut[3 * k + c] = Math.round(bg[c] + (to[c] - bg[c]) * Math.abs(v));
  }
  const relu = activation === "relu", sigmoid = activation === "sigmoid", ON = Math.round(1.85 * 127.5);
  for (let i = 0; i < height; i++) {
    for (let j = 0, p = 4 * (height - 1 - i) * width, q = at + i * width * stride; j < width; j++, p += 4, q += stride) {
      const z = values[q];
      const k = relu ? z > 0 ? ON : 128 : Math.round(((sigmoid ? 2 / (1 + Math.exp(-z)) - 1 : Math.tanh(z)) + 1) * 127.5);
      pixels[p] = lut[3 * k];
      pixels[p + 1] = lut[3 * k + 1];
      pixels[p + 2] = lut[3 * k + 2];
      pixels[p + 3] = 255;
    }
  }
}
function paintVeil(values, at, stride, width, height, fade, pixels) {
  const dark = isDark(fade), veil = dark ? hex(fade) : [110, 110, 110], alpha = dark ? 175 : 125;
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const p = 4 * ((height - 1 - i) * width + j);
      pixels[p] = veil[0];
      pixels[p + 1] = veil[1];
      pixels[p + 2] = veil[2];
      pixels[p + 3] = values[at + (i * width + j) * stride] > 0 ? 0 : alpha;
    }
  }
}

// components/js/lib/space_plot.js
var REGION_CELLS = 120;
var OUTLINED = 1e3;
var hex2 = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
function plotBox(points) {
  let a0 = Infinity, a1 = -Infinity, b0 = Infinity, b1 = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    a0 = Math.min(a0, points[i]);
    a1 = Math.max(a1, points[i]);
    b0 = Math.min(b0, points[i + 1]);
    b1 = Math.max(b1, points[i + 1]);
  }
  if (!(a1 >= a0)) return [-1, 1, -1, 1];
  const pad = (lo, hi) => {
    const m = Math.max(hi - lo, 1e-6 * Math.max(1, Math.abs(hi))) * 0.08;
    return [lo - m, hi + m];
  };
  return [...pad(a0, a1), ...pad(b0, b1)];
}
function drawSpace(canvas, points, cls, colors, fade, regions, labels) {
  const ratio = window.devicePixelRatio || 1;
  const scale = parseFloat(getComputedStyle(canvas).fontSize) / 15 || 1;
  const width = Math.max(200, canvas.clientWidth), height = Math.round(width * 0.8);
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const fg = isDark(fade) ? "#e9ecef" : "#1d2228";
  const left = 16 * scale, bottom = 22 * scale;
  const plot = { x: left, y: 4, w: width - left - 4, h: height - bottom - 4 };
  const box = plotBox(points);
  canvas.box = box;
  const px = (a, b) => [plot.x + (a - box[0]) / (box[1] - box[0]) * plot.w, plot.y + (1 - (b - box[2]) / (box[3] - box[2])) * plot.h];
  ctx.fillStyle = fade;
  ctx.fillRect(0, 0, width, height);
  if (regions) {
    const cells = regions(box, REGION_CELLS, REGION_CELLS);
    const image = canvas.regionImage ??= Object.assign(document.createElement("canvas"), { width: REGION_CELLS, height: REGION_CELLS });
    const c2 = image.getContext("2d"), pixels = c2.createImageData(REGION_CELLS, REGION_CELLS), bg = hex2(fade);
    const shades = colors.map((color) => hex2(color).map((c, k) => Math.round(bg[k] + (c - bg[k]) * 0.32)));
    for (let i = 0; i < REGION_CELLS; i++) {
      for (let j = 0; j < REGION_CELLS; j++) {
        const shade = shades[cells[i * REGION_CELLS + j] % shades.length], p = 4 * ((REGION_CELLS - 1 - i) * REGION_CELLS + j);
        pixels.data[p] = shade[0];
        pixels.data[p + 1] = shade[1];
        pixels.data[p + 2] = shade[2];
        pixels.data[p + 3] = 255;
      }
    }
    c2.putImageData(pixels, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, plot.x, plot.y, plot.w, plot.h);
  }
  ctx.strokeStyle = fg;
  ctx.globalAlpha = 0.35;
  ctx.strokeRect(plot.x, plot.y, plot.w, plot.h);
  ctx.globalAlpha = 1;
  const r = 2.6 * Math.min(scale, 1.4);
  ctx.lineWidth = 0.6;
  const classes = [...new Set(cls)], outlined = cls.length <= OUTLINED;
  for (const c of classes) {
    ctx.beginPath();
    for (let i = 0; i < cls.length; i++) {
      if (cls[i] !== c) continue;
      const [x, y] = px(points[2 * i], points[2 * i + 1]);
      if (outlined) {
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      } else {
        ctx.rect(x - r, y - r, 2 * r, 2 * r);
      }
    }
    ctx.fillStyle = colors[c % colors.length];
    ctx.fill();
    if (outlined) ctx.stroke();
  }
  ctx.fillStyle = fg;
  ctx.font = `600 ${Math.round(13 * scale)}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.fillText(labels[0], plot.x + plot.w / 2, height - 5 * scale);
  if (labels[1]) {
    ctx.save();
    ctx.translate(12 * scale, plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(labels[1], 0, 0);
    ctx.restore();
  }
}

// components/js/hidden_units.js
var MIN_MS = 100;
var SHARE = 0.12;
var PCA_MS = 8;
var thousands = (n) => n.toLocaleString("en-US");
var MOST_MACS = 4e6;
var ACTIVE = { relu: "where its ReLU is on (z > 0)", tanh: "its tanh, from -1 to 1", sigmoid: "its sigmoid, 0 to 1 (2\u03C3 - 1 shaded)", none: "its value (no activation)" };
var num = (v) => Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(3) : v.toExponential(2);
var signed = (v) => v < 0 ? ` \u2212 ${num(-v)}` : ` + ${num(v)}`;
function readViews(views) {
  const find = (re) => (views.find((t) => re.test(t)) ?? "").replace(/^\D+/, "");
  const layer = find(/^layer\d+$/), unit = find(/^unit\d+$/);
  return {
    units: views.includes("units"),
    space: views.includes("space"),
    layer: layer ? Math.max(0, Number(layer) - 1) : 0,
    unit: unit ? Number(unit) : null
  };
}
function writeViews({ units, space, layer, unit }) {
  return [units && "units", space && "space", layer > 0 && `layer${layer + 1}`, unit !== null && `unit${unit}`].filter(Boolean);
}
function render({ model, el }) {
  const root = document.createElement("section");
  root.className = "inside-network";
  root.setAttribute("aria-label", "Inside the network");
  root.innerHTML = `<header><h3>Inside the network</h3>
    <label><input type="checkbox" name="units"> Hidden units</label>
    <label><input type="checkbox" name="space"> Hidden space</label>
    <label class="layer" hidden>Layer <select name="layer" aria-label="Layer"></select></label></header>
    <p class="note" role="status"></p>
    <div class="views"><figure class="units-view" hidden><figcaption></figcaption>
      <p class="regions"></p><div class="units" role="group" aria-label="The units: hover over or focus one to see it on the map, click or Enter to keep it"></div>
      <label class="pick" hidden>Any unit <input type="number" name="unit" min="0" step="1" aria-label="Any unit"></label>
      <p class="unit-info" aria-live="polite"></p></figure>
    <figure class="space-view" hidden><figcaption></figcaption><canvas class="space" role="img"></canvas>
      <p class="space-note"></p></figure></div>`;
  el.append(root);
  const $ = (s) => root.querySelector(s);
  const boxes = { units: $("input[name=units]"), space: $("input[name=space]") };
  const layerPick = $("select"), unitPick = $("input[name=unit]"), grid = $(".units");
  let state = null, chosen = readViews(model.views), hovered = null;
  let timer = null, lastAt = -Infinity, lastMs = 0;
  const stale = { units: true, space: true };
  let last = "space";
  let units = null;
  let start = null, converging = false, steps = 0;
  const change = (patch) => {
    model.views = writeViews({ ...chosen, ...patch });
  };
  for (const [name, box] of Object.entries(boxes)) box.addEventListener("change", () => change({ [name]: box.checked }));
  layerPick.addEventListener("change", () => change({ layer: Number(layerPick.value), unit: null }));
  unitPick.addEventListener("change", () => {
    const u = Math.round(Number(unitPick.value));
    const most = units ? units.net.layers[chosen.layer].outputs - 1 : 0;
    if (Number.isFinite(u) && u >= 0 && u <= most) change({ unit: u });
  });
  function applyViews() {
    const before = chosen;
    chosen = readViews(model.views);
    boxes.units.checked = chosen.units;
    boxes.space.checked = chosen.space;
    if (chosen.layer !== before.layer) start = null;
    if (!chosen.units) send(model.channel, "highlight", null);
    stale.units = stale.space = true;
    schedule(true);
  }
  function schedule(now = false) {
    if (timer !== null || !(chosen.units || chosen.space)) return;
    const wait = now ? 0 : Math.max(0, lastAt + Math.max(MIN_MS, lastMs / SHARE) - performance.now());
    timer = setTimeout(() => {
      timer = null;
      requestAnimationFrame(update);
    }, wait);
  }
  function update() {
    if (!state || !state.network) return;
    const begin = performance.now();
    const net = state.network, hidden = net.layers.length - 1;
    $(".views").hidden = hidden === 0;
    $(".note").textContent = hidden === 0 ? "Logistic regression has no hidden layer: the inputs go straight to the logits, so there are no hidden units to show and one linear region, the whole map. Its boundaries are the straight lines where two classes' logits are equal." : "";
    if (hidden === 0) {
      root.dataset.regions = "1";
      stale.units = stale.space = converging = false;
    } else {
      const layer = Math.min(chosen.layer, hidden - 1);
      fillLayers(net, hidden, layer);
      $(".units-view").hidden = !chosen.units;
      $(".space-view").hidden = !chosen.space;
      const due = [chosen.units && stale.units && "units", chosen.space && (stale.space || converging) && "space"].filter(Boolean);
      const view = due.length > 1 ? last === "units" ? "space" : "units" : due[0];
      if (view) {
        stale[view] = false;
        last = view;
        if (view === "units") showUnits(net, layer);
        else showSpace(net, layer, hidden);
        root.dataset.updates = String(Number(root.dataset.updates || 0) + 1);
      }
    }
    const behind = chosen.units && stale.units || chosen.space && stale.space;
    if (!behind) root.dataset.frame = String(net.number);
    lastAt = performance.now();
    lastMs = lastAt - begin;
    root.dataset.ms = lastMs.toFixed(1);
    if (behind || converging) schedule();
  }
  function fillLayers(net, hidden, layer) {
    $(".layer").hidden = hidden < 2;
    if (layerPick.options.length !== hidden) {
      layerPick.innerHTML = net.layers.slice(0, -1).map((l, i) => `<option value="${i}">${i + 1} (${l.outputs} units)</option>`).join("");
    }
    layerPick.value = String(layer);
  }
  function showUnits(net, layer) {
    const hiddenMacs = net.layers.slice(0, -1).reduce((s, l) => s + l.inputs * l.outputs, 0);
    const side = Math.max(16, Math.min(net.cells, Math.floor(Math.sqrt(MOST_MACS / hiddenMacs))));
    const { xs, ys } = gridPlaces(state.extent, side, side);
    const pre = preActivations(net, xs, ys);
    const count = side * side, width = net.layers[layer].outputs;
    const regions = linearRegions(net, pre, count);
    root.dataset.regions = regions === null ? "" : String(regions);
    root.dataset.grid = `${side}x${side}`;
    const ofUnits = `${pre.reduce((s, z) => s + z.length / count, 0)} hidden ${net.activation === "relu" ? "ReLUs" : "units"}`;
    $(".regions").innerHTML = regions === null ? `Linear regions: none. ${net.activation} bends everywhere, so the map is curved, not pieces of planes.` : `Linear regions on the map: <b class="region-count">${regions}</b> <span class="se-note">(distinct on/off patterns of the ${ofUnits} over ${side} \xD7 ${side} cells)</span>`;
    const shown = shownUnits(net, layer);
    if (chosen.unit !== null && chosen.unit < width && !shown.includes(chosen.unit)) shown.push(chosen.unit);
    units = { net, side, pre, layer, width, shown };
    $("figcaption").textContent = `Layer ${layer + 1}: ${width > 16 ? `the 16 of ${width} units with the largest outgoing weights` : `its ${width} unit${width > 1 ? "s" : ""}`}, each shaded ${ACTIVE[net.activation]}${layer === 0 ? ", with its line w\xB7x + b = 0" : " (deeper: its region bends at the layers before)"}`;
    $(".pick").hidden = width <= 16;
    unitPick.max = String(width - 1);
    if (grid.children.length !== shown.length) {
      grid.innerHTML = shown.map(() => `<button type="button" class="unit"><canvas></canvas><span></span></button>`).join("");
    }
    const colors = unitColors(state.fade);
    shown.forEach((u, k) => {
      const button = grid.children[k], canvas = button.querySelector("canvas");
      button.dataset.unit = String(u);
      button.setAttribute("aria-pressed", String(u === chosen.unit));
      button.querySelector("span").textContent = `unit ${u}`;
      if (canvas.width !== side) canvas.width = canvas.height = side;
      const ctx = canvas.getContext("2d"), pixels = ctx.createImageData(side, side);
      paintUnit(pre[layer], u, width, side, side, net.activation, colors, pixels.data);
      ctx.putImageData(pixels, 0, 0);
      if (layer === 0) strokeLine(ctx, lineSegment(unitLine(net, u), state.extent), side, colors);
    });
    highlight();
  }
  function strokeLine(ctx, segment, side, colors) {
    if (!segment) return;
    const [x0, x1, y0, y1] = state.extent;
    const px = (x, y) => [(x - x0) / (x1 - x0) * side, (1 - (y - y0) / (y1 - y0)) * side];
    ctx.lineWidth = Math.max(1, side / 40);
    ctx.strokeStyle = `rgb(${colors[2].map((c) => 255 - c).join(",")})`;
    ctx.beginPath();
    ctx.moveTo(...px(segment[0], segment[1]));
    ctx.lineTo(...px(segment[2], segment[3]));
    ctx.stroke();
  }
  function highlight() {
    const info = $(".unit-info");
    const u = hovered ?? chosen.unit;
    if (!units || u === null || u >= units.width || !chosen.units) {
      info.textContent = "Hover over a unit, or focus it with Tab, to see it on the map; click it (or Enter) to keep it there.";
      delete info.dataset.unit;
      send(model.channel, "highlight", null);
      return;
    }
    const { net, side, pre, layer, width } = units;
    const image = document.createElement("canvas");
    image.width = image.height = side;
    const ctx = image.getContext("2d"), pixels = ctx.createImageData(side, side);
    paintVeil(pre[layer], u, width, side, side, state.fade, pixels.data);
    ctx.putImageData(pixels, 0, 0);
    const label = `layer ${layer + 1}, unit ${u}`;
    info.dataset.unit = String(u);
    if (layer === 0) {
      const { weight, bias } = net.layers[0];
      const [w0, w1, b] = [weight[2 * u], weight[2 * u + 1], bias[u]];
      const segment = lineSegment(unitLine(net, u), state.extent);
      info.dataset.weights = `${w0} ${w1} ${b}`;
      info.dataset.segment = segment ? segment.join(" ") : "";
      info.innerHTML = `<b>Unit ${u}</b>: z = ${num(w0)} x\u2081${signed(w1)} x\u2082${signed(b)} (x standardised); on the map, the dashed line is z = 0 and the veiled side is where ${net.activation === "relu" ? "its ReLU is off" : "z < 0"}.${segment ? "" : " (Its line lies outside the map.)"}`;
      send(model.channel, "highlight", { image, line: segment, label });
    } else {
      info.dataset.weights = "";
      info.innerHTML = `<b>Unit ${u} of layer ${layer + 1}</b>: on the map, the veiled part is where its z \u2264 0${net.activation === "relu" ? " (its ReLU is off)" : ""}; the rest, its active region, is bounded by the bends of the layers before.`;
      send(model.channel, "highlight", { image, line: null, label });
    }
  }
  function showSpace(net, layer, hidden) {
    const { x, y, cls: all } = state.points;
    const pick = spaceSample(net, layer, x.length), sampled = pick.length < x.length;
    const [xs, ys, cls] = sampled ? [Float64Array.from(pick, (i) => x[i]), Float64Array.from(pick, (i) => y[i]), Array.from(pick, (i) => all[i])] : [x, y, all];
    const space = hiddenSpace(net, xs, ys, layer, start, PCA_MS);
    if (space.pca) start = space.next;
    converging = !space.converged && ++steps < 40;
    const canvas = $("canvas.space");
    canvas.space = space;
    canvas.dataset.shown = String(pick.length);
    const width = net.layers[layer].outputs, last2 = layer === hidden - 1;
    const regions = last2 ? (box, w, h) => spaceClasses(net, space, box, w, h) : null;
    drawSpace(canvas, space.points, cls, state.colors, state.fade, regions, space.pca ? ["PC1", "PC2"] : width === 2 ? ["h\u2080 (unit 0)", "h\u2081 (unit 1)"] : ["h\u2080 (unit 0)", ""]);
    const names = [...new Set(cls)].sort((a, b) => a - b).map((c) => `<span class="swatch" style="--class-color:${state.colors[c % state.colors.length]}"></span>${escapeHtml(className(state.names, c))}`);
    const ofPoints = sampled ? `${thousands(pick.length)} of the ${thousands(x.length)} points` : `${thousands(x.length)} points`;
    $(".space-view figcaption").textContent = `Hidden space of layer ${layer + 1}: each point placed by the layer's activations`;
    canvas.setAttribute("aria-label", `${sampled ? `${thousands(pick.length)} of the data's ${thousands(x.length)} points, evenly spread,` : `The data's ${thousands(x.length)} points`} placed by layer ${layer + 1}'s activations`);
    canvas.dataset.axes = space.pca ? "pca" : "units";
    $(".space-note").innerHTML = `${sampled ? `<span class="sample">Shown: ${escapeHtml(ofPoints)}, evenly spread, to keep it live.</span> ` : ""}${space.pca ? `The layer has ${width} units: shown are its <b>first two principal components</b> (PCA of the activations${sampled ? " of these points" : ""}), ${(100 * space.share).toFixed(0)}% of their spread.` : width === 2 ? "The layer has 2 units: they are the axes, h\u2080 across and h\u2081 up." : "The layer has 1 unit: its activation across."} ${last2 ? "Shaded: the class the last layer, linear in these activations, gives each place of this plane: straight boundaries." : "No regions: the layers after this one bend the space, so they are not straight here."} ${names.join(" ")}`;
  }
  const over = (event) => {
    const button = event.target.closest?.("button.unit");
    hovered = button ? Number(button.dataset.unit) : null;
    highlight();
  };
  grid.addEventListener("mouseover", over);
  grid.addEventListener("focusin", over);
  grid.addEventListener("mouseleave", () => {
    hovered = null;
    highlight();
  });
  grid.addEventListener("focusout", () => {
    hovered = null;
    highlight();
  });
  grid.addEventListener("click", (event) => {
    const button = event.target.closest("button.unit");
    if (button) change({ unit: Number(button.dataset.unit) === chosen.unit ? null : Number(button.dataset.unit) });
  });
  const stop = listen(model.channel, "state", (shared) => {
    const frame = state && shared.network && state.network && shared.network.number !== state.network.number;
    state = shared;
    stale.units = stale.space = true;
    steps = 0;
    schedule(!frame);
  });
  model.on("views", applyViews);
  model.on("remove", () => {
    stop();
    clearTimeout(timer);
    send(model.channel, "highlight", null);
  });
  applyViews();
  send(model.channel, "ask");
}
export {
  readViews,
  render,
  writeViews
};
