// Keyboard shortcuts for one tab and the popover that lists them ("?" opens it). Keys with an action are sent
// to Python as messages; keys without one are listed only (a component handles them in the browser itself).
// A shortcut acts only while its tab is visible and never while the user types in a text field.

import { escapeHtml } from "./lib/html.js";
import { isShortcut, isShown } from "./lib/keys.js";

let instances = 0;

export function render({ model, el }) {
  const id = `shortcut-help-${++instances}`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "shortcut-button";
  button.textContent = "⌨ Shortcuts";
  button.setAttribute("aria-keyshortcuts", "?");
  button.setAttribute("popovertarget", id);
  const help = document.createElement("div");
  help.id = id;
  help.className = "shortcut-help";
  help.setAttribute("popover", "auto");
  help.setAttribute("role", "dialog");
  help.setAttribute("aria-label", "Keyboard shortcuts");
  el.append(button, help);

  function draw() {
    const rows = model.keys.map(([key, text]) => `<tr><td><kbd>${escapeHtml(key)}</kbd></td><td>${escapeHtml(text)}</td></tr>`);
    help.innerHTML = `<h2>Keyboard shortcuts</h2><table>${rows.join("")}
      <tr><td><kbd>?</kbd></td><td>show or hide this list</td></tr></table>
      <p>Tab and Shift+Tab move between controls; arrow keys move a focused slider.</p>`;
  }

  function onKey(event) {
    if (!isShortcut(event) || !isShown(el)) return;
    if (event.key === "?") {
      help.togglePopover();
      event.preventDefault();
      return;
    }
    const key = event.key === " " ? "space" : event.key;
    // Space presses a focused button, checkbox or radio button: keyboard users keep that.
    const origin = event.composedPath()[0];
    if (key === "space" && origin && (origin.tagName === "BUTTON" || /^(checkbox|radio)$/.test(origin.type))) return;
    const entry = model.keys.find(([k, , action]) => action && k === key);
    if (!entry) return;
    // Otherwise space would scroll the page: the shortcut wins.
    event.preventDefault();
    model.send_msg({ action: entry[2] });
  }

  document.addEventListener("keydown", onKey);
  model.on("remove", () => document.removeEventListener("keydown", onKey));
  model.on("keys", draw);
  draw();
}
