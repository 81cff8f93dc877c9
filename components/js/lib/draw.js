// Draw mode on the decision map (as in ConvNetJS): a switch, the class to draw (one of the data's classes), undo
// and clear. The map sends a click in draw mode as a point to add ({draw: [x, y, class]}) rather than a pick; the
// server adds it to the data, which train at once, and sends the points back.

import { escapeHtml } from "./html.js";

let groups = 0;  // names the radio groups of several maps apart

/** The draw panel for `model` (drawing, pen, drawn, max_drawn, class_names; send_msg), its element `el`, with
 * `colorOf(class)`; update() redraws it from the model. */
export function drawPanel(model, colorOf) {
  const el = document.createElement("div");
  el.className = "draw";
  el.setAttribute("role", "group");
  el.setAttribute("aria-label", "Draw points");
  const name = `pen-${++groups}`;
  el.innerHTML = `<button type="button" class="draw-toggle" aria-pressed="false">✎ Draw points</button>
    <div class="pens" role="radiogroup" aria-label="Class to draw"></div>
    <div class="edits"><button type="button" class="undo">Undo</button><button type="button" class="clear">Clear</button></div>
    <p class="draw-note" role="status"></p>`;
  const toggle = el.querySelector(".draw-toggle");
  const pens = el.querySelector(".pens");
  const edits = el.querySelector(".edits");
  const note = el.querySelector(".draw-note");

  function classes() {
    pens.innerHTML = model.class_names.map((label, c) => `<label class="pen"><input type="radio" name="${name}"
      value="${c}"><span class="swatch" style="--class-color:${colorOf(c)}"></span>${escapeHtml(label)}</label>`).join("");
    update();
  }

  function update() {
    const drawing = Boolean(model.drawing);
    toggle.setAttribute("aria-pressed", String(drawing));
    toggle.textContent = drawing ? "✎ Drawing: click the map" : "✎ Draw points";
    pens.hidden = !drawing;
    for (const input of pens.querySelectorAll("input")) input.checked = Number(input.value) === model.pen;
    edits.hidden = !drawing && !model.drawn;
    el.querySelector(".undo").disabled = el.querySelector(".clear").disabled = !model.drawn;
    const full = model.drawn >= model.max_drawn;
    note.hidden = edits.hidden;
    note.textContent = full
      ? `${model.drawn} points drawn: the most a link carries. Undo or clear to draw others.`
      : `${model.drawn} drawn. They train at once: the model keeps its weights. Every 5th is for validation (▲).`;
  }

  toggle.addEventListener("click", () => { model.drawing = !model.drawing; update(); });
  pens.addEventListener("change", (event) => { model.pen = Number(event.target.value); });
  el.querySelector(".undo").addEventListener("click", () => model.send_msg({ draw: "undo" }));
  el.querySelector(".clear").addEventListener("click", () => model.send_msg({ draw: "clear" }));
  classes();
  return { el, update, classes, full: () => model.drawn >= model.max_drawn };
}
