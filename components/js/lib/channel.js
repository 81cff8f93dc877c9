// One explorer's live values (logits, target, temperature) between its components in the browser: the sliders
// publish what they hold, and the views on the same channel (an id Python gives all of one explorer's components,
// so two explorers on a page keep apart) repaint in the same frame, with no server round trip.
// Events on `document`, not state in this module: esbuild bundles each component with its own copy of it.

const PREFIX = "softmax-channel:";

/** Send `values` (some of logits, target, temperature) to every subscriber of `channel` ("": nobody). */
export function publish(channel, values) {
  if (channel) document.dispatchEvent(new CustomEvent(PREFIX + channel, { detail: values }));
}

/** Call `listener(values)` on every publish to `channel`; returns the function that stops listening. */
export function subscribe(channel, listener) {
  if (!channel) return () => {};
  const handler = (event) => listener(event.detail);
  document.addEventListener(PREFIX + channel, handler);
  return () => document.removeEventListener(PREFIX + channel, handler);
}

const same = (a, b) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length &&
  a.every((v, i) => v === b[i]));

/** A view's own copy of logits, target and temperature: its model's, then whatever changes last, a push from
 * Python (the model) or a slider on its channel. `changed()` runs after each change; the view never writes its
 * model, so a drag sends the server nothing. Listening ends when the view is removed. */
export function liveValues(model, changed) {
  const live = { logits: model.logits, target: model.target, temperature: model.temperature };
  const update = (values) => {
    const news = Object.entries(values).filter(([name, value]) => name in live && !same(live[name], value));
    if (!news.length) return;
    Object.assign(live, Object.fromEntries(news));
    changed();
  };
  for (const name of Object.keys(live)) model.on(name, () => update({ [name]: model[name] }));
  model.on("remove", subscribe(model.channel, update));
  return live;
}
