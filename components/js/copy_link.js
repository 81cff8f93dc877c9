// Copies the page's address, which holds the whole state, to the clipboard. Over plain http on a class network
// the Clipboard API is unavailable, so the link is also shown, selected, for Ctrl+C.

export function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-link";
  button.textContent = "Copy link";
  const field = Object.assign(document.createElement("input"), { type: "text", readOnly: true, hidden: true });
  field.className = "copy-link-field";
  field.setAttribute("aria-label", "Link to this exact state");
  const status = document.createElement("span");
  status.className = "copy-link-status";
  status.setAttribute("role", "status");
  el.append(button, field, status);

  button.addEventListener("click", async () => {
    const url = window.location.href;
    field.value = url;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = "Copied ✓";
      field.hidden = true;
    } catch {
      field.hidden = false;
      field.select();
      status.textContent = document.execCommand && document.execCommand("copy") ? "Copied ✓" : "Press Ctrl+C to copy";
    }
    model.copied = url;
    setTimeout(() => { status.textContent = ""; }, 3000);
  });
}
