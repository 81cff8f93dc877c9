// The decision map on a canvas: the model's class over the plane, shaded by its confidence, under the data's
// points (a layer drawn once per data set), with axes, a legend, hover and click. A frame is the model itself
// (its weights, laid out by components/layouts.py): lib/map_grid.js runs its forward pass over a grid of cells,
// as fine as the browser can afford while frames keep coming and at the finest the canvas needs once they stop.
// Once a frame is painted its number goes back (model.shown), so the server never sends faster than the browser
// draws. Hovering shows the model's exact probabilities at that place. Beside the map: the legend (lib/legend.js:
// each class shaded as the map shades it by confidence) and draw mode (lib/draw.js), in which a click adds a point
// of the chosen class instead of picking one.

import { unpackPoints } from "./lib/binary.js";
import { className } from "./lib/classes.js";
import { drawPanel } from "./lib/draw.js";
import { escapeHtml } from "./lib/html.js";
import { legendHtml, paintStrips } from "./lib/legend.js";
import { listen, send } from "./lib/map_channel.js";
import { mapGrid } from "./lib/map_grid.js";
import { probabilitiesAt, readNetwork } from "./lib/network.js";
import { SHADES, mapPalette, paint } from "./lib/shades.js";
import { niceTicks, svg } from "./lib/plot.js";

const HEIGHT = 500;
const LECTURE_SHARE = 0.42;  // of the window's height, for the map in lecture mode: the epoch line and curves below

export function render({ model, el }) {
  const root = document.createElement("figure");
  root.className = "decision-map";
  root.innerHTML = `<div class="plot"><canvas class="map"></canvas><svg class="axes"></svg>
    <div class="tooltip" role="status" hidden></div></div>
    <aside class="side"><div class="key" role="group" aria-label="Legend"></div></aside>`;
  el.append(root);
  const plot = root.querySelector(".plot");
  const canvas = root.querySelector("canvas");
  const axes = root.querySelector("svg");
  const tooltip = root.querySelector(".tooltip");
  const key = root.querySelector(".key");
  canvas.setAttribute("role", "img");
  const cells = document.createElement("canvas");  // the grid, one pixel a cell
  const layer = document.createElement("canvas");  // the points, redrawn only when they or the size change
  let box = { x: 0, y: 0, w: 1, h: 1 };
  let lookup = null;  // RGBA of each class x shade, for the current classes and background
  let points = unpackPoints(model.points);
  let network = null;  // the newest model received
  let highlight = null;  // a hidden unit to show over the cells (js/hidden_units.js): {image, line, label}

  const scale = () => parseFloat(getComputedStyle(el).fontSize) / 15 || 1;
  const colorOf = (c) => model.class_colors[c % model.class_colors.length];
  const panel = drawPanel(model, colorOf);
  root.querySelector(".side").append(panel.el);
  const toPixel = (x, y) => {
    const [x0, x1, y0, y1] = model.extent;
    return [box.x + ((x - x0) / (x1 - x0)) * box.w, box.y + (1 - (y - y0) / (y1 - y0)) * box.h];
  };
  const toData = (px, py) => {
    const [x0, x1, y0, y1] = model.extent;
    return [x0 + ((px - box.x) / box.w) * (x1 - x0), y0 + (1 - (py - box.y) / box.h) * (y1 - y0)];
  };

  function layout() {
    const s = scale();
    const width = Math.max(200, plot.clientWidth);
    // Taller with larger type, but in lecture mode (s > 1.2) no taller than fits one screen with the curves.
    const fit = s > 1.2 ? Math.max(360, LECTURE_SHARE * window.innerHeight) : Infinity;
    const height = Math.round(Math.min(HEIGHT * Math.min(s, 1.3), fit));
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    axes.setAttribute("viewBox", `0 0 ${width} ${height}`);
    axes.setAttribute("width", width);
    axes.setAttribute("height", height);
    const left = 70 * s, bottom = 46 * s;
    box = { x: left, y: 8, w: width - left - 12, h: height - bottom - 8 };
    drawAxes();
    drawPoints();
    compose();
  }

  function drawAxes() {
    const [x0, x1, y0, y1] = model.extent;
    const s = scale();
    axes.replaceChildren(svg("rect", { x: box.x, y: box.y, width: box.w, height: box.h, class: "frame" }));
    for (const [v, text] of niceTicks(x0, x1, Math.max(3, Math.floor(box.w / (110 * s))))) {
      const [px] = toPixel(v, y0);
      axes.append(svg("line", { x1: px, x2: px, y1: box.y + box.h, y2: box.y + box.h + 5, class: "tick" }));
      axes.append(svg("text", { x: px, y: box.y + box.h + 20 * s, class: "tick-label x" }, text));
    }
    for (const [v, text] of niceTicks(y0, y1, Math.max(3, Math.floor(box.h / (60 * s))))) {
      const [, py] = toPixel(x0, v);
      axes.append(svg("line", { x1: box.x - 5, x2: box.x, y1: py, y2: py, class: "tick" }));
      axes.append(svg("text", { x: box.x - 8, y: py + 5 * s, class: "tick-label y" }, text));
    }
    axes.append(svg("text", { x: box.x + box.w / 2, y: box.y + box.h + 40 * s, class: "axis-label" }, model.x_label));
    axes.append(svg("text", { x: 14 * s, y: box.y + box.h / 2, class: "axis-label",
      transform: `rotate(-90 ${14 * s} ${box.y + box.h / 2})` }, model.y_label));
  }

  function drawPoints() {
    const ratio = window.devicePixelRatio || 1;
    layer.width = canvas.width;
    layer.height = canvas.height;
    const ctx = layer.getContext("2d");
    ctx.scale(ratio, ratio);
    const { x, y, cls, part } = points;
    const radius = 3.2 * Math.min(scale(), 1.3);
    ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
    const firstDrawn = x.length - (model.drawn || 0);
    for (let i = 0; i < x.length; i++) {
      const [px, py] = toPixel(x[i], y[i]);
      // The points drawn on the map: larger, outlined more strongly.
      const r = i < firstDrawn ? radius : radius * 1.4;
      ctx.lineWidth = i < firstDrawn ? 0.8 : 2;
      ctx.fillStyle = colorOf(cls[i]);
      ctx.beginPath();
      if (part[i]) {  // validation: a triangle
        ctx.moveTo(px, py - r * 1.5);
        ctx.lineTo(px + r * 1.3, py + r * 0.9);
        ctx.lineTo(px - r * 1.3, py + r * 0.9);
        ctx.closePath();
      } else {
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }
  }

  /** Show a computed grid: colour its cells, compose them with the points; the canvas keeps it (`grid`). */
  function show(grid) {
    const { width, height, classes, probabilities } = grid;
    lookup ??= mapPalette(Array.from({ length: classes }, (_, c) => colorOf(c)), model.fade_to);
    if (cells.width !== width || cells.height !== height) {
      cells.width = width;
      cells.height = height;
    }
    const ctx = cells.getContext("2d");
    const pixels = ctx.createImageData(width, height);
    paint(probabilities, width, height, classes, lookup, pixels.data);
    ctx.putImageData(pixels, 0, 0);
    canvas.grid = grid;
    canvas.dataset.cells = `${width}x${height}`;
    compose();
  }

  // The grids of the models received: painted by show(); a frame's, once on screen, acknowledged.
  const grids = mapGrid({
    size: () => [box.w, box.h],
    extent: () => model.extent,
    show,
    painted: (net) => {
      canvas.dataset.frame = String(net.number);
      model.send_msg({ shown: net.number });
    },
  });

  /** A new model (a frame): shared with the views inside the network, and its grid computed (lib/map_grid.js). */
  function receive(value) {
    const net = readNetwork(value);
    if (!net) return;
    network = net;
    share();
    if (lookup && net.classes * 4 * SHADES !== lookup.length) lookup = null;
    grids.frame(net);
  }

  /** The size or the extent changed: draw the current model afresh at the finest grid. */
  function redraw() {
    grids.refine(network);
  }

  function compose() {
    const ratio = window.devicePixelRatio || 1;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.imageSmoothingEnabled = false;  // crisp cells: the grid is the model's resolution, not blur
    ctx.drawImage(cells, box.x, box.y, box.w, box.h);
    if (highlight) drawHighlight(ctx);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (model.marker.length === 2) {
      const [px, py] = toPixel(...model.marker);
      ctx.lineWidth = 3;
      ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
      ctx.beginPath();
      ctx.arc(px, py, 10, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }

  /** The highlighted unit: its inactive side veiled (highlight.image, over the map's extent), its line drawn. */
  function drawHighlight(ctx) {
    ctx.drawImage(highlight.image, box.x, box.y, box.w, box.h);
    if (!highlight.line) return;
    const [ax, ay, bx, by] = highlight.line;
    ctx.save();
    ctx.lineWidth = 3;
    ctx.setLineDash([10, 5]);
    ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
    ctx.beginPath();
    ctx.moveTo(...toPixel(ax, ay));
    ctx.lineTo(...toPixel(bx, by));
    ctx.stroke();
    ctx.restore();
  }

  /** What the views inside the network need (js/hidden_units.js), on the map's channel. */
  const share = () => send(model.channel, "state", { network, points, extent: model.extent,
    colors: model.class_colors, names: model.class_names, fade: model.fade_to });
  const unlisten = [listen(model.channel, "ask", share), listen(model.channel, "highlight", (shown) => {
    highlight = shown;
    canvas.dataset.highlight = shown ? shown.label : "";
    compose();
  })];

  function drawLegend() {
    key.innerHTML = legendHtml(model.class_names);
    paintStrips([...key.querySelectorAll("canvas.strip")], model.class_names.map((_, c) => colorOf(c)), model.fade_to);
    canvas.setAttribute("aria-label", `Decision map over ${model.x_label} and ${model.y_label}: the model's class and confidence, with the data's points`);
  }

  function nearest(px, py) {
    const { x, y } = points;
    let best = -1, bestDistance = 8 * 8;
    for (let i = 0; i < x.length; i++) {
      const [qx, qy] = toPixel(x[i], y[i]);
      const d = (qx - px) ** 2 + (qy - py) ** 2;
      if (d < bestDistance) { best = i; bestDistance = d; }
    }
    return best;
  }

  const inside = (px, py) => px >= box.x && px <= box.x + box.w && py >= box.y && py <= box.y + box.h;
  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };

  canvas.addEventListener("click", (event) => {
    const [px, py] = local(event);
    if (!inside(px, py)) return;
    const [x, y] = toData(px, py);
    if (!model.drawing) model.send_msg({ x, y });
    else if (!panel.full()) model.send_msg({ draw: [x, y, model.pen] });
  });
  canvas.addEventListener("mousemove", (event) => {
    const [px, py] = local(event);
    tooltip.hidden = !inside(px, py) || !network;
    if (tooltip.hidden) return;
    const [x, y] = toData(px, py);
    const p = probabilitiesAt(network, x, y);
    const i = nearest(px, py);
    const { cls, part } = points;
    const place = i < 0
      ? `${escapeHtml(model.x_label)}: ${x.toFixed(4)}<br>${escapeHtml(model.y_label)}: ${y.toFixed(4)}`
      : `<b>${escapeHtml(className(model.class_names, cls[i]))}</b> (${part[i] ? "validation" : "training"})<br>
        ${escapeHtml(model.x_label)}: ${points.x[i].toFixed(4)}<br>${escapeHtml(model.y_label)}: ${points.y[i].toFixed(4)}`;
    const rows = Array.from(p, (v, c) => `<tr><td><span class="swatch" style="--class-color:${colorOf(c)}"></span>
      ${escapeHtml(className(model.class_names, c))}</td><td class="num">${v.toFixed(3)}</td></tr>`);
    tooltip.innerHTML = `${place}<table class="probabilities"><caption>the model here</caption>${rows.join("")}</table>`;
    tooltip.dataset.place = `${x} ${y}`;
    tooltip.dataset.probabilities = Array.from(p).join(" ");
    tooltip.style.left = `${px + 12}px`;
    tooltip.style.top = `${py + 12}px`;
  });
  canvas.addEventListener("mouseleave", () => { tooltip.hidden = true; });

  const recolor = () => {
    lookup = null;
    drawLegend();
    if (canvas.grid) show(canvas.grid);
    share();
  };
  model.on("msg:custom", receive);
  model.on("points", () => { points = unpackPoints(model.points); drawPoints(); compose(); share(); });
  const drawMode = () => { canvas.classList.toggle("drawing", Boolean(model.drawing)); panel.update(); };
  model.on(["drawing", "pen", "drawn"], drawMode);
  model.on("drawn", () => { drawPoints(); compose(); });
  model.on("extent", () => { layout(); redraw(); share(); });
  model.on(["x_label", "y_label"], drawAxes);
  model.on("fade_to", recolor);
  model.on(["class_names", "class_colors"], () => { panel.classes(); drawPoints(); recolor(); });
  model.on("marker", compose);
  const resize = new ResizeObserver(() => { layout(); redraw(); });
  resize.observe(plot);
  model.on("remove", () => { unlisten.forEach((stop) => stop()); resize.disconnect(); grids.stop(); });
  drawLegend();
  drawMode();
  requestAnimationFrame(() => { layout(); receive(model.frame); });
}
