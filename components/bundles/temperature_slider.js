// components/js/lib/channel.js
var PREFIX = "softmax-channel:";
function publish(channel, values) {
  if (channel) document.dispatchEvent(new CustomEvent(PREFIX + channel, { detail: values }));
}

// components/js/temperature_slider.js
function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "temperature";
  root.innerHTML = `<label for="temperature">Temperature T</label>
    <span class="end">0.1</span>
    <input id="temperature" type="range" min="-1" max="1" step="0.01" aria-label="temperature T (log scale)">
    <span class="end">10</span>
    <output for="temperature"></output>
    <p class="hint">T &lt; 1 sharpens the probabilities, T &gt; 1 flattens them; the order never changes.</p>`;
  el.append(root);
  const input = root.querySelector("input");
  const output = root.querySelector("output");
  const show = (t) => {
    output.textContent = `T = ${t.toPrecision(3)}`;
    input.setAttribute("aria-valuetext", `T = ${t.toPrecision(3)}`);
  };
  input.addEventListener("input", () => {
    const t = Number((10 ** Number(input.value)).toPrecision(3));
    show(t);
    model.temperature = t;
  });
  function update() {
    const x = Math.log10(model.temperature);
    if (Math.abs(Number(input.value) - x) > 5e-3) input.value = String(x);
    show(model.temperature);
  }
  model.on("temperature", () => {
    update();
    publish(model.channel, { temperature: model.temperature });
  });
  update();
}
export {
  render
};
