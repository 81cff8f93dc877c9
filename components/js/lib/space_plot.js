// The hidden-space plot on a canvas: the data's points at their places in a hidden layer (2 numbers each),
// coloured by class, over the last layer's decision regions when they are straight there (a function giving
// the class at each cell of a grid), with the axes' names.

import { isDark } from "./unit_shades.js";

const REGION_CELLS = 120;  // the regions' grid a side: the boundaries are straight, so a coarse grid (smoothed) shows them
const OUTLINED = 1000;  // points up to this many are outlined circles; more are plain squares (cheaper to paint)
const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** The box [a0, a1, b0, b1] the plot shows: the points' range, 8% wider each side (a unit box if they are one). */
export function plotBox(points) {
  let a0 = Infinity, a1 = -Infinity, b0 = Infinity, b1 = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    a0 = Math.min(a0, points[i]); a1 = Math.max(a1, points[i]);
    b0 = Math.min(b0, points[i + 1]); b1 = Math.max(b1, points[i + 1]);
  }
  if (!(a1 >= a0)) return [-1, 1, -1, 1];
  const pad = (lo, hi) => { const m = Math.max(hi - lo, 1e-6 * Math.max(1, Math.abs(hi))) * 0.08; return [lo - m, hi + m]; };
  return [...pad(a0, a1), ...pad(b0, b1)];
}

/** Draw the plot on `canvas` at its CSS size: `points` (a0, b0, a1, b1...), their classes `cls` in `colors`, on
 * the background `fade`; `regions(box, w, h)` gives the class of each cell (row 0 at the bottom), or is null. */
export function drawSpace(canvas, points, cls, colors, fade, regions, labels) {
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
  const px = (a, b) => [plot.x + ((a - box[0]) / (box[1] - box[0])) * plot.w, plot.y + (1 - (b - box[2]) / (box[3] - box[2])) * plot.h];
  ctx.fillStyle = fade;
  ctx.fillRect(0, 0, width, height);
  if (regions) {
    const cells = regions(box, REGION_CELLS, REGION_CELLS);
    // One offscreen picture a plot, kept; each class's shade worked out once, not once a cell.
    const image = (canvas.regionImage ??= Object.assign(document.createElement("canvas"), { width: REGION_CELLS, height: REGION_CELLS }));
    const c2 = image.getContext("2d"), pixels = c2.createImageData(REGION_CELLS, REGION_CELLS), bg = hex(fade);
    const shades = colors.map((color) => hex(color).map((c, k) => Math.round(bg[k] + (c - bg[k]) * 0.32)));
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
  // One path a class (a draw call each, not one a point: thousands of points in a few ms).
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
        ctx.rect(x - r, y - r, 2 * r, 2 * r);  // squares: many circles cost a slow page's paint many ms
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
