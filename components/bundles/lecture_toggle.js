// components/js/lib/keys.js
function isTyping(event) {
  const origin = event.composedPath()[0];
  return Boolean(origin && (origin.isContentEditable || /^(TEXTAREA|SELECT)$/.test(origin.tagName) || origin.tagName === "INPUT" && !/^(range|radio|checkbox|button)$/.test(origin.type)));
}
function isShortcut(event) {
  return !(event.ctrlKey || event.metaKey || event.altKey) && !isTyping(event);
}

// components/js/lecture_toggle.js
var PAGE_CSS = `
html.se-present { --se-scale: 1.45; --se-bar-scale: 1.3; --bokeh-font-size: 21px; font-size: 150%; --se-big: 54px;
  --se-label: 28px; --se-note-display: none; --se-muted-share: 90%; --se-grid-share: 40%; --se-track-share: 14%; }
`;
function render({ model, el }) {
  if (!document.getElementById("se-page-css")) {
    const style = document.createElement("style");
    style.id = "se-page-css";
    style.textContent = PAGE_CSS;
    document.head.append(style);
  }
  const label = document.createElement("label");
  label.className = "lecture-toggle";
  label.innerHTML = `<input type="checkbox" role="switch" aria-keyshortcuts="l"> Lecture mode`;
  const box = label.querySelector("input");
  box.addEventListener("change", () => {
    model.present = box.checked;
  });
  el.append(label);
  function apply() {
    box.checked = model.present;
    document.documentElement.classList.toggle("se-present", model.present);
  }
  function onKey(event) {
    if (event.key !== "l" || !isShortcut(event)) return;
    model.present = !model.present;
  }
  document.addEventListener("keydown", onKey);
  model.on("remove", () => document.removeEventListener("keydown", onKey));
  model.on("present", apply);
  apply();
}
export {
  render
};
