// Keyboard and screen-reader support for the page's tab strips. Bokeh's tab headers are focusable <div>s with no
// role and no keys; this gives every strip role tablist (its tabs role tab and aria-selected) and the keys of
// the ARIA tabs pattern: Enter or Space opens the focused tab, Left / Right (wrapping), Home and End move to a
// tab and open it. One listener on the document, in the capture phase, so the explorer's arrow-key shortcuts do
// not also act on a key meant for a tab.

const TAB = "bk-tab";

function* roots(root) {  // the document and every open shadow root below it
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

const tabIn = (event) => event.composedPath().find((node) => node.classList?.contains(TAB));

export function render({ model }) {
  function onKey(event) {
    const tab = tabIn(event);
    if (!tab || event.ctrlKey || event.metaKey || event.altKey) return;
    const tabs = [...tab.parentElement.querySelectorAll(`:scope > .${TAB}`)];
    const i = tabs.indexOf(tab);
    const next = { "Enter": tab, " ": tab, "ArrowRight": tabs[(i + 1) % tabs.length],
                   "ArrowLeft": tabs[(i - 1 + tabs.length) % tabs.length], "Home": tabs[0], "End": tabs.at(-1) }[event.key];
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    next.click();
    next.focus();
    requestAnimationFrame(() => mark(tab.parentElement));
  }
  function onChange(event) {  // a click, or focus arriving on a tab: its strip's state may have changed
    const tab = tabIn(event);
    if (tab) requestAnimationFrame(() => mark(tab.parentElement));
  }
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("click", onChange, true);
  document.addEventListener("focusin", onChange, true);
  // Strips rendered later (a tab's contents appear when first opened) are marked on the next scans.
  const timer = setInterval(markAll, 2000);
  requestAnimationFrame(markAll);
  model.on("remove", () => {
    clearInterval(timer);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("click", onChange, true);
    document.removeEventListener("focusin", onChange, true);
  });
}
