// Inside the network (the training tab): each hidden unit of a chosen layer as a small picture over the map (its
// line w.x + b = 0 and the side where its ReLU is on; tanh and sigmoid: its shade), one of them highlighted on the
// main map on hover, focus or click; the number of linear regions over the map; and the hidden space, the data
// placed by the chosen layer's activations (its two units, or its first two principal components), coloured by
// class, over the last layer's decision regions (for a wide or deep layer over many points, an evenly spread
// sample of them: lib/hidden.js's spaceBudget). Computed here from the network the map receives each frame
// (lib/map_channel.js), so the views cost the server nothing; never more than a fifth of the page's time.
// `views` (the URL's views=) holds what is open: "units", "space", "layer2" (1 is the first), "unit7" (picked).

import { className } from "./lib/classes.js";
import { escapeHtml } from "./lib/html.js";
import { listen, send } from "./lib/map_channel.js";
import { gridPlaces, hiddenSpace, lineSegment, linearRegions, preActivations, shownUnits, spaceClasses,
  spaceSample, unitLine } from "./lib/hidden.js";
import { paintUnit, paintVeil, unitColors } from "./lib/unit_shades.js";
import { drawSpace } from "./lib/space_plot.js";

const MIN_MS = 100;  // at most ten updates a second...
const SHARE = 0.12;  // ...and at most this share of the page's time
const PCA_MS = 8;  // the principal components' share of an update; they go on from there at the next
const thousands = (n) => n.toLocaleString("en-US");
const MOST_MACS = 4e6;  // the units' grid: the map's cells, coarser if a pass over it would cost more than this
const ACTIVE = { relu: "where its ReLU is on (z > 0)", tanh: "its tanh, from -1 to 1", sigmoid: "its sigmoid, 0 to 1 (2σ - 1 shaded)", none: "its value (no activation)" };
const num = (v) => (Math.abs(v) >= 0.001 || v === 0 ? v.toFixed(3) : v.toExponential(2));
const signed = (v) => (v < 0 ? ` − ${num(-v)}` : ` + ${num(v)}`);

/** What `views` says is open and chosen: {units, space, layer (0 the first), unit (or null)}. */
export function readViews(views) {
  const find = (re) => (views.find((t) => re.test(t)) ?? "").replace(/^\D+/, "");
  const layer = find(/^layer\d+$/), unit = find(/^unit\d+$/);
  return { units: views.includes("units"), space: views.includes("space"),
    layer: layer ? Math.max(0, Number(layer) - 1) : 0, unit: unit ? Number(unit) : null };
}

/** `views` for an open/chosen state (readViews' inverse). */
export function writeViews({ units, space, layer, unit }) {
  return [units && "units", space && "space", layer > 0 && `layer${layer + 1}`, unit !== null && `unit${unit}`]
    .filter(Boolean);
}

export function render({ model, el }) {
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
  const stale = { units: true, space: true };  // views not yet drawn from the latest network and choices
  let last = "space";  // the view drawn last
  let units = null;  // the units' grid: {net, w, h, pre (every hidden layer), shown}
  let start = null, converging = false, steps = 0;  // the last principal components, to start the next from

  const change = (patch) => { model.views = writeViews({ ...chosen, ...patch }); };
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

  /** An update soon: at most every MIN_MS, and only as often as keeps this view's share of the time to SHARE. */
  function schedule(now = false) {
    if (timer !== null || !(chosen.units || chosen.space)) return;
    const wait = now ? 0 : Math.max(0, lastAt + Math.max(MIN_MS, lastMs / SHARE) - performance.now());
    timer = setTimeout(() => { timer = null; requestAnimationFrame(update); }, wait);
  }

  /** Redraw one open view that is behind: two views, two tasks, each short. */
  function update() {
    if (!state || !state.network) return;
    const begin = performance.now();
    const net = state.network, hidden = net.layers.length - 1;
    $(".views").hidden = hidden === 0;
    $(".note").textContent = hidden === 0
      ? "Logistic regression has no hidden layer: the inputs go straight to the logits, so there are no hidden units to show and one linear region, the whole map. Its boundaries are the straight lines where two classes' logits are equal."
      : "";
    if (hidden === 0) {
      root.dataset.regions = "1";
      stale.units = stale.space = converging = false;
    } else {
      const layer = Math.min(chosen.layer, hidden - 1);
      fillLayers(net, hidden, layer);
      $(".units-view").hidden = !chosen.units;
      $(".space-view").hidden = !chosen.space;
      // In turns while both are behind: during training one would otherwise never catch up.
      const due = [chosen.units && stale.units && "units", chosen.space && (stale.space || converging) && "space"]
        .filter(Boolean);
      const view = due.length > 1 ? (last === "units" ? "space" : "units") : due[0];
      if (view) {
        stale[view] = false;
        last = view;
        if (view === "units") showUnits(net, layer);
        else showSpace(net, layer, hidden);
        root.dataset.updates = String(Number(root.dataset.updates || 0) + 1);
      }
    }
    const behind = (chosen.units && stale.units) || (chosen.space && stale.space);
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
    $(".regions").innerHTML = regions === null
      ? `Linear regions: none. ${net.activation} bends everywhere, so the map is curved, not pieces of planes.`
      : `Linear regions on the map: <b class="region-count">${regions}</b> <span class="se-note">(distinct on/off patterns of the ${ofUnits} over ${side} × ${side} cells)</span>`;
    const shown = shownUnits(net, layer);
    if (chosen.unit !== null && chosen.unit < width && !shown.includes(chosen.unit)) shown.push(chosen.unit);
    units = { net, side, pre, layer, width, shown };
    $("figcaption").textContent = `Layer ${layer + 1}: ${width > 16 ? `the 16 of ${width} units with the largest outgoing weights` : `its ${width} unit${width > 1 ? "s" : ""}`}, each shaded ${ACTIVE[net.activation]}${layer === 0 ? ", with its line w·x + b = 0" : " (deeper: its region bends at the layers before)"}`;
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

  /** Draw the map-unit segment on a side x side picture (pixels from the top left). */
  function strokeLine(ctx, segment, side, colors) {
    if (!segment) return;
    const [x0, x1, y0, y1] = state.extent;
    const px = (x, y) => [((x - x0) / (x1 - x0)) * side, (1 - (y - y0) / (y1 - y0)) * side];
    ctx.lineWidth = Math.max(1, side / 40);
    ctx.strokeStyle = `rgb(${colors[2].map((c) => 255 - c).join(",")})`;
    ctx.beginPath();
    ctx.moveTo(...px(segment[0], segment[1]));
    ctx.lineTo(...px(segment[2], segment[3]));
    ctx.stroke();
  }

  /** Show the hovered (else the picked) unit on the main map and say what it computes. */
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
      info.innerHTML = `<b>Unit ${u}</b>: z = ${num(w0)} x₁${signed(w1)} x₂${signed(b)} (x standardised); on the map, the dashed line is z = 0 and the veiled side is where ${net.activation === "relu" ? "its ReLU is off" : "z < 0"}.${segment ? "" : " (Its line lies outside the map.)"}`;
      send(model.channel, "highlight", { image, line: segment, label });
    } else {
      info.dataset.weights = "";
      info.innerHTML = `<b>Unit ${u} of layer ${layer + 1}</b>: on the map, the veiled part is where its z ≤ 0${net.activation === "relu" ? " (its ReLU is off)" : ""}; the rest, its active region, is bounded by the bends of the layers before.`;
      send(model.channel, "highlight", { image, line: null, label });
    }
  }

  function showSpace(net, layer, hidden) {
    const { x, y, cls: all } = state.points;
    // A wide layer (or a deep one) over many points: an evenly spread sample of them, the same every frame, so
    // that a redraw stays short (lib/hidden.js, spaceBudget).
    const pick = spaceSample(net, layer, x.length), sampled = pick.length < x.length;
    const [xs, ys, cls] = sampled
      ? [Float64Array.from(pick, (i) => x[i]), Float64Array.from(pick, (i) => y[i]), Array.from(pick, (i) => all[i])]
      : [x, y, all];
    const space = hiddenSpace(net, xs, ys, layer, start, PCA_MS);
    if (space.pca) start = space.next;
    // Not converged: go on from here at the next update, frames or not (at most 40 times: near-equal variances
    // may never settle).
    converging = !space.converged && ++steps < 40;
    const canvas = $("canvas.space");
    canvas.space = space;
    canvas.dataset.shown = String(pick.length);
    const width = net.layers[layer].outputs, last = layer === hidden - 1;
    const regions = last ? (box, w, h) => spaceClasses(net, space, box, w, h) : null;
    drawSpace(canvas, space.points, cls, state.colors, state.fade, regions, space.pca ? ["PC1", "PC2"] : width === 2 ? ["h₀ (unit 0)", "h₁ (unit 1)"] : ["h₀ (unit 0)", ""]);
    const names = [...new Set(cls)].sort((a, b) => a - b).map((c) => `<span class="swatch" style="--class-color:${state.colors[c % state.colors.length]}"></span>${escapeHtml(className(state.names, c))}`);
    const ofPoints = sampled ? `${thousands(pick.length)} of the ${thousands(x.length)} points` : `${thousands(x.length)} points`;
    $(".space-view figcaption").textContent = `Hidden space of layer ${layer + 1}: each point placed by the layer's activations`;
    canvas.setAttribute("aria-label", `${sampled ? `${thousands(pick.length)} of the data's ${thousands(x.length)} points, evenly spread,` : `The data's ${thousands(x.length)} points`} placed by layer ${layer + 1}'s activations`);
    canvas.dataset.axes = space.pca ? "pca" : "units";
    $(".space-note").innerHTML = `${sampled
      ? `<span class="sample">Shown: ${escapeHtml(ofPoints)}, evenly spread, to keep it live.</span> `
      : ""}${space.pca
      ? `The layer has ${width} units: shown are its <b>first two principal components</b> (PCA of the activations${sampled ? " of these points" : ""}), ${(100 * space.share).toFixed(0)}% of their spread.`
      : width === 2 ? "The layer has 2 units: they are the axes, h₀ across and h₁ up." : "The layer has 1 unit: its activation across."} ${last
      ? "Shaded: the class the last layer, linear in these activations, gives each place of this plane: straight boundaries."
      : "No regions: the layers after this one bend the space, so they are not straight here."} ${names.join(" ")}`;
  }

  const over = (event) => {
    const button = event.target.closest?.("button.unit");
    hovered = button ? Number(button.dataset.unit) : null;
    highlight();
  };
  grid.addEventListener("mouseover", over);
  grid.addEventListener("focusin", over);
  grid.addEventListener("mouseleave", () => { hovered = null; highlight(); });
  grid.addEventListener("focusout", () => { hovered = null; highlight(); });
  grid.addEventListener("click", (event) => {
    const button = event.target.closest("button.unit");
    if (button) change({ unit: Number(button.dataset.unit) === chosen.unit ? null : Number(button.dataset.unit) });
  });

  const stop = listen(model.channel, "state", (shared) => {
    const frame = state && shared.network && state.network && shared.network.number !== state.network.number;
    state = shared;
    stale.units = stale.space = true;
    steps = 0;
    schedule(!frame);  // a new frame waits its turn; new points or colours show at once
  });
  model.on("views", applyViews);
  model.on("remove", () => { stop(); clearTimeout(timer); send(model.channel, "highlight", null); });
  applyViews();
  send(model.channel, "ask");
}
