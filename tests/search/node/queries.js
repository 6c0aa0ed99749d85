/* argv: index folder; stdin: JSON list of queries; stdout: per query [[ref, score], ...] from the
 * sharded index (all hits; the best 10 with their total; the best 10 of the first municipality),
 * and from the whole index (argv[3],
 * a lunr.py serialization) when given. */
"use strict";
const fs = require("fs");
const { lunr, searchFrom, readStdin } = require("./lunr_env");

async function main() {
  const search = searchFrom(process.argv[2]);
  const whole = process.argv[3] ? lunr.Index.load(JSON.parse(fs.readFileSync(process.argv[3], "utf8"))) : null;
  const out = [];
  for (const query of readStdin()) {
    const found = await search.search(query, Infinity);
    const best = await search.search(query, 10);
    const filtered = await search.search(query, 10, (facets) => facets.municipality === 0);
    const entry = {
      sharded: found.hits.map((h) => [h.ref, h.score]), total: found.total,
      best: best.hits.map((h) => [h.ref, h.score]), bestTotal: best.total,
      firstMunicipality: filtered.hits.map((h) => [h.ref, h.score]), firstMunicipalityTotal: filtered.total,
    };
    if (whole) {
      const results = whole.query((q) => found.terms.forEach((c) => q.term(c.term, {
        usePipeline: false, presence: lunr.Query.presence.REQUIRED,
        wildcard: c.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
      })));
      entry.whole = results.map((r) => [Number(r.ref), r.score])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    }
    out.push(entry);
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
