import assert from "node:assert/strict";
import { test } from "node:test";

import { container, fakeModel } from "./dom.mjs";
import { liveValues, publish, subscribe } from "../../components/js/lib/channel.js";
import { render as renderBars } from "../../components/js/probability_bars.js";
import { render as renderCurve } from "../../components/js/loss_curve.js";
import { render as renderGradient } from "../../components/js/gradient_bars.js";
import { render as renderReadout } from "../../components/js/readout.js";
import { render as renderSliders } from "../../components/js/logit_sliders.js";
import { render as renderTemperature } from "../../components/js/temperature_slider.js";
import { softmaxSteps } from "../../components/js/lib/softmax.js";

const state = { logits: [1, 2, -1], target: 1, temperature: 1, class_names: ["a", "b", "c"], concealed: false };

test("a subscriber gets what is published on its channel only, until it stops", () => {
  const got = [];
  const stop = subscribe("one", (values) => got.push(values));
  publish("one", { target: 2 });
  publish("two", { target: 0 });
  stop();
  publish("one", { target: 1 });
  assert.deepEqual(got, [{ target: 2 }]);
});

test("the empty channel connects nobody", () => {
  const got = [];
  subscribe("", (values) => got.push(values));
  publish("", { target: 2 });
  assert.deepEqual(got, []);
});

test("live values take a slider's publish and a push from Python, whichever comes last, without touching the model", () => {
  const model = fakeModel({ ...state, channel: "live" });
  let draws = 0;
  const live = liveValues(model, () => draws++);
  publish("live", { logits: [0, 0, 5], target: 2 });
  assert.deepEqual([live.logits, live.target, draws], [[0, 0, 5], 2, 1]);
  assert.deepEqual(model.logits, [1, 2, -1]);
  model.set("temperature", 2);
  assert.deepEqual([live.logits, live.temperature, draws], [[0, 0, 5], 2, 2]);
  publish("live", { logits: [0, 0, 5], target: 2 });
  assert.equal(draws, 2, "the same values again draw nothing");
});

test("a removed view stops listening", () => {
  const model = fakeModel({ ...state, channel: "gone" });
  const live = liveValues(model, () => {});
  model.emit("remove");
  publish("gone", { target: 0 });
  assert.equal(live.target, 1);
});

/** A fake model whose properties, set by the module itself, call their callbacks as Bokeh's do. */
function bokehModel(data) {
  return new Proxy(fakeModel(data), {
    set(model, name, value) {
      model[name] = value;
      if (name in data) model.emit(name);
      return true;
    },
  });
}

/** One explorer's six components on `channel`, rendered. */
function explorer(channel) {
  const model = (extra) => bokehModel({ ...state, channel, ...extra });
  const sliders = model({ bound: 10 });
  const temperature = model({});
  const views = [model({ goal: [] }), model({}), model({}), model({})];
  const els = [renderBars, renderReadout, renderGradient, renderCurve].map((render, i) => {
    const el = container();
    render({ model: views[i], el });
    return el;
  });
  const sliderEl = container();
  renderSliders({ model: sliders, el: sliderEl });
  const temperatureEl = container();
  renderTemperature({ model: temperature, el: temperatureEl });
  return { sliders, sliderEl, temperature, temperatureEl, views, els };
}

/** What each view shows for the true class's probability (bars, readout) or the loss and gradient. */
function shown({ els }) {
  const [bars, readout, gradient, curve] = els;
  return {
    p: [...bars.querySelectorAll(".bar")].map((b) => Number(b.dataset.probability)),
    readout: [...readout.querySelectorAll("tbody td.probability")].map((td) => Number(td.dataset.value)),
    gradient: [...gradient.querySelectorAll(".grad-row")].map((r) => Number(r.dataset.gradient)),
    loss: Number(curve.querySelector("circle.current").dataset.loss),
  };
}

function expected(logits, target, temperature) {
  const s = softmaxSteps(logits, target, temperature);
  return { p: s.probabilities, readout: s.probabilities, gradient: s.gradient, loss: s.loss };
}

test("a drag repaints every view of its explorer and no other, and no view's model changes", () => {
  const one = explorer("drag-1");
  const two = explorer("drag-2");
  const slider = one.sliderEl.querySelectorAll("input.logit")[2];
  slider.value = "4";
  slider.dispatchEvent(new Event("input"));
  one.sliderEl.querySelectorAll("input.true-class")[2].click();
  const input = one.temperatureEl.querySelector("input");
  input.value = "0.301";
  input.dispatchEvent(new Event("input"));
  assert.deepEqual(shown(one), expected([1, 2, 4], 2, 2));
  assert.deepEqual(shown(two), expected([1, 2, -1], 1, 1));
  for (const view of one.views) assert.deepEqual([view.logits, view.target, view.temperature], [[1, 2, -1], 1, 1]);
});

test("a push from Python to the sliders reaches the views even if it does not change the views' models", () => {
  const one = explorer("push");
  const slider = one.sliderEl.querySelectorAll("input.logit")[0];
  slider.value = "3";
  slider.dispatchEvent(new Event("input"));
  // Reset: Python sets the views' logits to the value they already hold, so only the sliders change.
  one.sliders.set("logits", [1, 2, -1]);
  assert.deepEqual(shown(one), expected([1, 2, -1], 1, 1));
});
