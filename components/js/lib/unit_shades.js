// The colours of the views inside the network: a unit's value over the plane as a small picture, and the veil
// over the map's cells where the highlighted unit is off. Theme-aware: the map's background (its fade colour)
// says light or dark.

const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** Whether the colour `c` (#rrggbb) is dark. */
export const isDark = (c) => hex(c).reduce((s, v, i) => s + v * [0.299, 0.587, 0.114][i], 0) < 128;

/** The unit colours on the background `fade`: [on (positive), negative, background] as [r, g, b]. */
export function unitColors(fade) {
  return isDark(fade)
    ? [hex("#a99cf0"), hex("#e0a25a"), hex(fade)]
    : [hex("#4b3aa8"), hex("#a6611a"), hex(fade)];
}

/** One unit's picture: each cell's pre-activation z (values[at + cell * stride]) as RGBA into `pixels`, rows from
 * the top (the grid's row 0 is at the bottom). ReLU: the on colour where z > 0, the background elsewhere; tanh,
 * sigmoid and none: the activation's value from -1 (negative colour) through 0 (background) to 1. */
export function paintUnit(values, at, stride, width, height, activation, colors, pixels) {
  const [on, off, bg] = colors;
  // 255 shades from -1 to 1 (ReLU: two), looked up by each cell's value.
  const lut = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const v = k / 127.5 - 1, to = v >= 0 ? on : off;
    for (let c = 0; c < 3; c++) lut[3 * k + c] = Math.round(bg[c] + (to[c] - bg[c]) * Math.abs(v));
  }
  const relu = activation === "relu", sigmoid = activation === "sigmoid", ON = Math.round(1.85 * 127.5);
  for (let i = 0; i < height; i++) {
    for (let j = 0, p = 4 * (height - 1 - i) * width, q = at + i * width * stride; j < width; j++, p += 4, q += stride) {
      const z = values[q];
      const k = relu ? (z > 0 ? ON : 128) : Math.round(((sigmoid ? 2 / (1 + Math.exp(-z)) - 1 : Math.tanh(z)) + 1) * 127.5);
      pixels[p] = lut[3 * k];
      pixels[p + 1] = lut[3 * k + 1];
      pixels[p + 2] = lut[3 * k + 2];
      pixels[p + 3] = 255;
    }
  }
}

/** The map's veil for one unit where z <= 0 (the unit is off), clear where it is on: grey on a light map (a
 * white veil would not show over the pale, unsure places), the background on a dark one. */
export function paintVeil(values, at, stride, width, height, fade, pixels) {
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
