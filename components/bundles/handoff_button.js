// components/js/handoff_button.js
function scrollToTop(el) {
  for (let node = el; node; node = node.parentNode ?? node.host) {
    if (node.scrollTop) node.scrollTop = 0;
  }
  window.scrollTo(0, 0);
}
function render({ model, el }) {
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
  model.on("label", () => {
    button.textContent = model.label;
  });
}
export {
  render,
  scrollToTop
};
