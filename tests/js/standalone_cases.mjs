// What Python answers for the one-file explorer's rules (tests/js/standalone_fixtures.py writes it): the tables
// the file carries (`spec`) and the cases (`cases`); and a state compared with the one Python reached.

import assert from "node:assert/strict";

import { close, json } from "./fixtures.mjs";

export const spec = json("spec.json");
export const cases = json("standalone.json");

/** `actual` has `expected`'s values (Python's): the logits to within rounding, the rest exactly. */
export function assertSameState(actual, expected, what) {
  for (const [key, value] of Object.entries(expected)) {
    if (key === "logits") {
      assert.equal(actual.logits.length, value.length, `${what}: logits ${actual.logits} vs ${value}`);
      actual.logits.forEach((z, i) => assert.ok(close(z, value[i], 1e-12), `${what}: logits ${actual.logits} vs ${value}`));
    } else {
      assert.deepEqual(actual[key], value, `${what}: ${key}`);
    }
  }
}
