import assert from "node:assert/strict";
import { test } from "node:test";

import { confidenceRamp } from "../../components/js/lib/legend.js";
import { SHADES, shade } from "../../components/js/lib/shades.js";

test("a class's ramp runs through every shade of the map, in order, that class on top", () => {
  for (const k of [2, 3, 10]) {
    for (let c = 0; c < k; c++) {
      const ramp = confidenceRamp(c, k);
      for (let s = 0; s < SHADES; s++) {
        const cell = Array.from(ramp.subarray(s * k, (s + 1) * k));
        assert.ok(Math.abs(cell.reduce((a, b) => a + b) - 1) < 1e-12);
        assert.equal(cell.indexOf(Math.max(...cell)), c);  // never a tie, which the map gives to class 0
        assert.equal(shade(cell[c], k), s);
      }
    }
  }
});
