// The one-file explorer's address, without a server: the explorer's state and the page's settings read from a
// link's query and written back to it, as app/url_state.py and app/page.py do in Python, with the same warnings.
// The URL keys and the parameters' defaults, kinds and bounds come from Python in `spec` (app/standalone.py);
// tests/js/standalone_address.test.mjs checks these rules against Python's results on the same links
// (tests/js/make_fixtures.py).

import { formatShort } from "../lib/format.js";
import { parseClassNames, parseFlag, parseLogits, parseNumber, quote, thousands } from "./inputs.js";
import { defaultLogits, defaults } from "./state.js";

/** The query's values short enough to read, and a warning for each that is not (or for all). */
export function readQuery(spec, search) {
  const { max_query: most, max_value: longest } = spec.limits;
  const length = [...search].length;
  if (length > most) {
    return [{}, [`the link's settings are ${thousands(length)} characters long (at most ${thousands(most)} are read), ` +
      "so none of them was used"]];
  }
  const query = {};
  const all = {};
  for (const [key, value] of new URLSearchParams(search.replace(/^\?+/, ""))) all[key] = value;
  const warnings = [];
  for (const [key, value] of Object.entries(all)) {
    const n = [...value].length;
    if ([...key].length > longest || n > (spec.long_values[key] ?? longest)) {
      warnings.push(`${quote(key)}: ${quote(value)} is too long (${thousands(n)} characters)`);
    } else {
      query[key] = value;
    }
  }
  return [query, warnings];
}

/** The query string for `query`, as app/url_state.py's format_query writes it (commas kept readable). */
export function formatQuery(query) {
  const encode = (text) => encodeURIComponent(text).replace(/%20/g, "+").replace(/%2C/gi, ",")
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts = Object.entries(query).map(([k, v]) => `${encode(k)}=${encode(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** The explorer's state from the query; each bad value is replaced by its default and reported. */
export function explorerState(spec, query) {
  const warnings = [];
  const read = (key, parse) => {
    if (!(key in query)) return null;
    try {
      return parse(query[key]);
    } catch (error) {
      warnings.push(`${key}: ${error.message}`);
      return null;
    }
  };
  let names = read("classes", (text) => parseClassNames(spec, text));
  let logits = read("logits", (text) => parseLogits(spec, text));
  if (logits === null) logits = defaultLogits(spec, names ? names.length : spec.default_classes.length);
  const k = logits.length;
  if (names !== null && names.length !== k) {
    warnings.push(`classes: ${names.length} names for ${k} logits`);
    names = null;
  }
  if (names === null) {
    names = k === spec.default_classes.length ? [...spec.default_classes] : Array.from({ length: k }, (_, i) => `class ${i + 1}`);
  }
  const state = { ...defaults(spec), logits, class_names: names, target: Math.min(spec.params.target.default, k - 1) };

  const special = {
    target(value) {
      // An index first: it is what the app writes, and a class may well be named "1".
      if (/^[0-9]{1,2}$/.test(value) && Number(value) < k) return Number(value);
      if (names.includes(value)) return names.indexOf(value);
      throw new Error(`${quote(value)} is not a class: use an index from 0 to ${k - 1} or a class name`);
    },
    goal(value) {
      const p = value.split(",").slice(0, k + 1).map((v) => parseNumber(spec, v, 0, 1));
      if (p.length !== k || Math.abs(p.reduce((a, b) => a + b, 0) - 1) > 0.01) {
        throw new Error(`give ${k} probabilities that sum to 1`);
      }
      return p;
    },
    hide(value) {
      const sections = value.split(",").filter(Boolean);
      const known = spec.params.hide.objects;
      const unknown = sections.filter((s) => !known.includes(s));
      if (unknown.length) throw new Error(`${unknown.slice(0, 3).map((s) => quote(s)).join(", ")} not known; use any of ${known.join(", ")}`);
      return sections;
    },
  };
  for (const [key, name] of Object.entries(spec.keys)) {
    if (name === "logits" || name === "class_names") continue;
    const value = read(key, special[key] ?? ((text) => parseValue(spec, spec.params[name], text)));
    if (value !== null) state[name] = value;
  }
  return [state, warnings];
}

/** `text` as a value of a parameter (a flag, a choice, or a number within its bounds). */
function parseValue(spec, param, text) {
  if (param.kind === "boolean") return parseFlag(text);
  if (param.kind === "choice") {
    if (param.objects.includes(text)) return text;
    throw new Error(`${quote(text)} is not one of ${param.objects.join(", ")}`);
  }
  const [low, high] = param.bounds;
  return parseNumber(spec, text, low, high, param.kind === "integer");
}

/** The page-wide settings the file knows: lecture mode, the theme, and which tab the link asked for. */
export function pageState(spec, query) {
  const page = { tab: "explore", present: false, theme: "default" };
  const warnings = [];
  for (const [key, choices] of [["tab", spec.tabs], ["theme", spec.themes]]) {
    if (!(key in query)) continue;
    if (choices.includes(query[key])) page[key] = query[key];
    else warnings.push(`${key}: ${quote(query[key])} is not one of ${choices.join(", ")}`);
  }
  if ("present" in query) {
    try {
      page.present = parseFlag(query.present);
    } catch (error) {
      warnings.push(`present: ${error.message}`);
    }
  }
  return [page, warnings];
}

/** A parameter's value as a link writes it: 1/0, "1,2,-1", "0.3". */
export function formatValue(value) {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return value.map(formatValue).join(",");
  return typeof value === "number" ? formatShort(value) : String(value);
}

const same = (a, b) => (Array.isArray(a) && Array.isArray(b)
  ? a.length === b.length && a.every((v, i) => same(v, b[i]))
  : a === b);

/** The query's part for the explorer: the example always, the rest when not at its default. */
export function explorerQuery(spec, state) {
  const query = {};
  for (const [key, name] of Object.entries(spec.keys)) {
    if (spec.always.includes(key) || !same(state[name], spec.params[name].default)) query[key] = formatValue(state[name]);
  }
  return query;
}

/** The whole address's query for what is on screen, as app/page.py writes it: the link's other keys kept (the
 * training tab's, say, for a link back to the server), then the tab, the explorer, lecture mode and the theme. */
export function pageQuery(spec, state, page, current) {
  const ours = new Set([...Object.keys(spec.keys), ...spec.page_keys]);
  const query = Object.fromEntries(Object.entries(current).filter(([k]) => !ours.has(k)));
  query.tab = "explore";
  Object.assign(query, explorerQuery(spec, state));
  if (page.present) query.present = "1";
  if (page.theme === "dark") query.theme = "dark";
  return query;
}

/** Everything a page opened at `search` starts from: the state, the page's settings, the link's other keys, and
 * a warning for each setting that could not be used. */
export function fromAddress(spec, search) {
  const [query, queryWarnings] = readQuery(spec, search);
  const [page, pageWarnings] = pageState(spec, query);
  const [state, warnings] = explorerState(spec, query);
  return { state, page, query, warnings: [...queryWarnings, ...pageWarnings, ...warnings] };
}
