// The browser's copy of models/softmax.py, in the same order of operations, so that what a student sees while
// dragging equals what the server computes (tests/js/softmax.test.mjs compares the two to 1e-12).

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
  const squared = squaredError(probabilities, k, T);
  const best = probabilities.indexOf(Math.max(...probabilities));
  return {
    logits: z, temperature: T, target: k, top, shifted, expShifted, sum, probabilities,
    logProbabilities, loss, gradient, squaredError: squared.loss, squaredGradient: squared.gradient,
    predicted: best, correct: best === k,
  };
}

/** The squared error mean_k (p_k - y_k)^2 of probabilities p against the one-hot class `k` (nn.MSELoss() on the
 * probabilities), and its gradient with respect to the logits: J^T 2 (p - y) / (K T), J = diag(p) - p p^T. */
export function squaredError(probabilities, k, T) {
  const K = probabilities.length;
  const error = probabilities.map((p, i) => p - (i === k ? 1 : 0));
  const loss = error.reduce((a, e) => a + e * e, 0) / K;
  const g = error.map((e) => (2 * e) / K);
  const pg = probabilities.reduce((a, p, i) => a + p * g[i], 0);
  return { loss, gradient: probabilities.map((p, i) => (p * (g[i] - pg)) / T) };
}

/** The squared error for class `target` as a function of that class's logit x, the others held (for plots). */
export function squaredAlong(logits, target, temperature, xs) {
  return xs.map((x) => {
    const moved = logits.map((v, i) => (i === target ? x : v) / temperature);
    const top = Math.max(...moved);
    const e = moved.map((v) => Math.exp(v - top));
    const sum = e.reduce((a, b) => a + b, 0);
    return squaredError(e.map((v) => v / sum), target, temperature).loss;
  });
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
export function softplus(u) {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}
