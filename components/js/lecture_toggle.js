// Lecture mode: for the back of a lecture hall. It sets a class on the page root, whose CSS variables reach every
// component, shadow roots included (css/base.css): larger type and bars (--se-scale, --se-bar-scale,
// --bokeh-font-size), the numbers that matter at 54 px (--se-big) and the labels beside them at 28 px
// (--se-label), secondary notes hidden (--se-note-display), and more contrast for muted text, grid lines and
// tracks (the --se-*-share variables). Key: l.

import { isShortcut } from "./lib/keys.js";

const PAGE_CSS = `
html.se-present { --se-scale: 1.45; --se-bar-scale: 1.3; --bokeh-font-size: 21px; font-size: 150%; --se-big: 54px;
  --se-label: 28px; --se-note-display: none; --se-muted-share: 90%; --se-grid-share: 40%; --se-track-share: 14%; }
`;

export function render({ model, el }) {
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
  box.addEventListener("change", () => { model.present = box.checked; });
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
