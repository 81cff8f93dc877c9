// Copies text to the clipboard: model.text, or the page's address (which holds the whole state) when it is
// empty. Over plain http on a class network the Clipboard API is unavailable, so the text is then shown,
// selected, for Ctrl+C.

export function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-button";
  button.textContent = model.label;
  const field = Object.assign(document.createElement("input"), { type: "text", readOnly: true, hidden: true });
  field.className = "copy-field";
  field.setAttribute("aria-label", model.text ? "Text to copy" : "Link to this exact state");
  const status = document.createElement("span");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  el.append(button, field, status);

  button.addEventListener("click", async () => {
    const text = model.text || window.location.href;
    field.value = text;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied ✓";
      field.hidden = true;
    } catch {
      field.hidden = false;
      field.select();
      status.textContent = document.execCommand && document.execCommand("copy") ? "Copied ✓" : "Press Ctrl+C to copy";
    }
    model.copied = text;
    setTimeout(() => { status.textContent = ""; }, 3000);
  });
  model.on("label", () => { button.textContent = model.label; });
}
