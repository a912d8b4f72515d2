// Client-side search over window.MTX_SEARCH_INDEX (assets/search-index.js):
// every query token must appear in an item's name or description; names
// that start with the query rank first. Works from file://.
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var index = window.MTX_SEARCH_INDEX || [];
  var root = document.body.getAttribute("data-root") || "";
  if (!input || !list) { return; }
  var active = -1;

  function search(q) {
    var tokens = q.toLowerCase().split(/\s+/).filter(Boolean);
    if (!tokens.length) { return []; }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var it = index[i];
      var name = it.t.toLowerCase();
      var hay = name + " " + (it.d || "").toLowerCase();
      var ok = true;
      for (var j = 0; j < tokens.length && ok; j++) { ok = hay.indexOf(tokens[j]) >= 0; }
      if (!ok) { continue; }
      var score = 3;
      if (name === tokens[0]) { score = 0; }
      else if (name.indexOf(tokens[0]) === 0 || name.indexOf("." + tokens[0]) >= 0) { score = 1; }
      else if (name.indexOf(tokens[0]) >= 0) { score = 2; }
      hits.push({ item: it, score: score });
    }
    hits.sort(function (a, b) { return a.score - b.score || a.item.t.length - b.item.t.length || (a.item.t < b.item.t ? -1 : 1); });
    return hits.slice(0, 40);
  }

  function show() {
    var hits = search(input.value);
    list.textContent = "";
    active = -1;
    if (!input.value.trim()) { list.hidden = true; return; }
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "  No match.";
      list.appendChild(none);
    }
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + h.item.u;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = h.item.k;
      var desc = document.createElement("span");
      desc.className = "desc";
      desc.textContent = h.item.d || "";
      a.appendChild(kind);
      a.appendChild(document.createTextNode(h.item.t));
      a.appendChild(desc);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }

  function move(step) {
    var links = list.querySelectorAll("a");
    if (!links.length) { return; }
    if (active >= 0) { links[active].classList.remove("active"); }
    active = (active + step + links.length) % links.length;
    links[active].classList.add("active");
    links[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", show);
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { move(1); e.preventDefault(); }
    else if (e.key === "ArrowUp") { move(-1); e.preventDefault(); }
    else if (e.key === "Enter") {
      var links = list.querySelectorAll("a");
      var target = links[active >= 0 ? active : 0];
      if (target) { window.location.href = target.href; }
    } else if (e.key === "Escape") { list.hidden = true; input.blur(); }
  });
  document.addEventListener("click", function (e) {
    if (!list.contains(e.target) && e.target !== input) { list.hidden = true; }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input) { input.focus(); e.preventDefault(); }
  });
}());
