// A browser page for the components' modules under Node: jsdom's document as the global one, what jsdom lacks
// stubbed (layout, canvas drawing, ResizeObserver, popovers), and a fake of the model Panel hands to render().

import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { pretendToBeVisual: true });
const { window } = dom;
for (const name of ["window", "document", "getComputedStyle", "requestAnimationFrame", "HTMLElement", "Event",
  "CustomEvent", "KeyboardEvent", "MouseEvent", "atob"]) {
  Object.defineProperty(globalThis, name, { value: name === "window" ? window : window[name], configurable: true,
    writable: true });
}
globalThis.ResizeObserver = class { observe() {} disconnect() {} };
window.Element.prototype.checkVisibility = function () { return this.isConnected && !this.closest("[hidden]"); };
window.HTMLElement.prototype.togglePopover = function () { this.dataset.open = this.dataset.open ? "" : "open"; };

/** A 2D context that records what is drawn: enough for the map's canvas code to run. */
class Context2D {
  constructor(canvas) { this.canvas = canvas; this.calls = []; this.fillStyle = "#000000"; this.image = null; }
  createImageData(w, h) { return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }; }
  putImageData(image) { this.image = image; }
}
for (const method of ["setTransform", "scale", "clearRect", "drawImage", "beginPath", "arc", "moveTo", "lineTo",
  "closePath", "fill", "stroke"]) {
  Context2D.prototype[method] = function (...args) { this.calls.push([method, ...args]); };
}
/** Every canvas context made, in order (a module may draw on canvases it never puts on the page). */
export const contexts = [];
window.HTMLCanvasElement.prototype.getContext = function () {
  if (!this.context) contexts.push(this.context = new Context2D(this));
  return this.context;
};

/** A fresh element to render into, on the page. */
export function container() {
  const el = document.createElement("div");
  document.body.append(el);
  return el;
}

/** The model render() gets: `data`'s properties, on(names, callback), send_msg (recorded in `sent`), and
 * set(name, value), which changes a property and calls its callbacks as Bokeh does. */
export function fakeModel(data) {
  const callbacks = new Map();
  const model = {
    ...data,
    sent: [],
    send_msg(message) { model.sent.push(message); },
    on(names, callback) {
      for (const name of [names].flat()) callbacks.set(name, [...(callbacks.get(name) ?? []), callback]);
    },
    set(name, value) {
      model[name] = value;
      model.emit(name);
    },
    emit(name, ...args) {
      for (const callback of callbacks.get(name) ?? []) callback(...args);
    },
  };
  return model;
}

/** A key press on `target` (bubbling to the document, as a real one does). */
export function press(target, key, options = {}) {
  const event = new window.KeyboardEvent("keydown", { key, bubbles: true, composed: true, cancelable: true, ...options });
  target.dispatchEvent(event);
  return event;
}

/** Wait for the next animation frames (render() defers some drawing to one). */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
