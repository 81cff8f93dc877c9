// The browser's copy of models/softmax.py, in the same order of operations, so that what a student sees while
// dragging equals what the server computes (the browser tests compare the two to 1e-12).

/** Every number behind softmax(z / T) and the cross-entropy for class `target`, computed stably. */
export function softmaxSteps(logits, target, temperature) {
  const z = logits.map(Number);
  const T = Number(temperature);
  const top = Math.max(...z);
  // (z - max z) / T: every entry <= 0, the largest exactly 0, so exp cannot overflow.
  const shifted = z.map((v) => (v - top) / T);
  const expShifted = shifted.map(Math.exp);
  const sum = expShifted.reduce((a, b) => a + b, 0);
  const probabilities = expShifted.map((e) => e / sum);
  const logSum = Math.log(sum);
  const logProbabilities = shifted.map((s) => s - logSum);
  const k = Math.min(Math.max(0, target | 0), z.length - 1);
  const loss = -logProbabilities[k];
  const gradient = probabilities.map((p, i) => (p - (i === k ? 1 : 0)) / T);
  const best = probabilities.indexOf(Math.max(...probabilities));
  return {
    logits: z, temperature: T, target: k, top, shifted, expShifted, sum, probabilities,
    logProbabilities, loss, gradient, predicted: best, correct: best === k,
  };
}

/** The cross-entropy for class `target` as a function of that class's logit x, the others held (for plots).
 * L(x) = log(e^(x/T) + S) - x/T with S = sum of the others' e^(z/T), i.e. softplus(log S - x/T): O(1) a point. */
export function lossAlong(logits, target, temperature, xs) {
  const others = logits.filter((_, i) => i !== target).map((v) => v / temperature);
  const top = Math.max(...others);
  const logS = top + Math.log(others.reduce((a, v) => a + Math.exp(v - top), 0));
  return xs.map((x) => softplus(logS - x / temperature));
}

/** log(1 + e^u), without overflow for large u. */
function softplus(u) {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

const LN10 = Math.log(10);

/** exp(x) as text that cannot overflow: "7.389" or "1.97 × 10^434" (as HTML with <sup>). */
export function formatExp(x) {
  const e = Math.exp(x);
  if (Number.isFinite(e) && e !== 0 && Math.abs(x) < 13.8) return formatNumber(e, 4);
  // exp(x) = 10^(x / ln 10) = m × 10^n with 1 <= m < 10, from logarithms only.
  const log10 = x / LN10;
  let n = Math.floor(log10);
  let m = 10 ** (log10 - n);
  if (Number(m.toFixed(2)) >= 10) { m /= 10; n += 1; }
  return `${m.toFixed(2)} × 10<sup>${n}</sup>`;
}

/** A number for a table cell: 3 decimals, or 3 significant digits where 3 decimals would show only zeros. */
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

// PALETTE (the class colours) is defined ahead of this module from components/palette.py.
export function classColor(i) {
  return PALETTE[i % PALETTE.length];
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function className(names, i) {
  return names && names[i] !== undefined && names[i] !== "" ? String(names[i]) : `class ${i}`;
}
