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
  var MIN_EXPANDED = 3;     // letters a word needs to be expanded as the first part of compounds
  var PREFIX_LETTERS = 5;   // the shortest prefix a word expands by (unless the word is shorter)
  var EXACT_BOOST = 2;      // the query vector's value of a word's own stem; its other expansions have 1
  var POSTING = 3;          // numbers per posting: id delta, tf, field length

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

  /* The prefix by which a plain word is expanded to the compounds it begins: what the word and its stem
   * share less one letter (so "jobcentre" reaches "jobcenter" and back: their stems are jobcentr, jobcent),
   * but at least the word's first PREFIX_LETTERS letters (a short stem: ledighed -> led); the whole word
   * when it is shorter; "" for a word of fewer than MIN_EXPANDED letters or with a digit. */
  function compoundPrefix(word, stem) {
    if (word.length < MIN_EXPANDED || /\d/.test(word)) return "";
    var common = 0;
    while (common < stem.length && stem.charAt(common) === word.charAt(common)) common++;
    return word.slice(0, Math.max(common - 1, Math.min(word.length, PREFIX_LETTERS)));
  }

  /* A plain word -> its clause: the stem, and (a compound's first part) the prefix. */
  function wordClause(word) {
    var t = term(word);
    if (!t) return null;
    var trimmed = lunr.da.trimmer(new lunr.Token(word, {})).toString();
    return { term: t, prefix: compoundPrefix(trimmed, t) };
  }

  /* Query text -> clauses {term, prefix | wildcard | identifier and parts}; every clause must match. */
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
      if (IDENTIFIER.test(word) && IDENTIFIER_SEPARATOR.test(word)) {
        clauses.push({ term: word, identifier: true, parts: word.split(SEPARATOR).map(term).filter(Boolean) });
        return;
      }
      word.split(SEPARATOR).map(wordClause).forEach(function (c) { if (c) clauses.push(c); });
    });
    return clauses;
  }

  /* The lunr.js query clauses of one clause of ours: {term, boost, wildcard}. A word's stem counts
   * EXACT_BOOST in all, each other term its prefix expands to 1. */
  function lunrClauses(c) {
    if (c.wildcard) return [{ term: c.term, boost: 1, wildcard: true }];
    if (!c.prefix) return [{ term: c.term, boost: 1 }];
    var covered = c.term.indexOf(c.prefix) === 0;
    return [{ term: c.term, boost: covered ? EXACT_BOOST - 1 : EXACT_BOOST }, { term: c.prefix, boost: 1, wildcard: true }];
  }

  /* Whether an index term is one a lunr clause expands to. */
  function expandsTo(lc, t) {
    return lc.wildcard ? t.indexOf(lc.term) === 0 : t === lc.term;
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
      var lcs = lunrClauses(c).concat((c.parts || []).map(function (t) { return { term: t }; }));
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
      var found = lc.wildcard ? Object.keys(table).filter(function (t) { return expandsTo(lc, t); })
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
        groups.push(group(table, lunrClauses(c)));
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
    var width = POSTING, withTerm = 0;
    for (var i = 1; i < entry.length; i++) withTerm += (entry[i].length - 1) / width;
    var idf = Math.log(1 + Math.abs((m.documents - withTerm + 0.5) / (withTerm + 0.5)));
    for (i = 1; i < entry.length; i++) {
      var list = entry[i], field = list[0], average = m.lengths[field] / m.documents;
      for (var k = 1, id = 0; k < list.length; k += width) {
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

  /* Documents holding a term of every group (and none of `excluded`'s) -> the sum of their weights times
   * the query vector's: lunr's score times the query vector's length, up to float rounding. */
  function candidates(m, groups, excluded) {
    var terms = queryTerms(groups), full = Math.pow(2, groups.length) - 1, found = new Map();
    var order = Object.keys(terms).sort(function (a, b) { return (terms[b].mask & 1) - (terms[a].mask & 1); });
    order.forEach(function (t) {
      var q = terms[t];
      eachPosting(m, q.entry, function (field, id, weight) {
        var doc = found.get(id);
        if (!doc) {
          if (!(q.mask & 1)) return;  // misses the first group
          found.set(id, doc = { mask: 0, sum: 0 });
        }
        doc.mask |= q.mask;
        doc.sum += weight * q.weight;
      });
    });
    var gone = new Set();
    (excluded || []).forEach(function (g) {
      Object.keys(g.entries).forEach(function (t) { eachPosting(m, g.entries[t], function (f, id) { gone.add(id); }); });
    });
    var sums = new Map();
    found.forEach(function (doc, id) { if (doc.mask === full && !gone.has(id)) sums.set(id, doc.sum); });
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

  /* lunr.js scores of the index's documents (every one holds a term of each group): the clauses optional,
   * as lunr scores them whatever their presence; ties by id. */
  function run(index, groups) {
    var results = index.query(function (q) {
      allClauses(groups).forEach(function (lc) {
        q.term(lc.term, {
          usePipeline: false, boost: lc.boost,
          wildcard: lc.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
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
          var groups = resolve(termTable(shards), clauses);
          return Promise.all(segmentKeys(groups).map(store.load)).then(function () {
            groups.forEach(function (g) {
              Object.keys(g.entries).forEach(function (t) { g.entries[t] = withSegments(g.entries[t]); });
            });
            var sums = candidates(m, groups), docs = [];
            sums.forEach(function (sum, id) { if (!keep || keep(facetsOf(m, id))) docs.push(id); });
            var scored = docs.length ? run(buildIndex(m, groups, bestCandidates(docs, sums, limit)), groups) : [];
            var hits = scored.slice(0, limit).map(function (h) { h.facets = facetsOf(m, h.ref); return h; });
            return { clauses: clauses, terms: groups.map(function (g) { return g.clauses; }), groups: groups,
                     total: docs.length, hits: hits };
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

  /* Text split into [text, highlighted] pieces: words whose index term (or, for `ord*`, the word itself)
   * a clause of the query expands to, without the punctuation around them; a case number the query holds
   * whole (EMN-2019-00607) is one piece, other words are tried part by part (Keis-Neerbek, 15/839).
   * `terms`: the groups' lunr.js clauses (search().terms). */
  function highlight(text, terms) {
    var clauses = [].concat.apply([], terms);
    var whole = clauses.filter(function (lc) { return !lc.wildcard && IDENTIFIER_SEPARATOR.test(lc.term); });
    var pieces = [];
    function push(piece, hit) {
      var last = pieces[pieces.length - 1];
      if (last && !last[1] && !hit) last[0] += piece; else if (piece) pieces.push([piece, hit]);
    }
    function add(word, candidates) {
      var core = word.replace(EDGE_PUNCTUATION, ""), at = word.indexOf(core), lower = core.toLowerCase();
      var t = lower && term(lower), unpadded = /^0+\d{3}/.test(lower) ? lower.replace(/^0+/, "") : "";
      var hit = Boolean(lower) && candidates.some(function (lc) {
        return expandsTo(lc, lower) || (t && expandsTo(lc, t)) || (unpadded && expandsTo(lc, unpadded));
      });
      if (!hit) return push(word, false);
      push(word.slice(0, at), false);
      push(core, true);
      push(word.slice(at + core.length), false);
    }
    text.split(/(\s+)/).forEach(function (word) {
      if (!word) return;
      var core = word.replace(EDGE_PUNCTUATION, "").toLowerCase();
      if (whole.some(function (lc) { return lc.term === core; })) return add(word, whole);
      for (var i = 0; i < whole.length; i++) {  // the end of a case number (2019-00607 of EMN-2019-00607)
        var at = word.toLowerCase().lastIndexOf(whole[i].term);
        if (at > 0 && IDENTIFIER_SEPARATOR.test(word.charAt(at - 1)) && core.slice(-whole[i].term.length) === whole[i].term) {
          push(word.slice(0, at), false);
          return add(word.slice(at), whole);
        }
      }
      word.split(/([\-\/]+)/).forEach(function (part) {
        if (/^[\s\-\/]*$/.test(part)) push(part, false); else add(part, clauses);
      });
    });
    return pieces;
  }

  root.kommunearkivSearch = {
    receive: receive, createSearch: createSearch, parse: parse, term: term, highlight: highlight,
    lunrClauses: lunrClauses, expandsTo: expandsTo
  };
})(typeof window !== "undefined" ? window : globalThis);
