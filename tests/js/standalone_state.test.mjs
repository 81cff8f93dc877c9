import assert from "node:assert/strict";
import { test } from "node:test";

import { close, json } from "./fixtures.mjs";
import * as rules from "../../components/js/standalone/state.js";

const spec = json("spec.json");
const cases = json("standalone.json");

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

function assertSameState(actual, expected, what) {
  for (const [key, value] of Object.entries(expected)) {
    if (key === "logits") {
      assert.equal(actual.logits.length, value.length, `${what}: logits ${actual.logits} vs ${value}`);
      actual.logits.forEach((z, i) => assert.ok(close(z, value[i], 1e-12), `${what}: logits ${actual.logits} vs ${value}`));
    } else {
      assert.deepEqual(actual[key], value, `${what}: ${key}`);
    }
  }
}

test("logits are read from text as models/inputs.py reads them, with the same messages", () => {
  for (const { text, value, error } of cases.logits) {
    if (error) assert.throws(() => rules.parseLogits(spec, text), { message: error }, text);
    else assert.deepEqual(rules.parseLogits(spec, text), value, text);
  }
});

test("class names are read from text as models/inputs.py reads them, with the same messages", () => {
  for (const { text, value, error } of cases.names) {
    if (error) assert.throws(() => rules.parseClassNames(spec, text), { message: error }, text);
    else assert.deepEqual(rules.parseClassNames(spec, text), value, text);
  }
});

test("a link opens at the state the server's page opens it at, with the same warnings in the same order", () => {
  for (const { search, state, page, warnings } of cases.addresses) {
    const opened = rules.fromAddress(spec, search);
    assertSameState(opened.state, state, search);
    assert.deepEqual(opened.page, { tab: page.tab, present: page.present, theme: page.theme }, search);
    assert.deepEqual(opened.warnings, warnings, search);
  }
});

test("the explorer's part of the address is written as app/url_state.py writes it", () => {
  for (const { search, state, query } of cases.addresses) {
    assert.deepEqual(rules.explorerQuery(spec, { ...rules.defaults(spec), ...state }), query, search);
  }
});

test("every action changes the state as SoftmaxExplorer's does, step by step", () => {
  for (const { steps, states } of cases.runs) {
    let state = start();
    steps.forEach((step, i) => {
      state = apply(state, step);
      assertSameState(state, states[i], JSON.stringify(steps.slice(0, i + 1)));
    });
  }
});

test("the address written reads back to the same state, keeping the link's other keys", () => {
  const { state, page, query } = rules.fromAddress(spec, "?logits=1,2,-1&target=1&tab=train&model=mlp&rate=0.3");
  const changed = { ...state, ...rules.setClassNamesText(spec, state, "cat, dog, bird, fish").changes, temperature: 1.26 };
  const search = rules.formatQuery(rules.pageQuery(spec, changed, { ...page, present: true }, query));
  assert.equal(search, "?model=mlp&rate=0.3&tab=explore&logits=1,2,-1,0&classes=cat,dog,bird,fish&target=1&temperature=1.26&present=1");
  const again = rules.fromAddress(spec, search);
  assert.deepEqual(again.state, changed);
  assert.equal(again.page.present, true);
  assert.deepEqual(again.warnings, []);
});

test("class names with spaces and commas' neighbours survive the address", () => {
  const state = { ...rules.defaults(spec), class_names: ["a b", "c&d", "e=f"] };
  const search = rules.formatQuery(rules.explorerQuery(spec, state));
  assert.equal(search, "?logits=0.4,1.3,-0.6&classes=a+b,c%26d,e%3Df&target=1&temperature=1");
  assert.deepEqual(rules.fromAddress(spec, search).state.class_names, ["a b", "c&d", "e=f"]);
});

test("a message quotes a value as Python's repr does", () => {
  assert.equal(rules.quote("abc"), "'abc'");
  assert.equal(rules.quote("it's"), '"it\'s"');
  assert.equal(rules.quote("a\tb\\"), "'a\\tb\\\\'");
  assert.equal(rules.quote("x".repeat(41)), `'${"x".repeat(40)}'… (41 characters)`);
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
