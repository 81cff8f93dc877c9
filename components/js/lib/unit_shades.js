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
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const z = values[at + (i * width + j) * stride];
      let v;
      if (activation === "relu") v = z > 0 ? 0.85 : 0;
      else if (activation === "sigmoid") v = 2 / (1 + Math.exp(-z)) - 1;
      else v = Math.tanh(z);
      const to = v >= 0 ? on : off, a = Math.abs(v);
      const p = 4 * ((height - 1 - i) * width + j);
      for (let c = 0; c < 3; c++) pixels[p + c] = Math.round(bg[c] + (to[c] - bg[c]) * a);
      pixels[p + 3] = 255;
    }
  }
}

/** The map's veil for one unit: the background colour, 62% opaque, where z <= 0 (the unit is off), clear where it
 * is on. */
export function paintVeil(values, at, stride, width, height, fade, pixels) {
  const bg = hex(fade);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const p = 4 * ((height - 1 - i) * width + j);
      pixels[p] = bg[0];
      pixels[p + 1] = bg[1];
      pixels[p + 2] = bg[2];
      pixels[p + 3] = values[at + (i * width + j) * stride] > 0 ? 0 : 158;
    }
  }
}
