// The training map and the views of what is inside its network, in the browser, with no server round trip: the
// map sends "state" (the network of each frame it receives, the points, the extent, the class colours) and
// answers "ask" with it; the inside views send "highlight" (a unit's region and line, or null), which the map
// draws over its cells. Events on `document`, named by a channel id Python gives both (components/decision_map.py),
// as lib/channel.js does for the explorer: esbuild gives each bundle its own copy of this module.

const PREFIX = "softmax-map:";

/** Send `detail` on `channel`'s `topic` ("state", "ask", "highlight"); no channel, no event. */
export function send(channel, topic, detail = null) {
  if (channel) document.dispatchEvent(new CustomEvent(`${PREFIX}${topic}:${channel}`, { detail }));
}

/** Call `listener(detail)` on every `send` to `channel`'s `topic`; returns the function that stops listening. */
export function listen(channel, topic, listener) {
  if (!channel) return () => {};
  const name = `${PREFIX}${topic}:${channel}`;
  const handler = (event) => listener(event.detail);
  document.addEventListener(name, handler);
  return () => document.removeEventListener(name, handler);
}
