import assert from "node:assert/strict";
import { test } from "node:test";

import { cases, spec } from "./standalone_cases.mjs";
import * as inputs from "../../components/js/standalone/inputs.js";

test("logits are read from text as models/inputs.py reads them, with the same messages", () => {
  for (const { text, value, error } of cases.logits) {
    if (error) assert.throws(() => inputs.parseLogits(spec, text), { message: error }, text);
    else assert.deepEqual(inputs.parseLogits(spec, text), value, text);
  }
});

test("class names are read from text as models/inputs.py reads them, with the same messages", () => {
  for (const { text, value, error } of cases.names) {
    if (error) assert.throws(() => inputs.parseClassNames(spec, text), { message: error }, text);
    else assert.deepEqual(inputs.parseClassNames(spec, text), value, text);
  }
});

test("a message quotes a value as Python's repr does", () => {
  assert.equal(inputs.quote("abc"), "'abc'");
  assert.equal(inputs.quote("it's"), '"it\'s"');
  assert.equal(inputs.quote("a\tb\\"), "'a\\tb\\\\'");
  assert.equal(inputs.quote("x".repeat(41)), `'${"x".repeat(40)}'… (41 characters)`);
});
