/* The search page: query and filters in the URL, results in #search-results, status read aloud.
 * Needs search-core.js. Index data are loaded with <script> elements so file:// works too. */
(function () {
  "use strict";

  var PAGE = 10;
  var FILTERS = [
    { param: "kommune", label: "Kommune", facet: "municipality" },
    { param: "udvalg", label: "Udvalg", facet: "committee" },
    { param: "aar", label: "År", facet: "year" },
    { param: "type", label: "Type", facet: "type" }
  ];

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
  var selects = {};

  function say(text) { status.textContent = text; }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Option values: municipality and type by id, committee as "municipality/committee", year. */
  function facetValue(facet, f) {
    var municipality = manifest.municipalities[f.municipality][0];
    if (facet === "municipality") return municipality;
    if (facet === "committee") {
      return f.committee ? municipality + "/" + manifest.committees[f.municipality][f.committee - 1][0] : "";
    }
    if (facet === "year") return f.year ? String(f.year) : "";
    return manifest.types[f.type][0];
  }

  function facetOptions(facet) {
    if (facet === "municipality") return manifest.municipalities;
    if (facet === "committee") {
      var options = [];
      manifest.committees.forEach(function (committees, m) {
        var municipality = manifest.municipalities[m];
        committees.forEach(function (c) {
          options.push([municipality[0] + "/" + c[0], c[1] + " (" + municipality[1] + ")"]);
        });
      });
      return options;
    }
    if (facet === "year") return manifest.years.slice().reverse().map(function (y) { return [String(y), String(y)]; });
    return manifest.types;
  }

  function buildFilters(params) {
    FILTERS.forEach(function (spec) {
      var id = "filter-" + spec.param;
      var wrap = element("div", "search-filter");
      var label = element("label", null, spec.label);
      label.htmlFor = id;
      var select = element("select");
      select.id = id;
      select.name = spec.param;
      select.appendChild(new Option("Alle", ""));
      facetOptions(spec.facet).forEach(function (o) { select.appendChild(new Option(o[1], o[0])); });
      select.value = params.get(spec.param) || "";
      select.addEventListener("change", function () { updateUrl(false); runSearch(PAGE); });
      selects[spec.param] = select;
      wrap.appendChild(label);
      wrap.appendChild(select);
      filterBox.appendChild(wrap);
    });
    filterBox.hidden = false;
  }

  /* Whether a document's facets pass the chosen filters. */
  function keep(facets) {
    return FILTERS.every(function (spec) {
      var wanted = selects[spec.param] && selects[spec.param].value;
      return !wanted || facetValue(spec.facet, facets) === wanted;
    });
  }

  function filtersChosen() {
    return FILTERS.some(function (spec) { return selects[spec.param] && selects[spec.param].value; });
  }

  function updateUrl(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    FILTERS.forEach(function (spec) {
      if (selects[spec.param] && selects[spec.param].value) params.set(spec.param, selects[spec.param].value);
    });
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

  /* The stored passage showing the most matched words (the first on a tie). */
  function bestPassage(passages, terms) {
    var best = passages[0], most = 0;
    passages.forEach(function (text) {
      var count = core.highlight(text, terms).filter(function (piece) { return piece[1]; }).length;
      if (count > most) { best = text; most = count; }
    });
    return best;
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
    var snippet = bestPassage(doc.snippets, terms);
    if (snippet) li.appendChild(marked("p", "search-hit-snippet", snippet, terms));
    return li;
  }

  /* Show the hits found; the status is announced once the list is there. */
  function render(found, focusFrom) {
    var query = "»" + found.text + "«";
    var message = query + " består kun af meget almindelige ord. Skriv mere præcise ord, et sagsnummer eller et navn.";
    if (found.clauses.length && !found.total) {
      message = "Ingen resultater for " + query + "." + (filtersChosen() ? " Prøv uden filtre." : "");
    } else if (found.clauses.length) {
      message = (found.total === 1 ? "1 resultat" : found.total + " resultater") + " for " + query + ".";
    }
    return engine.describe(found.hits).then(function (docs) {
      if (found !== last) return;  // a newer search has begun
      results.textContent = "";
      var items = docs.map(function (doc) { return hitItem(doc, found.terms); });
      items.forEach(function (li) { results.appendChild(li); });
      more.hidden = found.hits.length >= found.total;
      say(message);
      if (focusFrom !== undefined && items[focusFrom]) items[focusFrom].querySelector("a").focus();
    });
  }

  /* Search for what the box holds, showing the best `limit` hits. */
  function runSearch(limit, focusFrom) {
    var text = input.value.trim();
    var mine = ++searches;
    if (!text) { last = null; results.textContent = ""; more.hidden = true; say(""); return; }
    say("Søger …");
    engine.search(text, limit, keep).then(function (found) {
      if (mine !== searches) return;
      found.text = text;
      last = found;
      return render(found, focusFrom);
    }).catch(function () {
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
