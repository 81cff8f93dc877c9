import assert from "node:assert/strict";
import { test } from "node:test";

import { close, json } from "./fixtures.mjs";
import { container, fakeModel, press } from "./dom.mjs";
import { chainHtml, entryName, heat, INLINE, progressText, render, shapeText, stepFor }
  from "../../components/js/autograd_graph.js";
import { formatNumber } from "../../components/js/lib/format.js";

const { class_names: classNames, graphs } = json("autograd.json");

function shown(nodes, revealed = 0) {
  const el = container();
  el.innerHTML = chainHtml(nodes, revealed, classNames);
  return el;
}

const numbers = (el, selector) => [...el.querySelectorAll(selector)].map((e) => e.textContent);

test("shapes read as torch prints them", () => {
  assert.equal(shapeText([1, 100]), "(1, 100)");
  assert.equal(shapeText([100]), "(100,)");
  assert.equal(shapeText([]), "()");
});

test("an entry is named by its index in the tensor's shape", () => {
  assert.equal(entryName("z1", [1, 100], 37), "z1[0, 37]");
  assert.equal(entryName("W", [3, 2], 5), "W[2, 1]");
  assert.equal(entryName("L", [], 0), "L");
});

test("a strip cell is blue for positive and vermillion for negative, as strong as the value against the largest", () => {
  assert.equal(heat(0.5, 1), "color-mix(in srgb, #0072B2 50%, transparent)");
  assert.equal(heat(-2, 1), "color-mix(in srgb, #D55E00 100%, transparent)");
  assert.equal(heat(0, 0), "color-mix(in srgb, #0072B2 0%, transparent)");
});

for (const [name, { nodes, norms, zeros }] of Object.entries(graphs)) {
  test(`${name}: every node, in order, with the shapes of the edges between them`, () => {
    const el = shown(nodes);
    assert.deepEqual([...el.querySelectorAll("li.node")].map((li) => li.dataset.node), nodes.map((n) => n.name));
    assert.deepEqual(numbers(el, "li.edge .shapes"),
      nodes.slice(1).map((n, i) => `${shapeText(nodes[i].shape)} → ${shapeText(n.shape)}`));
    assert.deepEqual(numbers(el, "li.edge .op"), nodes.slice(1).map((n) => n.op));
  });

  test(`${name}: short vectors are written out, long ones have a strip, their norm and zeros, and every entry`, () => {
    const el = shown(nodes, nodes.length);
    nodes.forEach((node, i) => {
      const value = el.querySelector(`li.node[data-node="${node.name}"] .value`);
      assert.deepEqual(JSON.parse(value.dataset.values), node.value);
      if (node.value.length <= INLINE) {
        assert.deepEqual(numbers(value, ".entry"), node.value.map((v) => formatNumber(v, 4)));
        return;
      }
      assert.equal(value.querySelectorAll(".strip .cell").length, node.value.length);
      const summary = value.querySelector(".summary").textContent;
      assert.match(summary, new RegExp(`‖·‖ = ${formatNumber(norms[i], 3)}`));
      if (zeros[i]) assert.match(summary, new RegExp(` ${zeros[i]} of ${node.value.length} are 0`));
      assert.deepEqual(numbers(value, "details .entry"), node.value.map((v) => formatNumber(v, 4)));
      assert.ok(close(Number(value.querySelector(".strip .cell").title.split(" = ")[1]), node.value[0], 1e-12));
    });
  });

  test(`${name}: backward shows the gradients of the last nodes reached, the earliest of them current`, () => {
    for (let revealed = 0; revealed <= nodes.length; revealed += 1) {
      const el = shown(nodes, revealed);
      const reached = [...el.querySelectorAll("li.node.reached")].map((li) => li.dataset.node);
      assert.deepEqual(reached, nodes.slice(nodes.length - revealed).map((n) => n.name));
      const current = [...el.querySelectorAll("li.node.current")];
      assert.equal(current.length, revealed ? 1 : 0);
      if (revealed) {
        const node = nodes[nodes.length - revealed];
        assert.equal(current[0].querySelector(".rule").textContent, node.rule);
        assert.deepEqual(JSON.parse(current[0].querySelector(".grad").dataset.values), node.grad);
      }
      assert.equal(el.querySelectorAll(".grad.pending").length, nodes.length - revealed);
    }
  });

  test(`${name}: the logits and probabilities name their entries by class`, () => {
    const el = shown(nodes);
    const titles = [...el.querySelectorAll('li.node[data-node="logits"] .value .entry')].map((e) => e.title);
    const logits = nodes.find((n) => n.name === "logits").value;
    assert.deepEqual(titles, classNames.map((c, i) => `logits[0, ${i}] (${c}) = ${logits[i]}`));
  });
}

test("the progress line says how far backward has gone", () => {
  const { nodes } = graphs.mlp;
  assert.equal(progressText(0, 6, nodes), "Forward pass only. Backward starts at the loss L.");
  assert.equal(progressText(3, 6, nodes), "Backward: 3 of 6 nodes, now at logits.");
  assert.equal(progressText(6, 6, nodes), "Backward done: all 6 gradients, down to dL/dx.");
});

test("b steps one node further, up to the last; Shift+B goes all the way; other keys do nothing", () => {
  assert.equal(stepFor("b", 2, 6), 3);
  assert.equal(stepFor("b", 6, 6), 6);
  assert.equal(stepFor("B", 0, 6), 6);
  assert.equal(stepFor("x", 0, 6), null);
});

function mounted(revealed = 0) {
  const el = container();
  const model = fakeModel({ nodes: graphs.mlp.nodes, class_names: classNames, revealed });
  render({ model, el });
  return { el, model, revealed: () => Number(el.querySelector(".autograd").dataset.revealed) };
}

test("the keys and buttons step backward and tell Python how far", () => {
  const { el, model, revealed } = mounted();
  const button = (name) => [...el.querySelectorAll("button")].find((b) => b.textContent === name);
  assert.ok(button("Clear gradients").disabled);
  press(document.body, "b");
  press(document.body, "b");
  assert.equal(model.revealed, 2);
  assert.equal(revealed(), 2);
  button("Backward one step").click();
  assert.equal(model.revealed, 3);
  press(document.body, "B", { shiftKey: true });
  assert.equal(model.revealed, 6);
  assert.ok(button("Backward one step").disabled && button("All").disabled);
  button("Clear gradients").click();
  assert.equal(model.revealed, 0);
  button("All").click();
  assert.equal(model.revealed, 6);
  model.emit("remove");
});

test("no step while typing in a field, with Ctrl held, or with the tab hidden", () => {
  const { el, model } = mounted();
  const field = document.createElement("input");
  document.body.append(field);
  press(field, "b");
  press(document.body, "b", { ctrlKey: true });
  el.hidden = true;
  press(document.body, "b");
  assert.equal(model.revealed, 0);
  model.emit("remove");
});

test("new numbers (training goes on) keep the step and an expanded list open", () => {
  const { el, model, revealed } = mounted(2);
  const details = () => el.querySelector('li.node[data-node="z1"] .value details');
  details().open = true;
  model.set("nodes", graphs.mlp.nodes.map((n) => ({ ...n, value: n.value.map((v) => v * 2) })));
  assert.equal(revealed(), 2);
  assert.ok(details().open);
  model.set("revealed", 0);
  assert.equal(revealed(), 0);
  model.emit("remove");
});
