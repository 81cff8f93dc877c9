// A stand-in for the model Panel hands a component's render({model, el}), for the one-file explorer: each property
// is read from the page's state and written back through it, on(names, callback) and send_msg are Panel's, and
// refresh() (called by the page after every change of state) calls the callbacks of the properties whose values
// changed, as Bokeh does when Python changes a parameter. So the very modules the server's page runs run here.

const same = (a, b) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length &&
  a.every((v, i) => same(v, b[i])));

/** A model whose properties are `getters` ({name: () => value}); setting one calls `set(name, value)`, send_msg
 * calls `send(message, model)`, and emit(name, ...args) calls that name's callbacks ("msg:custom", say). */
export function shimModel(getters, { set = () => {}, send = () => {} } = {}) {
  const callbacks = new Map();
  const last = {};
  const model = {
    on(names, callback) {
      for (const name of [names].flat()) callbacks.set(name, [...(callbacks.get(name) ?? []), callback]);
    },
    send_msg(message) {
      send(message, model);
    },
    emit(name, ...args) {
      for (const callback of callbacks.get(name) ?? []) callback(...args);
    },
    /** Call the callbacks of every property whose value is not what it was at the last refresh. */
    refresh() {
      for (const [name, get] of Object.entries(getters)) {
        const value = get();
        if (same(value, last[name])) continue;
        last[name] = value;
        model.emit(name);
      }
    },
  };
  for (const [name, get] of Object.entries(getters)) {
    last[name] = get();
    Object.defineProperty(model, name, { get, set(value) { set(name, value); }, enumerable: true });
  }
  return model;
}
