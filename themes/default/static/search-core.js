/* Kommunearkiv search core: loads index data on demand and answers queries with lunr.js.
 *
 * Index data are scripts calling kommunearkivSearch.receive(key, data) (see
 * kommunearkiv/search/shards.py), so they load from file:// as well. For a
 * query, only the manifest, the term shards of the query's terms and the
 * document chunks of the hits shown are loaded. The documents holding every
 * term are found in typed arrays; lunr.js scores those that can rank among the
 * hits asked for, in a small index rebuilt from the shards, with the scores of
 * the whole-archive index (docs/search.md).
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

  function shardFor(firstTerms, t) {
    var low = 0, high = firstTerms.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firstTerms[middle] <= t) low = middle; else high = middle - 1;
    }
    return low;
  }

  function shardsFor(firstTerms, clauses) {
    var wanted = {};
    clauses.forEach(function (c) {
      var terms = [c.term].concat(c.parts || []);
      terms.forEach(function (t) {
        var first = shardFor(firstTerms, t);
        var last = c.wildcard ? shardFor(firstTerms, t + "\uffff") : first;
        for (var n = first; n <= last; n++) wanted[n] = true;
      });
    });
    return Object.keys(wanted).map(Number).sort(function (a, b) { return a - b; });
  }

  /* term -> shard entry [term, lunr term index, field lists], for the loaded shards. */
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

  /* Documents holding every clause (lunr's REQUIRED), with the sum of their weights for the
   * query's terms: lunr's score times the query vector's length, up to float rounding. */
  function candidates(resolved, documents) {
    var matched = new Int32Array(documents), seen = new Int32Array(documents), sum = new Float64Array(documents);
    resolved.forEach(function (clause, i) {
      clause.entries.forEach(function (entry) {
        entry[2].forEach(function (list) {
          for (var k = 1, doc = 0; k < list.length; k += 2) {
            doc += list[k];
            sum[doc] += list[k + 1];
            if (seen[doc] !== i + 1) { seen[doc] = i + 1; matched[doc]++; }
          }
        });
      });
    });
    var docs = [];
    for (var d = 0; d < documents; d++) if (matched[d] === resolved.length) docs.push(d);
    return { docs: docs, weight: sum };
  }

  /* The documents that can be among the best `limit`: the top by weight, plus any within
   * rounding distance of the last of them. */
  function bestCandidates(docs, weight, limit) {
    if (docs.length <= limit) return docs;
    var sorted = docs.slice().sort(function (a, b) { return weight[b] - weight[a] || a - b; });
    var floor = weight[sorted[limit - 1]] * (1 - 1e-9);
    var end = limit;
    while (end < sorted.length && weight[sorted[end]] >= floor) end++;
    return sorted.slice(0, end);
  }

  /* A lunr index of the query's terms (lunr's own term indexes) restricted to some documents. */
  function buildIndex(fields, resolved, docs) {
    var wanted = {}, invertedIndex = [], vectors = {}, refs = [], done = {};
    docs.forEach(function (d) { wanted[d] = true; });
    var entries = [];
    resolved.forEach(function (c) { c.entries.forEach(function (e) { if (!done[e[0]]) { done[e[0]] = true; entries.push(e); } }); });
    entries.sort(function (a, b) { return a[0] < b[0] ? -1 : 1; }).forEach(function (entry) {
      var posting = { _index: entry[1] };
      fields.forEach(function (f) { posting[f] = {}; });
      entry[2].forEach(function (list) {
        var field = fields[list[0]];
        for (var k = 1, doc = 0; k < list.length; k += 2) {
          doc += list[k];
          if (!wanted[doc]) continue;
          posting[field][doc] = {};
          var ref = field + "/" + doc;
          if (!vectors[ref]) { vectors[ref] = []; refs.push(ref); }
          vectors[ref].push([entry[1], list[k + 1] / 1000]);
        }
      });
      invertedIndex.push([entry[0], posting]);
    });
    return lunr.Index.load({
      version: lunr.version, fields: fields, invertedIndex: invertedIndex, pipeline: ["trimmer-da", "stemmer-da"],
      fieldVectors: refs.map(function (ref) { return [ref, flatSorted(vectors[ref])]; })
    });
  }

  function flatSorted(pairs) {
    var flat = [];
    pairs.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (p) { flat.push(p[0], p[1]); });
    return flat;
  }

  /* lunr.js scores: every clause required, terms as the index holds them. */
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

  /* Document number -> {municipality, committee, year, type} via the manifest's groups. */
  function facetTable(manifest) {
    var starts = [], start = 0;
    manifest.groups.forEach(function (g) { starts.push(start); start += g[0]; });
    return function (ref) {
      var g = manifest.groups[shardFor(starts, ref)];
      return { municipality: g[1], committee: g[2], year: g[3], type: g[4] };
    };
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
        var keys = shardsFor(m.shards, clauses).map(function (n) { return "t/" + n; });
        return Promise.all(keys.map(store.load)).then(function (shards) {
          var resolved = resolve(termTable(shards), clauses);
          var facets = facetTable(m);
          var found = candidates(resolved, m.documents);
          var docs = found.docs.filter(function (d) { return !keep || keep(facets(d)); });
          var scored = docs.length ? run(buildIndex(m.fields, resolved, bestCandidates(docs, found.weight, limit)), resolved) : [];
          var hits = scored.slice(0, limit).map(function (h) { h.facets = facets(h.ref); return h; });
          return { clauses: clauses, terms: resolved, total: docs.length, hits: hits };
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
            var committee = m.committees[h.facets.committee];
            return {
              ref: h.ref, score: h.score, url: d[0], title: d[1], date: d[2], snippets: d[3],
              type: m.types[h.facets.type], municipality: m.municipalities[h.facets.municipality],
              committee: committee ? committee[2] : ""
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
