import assert from "node:assert/strict";
import { test } from "node:test";

import { formatExp, formatNumber, formatShort } from "../../components/js/lib/format.js";
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

test("formatShort writes what models/inputs.py's format_number writes, for every fixture number", () => {
  const numbers = json("numbers.json");
  assert.ok(numbers.length > 600);
  const differ = numbers.filter(({ value, text }) => formatShort(value) !== text);
  assert.deepEqual(differ.map(({ value, text }) => [value, text, formatShort(value)]), []);
});

test("formatShort drops floating-point noise and keeps the display precision", () => {
  assert.equal(formatShort(-0.6 + 0.5), "-0.1");
  assert.equal(formatShort(0.1 + 0.2), "0.3");
  assert.equal(formatShort(1.23456), "1.235");
  assert.equal(formatShort(2.5), "2.5");
  assert.equal(formatShort(-1000), "-1000");
  assert.equal(formatShort("0.1"), "0.1");
  assert.equal(formatShort(-0), "0");
});

test("formatShort keeps three significant digits below 0.001", () => {
  assert.equal(formatShort(0.0001), "0.0001");
  assert.equal(formatShort(-0.00012345), "-0.000123");
  assert.equal(formatShort(-2.5e-7), "-2.5e-7");
  assert.equal(formatShort(0.0009996), "0.001");
});
