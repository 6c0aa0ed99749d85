/* argv: index folder, and optionally a JSON file of the same documents as [[id, {field: [term, ...]}], ...];
 * stdin: JSON list of queries; stdout: per query [[ref, score, tier], ...] from the sharded index (all hits;
 * the best 10 with their total; the best 10 of the first municipality), the facets of all hits, the number of
 * distinct index terms the query holds, and, given the documents, all hits of a whole lunr.js index of them in
 * the order of the same ranking rules (search-rank.js). */
"use strict";
const fs = require("fs");
const path = require("path");
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

/* The data of an index file, read from disk. */
function dataOf(folder, key) {
  const text = fs.readFileSync(path.join(folder, key + ".js"), "utf8");
  return JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(")")));
}

/* An attachment's item, from its document chunk. */
function parentIn(folder, manifest) {
  return (id) => {
    if (core.kindOf(manifest, id) !== "bilag") return undefined;
    return dataOf(folder, "d/" + Math.floor(id / manifest.chunk))[id % manifest.chunk][6] || undefined;
  };
}

/* The whole index's hits holding every group, in ranking order: tiers from what each matched (matchData). */
function wholeHits(whole, manifest, found, parentOf) {
  const clauses = found.terms.flat();
  // every clause optional (lunr scores the same whatever the presence); a hit must hold a term of each group
  const results = whole.query((q) => clauses.forEach((c) => q.term(c.term, {
    usePipeline: false, boost: c.boost,
    wildcard: c.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
  })));
  const hits = [];
  results.forEach((r) => {
    const doc = { mask: 0, fields: 0, title: 0 };
    Object.entries(r.matchData.metadata).forEach(([t, fields]) => {
      const mask = found.terms.reduce((m, group, i) => m | (group.some((c) => core.expandsTo(c, t)) ? 1 << i : 0), 0);
      doc.mask |= mask;
      Object.keys(fields).forEach((f) => {
        doc.fields |= 1 << manifest.fields.indexOf(f);
        if (f === "title") doc.title |= mask;
      });
    });
    if (doc.mask !== 2 ** found.terms.length - 1) return;
    const ref = Number(r.ref);
    hits.push({ ref, score: r.score, tier: core.tierOf(manifest, ref, doc, found.terms.length) });
  });
  return core.ordered(hits, parentOf);
}

const triples = (hits) => hits.map((h) => [h.ref, h.score, h.tier]);

async function main() {
  const folder = process.argv[2];
  const search = searchFrom(folder);
  const manifest = await search.manifest();
  const whole = process.argv[3] ? wholeIndex(manifest, JSON.parse(fs.readFileSync(process.argv[3], "utf8"))) : null;
  const out = [];
  for (const query of readStdin()) {
    const found = await search.search(query, { limit: Infinity });
    const best = await search.search(query, { limit: 10 });
    const filtered = await search.search(query, { limit: 10, chosen: { kommune: manifest.municipalities[0][0] } });
    const entry = {
      sharded: triples(found.hits), total: found.total, best: triples(best.hits), bestTotal: best.total,
      firstMunicipality: triples(filtered.hits), firstMunicipalityTotal: filtered.total,
      facets: found.hits.map((h) => h.facets),
      terms: new Set(found.groups.flatMap((g) => Object.keys(g.entries))).size,
    };
    if (whole) entry.whole = triples(wholeHits(whole, manifest, found, parentIn(folder, manifest)));
    out.push(entry);
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
