// Light or dark theme. Panel applies a theme when a page loads, so the switch reloads the page in the other
// theme. It asks the server first: the server answers with the address to load (the state, and a token for what
// only the server holds: the training tab's data, model and curves, app/carry_over.py). Without an answer in
// WAIT_MS (no server) it reloads its own address in the other theme.

export const WAIT_MS = 1500;

export function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "theme-switch";
  const dark = model.theme === "dark";
  const other = dark ? "default" : "dark";
  button.textContent = dark ? "Light theme" : "Dark theme";
  button.setAttribute("aria-label", dark ? "Switch to the light theme" : "Switch to the dark theme");
  let fallback = null;
  const go = (search) => {
    clearTimeout(fallback);
    const url = new URL(window.location.href);
    url.search = search;
    window.location.assign(url.toString());
  };
  button.addEventListener("click", () => {
    button.disabled = true;
    model.send_msg({ switch: other });
    fallback = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set("theme", other);
      go(url.search);
    }, WAIT_MS);
  });
  model.on("msg:custom", (message) => {
    if (message && typeof message.go === "string" && message.go.startsWith("?")) go(message.go);
  });
  model.on("remove", () => clearTimeout(fallback));
  el.append(button);
}
