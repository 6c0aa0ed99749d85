/* Kommunearkiv search: facets read from document ids, the ranking rules on top of lunr's scores, and the
 * order by date.
 *
 * Ranking (docs/search.md): a person whose name holds every word of the query comes first; a meeting found
 * only through its committee's name comes after everything else; within those tiers lunr's score decides
 * (ties by id); an attachment that would rank above its item goes just below it. Facets: municipality,
 * committee, year and type, each counted over the documents that pass the other facets' choices. By date:
 * newest first, documents of one day in the archive's order; the dates come from y/<municipality>-<year>.js.
 * Runs in browsers and node, before search-core.js.
 */
(function (root) {
  "use strict";

  var TIE = 1e-9;  // relative distance within which two sums of weights may be the same lunr score
  var TIERS = { name: 2, plain: 1, committeeOnly: 0 };
  // Facets: URL parameter, and a document's value ("" when it has none: persons have no committee or year).
  var FACETS = [
    { param: "kommune", value: function (m, f) { return m.municipalities[f.municipality][0]; } },
    { param: "udvalg", value: function (m, f) {
      return f.committee ? m.municipalities[f.municipality][0] + "/" + m.committees[f.municipality][f.committee - 1][0] : "";
    } },
    { param: "aar", value: function (m, f) { return f.year ? String(f.year) : ""; } },
    { param: "type", value: function (m, f) { return m.types[f.type][0]; } }
  ];

  /* A document's facets from its id (manifest.layout): municipality m, committee c (0: none,
   * else 1 + its position in manifest.committees[m]), year (0: none), type. */
  function facetsOf(m, id) {
    var layout = m.layout, rest = Math.floor(id / Math.pow(2, layout.local));
    function take(bits) {
      var value = rest % Math.pow(2, bits);
      rest = Math.floor(rest / Math.pow(2, bits));
      return value;
    }
    var type = take(layout.type), year = take(layout.year), committee = take(layout.committee);
    return { municipality: rest, committee: committee, year: year ? layout.yearBase + year : 0, type: type };
  }

  function kindOf(m, id) {
    return m.types[facetsOf(m, id).type][0];
  }

  /* Whether a document passes the chosen facet values ({param: value}). */
  function passes(m, id, chosen) {
    var f = facetsOf(m, id);
    return FACETS.every(function (facet) { return !chosen[facet.param] || facet.value(m, f) === chosen[facet.param]; });
  }

  /* Per facet, value -> the number of documents among `ids` with that value that pass the other facets. */
  function facetCounts(m, ids, chosen) {
    var counts = {};
    FACETS.forEach(function (facet) { counts[facet.param] = {}; });
    ids.forEach(function (id) {
      var f = facetsOf(m, id), values = FACETS.map(function (facet) { return facet.value(m, f); });
      FACETS.forEach(function (facet, i) {
        var others = FACETS.every(function (o, k) { return k === i || !chosen[o.param] || values[k] === chosen[o.param]; });
        if (others && values[i]) counts[facet.param][values[i]] = (counts[facet.param][values[i]] || 0) + 1;
      });
    });
    return counts;
  }

  /* The tier of a hit: `doc` tells the fields it matched (a bit per field) and the groups its title holds. */
  function tierOf(m, id, doc, groups) {
    var kind = kindOf(m, id);
    if (kind === "person" && doc.title === Math.pow(2, groups) - 1) return TIERS.name;
    if (kind === "moede" && doc.fields === 1 << m.fields.indexOf("committee")) return TIERS.committeeOnly;
    return TIERS.plain;
  }

  /* Hits [{ref, score, tier}] in ranking order: tier, then score, then id; an attachment placed above its
   * item (parentOf(ref): the item's ref) goes just below it. */
  function ordered(hits, parentOf) {
    var sorted = hits.slice().sort(function (a, b) { return b.tier - a.tier || b.score - a.score || a.ref - b.ref; });
    var position = new Map(), moved = new Map();
    sorted.forEach(function (h, i) { position.set(h.ref, i); });
    var staying = sorted.filter(function (h, i) {
      var parent = parentOf(h.ref);
      if (parent === undefined || !(position.get(parent) > i)) return true;
      (moved.get(parent) || moved.set(parent, []).get(parent)).push(h);
      return false;
    });
    return staying.reduce(function (all, h) { return all.concat([h], moved.get(h.ref) || []); }, []);
  }

  /* Candidates `ids` (docs: id -> candidates()'s figures) by tier and sum of weights: the order of their
   * lunr.js scores, up to TIE; each doc gets its tier. */
  function approximateOrder(m, docs, ids, groups) {
    ids.forEach(function (id) { docs.get(id).tier = tierOf(m, id, docs.get(id), groups); });
    return ids.slice().sort(function (a, b) {
      var x = docs.get(a), y = docs.get(b);
      return y.tier - x.tier || y.sum - x.sum || a - b;
    });
  }

  /* The first `size` of `sorted`, and those after that may tie with the last of them. */
  function window(docs, sorted, size) {
    if (sorted.length <= size) return sorted.slice();
    var last = docs.get(sorted[size - 1]), end = size;
    while (end < sorted.length && docs.get(sorted[end]).tier === last.tier && docs.get(sorted[end]).sum >= last.sum * (1 - TIE)) end++;
    return sorted.slice(0, end);
  }

  /* The attachments of the window whose item is a hit after the window: they go below it, out of the window. */
  function movedOut(docs, window, parentOf) {
    var inside = new Set(window);
    return window.filter(function (id) {
      var parent = parentOf.get(id);
      return parent !== undefined && docs.has(parent) && !inside.has(parent);
    });
  }

  /* The first `limit` of `ids` by date, newest first, a day's documents by id, then those without a date
   * (persons) by id: [{ref, score: null, tier}]. `store.loadAll` loads the years' date files. */
  function byDate(m, ids, limit, store) {
    var years = new Map();
    ids.forEach(function (id) {
      var year = facetsOf(m, id).year;
      (years.get(year) || years.set(year, []).get(year)).push(id);
    });
    var order = Array.from(years.keys()).sort(function (a, b) { return (b || -Infinity) - (a || -Infinity); });
    var taken = [], keys = {};
    order.forEach(function (year) {
      if (taken.length >= limit) return;
      years.get(year).forEach(function (id) {
        taken.push(id);
        if (year) keys["y/" + facetsOf(m, id).municipality + "-" + year] = true;
      });
    });
    var names = Object.keys(keys);
    return store.loadAll(names).then(function (files) {
      var tables = new Map();
      names.forEach(function (name, n) { tables.set(name, dateTable(files[n])); });
      var dates = new Map();
      taken.forEach(function (id) {
        var f = facetsOf(m, id);
        dates.set(id, f.year ? dateIn(tables.get("y/" + f.municipality + "-" + f.year), id) : 0);
      });
      taken.sort(function (a, b) { return dates.get(b) - dates.get(a) || a - b; });
      return taken.slice(0, limit).map(function (id) { return { ref: id, score: null, tier: TIERS.plain }; });
    });
  }

  /* A date file's [id delta, date, …] (a run of ids of one date begins at each id) -> {ids, dates}. */
  function dateTable(data) {
    var table = { ids: [], dates: [] };
    for (var k = 0, id = 0; k < data.length; k += 2) {
      id += data[k];
      table.ids.push(id);
      table.dates.push(data[k + 1]);
    }
    return table;
  }

  /* The date (yyyymmdd) of the run holding `id`. */
  function dateIn(table, id) {
    var low = 0, high = table.ids.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (table.ids[middle] <= id) low = middle; else high = middle - 1;
    }
    return table.dates[low];
  }

  root.kommunearkivSearch = Object.assign(root.kommunearkivSearch || {}, {
    FACETS: FACETS, facetsOf: facetsOf, kindOf: kindOf, passes: passes, facetCounts: facetCounts, tierOf: tierOf,
    ordered: ordered, approximateOrder: approximateOrder, window: window, movedOut: movedOut, byDate: byDate
  });
})(typeof window !== "undefined" ? window : globalThis);
