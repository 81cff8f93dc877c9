// components/js/theme_switch.js
var WAIT_MS = 1500;
function render({ model, el }) {
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
export {
  WAIT_MS,
  render
};
