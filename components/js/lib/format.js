// Numbers as the tables and labels show them: exact where it matters, short where it does not.

const LN10 = Math.log(10);

/** exp(x) as text that cannot overflow: "7.389" or "1.97 × 10<sup>434</sup>" (HTML), from logarithms only. */
export function formatExp(x) {
  const e = Math.exp(x);
  if (Number.isFinite(e) && e !== 0 && Math.abs(x) < 13.8) return formatNumber(e, 4);
  // exp(x) = 10^(x / ln 10) = m × 10^n with 1 <= m < 10.
  const log10 = x / LN10;
  let n = Math.floor(log10);
  let m = 10 ** (log10 - n);
  if (Number(m.toFixed(2)) >= 10) { m /= 10; n += 1; }
  return `${m.toFixed(2)} × 10<sup>${n}</sup>`;
}

/** A number for a table cell: `digits` decimals, or 3 significant digits where those would show only zeros
 * (and 4 from a billion up). */
export function formatNumber(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && a < 10 ** -digits) return v.toPrecision(3);
  if (a >= 1e9) return v.toPrecision(4);
  return v.toFixed(digits);
}

/** A number as a person writes it and a link carries it: the shortest text that reads back to `v` within the
 * display precision, half a unit in the third decimal (in the third significant digit below 0.001), in plain
 * decimals from 10^-6 to 10^21: "-0.1" for -0.09999999999999998, "0.0001", "1.23e-7". The same rule as
 * models/inputs.py's format_number (tests/js/format.test.mjs checks them against each other). */
export function formatShort(v) {
  const x = Number(v);
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? "0" : String(x);
  return String(Number(Math.abs(x) < 0.001 ? x.toPrecision(3) : x.toFixed(3)));
}
