/* Loads the vendored lunr.js, lunr-languages (Danish) and the site's search core into node. */
"use strict";
const path = require("path");
const fs = require("fs");
const vm = require("vm");

const STATIC = path.resolve(__dirname, "../../../themes/default/static");
const lunr = require(path.join(STATIC, "vendor/lunr-2.3.9/lunr.min.js"));
require(path.join(STATIC, "vendor/lunr-languages-1.22.0/lunr.stemmer.support.min.js"))(lunr);
require(path.join(STATIC, "vendor/lunr-languages-1.22.0/lunr.da.min.js"))(lunr);
globalThis.lunr = lunr;
// KOMMUNEARKIV_SEARCH_QUERY: another search-query.js (benchmarks/search_benchmark.py --compounds compares variants)
const scripts = [process.env.KOMMUNEARKIV_SEARCH_QUERY || path.join(STATIC, "search-query.js"),
  path.join(STATIC, "search-rank.js"), path.join(STATIC, "search-core.js")];
scripts.forEach((file) => vm.runInThisContext(fs.readFileSync(file, "utf8")));

/* A search over an index folder on disk, loading data files the way <script> elements do. */
function searchFrom(folder) {
  return globalThis.kommunearkivSearch.createSearch(function (key, fail) {
    const file = path.join(folder, key + ".js");
    if (!fs.existsSync(file)) return fail(key);
    vm.runInThisContext(fs.readFileSync(file, "utf8"));
  });
}

function readStdin() {
  return JSON.parse(fs.readFileSync(0, "utf8"));
}

module.exports = { lunr, core: globalThis.kommunearkivSearch, searchFrom, readStdin };
