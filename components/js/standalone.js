// The one-file explorer (python -m softmax_explorer export explorer.html): the explorer tab with no server. The
// file holds this bundle, Python's tables for the rules (#se-spec) and the components' stylesheets (#se-css), as
// app/standalone.py writes them; ./standalone/page.js builds the page from the address.

import { mountPage } from "./standalone/page.js";

const read = (id) => JSON.parse(document.getElementById(id).textContent);

if (document.getElementById("se-spec")) mountPage(read("se-spec"), read("se-css"));
