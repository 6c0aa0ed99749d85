/* argv: index folder, number of hits; stdin: JSON list of queries; stdout: per query the links of the best
 * hits (as the result list shows them, best first) and the number of results. With KOMMUNEARKIV_SEARCH_FIRST=1,
 * the first results the page shows (search-core.js, `first`), else the complete ones. */
"use strict";
const { searchFrom, readStdin } = require("./lunr_env");

async function main() {
  const search = searchFrom(process.argv[2]);
  const limit = Number(process.argv[3] || 10);
  const out = [];
  for (const query of readStdin()) {
    const found = await search.search(query, { limit, first: process.env.KOMMUNEARKIV_SEARCH_FIRST === "1" });
    const docs = await search.describe(found);
    out.push({ urls: docs.map((d) => d.url), total: found.total });
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
