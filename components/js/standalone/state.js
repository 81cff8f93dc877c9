// The one-file explorer's state and its actions, without a server: what the explorer's parameters and actions
// (components/explorer_state.py) do in Python, done here in the browser. Every table these functions read (the
// limits, the parameters' defaults and bounds, the presets and challenges for each number of classes) comes from
// Python in `spec` (app/standalone.py writes it into the file), so only the logic is repeated here, and
// tests/js/standalone_state.test.mjs checks it against Python's results on the same inputs
// (tests/js/make_fixtures.py). A state is a plain object with the parameters' names; the actions are pure: each
// returns the changes it makes. Reading text is ./inputs.js's; the address, ./address.js's.

import { formatShort } from "../lib/format.js";
import { softmaxSteps } from "../lib/softmax.js";
import { formatLogits, parseClassNames, parseLogits } from "./inputs.js";

export const defaultLogits = (spec, k) => spec.default_logits.slice(0, k);

/** The explorer's state at its parameters' defaults. */
export function defaults(spec) {
  const state = Object.fromEntries(Object.entries(spec.params).map(([name, p]) => [name, p.default]));
  return { ...state, logits: defaultLogits(spec, spec.default_classes.length), class_names: [...spec.default_classes] };
}

/** The smallest slider range (10, 20, 50, ... 1000) that holds every logit. */
export function sliderBound(spec, logits) {
  const biggest = Math.max(...logits.map(Math.abs));
  return spec.slider_bounds.find((b) => biggest <= b) ?? spec.slider_bounds.at(-1);
}

/** The first k of `names`, then "class 4", "class 5", ... that are not taken. */
function named(names, k) {
  const kept = names.slice(0, k);
  const out = [...kept];
  for (let i = kept.length + 1; out.length < k; i++) if (!kept.includes(`class ${i}`)) out.push(`class ${i}`);
  return out;
}

const clip = (spec, logits) => logits.map((v) => Math.min(Math.max(v, -spec.limits.logit_limit), spec.limits.logit_limit));

function resize(state, names, logits) {
  return {
    class_names: names,
    logits,
    target: Math.min(state.target, logits.length - 1),
    goal: state.goal.length !== logits.length ? [] : state.goal,
  };
}

/** Add `delta` to every logit: the probabilities do not change. */
export const shift = (spec, state, delta) => ({ logits: clip(spec, state.logits.map((v) => v + delta)) });

/** Multiply every logit by `factor`: the probabilities sharpen (> 1) or flatten (< 1). */
export const scale = (spec, state, factor) => ({ logits: clip(spec, state.logits.map((v) => v * factor)) });

/** Back to the default logits and T = 1, keeping the classes and the true class. */
export const reset = (spec, state) =>
  ({ logits: defaultLogits(spec, state.logits.length), temperature: 1, goal: [], largest: false, concealed: false });

/** One step of gradient descent on this one example: z <- z - lr * dL/dz, L the objective's loss (cross-entropy
 * unless it is squared error alone). */
export function gradientStep(spec, state) {
  const s = softmaxSteps(state.logits, state.target, state.temperature);
  const gradient = state.objective === "squared_error" ? s.squaredGradient : s.gradient;
  return { logits: clip(spec, state.logits.map((z, i) => z - state.lr * gradient[i])) };
}

/** The next loss choice: cross-entropy, squared error, both, and round again. */
export function nextObjective(spec, state) {
  const choices = spec.params.objective.objects;
  return { objective: choices[(choices.indexOf(state.objective) + 1) % choices.length] };
}

/** A warm-up situation (results hidden if predict_first) or a challenge (its goals, or the largest-output one), by
 * name. */
export function preset(spec, state, name) {
  const k = String(state.logits.length);
  const situation = spec.presets.find((p) => p.name === name);
  if (situation) {
    return { logits: situation.logits[k], goal: [], largest: false, concealed: state.predict_first, temperature: 1 };
  }
  const largest = name === spec.largest.name;
  const goal = largest ? [] : spec.challenges.find((c) => c.name === name).goal[k];
  return { logits: Array(Number(k)).fill(0), goal, largest, concealed: false, temperature: 1 };
}

/** The largest-output challenge for the state, as components/warmups.py's largest_check: {met, status, explanation}:
 * p(true class) of at least `at_least` with every logit within +/-`bound`, at T = 1. */
export function largestCheck(spec, state) {
  const { bound, at_least: atLeast } = spec.largest;
  const { logits, target, temperature, class_names: names } = state;
  const name = names[target];
  const k = logits.length;
  const p = softmaxSteps(logits, target, 1).probabilities[target];
  const best = 1 / (1 + (k - 1) * Math.exp(-2 * bound));
  const [b, twice] = [formatShort(bound), formatShort(2 * bound)];
  const goal = `p(${name}) ≥ ${formatShort(atLeast)} with every logit within ±${b}`;
  const open = (status) => ({ met: false, status, explanation: "" });
  if (temperature !== 1) return open(`Set T back to 1: this question is about the logits alone (${goal}).`);
  const outside = logits.findIndex((z) => Math.abs(z) > bound + 1e-9);
  if (outside >= 0) return open(`Keep every logit within ±${b}: z(${names[outside]}) is ${formatShort(logits[outside])}.`);
  if (p < atLeast) {
    const hint = logits[target] >= bound - 0.05 ? ` ${name}'s logit is at the top: what must the others do?` : "";
    return open(`Goal ${goal}: now p(${name}) = ${p.toFixed(4)}.${hint}`);
  }
  const explanation = `Softmax depends only on the differences between logits: p(${name}) = 1 / (1 + Σ exp(z_k − ` +
    `z_${name})) over the other classes k. So p(${name}) grows when z_${name} − z_k grows for every other k, whether ` +
    `z_${name} goes up or the others go down, alike. With every logit within ±${b}, the best is z_${name} = ${b} and ` +
    `all the others = −${b}: differences of ${twice}, p(${name}) = 1 / (1 + ${k - 1}·exp(−${twice})) = ` +
    `${best.toFixed(5)}.`;
  return { met: true, status: `✓ Solved: p(${name}) = ${p.toFixed(5)} with every logit within ±${b}.`, explanation };
}

export function addClass(spec, state) {
  const k = state.logits.length;
  return k < spec.limits.max_classes ? resize(state, named(state.class_names, k + 1), [...state.logits, 0]) : {};
}

export function removeClass(spec, state) {
  const k = state.logits.length;
  return k > 2 ? resize(state, state.class_names.slice(0, -1), state.logits.slice(0, -1)) : {};
}

/** Exact entry: "1, 2, -1" sets the logits (and the number of classes). Returns {changes, message}: bad text changes
 * nothing and says why, and so does text that reads as the logits already are (the field shows them rounded). */
export function setLogitsText(spec, state, text) {
  let logits;
  try {
    logits = parseLogits(spec, text);
  } catch (error) {
    return { changes: {}, message: `Not applied: ${error.message}.` };
  }
  const same = formatLogits(logits) === formatLogits(state.logits);
  return { changes: same ? {} : resize(state, named(state.class_names, logits.length), logits), message: "" };
}

/** "cat, dog, bird" names the classes (and sets their number). Returns {changes, message}, as setLogitsText. */
export function setClassNamesText(spec, state, text) {
  let names;
  try {
    names = parseClassNames(spec, text);
  } catch (error) {
    return { changes: {}, message: `Not applied: ${error.message}.` };
  }
  const k = names.length;
  return { changes: resize(state, names, [...state.logits, ...Array(k).fill(0)].slice(0, k)), message: "" };
}
