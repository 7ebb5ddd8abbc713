"""The style sheet and the two small scripts of the site pages.

Kept as Python strings (not data files) so they ship with the package
without packaging configuration. Everything is inlined into the pages: no
CDN, no web font, nothing fetched; the pages work from file://.
"""

CSS = """
:root { --ink: #1d1d1f; --muted: #5a5a66; --line: #d7d7de; --accent: #1f4e8c; --bg: #fbfbf8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--bg); }
header.site, main, footer.site { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem 2rem; padding-top: 1.25rem;
  border-bottom: 1px solid var(--line); padding-bottom: .75rem; }
header.site .brand { font-size: 1.25rem; font-weight: bold; color: var(--ink); text-decoration: none; }
nav.site a { margin-right: 1rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f0a202; outline-offset: 2px; }
h1 { font-size: 1.6rem; margin: 1.25rem 0 .5rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.muted, .count { color: var(--muted); }
table.documents { width: 100%; border-collapse: collapse; margin: 1rem 0 2rem; }
table.documents th, table.documents td { text-align: left; vertical-align: top; padding: .5rem .6rem;
  border-bottom: 1px solid var(--line); }
table.documents th { white-space: nowrap; }
table.documents td.date { white-space: nowrap; }
table.documents td.description { color: var(--muted); font-size: .92rem; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; color: var(--ink); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: .7em; }
th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: .7em; }
.entry { padding: .5rem 0 .75rem; border-bottom: 1px dotted var(--line); }
.entry h3 { margin: .25rem 0; font-size: 1.05rem; }
.entry:target { background: #fff6d6; }
.entry ul { margin: .25rem 0; padding-left: 1.25rem; }
.variants { color: var(--muted); font-style: italic; }
form.search input { font: inherit; width: min(100%, 32rem); padding: .4rem .6rem; border: 1px solid var(--muted); border-radius: 4px; }
ol.results { padding-left: 1.25rem; }
ol.results li { margin: .6rem 0; }
footer.site { color: var(--muted); font-size: .85rem; padding-top: 2rem; padding-bottom: 2rem; }
@media print { nav.site, form.search, th button::after { display: none; } body { background: #fff; } }
"""

#: Sorts the documents table when a column's button is pressed; without
#: JavaScript the table stays in date order, as written.
SORT_SCRIPT = """
(function () {
  var table = document.querySelector("table.documents");
  if (!table) return;
  var body = table.tBodies[0];
  var headers = table.querySelectorAll("th[data-key]");
  headers.forEach(function (th) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.getAttribute("data-" + key) || "", y = b.getAttribute("data-" + key) || "";
        var order = x.localeCompare(y, undefined, {sensitivity: "base", numeric: true});
        if (order === 0) order = (+a.getAttribute("data-n")) - (+b.getAttribute("data-n"));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
"""

#: The search page: folds the query like the index was folded (case,
#: accents), intersects the words' posting lists, and treats the last word as
#: a prefix so results appear while typing.
SEARCH_SCRIPT = """
(function () {
  var data = window.TEIKIT_SEARCH;
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("status");
  if (!data || !input) { if (status) status.textContent = "The search index is missing."; return; }
  var words = Object.keys(data.words);
  function fold(text) {
    return text.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  }
  function postings(text) {
    var out = [], total = 0;
    text.split(",").forEach(function (part) { total += parseInt(part, 36); out.push(total); });
    return out;
  }
  function lookup(word, prefix) {
    var found = {};
    if (!prefix) {
      if (Object.prototype.hasOwnProperty.call(data.words, word)) postings(data.words[word]).forEach(function (n) { found[n] = true; });
      return found;
    }
    for (var i = 0; i < words.length; i++) {
      if (words[i].lastIndexOf(word, 0) === 0) postings(data.words[words[i]]).forEach(function (n) { found[n] = true; });
    }
    return found;
  }
  function run() {
    var terms = fold(input.value).split(/[^\\p{L}\\p{N}_]+/u).filter(function (t) { return t.length > 0; });
    var long = terms.filter(function (t) { return t.length >= 2; });
    list.textContent = "";
    if (!long.length) { status.textContent = data.docs.length + " documents indexed. Type a word."; return; }
    var hits = null;
    long.forEach(function (term, i) {
      var found = lookup(term, i === long.length - 1);
      if (hits === null) { hits = found; return; }
      var both = {};
      Object.keys(hits).forEach(function (n) { if (found[n]) both[n] = true; });
      hits = both;
    });
    var numbers = Object.keys(hits).map(Number).sort(function (a, b) {
      // ISO dates sort as text; undated documents go last.
      return (data.docs[a][4] || "9999").localeCompare(data.docs[b][4] || "9999") || a - b;
    });
    status.textContent = numbers.length === 1 ? "1 document" : numbers.length + " documents";
    numbers.slice(0, 500).forEach(function (n) {
      var doc = data.docs[n];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "documents/" + encodeURIComponent(doc[0]) + ".html";
      link.textContent = doc[1];
      item.appendChild(link);
      if (doc[2]) item.appendChild(document.createTextNode(" \\u2014 " + doc[2]));
      if (doc[3]) {
        var p = document.createElement("div");
        p.className = "muted";
        p.textContent = doc[3];
        item.appendChild(p);
      }
      list.appendChild(item);
    });
  }
  var given = new URLSearchParams(window.location.search).get("q");
  if (given) input.value = given;
  input.addEventListener("input", run);
  document.getElementById("search-form").addEventListener("submit", function (e) { e.preventDefault(); run(); });
  run();
})();
"""
