// The training tab's "Open these logits in the explorer": brings the page back to its top, then asks the server
// for the hand-off (model.clicks). The training tab is long and the page keeps its scroll when the tab changes,
// so without this the explorer opened scrolled a screen down, showing only the tail of its loss curve.

/** Scroll every scrolled container around `el` (across shadow roots: the template's main column) and the
 * window back to the top. */
export function scrollToTop(el) {
  for (let node = el; node; node = node.parentNode ?? node.host) {
    if (node.scrollTop) node.scrollTop = 0;
  }
  window.scrollTo(0, 0);
}

export function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "handoff-button";
  button.textContent = model.label;
  button.title = model.description;
  el.append(button);
  button.addEventListener("click", () => {
    scrollToTop(el);
    model.clicks += 1;
  });
  model.on("label", () => { button.textContent = model.label; });
}
