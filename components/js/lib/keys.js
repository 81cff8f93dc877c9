// When a key on the page is a shortcut: never while the user types in a field, nor with Ctrl, Alt or Meta held
// (the browser's own shortcuts), and only for a component on screen.

/** Whether the key press comes from a field that takes text (a text input, a textarea, a select, editable
 * content); sliders, radio buttons, checkboxes and buttons take no text, so shortcuts still act there. */
export function isTyping(event) {
  const origin = event.composedPath()[0];
  return Boolean(origin && (origin.isContentEditable || /^(TEXTAREA|SELECT)$/.test(origin.tagName) ||
    (origin.tagName === "INPUT" && !/^(range|radio|checkbox|button)$/.test(origin.type))));
}

/** Whether the key press may be a shortcut: no Ctrl, Alt or Meta held, and not typed into a field. */
export function isShortcut(event) {
  return !(event.ctrlKey || event.metaKey || event.altKey) && !isTyping(event);
}

/** Whether `el` is on screen. Visibility counts: an inactive tab is only visibility: hidden, and its keys must
 * not act. */
export function isShown(el) {
  return el.isConnected && el.checkVisibility({ checkVisibilityCSS: true });
}
