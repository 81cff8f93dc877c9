// How the decision map colours a cell: its top class's colour over the background, stronger as the model is
// surer, in SHADES steps from a guess (probability 1/K) to certainty.

export const SHADES = 25;

/** The level, 0 (a guess) to SHADES - 1 (certain), of a top probability `confidence` among k classes. */
export function shade(confidence, k) {
  return Math.min(SHADES - 1, Math.max(0, Math.round(((confidence - 1 / k) / (1 - 1 / k)) * (SHADES - 1))));
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** RGBA of each code (class × SHADES + level) for `colors` (one a class, #rrggbb) over `background`: from
 * nearly the background (8 % colour) at level 0 to 70 % colour at the top level. */
export function mapPalette(colors, background) {
  const under = rgb(background);
  const lookup = new Uint8ClampedArray(colors.length * SHADES * 4);
  colors.forEach((color, c) => {
    const over = rgb(color);
    for (let s = 0; s < SHADES; s++) {
      const amount = 0.08 + (0.62 * s) / (SHADES - 1);
      lookup.set([...over.map((v, i) => Math.round(v * amount + under[i] * (1 - amount))), 255], (c * SHADES + s) * 4);
    }
  });
  return lookup;
}

/** Colour a width x height grid of class probabilities (cell by cell, k each, row 0 at the bottom) into RGBA
 * `pixels` (row 0 at the top, as an image is). */
export function paint(probabilities, width, height, k, lookup, pixels) {
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const at = (i * width + j) * k;
      let top = 0;
      for (let c = 1; c < k; c++) if (probabilities[at + c] > probabilities[at + top]) top = c;
      const code = top * SHADES + shade(probabilities[at + top], k);
      pixels.set(lookup.subarray(code * 4, code * 4 + 4), ((height - 1 - i) * width + j) * 4);
    }
  }
}
