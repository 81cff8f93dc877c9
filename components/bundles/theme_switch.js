// components/js/theme_switch.js
function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "theme-switch";
  const dark = model.theme === "dark";
  button.textContent = dark ? "Light theme" : "Dark theme";
  button.setAttribute("aria-label", dark ? "Switch to the light theme" : "Switch to the dark theme");
  button.addEventListener("click", () => {
    const url = new URL(window.location.href);
    url.searchParams.set("theme", dark ? "default" : "dark");
    window.location.assign(url.toString());
  });
  el.append(button);
}
export {
  render
};
