/* Kommunearkiv search: what a reader types -> query clauses, and the words of a text that match them.
 *
 * The query syntax: words (each in any inflection, and as the first part of compounds), case numbers
 * whole or in part, "quoted phrases" (their words as written, next to each other: search-core.js),
 * -word (leave out what holds the word) and ord* (words that begin so). Words pass through lunr.da's
 * pipeline as the index's did (kommunearkiv/search/danish.py). Snippets are cut here from the text of a
 * hit: the passage with the most matched words, every one of them marked.
 * Needs lunr.js, lunr.stemmer.support.js and lunr.da.js. Runs in browsers and node.
 */
(function (root) {
  "use strict";

  var lunr = root.lunr;
  var IDENTIFIER = /\d/;
  var IDENTIFIER_SEPARATOR = /[\/\-.]/;
  var EDGE_PUNCTUATION = /^["'(\[{«»“”„]+|["')\]}»«“”,;:!?]+$|\.$/g;
  var SEPARATOR = /[\s\-]+/;
  // A quoted phrase (optionally negated), or a run of other characters.
  var QUERY_PART = /(-?)["“”„»«]([^"“”„»«]*)["“”„»«]?|(\S+)/g;
  var MIN_EXPANDED = 3;     // letters a word needs to be expanded as the first part of compounds
  var PREFIX_LETTERS = 5;   // the shortest prefix a word expands by (unless the word is shorter)
  var EXACT_BOOST = 2;      // the query vector's value of a word's own stem; its other expansions have 1
  var SNIPPET_CHARS = 200;  // a snippet's length, about
  var CONTEXT_CHARS = 50;   // text shown before a snippet's first match, about

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

  function trimmed(word) {
    return lunr.da.trimmer(new lunr.Token(word, {})).toString();
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

  /* A word -> its clauses: {term, prefix | wildcard | identifier and parts}; a word of a phrase is not
   * expanded to compounds (`exact`). */
  function wordClauses(raw, exact) {
    var word = raw.replace(EDGE_PUNCTUATION, "");
    if (!word) return [];
    if (/\*$/.test(word)) {
      var prefix = trimmed(word.replace(/\*+$/, ""));
      return prefix ? [{ term: prefix, wildcard: true }] : [];
    }
    if (IDENTIFIER.test(word) && IDENTIFIER_SEPARATOR.test(word)) {
      return [{ term: word, identifier: true, parts: word.split(SEPARATOR).map(term).filter(Boolean) }];
    }
    return word.split(SEPARATOR).map(function (w) {
      var t = term(w);
      return t ? { term: t, prefix: exact ? "" : compoundPrefix(trimmed(w), t) } : null;
    }).filter(Boolean);
  }

  /* Query text -> {clauses: every one must match, negated: none may, phrases: [[term, ...], ...] whose terms
   * must stand together in this order}. */
  function parse(text) {
    var query = { clauses: [], negated: [], phrases: [] }, part;
    text = text.toLowerCase();
    QUERY_PART.lastIndex = 0;
    while ((part = QUERY_PART.exec(text))) {
      var negated = part[1] === "-" || (part[3] && part[3].length > 1 && part[3].charAt(0) === "-");
      var words = part[3] ? [part[3].replace(/^-/, "")] : part[2].split(/\s+/);
      var clauses = [].concat.apply([], words.map(function (w) { return wordClauses(w, part[3] === undefined); }));
      [].push.apply(negated ? query.negated : query.clauses, clauses);
      if (!negated && part[3] === undefined && clauses.length > 1) {
        query.phrases.push(clauses.map(function (c) { return c.term; }));
      }
    }
    return query;
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

  /* The matched words of a text: [{start, end, word: its term}], in order. */
  function matches(text, terms) {
    var at = 0, found = [];
    highlight(text, terms).forEach(function (p) {
      var lower = p[0].toLowerCase();
      if (p[1]) found.push({ start: at, end: at + p[0].length, word: term(lower) || lower });
      at += p[0].length;
    });
    return found;
  }

  /* Whether the text holds the phrase: its terms in this order, with nothing but stop words between. */
  function holdsPhrase(text, phrase) {
    var words = text.split(SEPARATOR).map(function (w) { return term(w.replace(EDGE_PUNCTUATION, "")); })
      .filter(Boolean);
    for (var i = 0; i + phrase.length <= words.length; i++) {
      for (var k = 0; k < phrase.length && words[i + k] === phrase[k]; k++);
      if (k === phrase.length) return true;
    }
    return false;
  }

  /* The passage of about SNIPPET_CHARS of `text` with the most distinct matched words (then the most
   * matches, then the first), from a word's start to a word's end, with "…" where cut; "" when no word of
   * the text matches. */
  function passage(text, terms) {
    var found = text ? matches(text, terms) : [];
    if (!found.length) return "";
    var best = null;
    found.forEach(function (first, i) {
      var words = {}, count = 0;
      for (var j = i; j < found.length && found[j].end - first.start <= SNIPPET_CHARS - CONTEXT_CHARS; j++) {
        words[found[j].word] = true;
        count++;
      }
      var distinct = Object.keys(words).length;
      if (!best || distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
        best = { distinct: distinct, count: count, start: first.start };
      }
    });
    return cutAround(text, best.start);
  }

  /* About SNIPPET_CHARS of the text from CONTEXT_CHARS before `start`, cut between words. */
  function cutAround(text, start) {
    var from = Math.max(0, start - CONTEXT_CHARS);
    if (from > 0) {
      var space = text.indexOf(" ", from);
      from = space >= 0 && space < start ? space + 1 : start;
    }
    var end = Math.min(text.length, from + SNIPPET_CHARS);
    if (end < text.length) {
      var last = text.lastIndexOf(" ", end);
      end = last > start ? last : end;
    }
    return (from > 0 ? "… " : "") + text.slice(from, end).trim() + (end < text.length ? " …" : "");
  }

  /* A result's snippet: the passage of its text with the match; else its lead, after its heading or else its
   * number when the query matched that (a title, a name, an item found by its case number). */
  function snippet(text, lead, heading, number, terms) {
    var found = passage(text, terms);
    if (found) return found;
    var matched = [heading, number].filter(function (s) { return s && matches(s, terms).length; });
    return matched.slice(0, 1).concat(lead ? [lead] : []).join(" · ");
  }

  root.kommunearkivSearch = Object.assign(root.kommunearkivSearch || {}, {
    parse: parse, term: term, lunrClauses: lunrClauses, expandsTo: expandsTo, highlight: highlight,
    holdsPhrase: holdsPhrase, passage: passage, snippet: snippet
  });
})(typeof window !== "undefined" ? window : globalThis);
