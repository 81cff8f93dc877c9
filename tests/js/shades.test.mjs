import assert from "node:assert/strict";
import { test } from "node:test";

import { SHADES, mapPalette, paint, shade } from "../../components/js/lib/shades.js";

test("a guess gets the lowest shade and certainty the highest", () => {
  assert.equal(shade(1 / 3, 3), 0);
  assert.equal(shade(1, 3), SHADES - 1);
  assert.equal(shade(0.5, 3), (SHADES - 1) / 4);  // 0.5 of 3 classes: a quarter up
  assert.equal(shade(0.5, 2), 0);
});

test("shades rise with confidence", () => {
  const levels = Array.from({ length: 11 }, (_, i) => shade(0.5 + i * 0.05, 2));
  assert.equal(levels[0], 0);
  assert.equal(levels.at(-1), SHADES - 1);
  levels.slice(1).forEach((level, i) => assert.ok(level > levels[i]));
});

test("the palette runs from near the background to near the class colour, for each class", () => {
  const lookup = mapPalette(["#0072B2", "#E69F00"], "#ffffff");
  assert.equal(lookup.length, 2 * SHADES * 4);
  const brightness = (code) => lookup[code * 4] + lookup[code * 4 + 1] + lookup[code * 4 + 2];
  for (let s = 1; s < SHADES; s++) assert.ok(brightness(s) < brightness(s - 1));  // darker as the model is surer
  assert.deepEqual(Array.from(lookup.subarray(0, 4)), [235, 244, 249, 255]);  // 8 % blue over white
  assert.notDeepEqual(lookup.subarray(SHADES * 4, SHADES * 4 + 4), lookup.subarray(0, 4));
});

test("paint colours each cell by its top class and confidence, the grid's bottom row at the image's bottom", () => {
  const lookup = mapPalette(["#000000", "#ff0000"], "#ffffff");
  // Two rows of two cells, two classes: bottom row sure of class 1, then a guess; top row sure of class 0.
  const probabilities = [0, 1, 0.5, 0.5, 1, 0, 1, 0];
  const pixels = new Uint8ClampedArray(2 * 2 * 4);
  paint(probabilities, 2, 2, 2, lookup, pixels);
  const code = (c, s) => Array.from(lookup.subarray((c * SHADES + s) * 4, (c * SHADES + s) * 4 + 4));
  const pixel = (row, col) => Array.from(pixels.subarray((row * 2 + col) * 4, (row * 2 + col) * 4 + 4));
  assert.deepEqual(pixel(1, 0), code(1, SHADES - 1));
  assert.deepEqual(pixel(1, 1), code(0, 0));  // a tie goes to the first class, as argmax does
  assert.deepEqual(pixel(0, 0), code(0, SHADES - 1));
});
