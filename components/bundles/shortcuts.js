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

// components/js/shortcuts.js
var instances = 0;
function render({ model, el }) {
  const id = `shortcut-help-${++instances}`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "shortcut-button";
  button.textContent = "\u2328 Shortcuts";
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
    const origin = event.composedPath()[0];
    if (key === "space" && origin && (origin.tagName === "BUTTON" || /^(checkbox|radio)$/.test(origin.type))) return;
    const entry = model.keys.find(([k, , action]) => action && k === key);
    if (!entry) return;
    event.preventDefault();
    model.send_msg({ action: entry[2] });
  }
  document.addEventListener("keydown", onKey);
  model.on("remove", () => document.removeEventListener("keydown", onKey));
  model.on("keys", draw);
  draw();
}
export {
  render
};
