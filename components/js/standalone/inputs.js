// The one-file explorer's text rules, without a server: numbers, flags, logits and class names read from text and
// values quoted back as models/inputs.py reads and quotes them in Python, with the same messages. The limits come
// from Python in `spec` (app/standalone.py writes it into the file); tests/js/standalone_inputs.test.mjs checks
// the readers against Python's results on the same inputs (tests/js/make_fixtures.py).

import { formatShort } from "../lib/format.js";

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

/** A whole number with thousands separated by commas, as Python's f"{n:,}" writes it. */
export const thousands = (n) => n.toLocaleString("en-US");

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
