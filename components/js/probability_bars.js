// Bars of softmax(z / T), one per class, the true class marked. When T != 1 a dashed outline shows the T = 1
// probabilities, so the temperature's effect is visible; with goals set (a challenge) each bar shows its goal
// and a check once every probability is within 0.01 of it.

export function render({ model, el }) {
  const root = document.createElement("figure");
  root.className = "probability-bars";
  root.innerHTML = `<figcaption>Probabilities p = softmax(z / T)</figcaption>
    <div class="bars" role="list"></div><p class="challenge" aria-live="polite"></p>`;
  el.append(root);
  const bars = root.querySelector(".bars");
  const challenge = root.querySelector(".challenge");

  function draw() {
    const s = softmaxSteps(model.logits, model.target, model.temperature);
    const plain = s.temperature === 1 ? null : softmaxSteps(model.logits, model.target, 1).probabilities;
    const goal = model.goal.length === s.probabilities.length ? model.goal : null;
    root.classList.toggle("concealed", model.concealed);
    bars.replaceChildren(...s.probabilities.map((p, i) => {
      const name = className(model.class_names, i);
      const bar = document.createElement("div");
      bar.className = "bar";
      bar.setAttribute("role", "listitem");
      bar.dataset.class = i;
      bar.dataset.probability = String(p);
      bar.classList.toggle("is-target", i === s.target);
      bar.style.setProperty("--class-color", classColor(i));
      bar.style.setProperty("--p", model.concealed ? 0 : p);
      const shown = model.concealed ? "?" : p.toFixed(3);
      bar.setAttribute("aria-label", `${name}: probability ${shown}${i === s.target ? ", true class" : ""}`);
      const ghost = plain && !model.concealed
        ? `<div class="ghost" style="--q:${plain[i]}" title="at T = 1: ${plain[i].toFixed(3)}"></div>` : "";
      const goalMark = goal ? `<div class="goal" style="--g:${goal[i]}" title="goal ${goal[i]}"></div>` : "";
      bar.innerHTML = `<span class="value">${shown}</span>
        <div class="track">${ghost}<div class="fill"></div>${goalMark}</div>
        <span class="name">${escapeHtml(name)}${i === s.target ? ' <b class="true-mark">(true)</b>' : ""}</span>`;
      return bar;
    }));
    if (!goal) {
      challenge.hidden = true;
      challenge.textContent = "";
      return;
    }
    const hits = s.probabilities.map((p, i) => Math.abs(p - goal[i]) <= 0.01);
    const solved = hits.every(Boolean);
    challenge.hidden = false;
    challenge.classList.toggle("solved", solved);
    challenge.textContent = solved
      ? `✓ Solved: every probability is within 0.01 of its goal (${goal.join(" / ")}).`
      : `Goal ${goal.join(" / ")}: ${hits.filter(Boolean).length} of ${goal.length} within 0.01.`;
  }

  model.on(["logits", "target", "temperature", "class_names", "concealed", "goal"], draw);
  draw();
}
