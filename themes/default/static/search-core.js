/* Kommunearkiv search core: loads index data on demand and answers queries with lunr.js.
 *
 * Index data are scripts calling kommunearkivSearch.receive(key, data) (see
 * kommunearkiv/search/shards.py), so they load from file:// as well. For a
 * query, only the manifest, the term shards of the query's terms (and the
 * segment files their entries refer to) and the document chunks of the hits
 * shown are loaded. Shards hold each posting's term
 * frequency and field length; the BM25 weights are computed here as lunr.js's
 * Builder computes them, from the manifest's global figures. The documents
 * holding every term are summed up by weight; lunr.js scores those that can rank
 * among the hits asked for, in a small index rebuilt from the shards, with the
 * scores of a whole-archive lunr.js index (docs/search.md). A document's facets
 * are read from its id (kommunearkiv/search/numbering.py).
 * Needs lunr.js, lunr.stemmer.support.js and lunr.da.js. Runs in browsers and node.
 */
(function (root) {
  "use strict";

  var lunr = root.lunr;
  var IDENTIFIER = /\d/;
  var IDENTIFIER_SEPARATOR = /[\/\-.]/;
  var EDGE_PUNCTUATION = /^["'(\[{«»]+|["')\]}»«,;:!?]+$|\.$/g;
  var SEPARATOR = /[\s\-]+/;

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
    return { load: load };
  }

  /* One word through lunr.da's pipeline (trimmer, stop words, stemmer): the index term or "". */
  function term(word) {
    var token = new lunr.Token(word.toLowerCase(), {});
    var steps = [lunr.da.trimmer, lunr.da.stopWordFilter, lunr.da.stemmer];
    for (var i = 0; i < steps.length; i++) {
      token = steps[i](token);
      if (!token || token.toString() === "") return "";
    }
    return token.toString();
  }

  /* Query text -> clauses {term, wildcard, parts}; identifiers keep their parts as a fallback. */
  function parse(text) {
    var clauses = [];
    text.toLowerCase().split(/\s+/).forEach(function (raw) {
      var word = raw.replace(EDGE_PUNCTUATION, "");
      if (!word) return;
      if (/\*$/.test(word)) {
        var prefix = lunr.da.trimmer(new lunr.Token(word.replace(/\*+$/, ""), {})).toString();
        if (prefix) clauses.push({ term: prefix, wildcard: true });
        return;
      }
      var parts = word.split(SEPARATOR).map(term).filter(Boolean);
      if (IDENTIFIER.test(word) && IDENTIFIER_SEPARATOR.test(word)) {
        clauses.push({ term: word, identifier: true, parts: parts });
      } else {
        parts.forEach(function (t) { clauses.push({ term: t }); });
      }
    });
    return clauses;
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

  /* The keys of the term shards holding the clauses' terms (and an identifier's parts). */
  function shardKeys(shards, clauses) {
    var firstTerms = shards.map(function (s) { return s[0]; }), wanted = {};
    if (!shards.length) return [];  // an empty archive
    clauses.forEach(function (c) {
      [c.term].concat(c.parts || []).forEach(function (t) {
        var first = shardFor(firstTerms, t);
        var last = c.wildcard ? shardFor(firstTerms, t + "\uffff") : first;
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

  /* Clauses -> [{term(s) the clause matches, in index order}]; identifiers not in the index fall
   * back to their parts; a prefix matches every loaded term it begins (shards cover its range). */
  function resolve(table, clauses) {
    var resolved = [];
    clauses.forEach(function (c) {
      if (c.identifier && !(c.term in table)) {
        c.parts.forEach(function (t) { resolved.push({ term: t, entries: t in table ? [table[t]] : [] }); });
      } else if (c.wildcard) {
        var entries = Object.keys(table).filter(function (t) { return t.indexOf(c.term) === 0; })
          .sort().map(function (t) { return table[t]; });
        resolved.push({ term: c.term, wildcard: true, entries: entries });
      } else {
        resolved.push({ term: c.term, entries: c.term in table ? [table[c.term]] : [] });
      }
    });
    return resolved;
  }

  /* The segment files (p/<key>) the resolved entries refer to: a municipality's large field lists of a
   * term are kept apart, the entry holding [key] in their place (kommunearkiv/search/segments.py). */
  function segmentKeys(resolved) {
    var keys = {};
    resolved.forEach(function (c) {
      c.entries.forEach(function (entry) {
        for (var i = 1; i < entry.length; i++) if (typeof entry[i][0] === "string") keys["p/" + entry[i][0]] = true;
      });
    });
    return Object.keys(keys);
  }

  /* The entry with its references replaced by the field lists of their (loaded) segment files. */
  function withSegments(entry) {
    var lists = [entry[0]];
    for (var i = 1; i < entry.length; i++) {
      if (typeof entry[i][0] === "string") lists.push.apply(lists, received["p/" + entry[i][0]]);
      else lists.push(entry[i]);
    }
    return lists;
  }

  /* Calls visit(field, id, weight) for each posting of a term entry, with the weight lunr.js's
   * Builder.createFieldVectors gives it (same formula and operation order, so the same double). */
  function eachPosting(m, entry, visit) {
    var withTerm = 0;
    for (var i = 1; i < entry.length; i++) withTerm += (entry[i].length - 1) / 3;
    var idf = Math.log(1 + Math.abs((m.documents - withTerm + 0.5) / (withTerm + 0.5)));
    for (i = 1; i < entry.length; i++) {
      var list = entry[i], field = list[0], average = m.lengths[field] / m.documents;
      for (var k = 1, id = 0; k < list.length; k += 3) {
        id += list[k];
        var tf = list[k + 1];
        var score = idf * ((m.k1 + 1) * tf) / (m.k1 * (1 - m.b + m.b * (list[k + 2] / average)) + tf);
        score *= m.boosts[field];
        visit(field, id, Math.round(score * 1000) / 1000);
      }
    }
  }

  /* Documents holding every clause (lunr's REQUIRED) -> the sum of their weights for the query's
   * terms: lunr's score times the query vector's length, up to float rounding. */
  function candidates(m, resolved) {
    var found = new Map();  // id -> {clauses: matched so far, sum}
    resolved.forEach(function (clause, i) {
      clause.entries.forEach(function (entry) {
        eachPosting(m, entry, function (field, id, weight) {
          var doc = found.get(id);
          if (!doc && i === 0) found.set(id, doc = { clauses: 0, sum: 0 });
          if (!doc || doc.clauses < i) return;  // misses an earlier clause
          doc.sum += weight;
          doc.clauses = i + 1;
        });
      });
    });
    var sums = new Map();
    found.forEach(function (doc, id) { if (doc.clauses === resolved.length) sums.set(id, doc.sum); });
    return sums;
  }

  /* The documents that can be among the best `limit`: the top by weight, plus any within
   * rounding distance of the last of them. */
  function bestCandidates(docs, sums, limit) {
    if (docs.length <= limit) return docs;
    var sorted = docs.slice().sort(function (a, b) { return sums.get(b) - sums.get(a) || a - b; });
    var floor = sums.get(sorted[limit - 1]) * (1 - 1e-9);
    var end = limit;
    while (end < sorted.length && sums.get(sorted[end]) >= floor) end++;
    return sorted.slice(0, end);
  }

  /* A lunr index of the query's terms restricted to some documents, with the whole index's weights;
   * term indexes follow the sorted terms (lunr's own follow first appearance: docs/search.md). */
  function buildIndex(m, resolved, docs) {
    var wanted = new Set(docs), invertedIndex = [], vectors = Object.create(null), entries = {};
    resolved.forEach(function (c) { c.entries.forEach(function (e) { entries[e[0]] = e; }); });
    Object.keys(entries).sort().forEach(function (t, termIndex) {
      var posting = { _index: termIndex };
      m.fields.forEach(function (f) { posting[f] = {}; });
      eachPosting(m, entries[t], function (field, id, weight) {
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

  /* lunr.js scores: every clause required, terms as the index holds them; ties by id. */
  function run(index, resolved) {
    var results = index.query(function (q) {
      resolved.forEach(function (c) {
        q.term(c.term, {
          usePipeline: false, presence: lunr.Query.presence.REQUIRED,
          wildcard: c.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        });
      });
    });
    return results.map(function (r) { return { ref: Number(r.ref), score: r.score }; })
      .sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
  }

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

  function createSearch(startLoading) {
    var store = createStore(startLoading);
    var manifestPromise = null;

    function manifest() {
      manifestPromise = manifestPromise || store.load("manifest");
      return manifestPromise;
    }

    /* The best `limit` hits for the query text among documents whose facets pass `keep`:
     * {clauses, terms, total, hits: [{ref, score, facets}]}, best first, scored by lunr.js. */
    function search(text, limit, keep) {
      var clauses = parse(text);
      return manifest().then(function (m) {
        if (!clauses.length) return { clauses: clauses, terms: [], total: 0, hits: [] };
        return Promise.all(shardKeys(m.shards, clauses).map(store.load)).then(function (shards) {
          var resolved = resolve(termTable(shards), clauses);
          return Promise.all(segmentKeys(resolved).map(store.load)).then(function () {
            resolved.forEach(function (c) { c.entries = c.entries.map(withSegments); });
            var sums = candidates(m, resolved), docs = [];
            sums.forEach(function (sum, id) { if (!keep || keep(facetsOf(m, id))) docs.push(id); });
            var scored = docs.length ? run(buildIndex(m, resolved, bestCandidates(docs, sums, limit)), resolved) : [];
            var hits = scored.slice(0, limit).map(function (h) { h.facets = facetsOf(m, h.ref); return h; });
            return { clauses: clauses, terms: resolved, total: docs.length, hits: hits };
          });
        });
      });
    }

    /* What the result list shows for these hits: loads their document chunks. */
    function describe(hits) {
      return manifest().then(function (m) {
        var chunks = {};
        hits.forEach(function (h) { chunks[Math.floor(h.ref / m.chunk)] = true; });
        var keys = Object.keys(chunks);
        return Promise.all(keys.map(function (n) { return store.load("d/" + n); })).then(function () {
          return hits.map(function (h) {
            var d = received["d/" + Math.floor(h.ref / m.chunk)][h.ref % m.chunk];
            var f = h.facets, committee = f.committee ? m.committees[f.municipality][f.committee - 1] : null;
            return {
              ref: h.ref, score: h.score, url: d[0], title: d[1], date: d[2], snippets: d[3],
              type: m.types[f.type], municipality: m.municipalities[f.municipality],
              committee: committee ? committee[1] : ""
            };
          });
        });
      });
    }

    return { manifest: manifest, search: search, describe: describe };
  }

  /* Text split into [text, highlighted] pieces: words whose index term the query matched. */
  function highlight(text, terms) {
    var exact = {}, prefixes = [];
    terms.forEach(function (c) { if (c.wildcard) prefixes.push(c.term); else exact[c.term] = true; });
    return text.split(/([\s\-]+)/).map(function (piece) {
      var lower = piece.toLowerCase().replace(EDGE_PUNCTUATION, "");
      var t = term(piece);
      var hit = exact[lower] || (t && exact[t]) || prefixes.some(function (p) { return lower.indexOf(p) === 0; });
      return [piece, Boolean(hit)];
    });
  }

  root.kommunearkivSearch = {
    receive: receive, createSearch: createSearch, parse: parse, term: term, highlight: highlight
  };
})(typeof window !== "undefined" ? window : globalThis);
