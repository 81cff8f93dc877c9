// components/js/lib/format.js
var LN10 = Math.log(10);
function formatNumber(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && a < 10 ** -digits) return v.toPrecision(3);
  if (a >= 1e9) return v.toPrecision(4);
  return v.toFixed(digits);
}

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// components/js/lib/keys.js
function isTyping(event) {
  const origin = event.composedPath()[0];
  return Boolean(origin && (origin.isContentEditable || /^(TEXTAREA|SELECT)$/.test(origin.tagName) || origin.tagName === "INPUT" && !/^(range|radio|checkbox|button)$/.test(origin.type)));
}
function isShortcut(event) {
  return !(event.ctrlKey || event.metaKey || event.altKey) && !isTyping(event);
}
function isShown(el) {
  return el.isConnected && el.checkVisibility({ checkVisibilityCSS: true });
}

// components/js/autograd_graph.js
var INLINE = 4;
var FIRST = 3;
var POSITIVE = "#0072B2";
var NEGATIVE = "#D55E00";
function shapeText(shape) {
  return `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
}
var norm = (values) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
function entryName(name, shape, i) {
  if (!shape.length) return name;
  const index = [];
  for (const size of [...shape].reverse()) {
    index.unshift(i % size);
    i = Math.floor(i / size);
  }
  return `${name}[${index.join(", ")}]`;
}
function heat(v, scale) {
  const share = scale > 0 && Number.isFinite(v) ? Math.round(100 * Math.min(1, Math.abs(v) / scale)) : 0;
  return `color-mix(in srgb, ${v < 0 ? NEGATIVE : POSITIVE} ${share}%, transparent)`;
}
function entry(name, shape, values, i, labels) {
  const label = labels[i] ? ` (${labels[i]})` : "";
  const title = escapeHtml(`${entryName(name, shape, i)}${label} = ${values[i]}`);
  return `<span class="entry" title="${title}">${formatNumber(values[i], 4)}</span>`;
}
function tensorHtml(name, shape, values, labels = []) {
  const every = values.map((_, i) => entry(name, shape, values, i, labels));
  if (values.length <= INLINE) return `<span class="entries">${shape.length ? "[" : ""}${every.join(", ")}${shape.length ? "]" : ""}</span>`;
  const scale = Math.max(...values.map(Math.abs));
  const cells = values.map((v, i) => `<span class="cell" style="background:${heat(v, scale)}" title="${escapeHtml(`${entryName(name, shape, i)} = ${v}`)}"></span>`);
  const zeros = values.filter((v) => v === 0).length;
  const first = every.slice(0, FIRST).join(", ");
  return `<span class="strip" role="img" aria-label="${escapeHtml(`${name}: ${values.length} entries, blue positive, red negative`)}">${cells.join("")}</span>
    <span class="summary">\u2016\xB7\u2016 = ${formatNumber(norm(values), 3)}${zeros ? ` \xB7 ${zeros} of ${values.length} are 0` : ""} \xB7 [${first}, \u2026]</span>
    <details data-key="${escapeHtml(name)}"><summary>all ${values.length}</summary><span class="entries all">${every.join(", ")}</span></details>`;
}
function edgeHtml(before, node) {
  const weights = node.parameters.map(([name, shape]) => `${escapeHtml(name)} ${shapeText(shape)}`).join(", ");
  return `<li class="edge" aria-hidden="false"><span class="arrow" aria-hidden="true">\u2193</span>
    <code class="op">${escapeHtml(node.op)}</code>
    <span class="shapes">${shapeText(before.shape)} \u2192 ${shapeText(node.shape)}</span>
    ${weights ? `<span class="weights">${weights}</span>` : ""}
    <span class="grad-fn" title="the grad_fn torch recorded for this operation">${escapeHtml(node.grad_fn)}</span></li>`;
}
function nodeHtml(node, reached, current, labels) {
  const own = node.name === "logits" || node.name === "p" ? labels : [];
  const grad = reached ? `<div class="grad" data-values="${escapeHtml(JSON.stringify(node.grad))}"><span class="what">dL/d${escapeHtml(node.name)}</span>${tensorHtml(`dL/d${node.name}`, node.shape, node.grad, own)}</div>` : `<div class="grad pending"><span class="what">dL/d${escapeHtml(node.name)}</span><span class="entries">not yet</span></div>`;
  const rule = current ? `<p class="rule">${escapeHtml(node.rule)}</p>` : "";
  return `<li class="node${reached ? " reached" : ""}${current ? " current" : ""}" data-node="${escapeHtml(node.name)}">
    <div class="head"><b class="name">${escapeHtml(node.name)}</b><span class="shape">${shapeText(node.shape)}</span>${node.name === "x" ? `<span class="note">${escapeHtml(node.op)}</span>` : ""}</div>
    <div class="value" data-values="${escapeHtml(JSON.stringify(node.value))}"><span class="what">value</span>${tensorHtml(node.name, node.shape, node.value, own)}</div>${grad}${rule}</li>`;
}
function chainHtml(nodes, revealed, labels = []) {
  const first = nodes.length - revealed;
  return nodes.map((node, i) => (i ? edgeHtml(nodes[i - 1], node) : "") + nodeHtml(node, i >= first, revealed > 0 && i === first, labels)).join("");
}
function progressText(revealed, count, nodes) {
  if (!revealed) return "Forward pass only. Backward starts at the loss L.";
  if (revealed >= count) return `Backward done: all ${count} gradients, down to dL/dx.`;
  return `Backward: ${revealed} of ${count} nodes, now at ${nodes[count - revealed].name}.`;
}
function stepFor(key, revealed, count) {
  if (key === "b") return Math.min(revealed + 1, count);
  if (key === "B") return count;
  return null;
}
function render({ model, el }) {
  const root = document.createElement("section");
  root.className = "autograd";
  root.setAttribute("aria-label", "Autograd on this point");
  const buttons = {};
  const controls = document.createElement("div");
  controls.className = "controls";
  for (const [key, text, shortcut, title] of [
    ["step", "Backward one step", "b", "Compute the next node's gradient, from the loss back (key b)"],
    ["all", "All", "Shift+B", "Run backward to x (Shift+B)"],
    ["clear", "Clear gradients", "", "Back to the forward pass alone"]
  ]) {
    const button = buttons[key] = document.createElement("button");
    button.type = "button";
    button.className = `ag-${key}`;
    button.textContent = text;
    button.title = title;
    if (shortcut) button.setAttribute("aria-keyshortcuts", shortcut);
    controls.append(button);
  }
  const progress = document.createElement("p");
  progress.className = "ag-progress";
  progress.setAttribute("aria-live", "polite");
  const chain = document.createElement("ol");
  chain.className = "chain";
  root.append(controls, progress, chain);
  el.append(root);
  const count = () => model.nodes.length;
  function go(revealed) {
    if (revealed !== model.revealed) model.revealed = revealed;
    draw();
    chain.querySelector("li.current")?.scrollIntoView?.({ block: "nearest" });
  }
  function draw() {
    const n = count(), revealed = Math.min(model.revealed, n);
    const open = new Set([...chain.querySelectorAll("details[open]")].map((d) => `${d.closest("[data-node]").dataset.node}/${d.dataset.key}`));
    chain.innerHTML = chainHtml(model.nodes, revealed, model.class_names);
    for (const d of chain.querySelectorAll("details")) {
      if (open.has(`${d.closest("[data-node]").dataset.node}/${d.dataset.key}`)) d.open = true;
    }
    progress.textContent = progressText(revealed, n, model.nodes);
    root.dataset.revealed = String(revealed);
    buttons.step.disabled = buttons.all.disabled = revealed >= n;
    buttons.clear.disabled = revealed === 0;
  }
  buttons.step.addEventListener("click", () => go(Math.min(model.revealed + 1, count())));
  buttons.all.addEventListener("click", () => go(count()));
  buttons.clear.addEventListener("click", () => go(0));
  function onKey(event) {
    if (!isShortcut(event) || !isShown(el) || !count()) return;
    const next = stepFor(event.key, model.revealed, count());
    if (next === null) return;
    event.preventDefault();
    go(next);
  }
  document.addEventListener("keydown", onKey);
  model.on("remove", () => document.removeEventListener("keydown", onKey));
  model.on(["nodes", "revealed", "class_names"], draw);
  draw();
}
export {
  INLINE,
  chainHtml,
  edgeHtml,
  entryName,
  heat,
  nodeHtml,
  norm,
  progressText,
  render,
  shapeText,
  stepFor,
  tensorHtml
};
