import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { CLASS_COLORS, classColor, className } from "../../components/js/lib/classes.js";

test("the class colours are components/palette.json's, which Python reads too", () => {
  const palette = JSON.parse(readFileSync(new URL("../../components/palette.json", import.meta.url)));
  assert.deepEqual(CLASS_COLORS, palette.class_colors);
  assert.equal(CLASS_COLORS.length, 10);
});

test("classColor repeats the palette beyond its length", () => {
  assert.equal(classColor(0), CLASS_COLORS[0]);
  assert.equal(classColor(CLASS_COLORS.length + 2), CLASS_COLORS[2]);
});

test("className gives a class's name, or 'class i' without one", () => {
  assert.equal(className(["low", "high"], 1), "high");
  assert.equal(className([0, 1], 0), "0");
  assert.equal(className(["low", ""], 1), "class 1");
  assert.equal(className(["low"], 3), "class 3");
  assert.equal(className(undefined, 2), "class 2");
});
