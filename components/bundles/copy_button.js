// components/js/copy_button.js
function render({ model, el }) {
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
      status.textContent = "Copied \u2713";
      field.hidden = true;
    } catch {
      field.hidden = false;
      field.select();
      status.textContent = document.execCommand && document.execCommand("copy") ? "Copied \u2713" : "Press Ctrl+C to copy";
    }
    model.copied = text;
    setTimeout(() => {
      status.textContent = "";
    }, 3e3);
  });
  model.on("label", () => {
    button.textContent = model.label;
  });
}
export {
  render
};
