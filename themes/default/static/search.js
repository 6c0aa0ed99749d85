/* The search page: query, facets and order in the URL, results in #search-results, status read aloud.
 * Needs search-query.js, search-rank.js and search-core.js. Index data are loaded with <script> elements so
 * file:// works too. */
(function () {
  "use strict";

  var PAGE = 10;
  var LABELS = { kommune: "Kommune", udvalg: "Udvalg", aar: "År", type: "Type" };
  var SORTS = [["relevans", "Relevans"], ["dato", "Dato, nyeste først"]];

  var results = document.getElementById("search-results");
  if (!results || !window.kommunearkivSearch || !window.lunr) return;
  var core = window.kommunearkivSearch;
  var form = document.getElementById("search-form");
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  var indexBase = results.getAttribute("data-index") || "index/";
  var siteRoot = results.getAttribute("data-root") || "../";

  var engine = core.createSearch(function (key, fail) {
    var script = document.createElement("script");
    script.src = indexBase + key + ".js";
    script.onerror = function () { fail(key); };
    document.head.appendChild(script);
  });
  var manifest = null, last = null, searches = 0, timer = null;
  var selects = {}, sort = null;

  function say(text) { status.textContent = text; }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Every value a facet has in the archive: [value, label]. */
  function facetOptions(param) {
    if (param === "kommune") return manifest.municipalities;
    if (param === "udvalg") {
      var options = [];
      manifest.committees.forEach(function (committees, m) {
        var municipality = manifest.municipalities[m];
        committees.forEach(function (c) {
          options.push([municipality[0] + "/" + c[0], c[1] + " (" + municipality[1] + ")"]);
        });
      });
      return options;
    }
    if (param === "aar") return manifest.years.slice().reverse().map(function (y) { return [String(y), String(y)]; });
    return manifest.types;
  }

  /* A select's options: "Alle", then the values found with their counts (all values, without counts, before
   * a search); a value that finds nothing is left out unless it is the one chosen. */
  function fillSelect(select, param, counts, chosen) {
    select.textContent = "";
    select.appendChild(new Option("Alle", ""));
    facetOptions(param).forEach(function (o) {
      var n = counts ? counts[o[0]] || 0 : null;
      if (n === 0 && o[0] !== chosen) return;
      select.appendChild(new Option(n === null ? o[1] : o[1] + " (" + n + ")", o[0]));
    });
    select.value = chosen;
  }

  function labelled(id, text, select) {
    var wrap = element("div", "search-filter"), label = element("label", null, text);
    label.htmlFor = id;
    select.id = id;
    wrap.appendChild(label);
    wrap.appendChild(select);
    filterBox.appendChild(wrap);
  }

  function buildFilters(params) {
    core.FACETS.forEach(function (facet) {
      var select = element("select");
      select.name = facet.param;
      fillSelect(select, facet.param, null, params.get(facet.param) || "");
      select.addEventListener("change", function () { updateUrl(false); runSearch(PAGE); });
      selects[facet.param] = select;
      labelled("filter-" + facet.param, LABELS[facet.param], select);
    });
    sort = element("select");
    sort.name = "sortering";
    SORTS.forEach(function (s) { sort.appendChild(new Option(s[1], s[0])); });
    sort.value = params.get("sortering") === "dato" ? "dato" : "relevans";
    sort.addEventListener("change", function () { updateUrl(false); runSearch(PAGE); });
    labelled("sortering", "Sortering", sort);
    filterBox.hidden = false;
  }

  function chosen() {
    var values = {};
    core.FACETS.forEach(function (facet) { if (selects[facet.param].value) values[facet.param] = selects[facet.param].value; });
    return values;
  }

  function updateUrl(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    var values = chosen();
    Object.keys(values).forEach(function (param) { params.set(param, values[param]); });
    if (sort.value !== "relevans") params.set("sortering", sort.value);
    var url = location.pathname + (params.toString() ? "?" + params : "");
    try {
      history[push ? "pushState" : "replaceState"](null, "", url);
    } catch (e) { /* some file:// setups refuse; the search still works */ }
  }

  function marked(tag, className, text, terms) {
    var node = element(tag, className);
    core.highlight(text, terms).forEach(function (piece) {
      node.appendChild(piece[1] ? element("mark", null, piece[0]) : document.createTextNode(piece[0]));
    });
    return node;
  }

  function formatDate(iso) {
    try {
      return new Date(iso + "T12:00:00").toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
    } catch (e) { return iso; }
  }

  function hitItem(doc, terms) {
    var li = element("li", "search-hit");
    var meta = element("p", "search-hit-meta");
    meta.appendChild(element("span", "search-hit-type", doc.type[1]));
    [doc.committee, doc.municipality[1]].forEach(function (text) {
      if (text) meta.appendChild(document.createTextNode(" · " + text));
    });
    if (doc.date) {
      var time = element("time", null, formatDate(doc.date));
      time.setAttribute("datetime", doc.date);
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(time);
    }
    var heading = element("h2", "search-hit-title");
    var link = marked("a", null, doc.title, terms);
    link.href = siteRoot + doc.url;
    heading.appendChild(link);
    li.appendChild(heading);
    li.appendChild(meta);
    if (doc.snippet) li.appendChild(marked("p", "search-hit-snippet", doc.snippet, terms));
    return li;
  }

  /* What the status says of a search. */
  function message(found) {
    var query = "»" + found.text + "«";
    if (!found.clauses.length && found.query.negated.length) {
      return "Skriv mindst ét ord, der skal forekomme; »-ord« udelader kun.";
    }
    if (!found.clauses.length) {
      return query + " består kun af meget almindelige ord. Skriv mere præcise ord, et sagsnummer eller et navn.";
    }
    var count = found.total === 1 ? "1 resultat" : found.total + " resultater";
    if (found.partial) return (found.total ? count : "Ingen resultater") + " indtil nu for " + query + "; søger videre efter sammensatte ord …";
    if (!found.total) return "Ingen resultater for " + query + "." + (Object.keys(chosen()).length ? " Prøv uden filtre." : "");
    return (found.exact ? count : "Op til " + count) + " for " + query + ".";
  }

  /* Show the hits found and the facets' counts; the status is announced once the list is there. */
  function render(found, focusFrom) {
    return engine.describe(found).then(function (docs) {
      if (found !== last) return;  // a newer search has begun
      core.FACETS.forEach(function (facet) {
        var select = selects[facet.param];
        fillSelect(select, facet.param, found.counts[facet.param], select.value);
      });
      results.textContent = "";
      var items = docs.map(function (doc) { return hitItem(doc, found.terms); });
      items.forEach(function (li) { results.appendChild(li); });
      more.hidden = found.hits.length >= found.total;
      say(message(found));
      if (focusFrom !== undefined && items[focusFrom]) items[focusFrom].querySelector("a").focus();
    });
  }

  /* Search for what the box holds, showing the best `limit` hits: first without the common compounds the
   * query's words begin (search-core.js, `first`), then, when that left some out, complete. */
  function runSearch(limit, focusFrom) {
    var text = input.value.trim();
    var mine = ++searches;
    if (!text) { last = null; results.textContent = ""; more.hidden = true; say(""); return; }
    say("Søger …");
    function show(first) {
      return engine.search(text, { limit: limit, chosen: chosen(), sort: sort.value, first: first }).then(function (found) {
        if (mine !== searches) return;
        found.text = text;
        last = found;
        return render(found, found.partial ? undefined : focusFrom).then(function () {
          if (found.partial && mine === searches) return show(false);
        });
      });
    }
    show(focusFrom === undefined).catch(function () {
      if (mine === searches) say("Søgeindekset kunne ikke indlæses. Prøv at genindlæse siden.");
    });
  }

  function start() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      updateUrl(true);
      runSearch(PAGE);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { updateUrl(false); runSearch(PAGE); }, 250);
    });
    more.addEventListener("click", function () { runSearch(last.hits.length + PAGE, last.hits.length); });
    engine.manifest().then(function (m) {
      manifest = m;
      buildFilters(params);
      if (input.value) runSearch(PAGE); else say("Skriv et eller flere ord, et sagsnummer eller et navn.");
    }, function () {
      say("Søgeindekset kunne ikke indlæses. Prøv at genindlæse siden.");
    });
  }

  start();
})();
