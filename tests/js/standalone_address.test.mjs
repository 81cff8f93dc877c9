import assert from "node:assert/strict";
import { test } from "node:test";

import { assertSameState, cases, spec } from "./standalone_cases.mjs";
import * as address from "../../components/js/standalone/address.js";
import { defaults, setClassNamesText } from "../../components/js/standalone/state.js";

test("a link opens at the state the server's page opens it at, with the same warnings in the same order", () => {
  for (const { search, state, page, warnings } of cases.addresses) {
    const opened = address.fromAddress(spec, search);
    assertSameState(opened.state, state, search);
    assert.deepEqual(opened.page, { tab: page.tab, present: page.present, theme: page.theme }, search);
    assert.deepEqual(opened.warnings, warnings, search);
  }
});

test("the explorer's part of the address is written as app/url_state.py writes it", () => {
  for (const { search, state, query } of cases.addresses) {
    assert.deepEqual(address.explorerQuery(spec, { ...defaults(spec), ...state }), query, search);
  }
});

test("the address written reads back to the same state, keeping the link's other keys", () => {
  const { state, page, query } = address.fromAddress(spec, "?logits=1,2,-1&target=1&tab=train&model=mlp&rate=0.3");
  const changed = { ...state, ...setClassNamesText(spec, state, "cat, dog, bird, fish").changes, temperature: 1.26 };
  const search = address.formatQuery(address.pageQuery(spec, changed, { ...page, present: true }, query));
  assert.equal(search, "?model=mlp&rate=0.3&tab=explore&logits=1,2,-1,0&classes=cat,dog,bird,fish&target=1&temperature=1.26&present=1");
  const again = address.fromAddress(spec, search);
  assert.deepEqual(again.state, changed);
  assert.equal(again.page.present, true);
  assert.deepEqual(again.warnings, []);
});

test("class names with spaces and commas' neighbours survive the address", () => {
  const state = { ...defaults(spec), class_names: ["a b", "c&d", "e=f"] };
  const search = address.formatQuery(address.explorerQuery(spec, state));
  assert.equal(search, "?logits=0.4,1.3,-0.6&classes=a+b,c%26d,e%3Df&target=1&temperature=1");
  assert.deepEqual(address.fromAddress(spec, search).state.class_names, ["a b", "c&d", "e=f"]);
});
