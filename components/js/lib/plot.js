// Drawing helpers shared by the charts and the map: SVG elements and round ticks.

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with `attrs` and, if given, text. */
export function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null && text !== undefined) node.textContent = text;
  return node;
}

/** A round tick step (1, 2, 2.5 or 5 times a power of ten) giving at most about `count` ticks over `span`. */
export function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

/** [value, label] ticks at a nice step between lo and hi. */
export function niceTicks(lo, hi, count) {
  const step = niceStep(hi - lo, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push([v, v.toFixed(decimals)]);
  return ticks;
}
