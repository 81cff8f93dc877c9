// ESLint for the browser modules (components/js) and their Node tests (tests/js): the recommended rules.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["components/bundles/", "node_modules/", ".venv/", "build/"] },
  js.configs.recommended,
  { files: ["components/js/**/*.js"], languageOptions: { globals: globals.browser } },
  // The tests run under Node, with a jsdom page as the browser globals (tests/js/dom.mjs).
  { files: ["tests/js/**/*.mjs"], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ["eslint.config.js"], languageOptions: { globals: globals.node } },
];
