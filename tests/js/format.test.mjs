import assert from "node:assert/strict";
import { test } from "node:test";

import { formatExp, formatNumber, formatLogit } from "../../components/js/lib/format.js";
import { json } from "./fixtures.mjs";

test("formatExp writes exp(x) as Python's 40-digit decimals give it, far beyond float range", () => {
  for (const { x, mantissa, exponent } of json("exponentials.json")) {
    const text = formatExp(x);
    if (Math.abs(x) < 13.8) {
      assert.ok(Math.abs(Number(text) - mantissa * 10 ** exponent) <= 5e-5, `exp(${x}) = ${text}`);
      continue;
    }
    const [, m, n] = text.match(/^(\d\.\d\d) × 10<sup>(-?\d+)<\/sup>$/) ?? [];
    assert.ok(m, `exp(${x}) as a power of ten: ${text}`);
    assert.equal(Number(n), exponent, `exp(${x}) = ${text}`);
    assert.ok(Math.abs(Number(m) - mantissa) <= 0.005 + 1e-9, `exp(${x}) = ${text}, mantissa ${mantissa}`);
  }
});

test("formatExp never shows a mantissa of 10", () => {
  // exp(x) = 9.999 x 10^4 would round to "10.00": it becomes 1.00 x 10^5.
  assert.equal(formatExp(Math.log(9.999e20)), "1.00 × 10<sup>21</sup>");
});

test("formatNumber gives three decimals", () => {
  assert.equal(formatNumber(2.5), "2.500");
  assert.equal(formatNumber(-0.1234), "-0.123");
  assert.equal(formatNumber(0), "0.000");
  assert.equal(formatNumber(1.23456, 4), "1.2346");
});

test("formatNumber gives three significant digits where decimals would show only zeros", () => {
  assert.equal(formatNumber(1.234e-5), "0.0000123");
  assert.equal(formatNumber(-2e-300), "-2.00e-300");
  assert.equal(formatNumber(5e-5, 4), "0.0000500");
});

test("formatNumber shortens large numbers and names non-finite ones", () => {
  assert.equal(formatNumber(1.5e12), "1.500e+12");
  assert.equal(formatNumber(999), "999.000");
  assert.equal(formatNumber(NaN), "NaN");
  assert.equal(formatNumber(-Infinity), "-Infinity");
});

test("formatLogit writes a logit as a person types it", () => {
  assert.equal(formatLogit(1.23456), "1.235");
  assert.equal(formatLogit(2.5), "2.5");
  assert.equal(formatLogit(-1000), "-1000");
  assert.equal(formatLogit("0.1"), "0.1");
  assert.equal(formatLogit(-0.0001), "0");
});
