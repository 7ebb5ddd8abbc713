"""The style sheet and the two small scripts of the site pages.

Kept as Python strings (not data files) so they ship with the package
without packaging configuration. Everything is inlined into the pages: no
CDN, no web font, nothing fetched; the pages work from file://.
"""

CSS = """
:root { --ink: #1d1d1f; --muted: #5a5a66; --line: #d7d7de; --accent: #1f4e8c; --bg: #fbfbf8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--bg); }
header.site, nav.breadcrumb, main, footer.site { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
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
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 20; }
.skip-link:focus { left: 1rem; }
nav.breadcrumb ol, nav.breadcrumb li { display: inline; margin: 0; padding: 0; }
nav.breadcrumb { font-size: .9rem; color: var(--muted); padding-top: .5rem; }
nav.breadcrumb li + li::before { content: " \\203A  "; }
nav.pager a { display: inline-block; min-width: 2rem; text-align: center; }
nav.pager a[aria-current] { font-weight: bold; color: var(--ink); }
section.facets details { margin: .25rem 0; }
section.facets summary { cursor: pointer; font-weight: bold; }
ul.facet-values { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; list-style: none; padding: .25rem 0 .5rem 1rem; margin: 0; }
ul.facet-values li { overflow-wrap: anywhere; }
ul.facet-values .n, ol.facet-docs { color: var(--muted); }
ol.facet-docs a { color: var(--accent); }
.table-wrap { overflow-x: auto; }
ul.initials { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; list-style: none; padding: 0; }
ul.initials .n { color: var(--muted); }
nav.initials a { display: inline-block; min-width: 1.8rem; padding: .1rem .2rem; text-align: center; }
nav.initials a[aria-current] { font-weight: bold; color: var(--ink); text-decoration: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
main, header.site, footer.site { overflow-wrap: break-word; }
@media (max-width: 40rem) {
  table.documents thead { display: none; }
  table.documents, table.documents tbody, table.documents tr, table.documents td { display: block; width: 100%; }
  table.documents tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.documents td { border: 0; padding: .1rem 0; }
}
@media print { nav.site, nav.pager, form.search, section.facets, th button::after { display: none; } body { background: #fff; } }
"""

#: Added to a document page by the site: its frame (edition header,
#: breadcrumb, previous/next, cite block) and the paragraph anchors, in the
#: page's own look.
DOC_CSS = """
nav.site.bar { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; max-width: 72rem; margin: 0 auto;
  padding: .75rem 1.25rem; border-bottom: 1px solid #d7d7de; font: .95rem system-ui, sans-serif; }
nav.site.bar .brand { font-weight: bold; color: inherit; text-decoration: none; margin-right: 1rem; }
nav.breadcrumb, nav.docnav { max-width: 72rem; margin: 0 auto; padding: .4rem 1.25rem; font: .85rem system-ui, sans-serif; }
nav.breadcrumb ol, nav.breadcrumb li { display: inline; margin: 0; padding: 0; }
nav.breadcrumb li + li::before { content: " \\203A  "; color: #5a5a66; }
nav.docnav { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; justify-content: space-between; }
nav.docnav a span { display: inline-block; max-width: 28ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  vertical-align: bottom; }
nav.docnav .position { color: #5a5a66; }
.tk-anchor { margin-left: .35em; font-size: .8em; color: #8a8a96; text-decoration: none; }
.tk-anchor:hover, .tk-anchor:focus-visible { color: inherit; text-decoration: underline; }
:target { scroll-margin-top: 1rem; }
p:target, section:target > :first-child { background: #fff6d6; }
section.tk-cite { margin-top: 2.5rem; padding: .5rem 1.25rem 0; border-top: 1px solid #d7d7de; overflow-wrap: anywhere; }
section.tk-cite h2 { font-size: 1.1rem; }
p.release { font: .8rem system-ui, sans-serif; color: #5a5a66; }
@media print { nav.site.bar, nav.breadcrumb, nav.docnav, .tk-anchor { display: none; } }
"""

#: A document page's script (the page works without it): the citation
#: follows the passage the address points at, with the address as the
#: browser shows it. (A name is a link only at its first mention in a
#: paragraph: the stylesheet's rule, see xslt/html/names.xsl.)
DOC_SCRIPT = """
(function () {
  var block = document.getElementById("cite");
  if (block) {
    var texts = block.querySelectorAll(".cite-text");
    var target = block.querySelector(".cite-target");
    texts.forEach(function (t) { t.setAttribute("data-base", t.textContent); });
    var months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    var now = new Date();
    var update = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      var el = id && document.getElementById(id);
      var passage = el && (el.hasAttribute("data-cite") || el.querySelector(":scope > [data-cite]")) ? id : "";
      var page = location.href.split("#")[0];
      texts.forEach(function (t) {
        var text = t.getAttribute("data-base"), url = t.getAttribute("data-url") || "", mla = t.getAttribute("data-style") === "mla";
        var live = url;
        // A relative address is made the one the browser shows (not a file on this disk).
        if (!block.hasAttribute("data-absolute") && location.protocol !== "file:") live = mla ? page.replace(/^https?:\\/\\//, "") : page;
        if (passage) live += "#" + passage;
        if (passage && !mla) live = (passage.charAt(0) === "p" ? "para. " : "sec. ") + passage.replace(/^[ps]/, "") + ". " + live;
        if (url) text = text.split(url + ".").join(live + ".");
        // MLA dates the reader's access of an online work: that is today, which only the page knows.
        if (mla) text += " Accessed " + now.getDate() + " " + months[now.getMonth()] + " " + now.getFullYear() + ".";
        t.textContent = text;
      });
      target.textContent = passage ? "This passage (" + passage + ") of the document." : "The whole document.";
    };
    window.addEventListener("hashchange", update);
    update();
  }
})();
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
        // The date sorts by its ISO key; the other columns by their text.
        var x = key === "date" ? a.getAttribute("data-date") : a.querySelector("td." + key + " a, td." + key).textContent;
        var y = key === "date" ? b.getAttribute("data-date") : b.querySelector("td." + key + " a, td." + key).textContent;
        var order = x.localeCompare(y, undefined, {sensitivity: "base", numeric: true});
        if (order === 0) order = (+a.getAttribute("data-n")) - (+b.getAttribute("data-n"));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
"""

#: The search page. It folds the query as the index was folded (case,
#: accents), loads the word shards of the query's words (the last word is a
#: prefix, so results appear while typing), intersects their passages, and
#: then loads the texts of the documents it shows, twenty passages at a time,
#: for the snippets with the hits marked; a phrase in quotation marks must
#: occur as written (checked on the text).
SEARCH_SCRIPT = r"""
(function () {
  var me = document.currentScript;
  var dir = me.getAttribute("data-dir") + "/";
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("status");
  var more = document.getElementById("more");
  var meta = null, shards = {}, docs = {}, waiting = {}, keys = {};
  var S = window.TEIKIT_SEARCH = {
    meta: function (m) { meta = m; },
    keys: function (block, list) { var k = keys[block] = {}; list.forEach(function (x) { k[x] = true; }); },
    words: function (key, words) { shards[key] = words; },
    doc: function (n, d) { docs[n] = d; }
  };
  function load(src, done) {
    if (waiting[src] === true) { done(); return; }
    if (waiting[src]) { waiting[src].push(done); return; }
    waiting[src] = [done];
    var tag = document.createElement("script");
    var finish = function () { var calls = waiting[src]; waiting[src] = true; calls.forEach(function (f) { f(); }); };
    tag.onload = finish; tag.onerror = finish;
    tag.src = src;
    document.head.appendChild(tag);
  }
  function loadAll(srcs, done) {
    var left = srcs.length;
    if (!left) { done(); return; }
    srcs.forEach(function (src) { load(src, function () { if (--left === 0) done(); }); });
  }
  function fold(text) { return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function tokens(text) { return fold(text).split(/[^\p{L}\p{N}_]+/u).filter(function (t) { return t.length > 0; }); }
  function hex(word) { return Array.from(word).map(function (c) { return c.codePointAt(0).toString(16); }); }
  // The shards of a block that may hold the word: the one of its longest
  // prefix that is a key; for a prefix, also every key that extends it.
  function shardsOf(block, word, prefix) {
    var known = keys[block] || {}, h = hex(word), out = [];
    for (var n = h.length; n >= 2; n--) {
      var k = h.slice(0, n).join("_");
      if (known[k]) { out.push(k); break; }
    }
    if (prefix) {
      var stem = h.join("_") + "_";
      Object.keys(known).forEach(function (k) { if (k.lastIndexOf(stem, 0) === 0) out.push(k); });
    }
    return out.map(function (k) { return block + "-" + k; });
  }
  function passages(block, word, prefix) {
    var found = {};
    shardsOf(block, word, prefix).forEach(function (name) {
      var shard = shards[name] || {};
      Object.keys(shard).forEach(function (w) {
      if (w === word || (prefix && w.lastIndexOf(word, 0) === 0)) {
        var doc = block * meta.block;
        shard[w].split(",").forEach(function (pair) {
          var parts = pair.split(".");
          doc += parseInt(parts[0], 36);
          found[doc + "." + parseInt(parts[1], 36)] = true;
        });
      }
      });
    });
    return found;
  }
  function parse(query) {
    var phrases = [], rest = query.replace(/["\u201c\u201d]([^"\u201c\u201d]+)["\u201c\u201d]?/g, function (m, p) {
      var t = tokens(p); if (t.length) phrases.push(t); return " ";
    });
    var loose = tokens(rest);
    var all = loose.slice();
    phrases.forEach(function (p) { all = all.concat(p); });
    var open = /["\u201c]([^"\u201c\u201d]*)$/.test(query);
    return {phrases: phrases, words: all.filter(function (t) { return t.length >= 2; }),
            prefix: loose.length && !open && /[\p{L}\p{N}_]$/u.test(query) ? loose[loose.length - 1] : null};
  }
  function has(words, phrase) {
    for (var i = 0; i + phrase.length <= words.length; i++) {
      var ok = true;
      for (var j = 0; j < phrase.length && ok; j++) ok = words[i + j] === phrase[j];
      if (ok) return true;
    }
    return false;
  }
  function snippet(text, terms, prefix) {
    // Mark each word of the text whose folded form is a query word (or starts with the prefix).
    var parts = text.split(/([\p{L}\p{N}_]+)/u), first = -1, out = [];
    parts.forEach(function (part, i) {
      var f = fold(part);
      var hit = i % 2 === 1 && (terms.indexOf(f) >= 0 || (prefix && f.lastIndexOf(prefix, 0) === 0));
      if (hit && first < 0) first = i;
      out.push([part, hit]);
    });
    var start = 0, chars = 0;
    for (var k = first; k > 0 && chars < 90; k--) { chars += out[k - 1][0].length; start = k - 1; }
    var frag = document.createDocumentFragment(), length = 0, end = start;
    if (start > 0) frag.appendChild(document.createTextNode("\u2026"));
    for (; end < out.length && length < 260; end++) {
      length += out[end][0].length;
      if (out[end][1]) { var m = document.createElement("mark"); m.textContent = out[end][0]; frag.appendChild(m); }
      else frag.appendChild(document.createTextNode(out[end][0]));
    }
    if (end < out.length) frag.appendChild(document.createTextNode("\u2026"));
    return frag;
  }
  var hits = [], shown = 0, query = null, generation = 0, searched = 0;
  // Search the next block of documents; its hits join the list, in order.
  function searchBlock(done) {
    var mine = generation, block = searched;
    load(dir + "k-" + block + ".js", function () {
      var needed = {};
      query.words.forEach(function (w) {
        shardsOf(block, w, w === query.prefix).forEach(function (name) { needed[dir + "w-" + name + ".js"] = true; });
      });
      loadAll(Object.keys(needed), function () {
        if (mine !== generation) return;
        var sets = query.words.map(function (w) { return passages(block, w, w === query.prefix); });
        var found = sets.reduce(function (a, b) {
          var both = {}; Object.keys(a).forEach(function (k) { if (b[k]) both[k] = true; }); return both;
        });
        hits = hits.concat(Object.keys(found).map(function (k) { return k.split(".").map(Number); })
          .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }));
        searched = block + 1;
        done();
      });
    });
  }
  function report() {
    var all = searched >= meta.blocks;
    var total = query.phrases.length || !all ? "" : " of " + hits.length;
    var text = list.children.length + total + " passage" + (list.children.length === 1 && !total ? "" : "s") +
      (query.phrases.length ? " with the phrase" : "") + " shown";
    if (!all) text += "; documents 1\u2013" + Math.min(meta.docs, searched * meta.block) + " of " + meta.docs + " searched so far";
    status.textContent = text + ".";
    more.hidden = shown >= hits.length && all;
  }
  function show(count) {
    var mine = generation, batch = [], need = {};
    if (shown + count > hits.length && searched < meta.blocks) {
      // Not enough hits yet: read the next block of the index first.
      searchBlock(function () { if (mine === generation) show(count); });
      return;
    }
    // Candidates are checked in batches: a phrase can only be confirmed on the text.
    while (batch.length < count && shown + batch.length < hits.length) {
      var h = hits[shown + batch.length];
      batch.push(h); need[dir + "d-" + h[0] + ".js"] = true;
    }
    if (!batch.length) {
      if (!list.children.length && searched >= meta.blocks) status.textContent = "0 passages: none has all of these words" +
        (query.phrases.length ? " as a phrase." : ".");
      else report();
      return;
    }
    loadAll(Object.keys(need), function () {
      if (mine !== generation) return;
      shown += batch.length;
      batch.forEach(function (h) {
        var doc = docs[h[0]];
        if (!doc) return;
        var passage = doc[3][h[1]], text = passage[1];
        if (query.phrases.length) {
          var words = tokens(text);
          if (!query.phrases.every(function (p) { return has(words, p); })) return;
        }
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "documents/" + encodeURIComponent(doc[0]) + ".html" + (passage[0] ? "#" + encodeURIComponent(passage[0]) : "");
        link.textContent = doc[1];
        item.appendChild(link);
        var where = (doc[2] ? " \u2014 " + doc[2] : "") + (passage[0] ? " \u00b7 " + passage[0] : "");
        item.appendChild(document.createTextNode(where));
        var p = document.createElement("p");
        p.className = "snippet";
        p.appendChild(snippet(text, query.words, query.prefix));
        item.appendChild(p);
        list.appendChild(item);
      });
      report();
      if (query.phrases.length && list.children.length < 20 && (shown < hits.length || searched < meta.blocks)) show(20);
    });
  }
  function run() {
    ++generation;
    query = parse(input.value);
    list.textContent = ""; hits = []; shown = 0; searched = 0; more.hidden = true;
    if (!meta) { status.textContent = "The search index is missing."; return; }
    if (!query.words.length) { status.textContent = meta.docs + " documents indexed. Type a word."; return; }
    status.textContent = "Searching\u2026";
    show(20);
  }
  more.addEventListener("click", function () { show(20); });
  load(me.getAttribute("data-index"), function () {
    var given = new URLSearchParams(window.location.search).get("q");
    if (given) input.value = given;
    input.addEventListener("input", run);
    document.getElementById("search-form").addEventListener("submit", function (e) { e.preventDefault(); run(); });
    run();
  });
})();
"""
