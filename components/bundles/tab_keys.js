// components/js/tab_keys.js
var TAB = "bk-tab";
function* roots(root) {
  yield root;
  for (const node of root.querySelectorAll("*")) if (node.shadowRoot) yield* roots(node.shadowRoot);
}
function mark(strip) {
  strip.setAttribute("role", "tablist");
  for (const tab of strip.querySelectorAll(`:scope > .${TAB}`)) {
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-selected", String(tab.classList.contains("bk-active")));
  }
}
function markAll() {
  for (const root of roots(document)) {
    for (const strip of new Set([...root.querySelectorAll(`.${TAB}`)].map((tab) => tab.parentElement))) mark(strip);
  }
}
var tabIn = (event) => event.composedPath().find((node) => node.classList?.contains(TAB));
function render({ model }) {
  function onKey(event) {
    const tab = tabIn(event);
    if (!tab || event.ctrlKey || event.metaKey || event.altKey) return;
    const tabs = [...tab.parentElement.querySelectorAll(`:scope > .${TAB}`)];
    const i = tabs.indexOf(tab);
    const next = {
      "Enter": tab,
      " ": tab,
      "ArrowRight": tabs[(i + 1) % tabs.length],
      "ArrowLeft": tabs[(i - 1 + tabs.length) % tabs.length],
      "Home": tabs[0],
      "End": tabs.at(-1)
    }[event.key];
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    next.click();
    next.focus();
    requestAnimationFrame(() => mark(tab.parentElement));
  }
  function onChange(event) {
    const tab = tabIn(event);
    if (tab) requestAnimationFrame(() => mark(tab.parentElement));
  }
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("click", onChange, true);
  document.addEventListener("focusin", onChange, true);
  const timer = setInterval(markAll, 2e3);
  requestAnimationFrame(markAll);
  model.on("remove", () => {
    clearInterval(timer);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("click", onChange, true);
    document.removeEventListener("focusin", onChange, true);
  });
}
export {
  render
};
