// Drawing helpers shared by the charts and the map (prepended to their modules by components/assets.py).

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with ``attrs`` and, if given, text. */
function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null && text !== undefined) node.textContent = text;
  return node;
}

/** A round tick step (1, 2, 2.5 or 5 times a power of ten) giving at most about ``count`` ticks over ``span``. */
function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

/** [value, label] ticks at a nice step between lo and hi. */
function niceTicks(lo, hi, count) {
  const step = niceStep(hi - lo, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push([v, v.toFixed(decimals)]);
  return ticks;
}

/** A bytes parameter as an ArrayBuffer (Bokeh sends binary buffers; base64 text is accepted too), or null. */
function bytesOf(value) {
  if (value == null) return null;
  if (value instanceof ArrayBuffer) return value;
  if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0)).buffer;
}
