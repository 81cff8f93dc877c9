// components/layouts.json
var layouts_default = {
  points: [
    ["n", "u4"],
    ["x", "f8", "n"],
    ["y", "f8", "n"],
    ["cls", "u1", "n"],
    ["part", "u1", "n"]
  ],
  frame: [
    ["number", "u4"],
    ["height", "u2"],
    ["width", "u2"],
    ["codes", "u1", "height*width"]
  ]
};

// components/js/lib/binary.js
var ARRAYS = { u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, f4: Float32Array, f8: Float64Array };
function bytesOf(value) {
  if (value == null) return null;
  if (value instanceof ArrayBuffer) return value;
  if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0)).buffer;
}
function unpack(layout, buffer) {
  const fields = {};
  let offset = 0;
  for (const [name, type, length] of layout) {
    const Typed = ARRAYS[type];
    const size = Typed.BYTES_PER_ELEMENT;
    offset = Math.ceil(offset / size) * size;
    const count = length === void 0 ? 1 : length.split("*").reduce((n, f) => n * (/^\d+$/.test(f) ? Number(f) : fields[f]), 1);
    const array = new Typed(buffer, offset, count);
    fields[name] = length === void 0 ? array[0] : array;
    offset += count * size;
  }
  return fields;
}
function unpackPoints(value) {
  const buffer = bytesOf(value);
  return buffer ? unpack(layouts_default.points, buffer) : unpack(layouts_default.points, new ArrayBuffer(8));
}
function unpackFrame(value) {
  const buffer = bytesOf(value);
  return buffer ? unpack(layouts_default.frame, buffer) : null;
}

// components/js/lib/html.js
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// components/js/lib/plot.js
var SVG_NS = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null && text !== void 0) node.textContent = text;
  return node;
}
function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
}
function niceTicks(lo, hi, count) {
  const step = niceStep(hi - lo, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push([v, v.toFixed(decimals)]);
  return ticks;
}

// components/js/decision_map.js
var HEIGHT = 500;
function rgba(color) {
  const probe = document.createElement("canvas").getContext("2d");
  probe.fillStyle = color;
  const hex = probe.fillStyle;
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
function render({ model, el }) {
  const root = document.createElement("figure");
  root.className = "decision-map";
  root.innerHTML = `<div class="plot"><canvas class="map"></canvas><svg class="axes"></svg>
    <div class="tooltip" role="status" hidden></div></div><ul class="legend" aria-label="Legend"></ul>`;
  el.append(root);
  const plot = root.querySelector(".plot");
  const canvas = root.querySelector("canvas");
  const axes = root.querySelector("svg");
  const tooltip = root.querySelector(".tooltip");
  const legend = root.querySelector(".legend");
  canvas.setAttribute("role", "img");
  const cells = document.createElement("canvas");
  const layer = document.createElement("canvas");
  let box = { x: 0, y: 0, w: 1, h: 1 };
  let lookup = new Uint8ClampedArray(0);
  let points = unpackPoints(model.points);
  const scale = () => parseFloat(getComputedStyle(el).fontSize) / 15 || 1;
  const toPixel = (x, y) => {
    const [x0, x1, y0, y1] = model.extent;
    return [box.x + (x - x0) / (x1 - x0) * box.w, box.y + (1 - (y - y0) / (y1 - y0)) * box.h];
  };
  const toData = (px, py) => {
    const [x0, x1, y0, y1] = model.extent;
    return [x0 + (px - box.x) / box.w * (x1 - x0), y0 + (1 - (py - box.y) / box.h) * (y1 - y0)];
  };
  function layout() {
    const s = scale();
    const width = Math.max(200, plot.clientWidth);
    const height = Math.round(HEIGHT * Math.min(s, 1.3));
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    axes.setAttribute("viewBox", `0 0 ${width} ${height}`);
    axes.setAttribute("width", width);
    axes.setAttribute("height", height);
    const left = 70 * s, bottom = 46 * s;
    box = { x: left, y: 8, w: width - left - 12, h: height - bottom - 8 };
    drawAxes();
    drawPoints();
    compose();
  }
  function drawAxes() {
    const [x0, x1, y0, y1] = model.extent;
    const s = scale();
    axes.replaceChildren(svg("rect", { x: box.x, y: box.y, width: box.w, height: box.h, class: "frame" }));
    for (const [v, text] of niceTicks(x0, x1, Math.max(3, Math.floor(box.w / (110 * s))))) {
      const [px] = toPixel(v, y0);
      axes.append(svg("line", { x1: px, x2: px, y1: box.y + box.h, y2: box.y + box.h + 5, class: "tick" }));
      axes.append(svg("text", { x: px, y: box.y + box.h + 20 * s, class: "tick-label x" }, text));
    }
    for (const [v, text] of niceTicks(y0, y1, Math.max(3, Math.floor(box.h / (60 * s))))) {
      const [, py] = toPixel(x0, v);
      axes.append(svg("line", { x1: box.x - 5, x2: box.x, y1: py, y2: py, class: "tick" }));
      axes.append(svg("text", { x: box.x - 8, y: py + 5 * s, class: "tick-label y" }, text));
    }
    axes.append(svg("text", { x: box.x + box.w / 2, y: box.y + box.h + 40 * s, class: "axis-label" }, model.x_label));
    axes.append(svg("text", {
      x: 14 * s,
      y: box.y + box.h / 2,
      class: "axis-label",
      transform: `rotate(-90 ${14 * s} ${box.y + box.h / 2})`
    }, model.y_label));
  }
  function drawPoints() {
    const ratio = window.devicePixelRatio || 1;
    layer.width = canvas.width;
    layer.height = canvas.height;
    const ctx = layer.getContext("2d");
    ctx.scale(ratio, ratio);
    const { x, y, cls, part } = points;
    const r = 3.2 * Math.min(scale(), 1.3);
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
    for (let i = 0; i < x.length; i++) {
      const [px, py] = toPixel(x[i], y[i]);
      ctx.fillStyle = model.class_colors[cls[i] % model.class_colors.length];
      ctx.beginPath();
      if (part[i]) {
        ctx.moveTo(px, py - r * 1.5);
        ctx.lineTo(px + r * 1.3, py + r * 0.9);
        ctx.lineTo(px - r * 1.3, py + r * 0.9);
        ctx.closePath();
      } else {
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }
  }
  function paletteLookup() {
    lookup = new Uint8ClampedArray(256 * 4);
    model.palette.forEach((color, i) => {
      const [r, g, b] = rgba(color);
      lookup.set([r, g, b, 255], i * 4);
    });
  }
  function drawCells() {
    const frame2 = unpackFrame(model.frame);
    if (!frame2) return 0;
    const { number: n, height: h, width: w, codes: image } = frame2;
    if (cells.width !== w || cells.height !== h) {
      cells.width = w;
      cells.height = h;
    }
    const ctx = cells.getContext("2d");
    const pixels = ctx.createImageData(w, h);
    for (let row = 0; row < h; row++) {
      const from = (h - 1 - row) * w;
      for (let col = 0; col < w; col++) pixels.data.set(lookup.subarray(image[from + col] * 4, image[from + col] * 4 + 4), (row * w + col) * 4);
    }
    ctx.putImageData(pixels, 0, 0);
    return n;
  }
  function compose() {
    const ratio = window.devicePixelRatio || 1;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, box.x, box.y, box.w, box.h);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (model.marker.length === 2) {
      const [px, py] = toPixel(...model.marker);
      ctx.lineWidth = 3;
      ctx.strokeStyle = getComputedStyle(root).getPropertyValue("--point-outline").trim() || "#1d2228";
      ctx.beginPath();
      ctx.arc(px, py, 10, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
  function frame() {
    const n = drawCells();
    compose();
    requestAnimationFrame(() => {
      canvas.dataset.frame = String(n);
      model.send_msg({ shown: n });
    });
  }
  function drawLegend() {
    const items = model.class_names.map((name, i) => `<li><span class="swatch" style="--class-color:${model.class_colors[i % model.class_colors.length]}"></span>${escapeHtml(name)}</li>`);
    legend.innerHTML = items.join("") + `<li class="part">\u25CF training</li><li class="part">\u25B2 validation</li>`;
    canvas.setAttribute("aria-label", `Decision map over ${model.x_label} and ${model.y_label}: the model's class and confidence, with the data's points`);
  }
  function nearest(px, py) {
    const { x, y } = points;
    let best = -1, bestDistance = 8 * 8;
    for (let i = 0; i < x.length; i++) {
      const [qx, qy] = toPixel(x[i], y[i]);
      const d = (qx - px) ** 2 + (qy - py) ** 2;
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  }
  const inside = (px, py) => px >= box.x && px <= box.x + box.w && py >= box.y && py <= box.y + box.h;
  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  canvas.addEventListener("click", (event) => {
    const [px, py] = local(event);
    if (!inside(px, py)) return;
    const [x, y] = toData(px, py);
    model.send_msg({ x, y });
  });
  canvas.addEventListener("mousemove", (event) => {
    const [px, py] = local(event);
    const i = inside(px, py) ? nearest(px, py) : -1;
    tooltip.hidden = i < 0;
    if (i < 0) return;
    const { x, y, cls, part } = points;
    tooltip.innerHTML = `<b>${escapeHtml(model.class_names[cls[i]] ?? cls[i])}</b> (${part[i] ? "validation" : "training"})<br>
      ${escapeHtml(model.x_label)}: ${x[i].toFixed(4)}<br>${escapeHtml(model.y_label)}: ${y[i].toFixed(4)}`;
    tooltip.style.left = `${px + 12}px`;
    tooltip.style.top = `${py + 12}px`;
  });
  canvas.addEventListener("mouseleave", () => {
    tooltip.hidden = true;
  });
  model.on("frame", frame);
  model.on("points", () => {
    points = unpackPoints(model.points);
    drawPoints();
    compose();
  });
  model.on("extent", layout);
  model.on(["x_label", "y_label"], drawAxes);
  model.on("palette", () => {
    paletteLookup();
    frame();
  });
  model.on(["class_names", "class_colors"], () => {
    drawLegend();
    drawPoints();
    compose();
  });
  model.on("marker", compose);
  const resize = new ResizeObserver(() => layout());
  resize.observe(plot);
  model.on("remove", () => resize.disconnect());
  paletteLookup();
  drawLegend();
  requestAnimationFrame(() => {
    layout();
    frame();
  });
}
export {
  render
};
