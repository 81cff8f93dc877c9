// Text into HTML.

/** `text` with & < > " ' as character references, safe inside elements and quoted attributes. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
