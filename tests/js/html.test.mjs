import assert from "node:assert/strict";
import { test } from "node:test";

import { escapeHtml } from "../../components/js/lib/html.js";

test("escapeHtml turns markup into text", () => {
  assert.equal(escapeHtml(`<b class="x">'a' & b</b>`), "&#60;b class=&#34;x&#34;&#62;&#39;a&#39; &#38; b&#60;/b&#62;");
});

test("escapeHtml leaves plain text and numbers as they are", () => {
  assert.equal(escapeHtml("high price"), "high price");
  assert.equal(escapeHtml(3), "3");
  assert.equal(escapeHtml("µ ≥ 0"), "µ ≥ 0");
});
