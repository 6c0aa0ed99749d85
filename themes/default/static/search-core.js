/* Kommunearkiv search core: loads index data on demand and answers queries with lunr.js.
 *
 * Index data are scripts calling kommunearkivSearch.receive(key, data) (see
 * kommunearkiv/search/shards.py), so they load from file:// as well. For a
 * query, only the manifest, the term shards of the query's terms (and the
 * segment files their entries refer to) and the document chunks and text blocks
 * of the hits shown are loaded. Shards hold each posting's term
 * frequency and field length; the BM25 weights are computed here as lunr.js's
 * Builder computes them, from the manifest's global figures. The documents
 * holding every term are summed up by weight; lunr.js scores those that can rank
 * among the hits asked for, in a small index rebuilt from the shards, with the
 * scores of a whole-archive lunr.js index (docs/search.md). A document's facets
 * are read from its id (kommunearkiv/search/numbering.py); the ranking rules,
 * facet counts and the order by date are search-rank.js's.
 * Needs lunr.js, lunr-languages' Danish, search-query.js and search-rank.js. Runs in browsers and node.
 */
(function (root) {
  "use strict";

  var lunr = root.lunr;
  var api = root.kommunearkivSearch;
  var POSTING = 4;          // numbers per posting: id delta, tf, field length, block of the text
  var TEXT_FIELDS = { decision: true, body: true, mentions: true };  // fields of the text snippets are cut from
  var PHRASE_CHECKS = 100;  // documents without a phrase after which a query stops looking for more

  var received = {};
  var waiting = {};

  function receive(key, data) {
    received[key] = data;
    (waiting[key] || []).forEach(function (done) { done[0](data); });
    delete waiting[key];
  }

  /* A loader: key -> starts loading; calls fail(key) when it cannot. */
  function createStore(startLoading) {
    function load(key) {
      if (key in received) return Promise.resolve(received[key]);
      return new Promise(function (resolve, reject) {
        var first = !(key in waiting);
        (waiting[key] = waiting[key] || []).push([resolve, reject]);
        if (first) startLoading(key, fail);
      });
    }
    function fail(key) {
      (waiting[key] || []).forEach(function (done) { done[1](new Error("Kunne ikke indlæse " + key)); });
      delete waiting[key];
    }
    function loadAll(keys) { return Promise.all(keys.map(load)); }
    return { load: load, loadAll: loadAll };
  }

  /* The position of the last first term <= t (binary search; 0 when t precedes them all). */
  function shardFor(firstTerms, t) {
    var low = 0, high = firstTerms.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firstTerms[middle] <= t) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* The keys of the term shards holding the clauses' terms (a prefix: every shard its range overlaps; an
   * identifier: its parts' too, for the fallback). */
  function shardKeys(shards, clauses) {
    var firstTerms = shards.map(function (s) { return s[0]; }), wanted = {};
    if (!shards.length) return [];  // an empty archive
    clauses.forEach(function (c) {
      var lcs = api.lunrClauses(c).concat((c.parts || []).map(function (t) { return { term: t }; }));
      lcs.forEach(function (lc) {
        var first = shardFor(firstTerms, lc.term);
        var last = lc.wildcard ? shardFor(firstTerms, lc.term + "\uffff") : first;
        for (var n = first; n <= last; n++) wanted["t/" + shards[n][1]] = true;
      });
    });
    return Object.keys(wanted);
  }

  /* term -> shard entry [term, field list, ...], for the loaded shards. */
  function termTable(shards) {
    var table = Object.create(null);
    shards.forEach(function (shard) { shard.forEach(function (entry) { table[entry[0]] = entry; }); });
    return table;
  }

  /* One group of the query: a document must hold one of its terms. `clauses`: its lunr.js clauses;
   * `entries`: term -> entry of the index terms they expand to (the loaded shards cover them all);
   * `weights`: term -> the sum of the boosts of the clauses expanding to it (lunr's query vector). */
  function group(table, lcs) {
    var g = { clauses: lcs, entries: Object.create(null), weights: Object.create(null) };
    lcs.forEach(function (lc) {
      var found = lc.wildcard ? Object.keys(table).filter(function (t) { return api.expandsTo(lc, t); })
        : (lc.term in table ? [lc.term] : []);
      found.forEach(function (t) {
        g.entries[t] = table[t];
        g.weights[t] = (g.weights[t] || 0) + lc.boost;
      });
    });
    return g;
  }

  /* Clauses -> groups; an identifier not in the index falls back to its parts, each a group. */
  function resolve(table, clauses) {
    var groups = [];
    clauses.forEach(function (c) {
      if (c.identifier && !(c.term in table)) {
        c.parts.forEach(function (t) { groups.push(group(table, [{ term: t, boost: 1 }])); });
      } else {
        groups.push(group(table, api.lunrClauses(c)));
      }
    });
    return groups;
  }

  /* The segment files (p/<key>) the groups' entries refer to: a municipality's large field lists of a
   * term are kept apart, the entry holding [key] in their place (kommunearkiv/search/segments.py). */
  function segmentKeys(groups) {
    var keys = {};
    groups.forEach(function (g) {
      Object.keys(g.entries).forEach(function (t) {
        var entry = g.entries[t];
        for (var i = 1; i < entry.length; i++) if (typeof entry[i][0] === "string") keys["p/" + entry[i][0]] = true;
      });
    });
    return Object.keys(keys);
  }

  /* Whether a term entry refers to segment files (a municipality's lists of it kept apart: a common term). */
  function segmented(entry) {
    for (var i = 1; i < entry.length; i++) if (typeof entry[i][0] === "string") return true;
    return false;
  }

  /* For the first results: each group's terms less those its prefix reaches (not a clause's own term) whose
   * entries refer to segment files (common compounds: loading them all cost most of a query's bytes at
   * 100,000 items, docs/search.md). Changes the groups; whether it left any term out. */
  function withoutCommonExpansions(groups) {
    var left = false;
    groups.forEach(function (g) {
      var own = {};
      g.clauses.forEach(function (lc) { if (!lc.wildcard) own[lc.term] = true; });
      // a compound's expansion (a word's own term and its prefix), not a prefix the reader wrote (`ord*`)
      if (!Object.keys(own).length || !g.clauses.some(function (lc) { return lc.wildcard; })) return;
      Object.keys(g.entries).forEach(function (t) {
        if (!own[t] && segmented(g.entries[t])) { delete g.entries[t]; delete g.weights[t]; left = true; }
      });
    });
    return left;
  }

  /* The groups' entries with their references replaced by the field lists of their (loaded) segment files. */
  function withSegments(groups) {
    groups.forEach(function (g) {
      Object.keys(g.entries).forEach(function (t) {
        var entry = g.entries[t], lists = [entry[0]];
        for (var i = 1; i < entry.length; i++) {
          if (typeof entry[i][0] === "string") lists.push.apply(lists, received["p/" + entry[i][0]]);
          else lists.push(entry[i]);
        }
        g.entries[t] = lists;
      });
    });
  }

  /* Calls visit(field, id, weight, list, k) for each posting of a term entry (list[k]: its id delta), with the
   * weight lunr.js's Builder.createFieldVectors gives it (same formula and operation order, so the same double). */
  function eachPosting(m, entry, visit) {
    var withTerm = 0;
    for (var i = 1; i < entry.length; i++) withTerm += (entry[i].length - 1) / POSTING;
    var idf = Math.log(1 + Math.abs((m.documents - withTerm + 0.5) / (withTerm + 0.5)));
    for (i = 1; i < entry.length; i++) {
      var list = entry[i], field = list[0], average = m.lengths[field] / m.documents;
      for (var k = 1, id = 0; k < list.length; k += POSTING) {
        id += list[k];
        var tf = list[k + 1];
        var score = idf * ((m.k1 + 1) * tf) / (m.k1 * (1 - m.b + m.b * (list[k + 2] / average)) + tf);
        score *= m.boosts[field];
        visit(field, id, Math.round(score * 1000) / 1000, list, k);
      }
    }
  }

  /* Every distinct term of the groups: term -> {entry, weight: its query vector's value, mask: its groups}. */
  function queryTerms(groups) {
    var terms = Object.create(null);
    groups.forEach(function (g, i) {
      Object.keys(g.entries).forEach(function (t) {
        var q = terms[t] || (terms[t] = { entry: g.entries[t], weight: 0, mask: 0 });
        q.weight += g.weights[t];
        q.mask |= 1 << i;
      });
    });
    return terms;
  }

  /* Documents holding a term of every group and none of `excluded`'s -> {sum: the sum of their weights times
   * the query vector's (lunr's score times the query vector's length, up to float rounding), fields: the
   * fields matched (a bit each), title: the groups matched in the title (a bit each)}. */
  function candidates(m, groups, excluded) {
    var terms = queryTerms(groups), full = Math.pow(2, groups.length) - 1, found = new Map();
    var title = m.fields.indexOf("title");
    var order = Object.keys(terms).sort(function (a, b) { return (terms[b].mask & 1) - (terms[a].mask & 1); });
    order.forEach(function (t) {
      var q = terms[t];
      eachPosting(m, q.entry, function (field, id, weight) {
        var doc = found.get(id);
        if (!doc) {
          if (!(q.mask & 1)) return;  // misses the first group
          found.set(id, doc = { mask: 0, sum: 0, fields: 0, title: 0 });
        }
        doc.mask |= q.mask;
        doc.sum += weight * q.weight;
        doc.fields |= 1 << field;
        if (field === title) doc.title |= q.mask;
      });
    });
    var gone = new Set();
    excluded.forEach(function (g) {
      Object.keys(g.entries).forEach(function (t) { eachPosting(m, g.entries[t], function (f, id) { gone.add(id); }); });
    });
    found.forEach(function (doc, id) { if (doc.mask !== full || gone.has(id)) found.delete(id); });
    return found;
  }

  /* A lunr index of the query's terms restricted to some documents, with the whole index's weights;
   * term indexes follow the sorted terms (lunr's own follow first appearance: docs/search.md). */
  function buildIndex(m, groups, docs) {
    var wanted = new Set(docs), invertedIndex = [], vectors = Object.create(null), terms = queryTerms(groups);
    Object.keys(terms).sort().forEach(function (t, termIndex) {
      var posting = { _index: termIndex };
      m.fields.forEach(function (f) { posting[f] = {}; });
      eachPosting(m, terms[t].entry, function (field, id, weight) {
        if (!wanted.has(id)) return;
        var ref = m.fields[field] + "/" + id;
        posting[m.fields[field]][id] = {};
        (vectors[ref] = vectors[ref] || []).push(termIndex, weight);
      });
      invertedIndex.push([t, posting]);
    });
    return lunr.Index.load({
      version: lunr.version, fields: m.fields, invertedIndex: invertedIndex, pipeline: [],
      fieldVectors: Object.keys(vectors).map(function (ref) { return [ref, vectors[ref]]; })
    });
  }

  /* The groups' lunr.js clauses, in order. */
  function allClauses(groups) {
    return groups.reduce(function (all, g) { return all.concat(g.clauses); }, []);
  }

  /* lunr.js scores of some documents (every one holds a term of each group): id -> score; the clauses
   * optional, as lunr scores them whatever their presence. */
  function lunrScores(m, groups, docs) {
    var results = buildIndex(m, groups, docs).query(function (q) {
      allClauses(groups).forEach(function (lc) {
        q.term(lc.term, {
          usePipeline: false, boost: lc.boost,
          wildcard: lc.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        });
      });
    });
    var scores = new Map();
    results.forEach(function (r) { scores.set(Number(r.ref), r.score); });
    return scores;
  }

  /* For documents `ids`, the block of their text where the query's words are, read from the postings of the
   * text's fields (each posting tells the block where the term first stands): the block with the most
   * evidence, a group counting 1 / tf of its term there (a term standing once in the text is certainly
   * there), the first such on a tie. id -> block, for those matched in the text. */
  function locate(m, groups, ids) {
    var wanted = new Set(ids), evidence = new Map(), found = new Map(), terms = queryTerms(groups);
    Object.keys(terms).forEach(function (t) {
      var entry = terms[t].entry;
      for (var i = 1; i < entry.length; i++) {
        var list = entry[i];
        if (!TEXT_FIELDS[m.fields[list[0]]]) continue;
        for (var k = 1, id = 0; k < list.length; k += POSTING) {
          id += list[k];
          if (!wanted.has(id)) continue;
          var blocks = evidence.get(id) || evidence.set(id, {}).get(id);
          var groupsThere = blocks[list[k + 3]] || (blocks[list[k + 3]] = {});
          groupsThere[terms[t].mask] = Math.max(groupsThere[terms[t].mask] || 0, 1 / list[k + 1]);
        }
      }
    });
    evidence.forEach(function (blocks, id) {
      var best = -1, most = 0;
      Object.keys(blocks).map(Number).sort(function (a, b) { return a - b; }).forEach(function (b) {
        var sum = Object.keys(blocks[b]).reduce(function (s, g) { return s + blocks[b][g]; }, 0);
        if (sum > most) { best = b; most = sum; }
      });
      found.set(id, best);
    });
    return found;
  }

  function createSearch(startLoading) {
    var store = createStore(startLoading);
    var manifestPromise = null;

    function manifest() {
      manifestPromise = manifestPromise || store.load("manifest");
      return manifestPromise;
    }

    /* The chunk entries of documents: id -> [url, heading, date, lead, text or blocks, number, parent item]. */
    function entries(m, ids) {
      var chunks = {};
      ids.forEach(function (id) { chunks["d/" + Math.floor(id / m.chunk)] = true; });
      return store.loadAll(Object.keys(chunks)).then(function () {
        var found = new Map();
        ids.forEach(function (id) { found.set(id, received["d/" + Math.floor(id / m.chunk)][id % m.chunk]); });
        return found;
      });
    }

    /* The text of documents where the query's words are (their own text when short, else the block of it
     * `locate` tells): id -> {entry, text}. */
    function texts(m, groups, ids) {
      return entries(m, ids).then(function (found) {
        var long = ids.filter(function (id) { return typeof found.get(id)[4] === "number"; });
        var blocks = locate(m, groups, long), keys = {};
        blocks.forEach(function (b, id) { keys["x/" + id + "-" + b] = id; });
        return store.loadAll(Object.keys(keys)).then(function () {
          var result = new Map();
          ids.forEach(function (id) {
            var d = found.get(id);
            var text = typeof d[4] === "string" ? d[4] : blocks.has(id) ? received["x/" + id + "-" + blocks.get(id)] : "";
            result.set(id, { entry: d, text: text });
          });
          return result;
        });
      });
    }

    /* The attachments' items: id -> item id, for the attachments among `ids`. */
    function parents(m, ids) {
      var attachments = ids.filter(function (id) { return api.kindOf(m, id) === "bilag"; });
      return entries(m, attachments).then(function (found) {
        var result = new Map();
        found.forEach(function (d, id) { if (d[6]) result.set(id, d[6]); });
        return result;
      });
    }

    /* The best `limit` of `ids` by relevance ([{ref, score, tier}]): lunr.js scores those that can be among
     * them, less the attachments whose item ranks below them all (search-rank.js). */
    function byRelevance(m, groups, docs, ids, limit) {
      var pool = new Map(ids.map(function (id) { return [id, docs.get(id)]; }));
      var sorted = api.approximateOrder(m, pool, ids, groups.length);
      function attempt(size) {
        var window = api.window(pool, sorted, size);
        return parents(m, window).then(function (parentOf) {
          var moved = new Set(api.movedOut(pool, window, parentOf));
          if (window.length - moved.size < limit && window.length < sorted.length) return attempt(size + limit);
          var scored = window.filter(function (id) { return !moved.has(id); });
          var scores = lunrScores(m, groups, scored);
          var hits = scored.map(function (id) { return { ref: id, score: scores.get(id), tier: pool.get(id).tier }; });
          return api.ordered(hits, function (id) { return parentOf.get(id); }).slice(0, limit);
        });
      }
      return attempt(limit);
    }

    /* The best `limit` of `ids` in the chosen order, those not holding the phrases left out (checked on their
     * text, PHRASE_CHECKS at most): {hits, total, exact: false when the phrases were checked in only some of
     * the documents holding their words, and `total` counts those not checked}. */
    function ordered(m, query, groups, docs, ids, options) {
      function order(limit) {
        return options.sort === "dato" ? api.byDate(m, ids, limit, store) : byRelevance(m, groups, docs, ids, limit);
      }
      if (!query.phrases.length) {
        return order(options.limit).then(function (hits) { return { hits: hits, total: ids.length, exact: true }; });
      }
      var kept = [], failed = 0;
      function more(limit) {
        return order(limit).then(function (hits) {
          var fresh = hits.slice(kept.length + failed);
          return texts(m, groups, fresh.map(function (h) { return h.ref; })).then(function (found) {
            fresh.forEach(function (h) {
              var t = found.get(h.ref), text = t.entry[1] + " " + t.text;
              if (query.phrases.every(function (p) { return api.holdsPhrase(text, p); })) kept.push(h); else failed++;
            });
            var exhausted = kept.length + failed >= ids.length;
            if (kept.length >= options.limit || exhausted || failed >= PHRASE_CHECKS) {
              return { hits: kept.slice(0, options.limit), total: ids.length - failed, exact: exhausted };
            }
            return more(limit + options.limit);
          });
        });
      }
      return more(options.limit);
    }

    /* The best hits for the query text: {query, clauses, terms, groups, total, exact (see `ordered`), partial,
     * counts (of every facet's values: search-rank.js), hits: [{ref, score, tier, facets}]}. options: {limit,
     * chosen: {facet parameter: value}, sort: "relevans" (the default) or "dato", first}. With `first` (the
     * first results, shown while the rest loads), a word's compound prefix reaches only the terms whose
     * postings are all in their shard, not the common ones kept in segment files; `partial` tells whether
     * that left any out (then the same search without `first` gives the complete results). */
    function search(text, options) {
      var query = api.parse(text), chosen = options.chosen || {};
      return manifest().then(function (m) {
        var empty = { query: query, clauses: query.clauses, terms: [], groups: [], total: 0, exact: true, hits: [],
                      counts: api.facetCounts(m, [], chosen) };
        if (!query.clauses.length) return empty;
        var all = query.clauses.concat(query.negated);
        return store.loadAll(shardKeys(m.shards, all)).then(function (shards) {
          var table = termTable(shards);
          var groups = resolve(table, query.clauses);
          var partial = options.first ? withoutCommonExpansions(groups) : false;
          var excluded = query.negated.map(function (c) { return group(table, api.lunrClauses(c)); });
          return store.loadAll(segmentKeys(groups.concat(excluded))).then(function () {
            withSegments(groups.concat(excluded));
            var docs = candidates(m, groups, excluded), ids = [];
            docs.forEach(function (doc, id) { if (api.passes(m, id, chosen)) ids.push(id); });
            return ordered(m, query, groups, docs, ids, options).then(function (result) {
              return {
                query: query, clauses: query.clauses, terms: groups.map(function (g) { return g.clauses; }),
                groups: groups, total: result.total, exact: result.exact, partial: partial,
                counts: api.facetCounts(m, Array.from(docs.keys()), chosen),
                hits: result.hits.map(function (h) { h.facets = api.facetsOf(m, h.ref); return h; })
              };
            });
          });
        });
      });
    }

    /* What the result list shows for the hits of `found` (search()'s answer): loads their document chunks
     * and the text blocks their matches are in; the snippet is the passage of the text with the most of the
     * query's words, every match marked (the lead when the text has none). */
    function describe(found) {
      return manifest().then(function (m) {
        return texts(m, found.groups, found.hits.map(function (h) { return h.ref; })).then(function (shown) {
          return found.hits.map(function (h) {
            var t = shown.get(h.ref), d = t.entry, f = h.facets;
            var committee = f.committee ? m.committees[f.municipality][f.committee - 1] : null;
            return {
              ref: h.ref, score: h.score, url: d[0], title: d[1], date: d[2],
              snippet: api.snippet(t.text, d[3], d[4] === "" ? "" : d[1], d[5], found.terms),  // no text: a closed item
              type: m.types[f.type], municipality: m.municipalities[f.municipality],
              committee: committee ? committee[1] : ""
            };
          });
        });
      });
    }

    return { manifest: manifest, search: search, describe: describe };
  }

  Object.assign(api, { receive: receive, createSearch: createSearch });
})(typeof window !== "undefined" ? window : globalThis);
