// The one-file explorer's state and its rules, without a server: what SoftmaxExplorer's parameters and actions
// (components/softmax_explorer.py) and the URL rules (app/url_state.py) do in Python, done here in the browser.
// Every table these functions read (the limits, the URL keys, the parameters' defaults and bounds, the presets
// and challenges for each number of classes) comes from Python in `spec` (app/standalone.py writes it into the
// file), so only the logic is repeated here, and tests/js/standalone_state.test.mjs checks it against Python's
// results on the same inputs (tests/js/make_fixtures.py). A state is a plain object with the parameters' names;
// the actions are pure: each returns the changes it makes.

import { formatShort } from "../lib/format.js";
import { softmaxSteps } from "../lib/softmax.js";

// --- reading text, as models/inputs.py does -------------------------------------------------------------------

const NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?$/i;
const QUOTE = 40;

/** `text` as Python's repr() writes a string: in single quotes, or double ones if it holds only single ones. */
export function pyRepr(text) {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0);
    if (c === "\\" || c === q) out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return q + out + q;
}

const thousands = (n) => n.toLocaleString("en-US");

/** A value as a message quotes it (models/inputs.py's quote): 'abc', or its first 40 characters and its length. */
export function quote(value, limit = QUOTE) {
  const text = [...String(value)];
  if (text.length <= limit) return pyRepr(text.join(""));
  return `${pyRepr(text.slice(0, limit).join(""))}… (${thousands(text.length)} characters)`;
}

/** A number from `low` to `high` (a whole one if `whole`) in plain digits, or an Error with the reason. */
export function parseNumber(spec, text, low, high, whole = false) {
  const t = String(text).trim();
  const kind = whole ? "a whole number" : "a number";
  const not = `${quote(t)} is not ${kind}: use ${kind} from ${low} to ${high}`;
  if ([...t].length > spec.limits.max_number || !NUMBER.test(t)) throw new Error(not);
  const number = Number(t);
  if (!(Number.isFinite(number) && low <= number && number <= high)) throw new Error(`${quote(t)} is outside ${low} to ${high}`);
  if (whole && !Number.isInteger(number)) throw new Error(not);
  return number;
}

/** On or off from 1/true/yes/on or 0/false/no/off. */
export function parseFlag(text) {
  const value = String(text).trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new Error(`${quote(text)} is not on or off: use 1 or 0`);
}

function splitList(spec, text, most, what) {
  const length = [...String(text)].length;
  if (length > most * (spec.limits.max_number + 2)) {
    throw new Error(`the list is too long (${thousands(length)} characters): give at most ${most} ${what}`);
  }
  return String(text).replaceAll(";", ",").replaceAll(",", " ").split(/\s+/).filter(Boolean);
}

/** Logits from text such as "1, 2, -1": 2 to MAX_CLASSES numbers within +/-LOGIT_LIMIT. */
export function parseLogits(spec, text) {
  const { max_classes: most, logit_limit: limit } = spec.limits;
  const parts = splitList(spec, text, most, "logits");
  if (parts.length < 2 || parts.length > most) {
    throw new Error(`give between 2 and ${most} logits, separated by commas (got ${parts.length})`);
  }
  return parts.map((part) => parseNumber(spec, part, -limit, limit));
}

/** Class names from text such as "low, medium, high": 2 to MAX_CLASSES different names of at most MAX_NAME. */
export function parseClassNames(spec, text) {
  const { max_classes: most, max_name: longest } = spec.limits;
  text = String(text);
  const length = [...text].length;
  if (length > most * (longest + 2)) {
    throw new Error(`the names are too long (${thousands(length)} characters): give at most ${most} names ` +
      `of at most ${longest} characters`);
  }
  const names = text.split(",").map((n) => n.trim());
  if (names.some((n) => !n)) throw new Error("class names must not be empty");
  if (names.length < 2 || names.length > most) {
    throw new Error(`give between 2 and ${most} class names (got ${names.length})`);
  }
  if (new Set(names).size !== names.length) throw new Error("class names must be different from each other");
  if (names.some((n) => [...n].length > longest)) throw new Error(`class names must have at most ${longest} characters`);
  return names;
}

/** Logits as the exact-entry field writes them: "1, 2, -1". */
export const formatLogits = (logits) => logits.map(formatShort).join(", ");

// --- the explorer's state and actions, as SoftmaxExplorer has them -------------------------------------------

export const defaultLogits = (spec, k) => spec.default_logits.slice(0, k);

/** The explorer's state at its parameters' defaults. */
export function defaults(spec) {
  const state = Object.fromEntries(Object.entries(spec.params).map(([name, p]) => [name, p.default]));
  return { ...state, logits: defaultLogits(spec, spec.default_classes.length), class_names: [...spec.default_classes] };
}

/** The smallest slider range (10, 20, 50, ... 1000) that holds every logit. */
export function sliderBound(spec, logits) {
  const biggest = Math.max(...logits.map(Math.abs));
  return spec.slider_bounds.find((b) => biggest <= b) ?? spec.slider_bounds.at(-1);
}

/** The first k of `names`, then "class 4", "class 5", ... that are not taken. */
function named(names, k) {
  const kept = names.slice(0, k);
  const out = [...kept];
  for (let i = kept.length + 1; out.length < k; i++) if (!kept.includes(`class ${i}`)) out.push(`class ${i}`);
  return out;
}

const clip = (spec, logits) => logits.map((v) => Math.min(Math.max(v, -spec.limits.logit_limit), spec.limits.logit_limit));

function resize(state, names, logits) {
  return {
    class_names: names,
    logits,
    target: Math.min(state.target, logits.length - 1),
    goal: state.goal.length !== logits.length ? [] : state.goal,
  };
}

/** Add `delta` to every logit: the probabilities do not change. */
export const shift = (spec, state, delta) => ({ logits: clip(spec, state.logits.map((v) => v + delta)) });

/** Multiply every logit by `factor`: the probabilities sharpen (> 1) or flatten (< 1). */
export const scale = (spec, state, factor) => ({ logits: clip(spec, state.logits.map((v) => v * factor)) });

/** Back to the default logits and T = 1, keeping the classes and the true class. */
export const reset = (spec, state) =>
  ({ logits: defaultLogits(spec, state.logits.length), temperature: 1, goal: [], largest: false, concealed: false });

/** One step of gradient descent on this one example: z <- z - lr * dL/dz, L the objective's loss (cross-entropy
 * unless it is squared error alone). */
export function gradientStep(spec, state) {
  const s = softmaxSteps(state.logits, state.target, state.temperature);
  const gradient = state.objective === "squared_error" ? s.squaredGradient : s.gradient;
  return { logits: clip(spec, state.logits.map((z, i) => z - state.lr * gradient[i])) };
}

/** The next loss choice: cross-entropy, squared error, both, and round again. */
export function nextObjective(spec, state) {
  const choices = spec.params.objective.objects;
  return { objective: choices[(choices.indexOf(state.objective) + 1) % choices.length] };
}

/** A warm-up situation (results hidden if predict_first) or a challenge (its goals, or the largest-output one), by
 * name. */
export function preset(spec, state, name) {
  const k = String(state.logits.length);
  const situation = spec.presets.find((p) => p.name === name);
  if (situation) {
    return { logits: situation.logits[k], goal: [], largest: false, concealed: state.predict_first, temperature: 1 };
  }
  const largest = name === spec.largest.name;
  const goal = largest ? [] : spec.challenges.find((c) => c.name === name).goal[k];
  return { logits: Array(Number(k)).fill(0), goal, largest, concealed: false, temperature: 1 };
}

/** The largest-output challenge for the state, as components/warmups.py's largest_check: {met, status, explanation}:
 * p(true class) of at least `at_least` with every logit within +/-`bound`, at T = 1. */
export function largestCheck(spec, state) {
  const { bound, at_least: atLeast } = spec.largest;
  const { logits, target, temperature, class_names: names } = state;
  const name = names[target];
  const k = logits.length;
  const p = softmaxSteps(logits, target, 1).probabilities[target];
  const best = 1 / (1 + (k - 1) * Math.exp(-2 * bound));
  const [b, twice] = [formatShort(bound), formatShort(2 * bound)];
  const goal = `p(${name}) ≥ ${formatShort(atLeast)} with every logit within ±${b}`;
  const open = (status) => ({ met: false, status, explanation: "" });
  if (temperature !== 1) return open(`Set T back to 1: this question is about the logits alone (${goal}).`);
  const outside = logits.findIndex((z) => Math.abs(z) > bound + 1e-9);
  if (outside >= 0) return open(`Keep every logit within ±${b}: z(${names[outside]}) is ${formatShort(logits[outside])}.`);
  if (p < atLeast) {
    const hint = logits[target] >= bound - 0.05 ? ` ${name}'s logit is at the top: what must the others do?` : "";
    return open(`Goal ${goal}: now p(${name}) = ${p.toFixed(4)}.${hint}`);
  }
  const explanation = `Softmax depends only on the differences between logits: p(${name}) = 1 / (1 + Σ exp(z_k − ` +
    `z_${name})) over the other classes k. So p(${name}) grows when z_${name} − z_k grows for every other k, whether ` +
    `z_${name} goes up or the others go down, alike. With every logit within ±${b}, the best is z_${name} = ${b} and ` +
    `all the others = −${b}: differences of ${twice}, p(${name}) = 1 / (1 + ${k - 1}·exp(−${twice})) = ` +
    `${best.toFixed(5)}.`;
  return { met: true, status: `✓ Solved: p(${name}) = ${p.toFixed(5)} with every logit within ±${b}.`, explanation };
}

export function addClass(spec, state) {
  const k = state.logits.length;
  return k < spec.limits.max_classes ? resize(state, named(state.class_names, k + 1), [...state.logits, 0]) : {};
}

export function removeClass(spec, state) {
  const k = state.logits.length;
  return k > 2 ? resize(state, state.class_names.slice(0, -1), state.logits.slice(0, -1)) : {};
}

/** Exact entry: "1, 2, -1" sets the logits (and the number of classes). Returns {changes, message}: bad text changes
 * nothing and says why, and so does text that reads as the logits already are (the field shows them rounded). */
export function setLogitsText(spec, state, text) {
  let logits;
  try {
    logits = parseLogits(spec, text);
  } catch (error) {
    return { changes: {}, message: `Not applied: ${error.message}.` };
  }
  const same = formatLogits(logits) === formatLogits(state.logits);
  return { changes: same ? {} : resize(state, named(state.class_names, logits.length), logits), message: "" };
}

/** "cat, dog, bird" names the classes (and sets their number). Returns {changes, message}, as setLogitsText. */
export function setClassNamesText(spec, state, text) {
  let names;
  try {
    names = parseClassNames(spec, text);
  } catch (error) {
    return { changes: {}, message: `Not applied: ${error.message}.` };
  }
  const k = names.length;
  return { changes: resize(state, names, [...state.logits, ...Array(k).fill(0)].slice(0, k)), message: "" };
}

// --- the address, as app/url_state.py reads and writes it ----------------------------------------------------

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
