import assert from "node:assert/strict";
import { test } from "node:test";

import { assertSameState, cases, spec } from "./standalone_cases.mjs";
import * as rules from "../../components/js/standalone/state.js";

/** A state as Python's explorer starts it in these fixtures' runs. */
const start = () => ({ ...rules.defaults(spec), logits: [1, 2, -1], target: 1, message: "" });

function apply(state, [name, ...args]) {
  const actions = {
    set: (key, value) => ({ [key]: value }),
    gradient_step: () => rules.gradientStep(spec, state),
    shift: (d) => rules.shift(spec, state, d),
    scale: (f) => rules.scale(spec, state, f),
    reset: () => rules.reset(spec, state),
    reveal: () => ({ concealed: false }),
    next_objective: () => rules.nextObjective(spec, state),
    preset: (preset) => rules.preset(spec, state, preset),
    add_class: () => rules.addClass(spec, state),
    remove_class: () => rules.removeClass(spec, state),
    set_logits_text: (text) => { const r = rules.setLogitsText(spec, state, text); return { ...r.changes, message: r.message }; },
    set_class_names_text: (text) => {
      const r = rules.setClassNamesText(spec, state, text);
      return { ...r.changes, message: r.message };
    },
  };
  return { ...state, ...actions[name](...args) };
}

test("every action changes the state as SoftmaxExplorer's does, step by step", () => {
  for (const { steps, states } of cases.runs) {
    let state = start();
    steps.forEach((step, i) => {
      state = apply(state, step);
      assertSameState(state, states[i], JSON.stringify(steps.slice(0, i + 1)));
    });
  }
});

test("the slider range is the smallest of the bounds that holds every logit", () => {
  assert.equal(rules.sliderBound(spec, [1, -9.5]), 10);
  assert.equal(rules.sliderBound(spec, [10.5, 0]), 20);
  assert.equal(rules.sliderBound(spec, [-1000, 0]), 1000);
});

test("the largest-output challenge is checked and explained as components/warmups.py's largest_check does", () => {
  for (const { state, answer } of cases.largest.checks) {
    assert.deepEqual(rules.largestCheck(spec, state), answer, JSON.stringify(state));
  }
});

test("the largest-output challenge starts and ends with the presets and reset as SoftmaxExplorer's do", () => {
  let state = start();
  const { steps, states } = cases.largest.run;
  steps.forEach(([name, ...args], i) => {
    const act = { preset: rules.preset, reset: rules.reset, add_class: rules.addClass, remove_class: rules.removeClass };
    state = { ...state, ...act[name](spec, state, ...args) };
    assertSameState(state, states[i], JSON.stringify(steps.slice(0, i + 1)));
  });
});
