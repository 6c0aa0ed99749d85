/* argv: index folder, and optionally a JSON file of the same documents as [[id, {field: [term, ...]}], ...];
 * stdin: JSON list of queries; stdout: per query [[ref, score], ...] from the sharded index (all hits;
 * the best 10 with their total; the best 10 of the first municipality), the facets of all hits, the
 * number of distinct index terms the query holds, and, given the documents, all hits of a whole lunr.js index of them. */
"use strict";
const fs = require("fs");
const { lunr, core, searchFrom, readStdin } = require("./lunr_env");

/* The whole index, made by lunr.js's own Builder (no pipeline: the terms are the index's already). */
function wholeIndex(manifest, documents) {
  const builder = new lunr.Builder();
  builder.ref("id");
  manifest.fields.forEach((field, n) => builder.field(field, { boost: manifest.boosts[n] }));
  builder.k1(manifest.k1);
  builder.b(manifest.b);
  documents.forEach(([id, terms]) => builder.add({ id: String(id), ...terms }));
  return builder.build();
}

const pairs = (hits) => hits.map((h) => [h.ref, h.score]);

async function main() {
  const folder = process.argv[2];
  const search = searchFrom(folder);
  const whole = process.argv[3]
    ? wholeIndex(await search.manifest(), JSON.parse(fs.readFileSync(process.argv[3], "utf8"))) : null;
  const out = [];
  for (const query of readStdin()) {
    const found = await search.search(query, Infinity);
    const best = await search.search(query, 10);
    const filtered = await search.search(query, 10, (facets) => facets.municipality === 0);
    const entry = {
      sharded: pairs(found.hits), total: found.total, best: pairs(best.hits), bestTotal: best.total,
      firstMunicipality: pairs(filtered.hits), firstMunicipalityTotal: filtered.total,
      facets: found.hits.map((h) => h.facets),
      terms: new Set(found.groups.flatMap((g) => Object.keys(g.entries))).size,
    };
    if (whole) {
      // every clause optional (lunr scores the same whatever the presence); a hit must hold a term of each group
      const clauses = found.terms.flat();
      const results = whole.query((q) => clauses.forEach((c) => q.term(c.term, {
        usePipeline: false, boost: c.boost,
        wildcard: c.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
      })));
      const holdsEveryGroup = (r) => {
        const matched = Object.keys(r.matchData.metadata);
        return found.terms.every((group) => matched.some((t) => group.some((c) => core.expandsTo(c, t))));
      };
      entry.whole = results.filter(holdsEveryGroup).map((r) => [Number(r.ref), r.score])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    }
    out.push(entry);
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
