import assert from "node:assert/strict";
import { test } from "node:test";

import { lossAlong, softmaxSteps, softplus, squaredAlong } from "../../components/js/lib/softmax.js";
import { close, json } from "./fixtures.mjs";

const CASES = json("softmax.json");
const label = (c) => `z = [${c.logits}], y = ${c.target}, T = ${c.temperature}`;

function assertAllClose(actual, expected, tolerance, what) {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((v, i) => assert.ok(close(v, expected[i], tolerance), `${what}[${i}]: ${v} != ${expected[i]}`));
}

test("softmaxSteps gives the Python core's probabilities and log-probabilities", () => {
  for (const c of CASES) {
    const s = softmaxSteps(c.logits, c.target, c.temperature);
    assertAllClose(s.probabilities, c.probabilities, 1e-12, `p for ${label(c)}`);
    assertAllClose(s.logProbabilities, c.log_probabilities, 1e-12, `log p for ${label(c)}`);
  }
});

test("softmaxSteps gives the Python core's loss and gradient", () => {
  for (const c of CASES) {
    const s = softmaxSteps(c.logits, c.target, c.temperature);
    assert.ok(close(s.loss, c.loss, 1e-12), `loss for ${label(c)}: ${s.loss} != ${c.loss}`);
    assertAllClose(s.gradient, c.gradient, 1e-12, `gradient for ${label(c)}`);
  }
});

test("softmaxSteps stays finite at logits of +/-1000 and tiny temperatures", () => {
  for (const c of CASES) {
    const s = softmaxSteps(c.logits, c.target, c.temperature);
    assert.ok([...s.probabilities, ...s.logProbabilities, s.loss, s.sum].every(Number.isFinite), label(c));
    assert.equal(Math.max(...s.shifted), 0);
  }
});

test("softmaxSteps predicts the class of the largest probability", () => {
  const s = softmaxSteps([1, 3, 2], 2, 1);
  assert.equal(s.predicted, 1);
  assert.equal(s.correct, false);
  assert.equal(softmaxSteps([1, 3, 2], 1, 1).correct, true);
});

test("lossAlong is the Python core's cross-entropy with the true class's logit moved", () => {
  for (const c of CASES) {
    assertAllClose(lossAlong(c.logits, c.target, c.temperature, c.xs), c.loss_along, 1e-9, `L(x) for ${label(c)}`);
  }
});

test("softplus is log(1 + e^u) without overflow", () => {
  assert.ok(close(softplus(0), Math.LN2, 1e-15));
  assert.equal(softplus(1000), 1000);
  assert.ok(close(softplus(-1000), 0, 1e-300));
  assert.ok(close(softplus(2), Math.log(1 + Math.exp(2)), 1e-15));
});

test("softmaxSteps gives the Python core's squared error and its gradient", () => {
  for (const c of CASES) {
    const s = softmaxSteps(c.logits, c.target, c.temperature);
    assert.ok(close(s.squaredError, c.squared_error, 1e-12), `squared error for ${label(c)}: ${s.squaredError} != ${c.squared_error}`);
    assertAllClose(s.squaredGradient, c.squared_gradient, 1e-12, `squared-error gradient for ${label(c)}`);
    assert.ok([s.squaredError, ...s.squaredGradient].every(Number.isFinite), label(c));
  }
});

test("squaredAlong is the Python core's squared error with the true class's logit moved", () => {
  for (const c of CASES) {
    assertAllClose(squaredAlong(c.logits, c.target, c.temperature, c.xs), c.squared_along, 1e-12, `SE(x) for ${label(c)}`);
  }
});

test("a confidently wrong prediction gets a cross-entropy gradient near -1 and a squared-error one near 0", () => {
  const s = softmaxSteps([8, 0, 0], 2, 1);
  assert.ok(close(s.gradient[2], -1, 1e-3));
  assert.ok(Math.max(...s.squaredGradient.map(Math.abs)) < 1e-3);
});
