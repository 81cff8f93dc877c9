// The map's legend: each class as a strip of its colour, shaded as the map shades a cell by the model's confidence
// (its top probability: from a guess, 1/K, paler, to certainty, darker), drawn by the map's own rule (shades.js);
// then what the strips' ends mean, and the points' two parts.

import { escapeHtml } from "./html.js";
import { SHADES, mapPalette, paint } from "./shades.js";

/** Class probabilities of SHADES cells where class `c` of `k` is the top one, from just above a guess (1/k) to
 * certainty: one cell a shade of the map, in order. */
export function confidenceRamp(c, k) {
  const out = new Float64Array(SHADES * k);
  for (let s = 0; s < SHADES; s++) {
    // A quarter of a level above the level's own confidence: a first cell of exactly 1/k would be a tie, which
    // the map gives to the first class.
    const top = Math.min(1, 1 / k + ((1 - 1 / k) * (s + 0.25)) / (SHADES - 1));
    for (let j = 0; j < k; j++) out[s * k + j] = j === c ? top : (1 - top) / (k - 1);
  }
  return out;
}

/** Paint each class's ramp on its strip (a canvas SHADES pixels wide, one a shade) with the map's palette. */
export function paintStrips(strips, colors, background) {
  const k = colors.length;
  const lookup = mapPalette(colors, background);
  strips.forEach((canvas, c) => {
    canvas.width = SHADES;
    canvas.height = 1;
    const ctx = canvas.getContext("2d");
    const image = ctx.createImageData(SHADES, 1);
    paint(confidenceRamp(c, k), SHADES, 1, k, lookup, image.data);
    ctx.putImageData(image, 0, 0);
  });
}

/** The legend's HTML for the classes `names`: over the strips, their ends' top p; a strip each (to paint); what
 * the shade means; the two parts. */
export function legendHtml(names) {
  const k = names.length;
  const classes = names.map((name) => `<li><canvas class="strip" aria-hidden="true"></canvas>${escapeHtml(name)}</li>`);
  return `<div class="ends"><span class="strip-ends" aria-hidden="true"><span>1/${k}</span><span>1</span></span>top p</div>
    <ul class="legend classes">${classes.join("")}</ul>
    <p class="confidence">Darker: surer. The shade is the model's top p, from 1/${k} (a guess) to 1.</p>
    <ul class="legend parts"><li class="part">● training</li><li class="part">▲ validation</li></ul>`;
}
