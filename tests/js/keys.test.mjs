import assert from "node:assert/strict";
import { test } from "node:test";

import { isShortcut, isShown, isTyping } from "../../components/js/lib/keys.js";

/** A keydown event as the guard sees it: where it started (inside shadow roots too) and the modifiers. */
const press = (origin, modifiers = {}) => ({ composedPath: () => (origin ? [origin, { tagName: "BODY" }] : []),
  ctrlKey: false, metaKey: false, altKey: false, ...modifiers });
const input = (type) => ({ tagName: "INPUT", type });

test("typing in a text field, a number field, a textarea, a select or editable content is typing", () => {
  for (const origin of [input("text"), input("number"), input("search"), { tagName: "TEXTAREA" },
    { tagName: "SELECT" }, { tagName: "DIV", isContentEditable: true }]) {
    assert.equal(isTyping(press(origin)), true, JSON.stringify(origin));
  }
});

test("a key on a slider, a radio button, a checkbox or a button is not typing", () => {
  for (const origin of [input("range"), input("radio"), input("checkbox"), input("button"), { tagName: "BUTTON" },
    { tagName: "DIV" }]) {
    assert.equal(isTyping(press(origin)), false, JSON.stringify(origin));
  }
  assert.equal(isTyping(press(null)), false);
});

test("a shortcut needs no Ctrl, Meta or Alt and no text field", () => {
  assert.equal(isShortcut(press({ tagName: "BODY" })), true);
  assert.equal(isShortcut(press(input("range"))), true);
  for (const modifier of ["ctrlKey", "metaKey", "altKey"]) {
    assert.equal(isShortcut(press({ tagName: "BODY" }, { [modifier]: true })), false, modifier);
  }
  assert.equal(isShortcut(press(input("text"))), false);
});

test("a component's keys act only while it is on the page and visible, CSS visibility included", () => {
  const asked = [];
  const element = (connected, visible) => ({ isConnected: connected,
    checkVisibility: (options) => { asked.push(options); return visible; } });
  assert.equal(isShown(element(true, true)), true);
  assert.equal(isShown(element(true, false)), false);
  assert.equal(isShown(element(false, true)), false);
  assert.deepEqual(asked[0], { checkVisibilityCSS: true });
});
