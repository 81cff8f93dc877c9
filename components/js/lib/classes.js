// Classes' colours and names, the same in every view of both tabs (components/palette.json, read by Python too).

import palette from "../../palette.json" with { type: "json" };

export const CLASS_COLORS = palette.class_colors;

/** The colour of class i (the palette repeats beyond its length). */
export function classColor(i) {
  return CLASS_COLORS[i % CLASS_COLORS.length];
}

/** The name of class i: its given name, or "class i" when it has none. */
export function className(names, i) {
  return names && names[i] !== undefined && names[i] !== "" ? String(names[i]) : `class ${i}`;
}
