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

/** A logit as a person would type it: at most 3 decimals, no trailing zeros. */
export function formatLogit(v) {
  return String(Number(Number(v).toFixed(3)));
}
