// The fixtures that tests/js/make_fixtures.py writes from the Python core (`make js-test` runs it first).

import { existsSync, readFileSync } from "node:fs";

const DIR = new URL("../../build/js-fixtures/", import.meta.url);

function read(name) {
  const url = new URL(name, DIR);
  if (!existsSync(url)) throw new Error(`no fixture ${name}: run \`make js-test\` (or tests/js/make_fixtures.py)`);
  return readFileSync(url);
}

/** A JSON fixture, parsed. */
export const json = (name) => JSON.parse(read(name).toString("utf-8"));

/** A bytes fixture, as an ArrayBuffer (as Bokeh hands a bytes parameter to a module). */
export function bytes(name) {
  const data = read(name);
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
}

/** Whether `actual` is within `tolerance` of `expected`, relative to the larger of 1 and |expected|. */
export function close(actual, expected, tolerance) {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}
