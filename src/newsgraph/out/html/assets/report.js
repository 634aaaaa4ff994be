/* newsgraph dossier: draws the article, timeline, map, link chart, money ledger and claims from the
 * JSON block of this page. Article data is untrusted: it only ever reaches the page through
 * textContent and attribute setters, never through innerHTML or string-built markup. No request is
 * made: everything the page needs is in the file. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("ng-data").textContent);
  var A = DATA.analysis;
  var V = DATA.view;
  var BODY = A.document.body || "";
  var SVGNS = "http://www.w3.org/2000/svg";
  var REDUCED = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /* ---------- small DOM helpers ---------- */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function sv(tag, attrs, text) {
    var node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === "class") node.setAttribute("class", v);
      else node.setAttribute(k, v === true ? "" : String(v));
    });
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }
  function byId(list) {
    var m = {};
    (list || []).forEach(function (r) { m[r.id] = r; });
    return m;
  }
  function clip(text, n) {
    text = String(text || "").replace(/\s+/g, " ").trim();
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  var ENT = byId(A.entities), TIM = byId(A.times), AMT = byId(A.amounts), PLA = byId(A.places);
  var EVT = byId(A.events), REL = byId(A.relations), CLM = byId(A.claims);
  var ROWS = byId(V.ledger.rows);
  var KIND_OF = {};
  [["entity", ENT], ["time", TIM], ["amount", AMT], ["place", PLA], ["event", EVT],
   ["relation", REL], ["claim", CLM]].forEach(function (pair) {
    Object.keys(pair[1]).forEach(function (id) { KIND_OF[id] = pair[0]; });
  });
  function entName(id) { return ENT[id] ? ENT[id].name : (id || ""); }

  /* ---------- money formatting ---------- */
  var FORMATS = {};
  function formatter(currency, compact) {
    // Building an Intl.NumberFormat is slow; a ledger of hundreds of rows reuses a few.
    var key = (currency || "") + (compact ? "/c" : "");
    if (!FORMATS[key]) {
      var opts = { notation: compact ? "compact" : "standard", maximumFractionDigits: 2 };
      try {
        FORMATS[key] = new Intl.NumberFormat("en", currency ? Object.assign({ style: "currency", currency: currency }, opts) : opts);
        FORMATS[key].suffix = "";
      } catch (e) {  // an unknown currency code: a plain number followed by the code
        FORMATS[key] = new Intl.NumberFormat("en", opts);
        FORMATS[key].suffix = " " + currency;
      }
    }
    return FORMATS[key];
  }
  function money(value, currency) {
    if (value === null || value === undefined) return "";
    var f = formatter(currency, Math.abs(value) >= 1e6);
    return f.format(value) + f.suffix;
  }

  /* ---------- record descriptions (tooltip and panel) ---------- */
  function describe(id) {
    var kind = KIND_OF[id];
    var r;
    if (kind === "entity") {
      r = ENT[id];
      return { title: r.name, kind: "entity · " + r.type, lines: [
        r.aliases && r.aliases.length ? "aliases: " + r.aliases.join(", ") : null,
        r.titles && r.titles.length ? "titles: " + r.titles.join("; ") : null,
        r.mentions.length + " mention" + (r.mentions.length === 1 ? "" : "s")] };
    }
    if (kind === "time") {
      r = TIM[id];
      return { title: r.text, kind: "time · " + r.kind, lines: [
        "value " + r.value + (r.mod ? " (" + r.mod + ")" : ""),
        (r.earliest || "…") + " → " + (r.latest || "…"),
        r.anchor ? "anchored on " + r.anchor : null] };
    }
    if (kind === "amount") {
      r = AMT[id];
      var row = ROWS[id];
      return { title: r.text, kind: "amount · " + (r.unit || "money"), lines: [
        money(r.value, r.currency) + (r.per ? " per " + r.per : "") + (r.qualifier && r.qualifier !== "exact" ? " (" + r.qualifier + ")" : ""),
        row && (row.payer_name || row.payee_name) ? (row.payer_name || "?") + " → " + (row.payee_name || "?") : null,
        r.part_of && AMT[r.part_of] ? "part of " + AMT[r.part_of].text : null,
        r.time && TIM[r.time] ? "time: " + TIM[r.time].text : null] };
    }
    if (kind === "place") {
      r = PLA[id];
      return { title: r.name, kind: "place" + (r.feature ? " · " + r.feature : ""), lines: [
        r.lat !== null && r.lat !== undefined ? r.lat.toFixed(3) + ", " + r.lon.toFixed(3) + (r.country ? " · " + r.country : "") : "not geocoded",
        r.geonames_id ? "GeoNames " + r.geonames_id : null] };
    }
    if (kind === "event") {
      r = EVT[id];
      return { title: r.trigger.text, kind: "event · " + r.type + (r.subtype ? "/" + r.subtype : ""), lines: [
        r.participants.map(function (p) { return entName(p.entity) + " (" + p.role + ")"; }).join(", ") || null,
        r.place && PLA[r.place] ? "at " + PLA[r.place].name : null,
        r.time && TIM[r.time] ? "when: " + TIM[r.time].text : (r.earliest || r.latest ? (r.earliest || "…") + " → " + (r.latest || "…") : null),
        r.polarity === "negative" ? "negated" : null,
        r.modality !== "actual" ? "modality: " + r.modality : null] };
    }
    if (kind === "relation") {
      r = REL[id];
      return { title: entName(r.subject) + " " + (r.polarity === "negative" ? "not " : "") + r.predicate + " " + entName(r.object),
        kind: "relation", lines: [r.modality !== "actual" ? "modality: " + r.modality : null,
        r.time && TIM[r.time] ? "when: " + TIM[r.time].text : null] };
    }
    if (kind === "claim") {
      r = CLM[id];
      return { title: clip(r.text, 140), kind: "claim · " + r.status, lines: [
        "check-worthiness " + Math.round(r.checkworthy * 100) + "%",
        r.source ? "source: " + entName(r.source) : null,
        r.cues.length ? "cues: " + r.cues.map(function (c) { return c.text + " (" + c.kind + ")"; }).join(", ") : null] };
    }
    return { title: id, kind: "", lines: [] };
  }

  function describeInto(node, id) {
    var d = describe(id);
    node.appendChild(el("span", { class: "d-kind" }, d.kind));
    node.appendChild(el("strong", { class: "d-title" }, d.title));
    d.lines.forEach(function (line) { if (line) node.appendChild(el("span", { class: "d-line" }, line)); });
  }

  /* ---------- article with evidence highlights ---------- */
  var SEGS = {};  // record id (or mention key) → segment elements
  var spans = [];
  function addSpan(start, end, id, kind, cls, key) {
    if (typeof start !== "number" || typeof end !== "number" || end <= start) return;
    spans.push({ start: Math.max(0, start), end: Math.min(BODY.length, end), id: id, kind: kind, cls: cls, key: key });
  }
  (A.claims || []).forEach(function (c) {
    addSpan(c.start, c.end, c.id, "claim", "hl-claim st-" + c.status);
    (c.cues || []).forEach(function (q) { addSpan(q.start, q.end, c.id, "cue", "hl-cue cue-" + q.kind); });
  });
  (A.relations || []).forEach(function (r) { if (r.evidence) addSpan(r.evidence.start, r.evidence.end, r.id, "relation", "hl-relation"); });
  (A.entities || []).forEach(function (e) {
    e.mentions.forEach(function (m, i) { addSpan(m.start, m.end, e.id, "entity", "hl-entity ty-" + e.type, e.id + "#" + i); });
  });
  (A.times || []).forEach(function (t) { addSpan(t.start, t.end, t.id, "time", "hl-time"); });
  (A.amounts || []).forEach(function (a) { addSpan(a.start, a.end, a.id, "amount", "hl-amount"); });
  (A.places || []).forEach(function (p) { addSpan(p.start, p.end, p.id, "place", "hl-place"); });
  (A.events || []).forEach(function (v) { if (v.trigger) addSpan(v.trigger.start, v.trigger.end, v.id, "event", "hl-event"); });

  function renderArticle() {
    var host = document.getElementById("article-text");
    var cuts = {};
    cuts[0] = true; cuts[BODY.length] = true;
    spans.forEach(function (s) { cuts[s.start] = true; cuts[s.end] = true; });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var byStart = spans.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var active = [];
    var next = 0;
    var frag = document.createDocumentFragment();
    for (var i = 0; i < points.length - 1; i++) {
      var a = points[i], b = points[i + 1];
      active = active.filter(function (s) { return s.end > a; });
      while (next < byStart.length && byStart[next].start <= a) {
        if (byStart[next].end > a) active.push(byStart[next]);
        next++;
      }
      var text = BODY.slice(a, b);
      if (!active.length) { frag.appendChild(document.createTextNode(text)); continue; }
      // Innermost record first: it is what the reader points at.
      var cover = active.slice().sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); });
      var classes = ["seg"], ids = [];
      cover.forEach(function (s) {
        s.cls.split(" ").forEach(function (c) { if (classes.indexOf(c) < 0) classes.push(c); });
        if (ids.indexOf(s.id) < 0) ids.push(s.id);
      });
      var seg = el("span", { class: classes.join(" "), "data-rec": ids.join(" ") }, text);
      cover.forEach(function (s) {
        (SEGS[s.id] = SEGS[s.id] || []).push(seg);
        if (s.key) (SEGS[s.key] = SEGS[s.key] || []).push(seg);
        if (s.start === a && s.kind !== "cue" && s.kind !== "relation") seg.setAttribute("tabindex", "0");
      });
      frag.appendChild(seg);
    }
    host.appendChild(frag);
  }

  var LAYERS = [
    ["claim", "claims", true], ["cue", "cues", true], ["entity", "actors", true], ["time", "times", true],
    ["amount", "amounts", true], ["place", "places", true], ["event", "event triggers", true],
    ["relation", "relation evidence", false]];
  function renderLayers() {
    var host = document.getElementById("layers");
    var text = document.getElementById("article-text");
    LAYERS.forEach(function (layer) {
      var id = "layer-" + layer[0];
      var box = el("input", { type: "checkbox", id: id });
      box.checked = layer[2];
      if (layer[2]) text.classList.add("show-" + layer[0]);
      box.addEventListener("change", function () { text.classList.toggle("show-" + layer[0], box.checked); });
      var label = el("label", { for: id, class: "layer lk-" + layer[0] });
      label.appendChild(box);
      label.appendChild(el("span", { class: "swatch" }));
      label.appendChild(document.createTextNode(layer[1]));
      host.appendChild(label);
    });
  }

  /* ---------- tooltip, panel, activation ---------- */
  var tip = document.getElementById("tooltip");
  function idsOf(node) { return (node.getAttribute("data-rec") || "").split(" ").filter(Boolean); }
  function showTip(node) {
    var ids = idsOf(node);
    if (!ids.length) return;
    clear(tip);
    ids.slice(0, 4).forEach(function (id) { var box = el("div", { class: "tip-rec" }); describeInto(box, id); tip.appendChild(box); });
    tip.hidden = false;
    var r = node.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 340));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
  }
  function hideTip() { tip.hidden = true; }

  var panel = document.getElementById("record-panel");
  function showPanel(ids) {
    clear(panel);
    ids.forEach(function (id) {
      var box = el("div", { class: "panel-rec" });
      describeInto(box, id);
      var links = related(id);
      if (links.length) {
        var ul = el("ul", { class: "links" });
        links.forEach(function (l) { var li = el("li"); li.appendChild(gotoButton(l, describe(l).kind.split(" ")[0] + ": " + clip(describe(l).title, 50))); ul.appendChild(li); });
        box.appendChild(ul);
      }
      panel.appendChild(box);
    });
  }
  function related(id) {
    var kind = KIND_OF[id], r, out = [];
    if (kind === "claim") { r = CLM[id]; out = [].concat(r.source ? [r.source] : [], r.entities, r.times, r.amounts, r.places); }
    else if (kind === "event") { r = EVT[id]; out = r.participants.map(function (p) { return p.entity; }).concat(r.place ? [r.place] : [], r.time ? [r.time] : [], r.claim ? [r.claim] : []); }
    else if (kind === "relation") { r = REL[id]; out = [r.subject, r.object].concat(r.time ? [r.time] : []); }
    else if (kind === "amount") { r = AMT[id]; out = [].concat(r.time ? [r.time] : [], r.part_of ? [r.part_of] : []); }
    else if (kind === "place") { r = PLA[id]; out = r.entity ? [r.entity] : []; }
    return out.filter(function (x, i) { return KIND_OF[x] && out.indexOf(x) === i && x !== id; });
  }

  function gotoButton(id, label, key) {
    var b = el("button", { type: "button", class: "goto k-" + (KIND_OF[id] || "x"), "data-goto": key || id }, label);
    return b;
  }

  var flashTimer = null;
  function activate(key) {
    var id = key.split("#")[0];
    var segs = SEGS[key] || SEGS[id] || [];
    document.querySelectorAll(".flash").forEach(function (n) { n.classList.remove("flash"); });
    if (flashTimer) clearTimeout(flashTimer);
    if (KIND_OF[id]) showPanel([id]);
    if (!segs.length) return false;
    segs.forEach(function (s) { s.classList.add("flash"); });
    flashTimer = setTimeout(function () { segs.forEach(function (s) { s.classList.remove("flash"); }); }, 2600);
    segs[0].scrollIntoView({ behavior: REDUCED ? "auto" : "smooth", block: "center" });
    return true;
  }
  window.newsgraphActivate = activate;  // lets a reader (or a test) jump to a record from the console

  function wireGlobal() {
    var text = document.getElementById("article-text");
    text.addEventListener("mouseover", function (e) { var s = e.target.closest(".seg"); if (s) showTip(s); });
    text.addEventListener("mouseout", function (e) { if (e.target.closest(".seg")) hideTip(); });
    text.addEventListener("focusin", function (e) { var s = e.target.closest(".seg"); if (s) showTip(s); });
    text.addEventListener("focusout", hideTip);
    text.addEventListener("keydown", function (e) {
      var s = e.target.closest(".seg");
      if (s && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); showPanel(idsOf(s)); }
    });
    text.addEventListener("click", function (e) { var s = e.target.closest(".seg"); if (s) showPanel(idsOf(s)); });
    document.addEventListener("click", function (e) {
      var g = e.target.closest("[data-goto]");
      if (g) { e.preventDefault(); activate(g.getAttribute("data-goto")); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") hideTip();
      var g = e.target.closest && e.target.closest("[data-goto]");
      if (g && g.tagName !== "BUTTON" && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); activate(g.getAttribute("data-goto")); }
    });
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    });
  }

  /* ---------- pan and zoom shared by the SVG charts ---------- */
  function zoomButtons(host, onZoom, onReset, label) {
    var g = el("span", { class: "zoom", role: "group", "aria-label": label + " zoom" });
    var zin = el("button", { type: "button", "aria-label": "Zoom in" }, "+");
    var zout = el("button", { type: "button", "aria-label": "Zoom out" }, "−");
    var reset = el("button", { type: "button" }, "Reset view");
    zin.addEventListener("click", function () { onZoom(1.5); });
    zout.addEventListener("click", function () { onZoom(1 / 1.5); });
    reset.addEventListener("click", onReset);
    g.appendChild(zin); g.appendChild(zout); g.appendChild(reset);
    host.appendChild(g);
  }
  function dragPan(svg, onPan, isBackground) {
    var last = null;
    svg.addEventListener("pointerdown", function (e) {
      if (isBackground && !isBackground(e.target)) return;
      last = [e.clientX, e.clientY];
      svg.setPointerCapture(e.pointerId);
      svg.classList.add("panning");
    });
    svg.addEventListener("pointermove", function (e) {
      if (!last) return;
      onPan(e.clientX - last[0], e.clientY - last[1]);
      last = [e.clientX, e.clientY];
    });
    function end() { last = null; svg.classList.remove("panning"); }
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
  }
  function keyActivate(node, fn) {
    node.addEventListener("click", fn);
    node.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fn(e); } });
  }

  /* ---------- timeline ---------- */
  var DAY = 86400000;
  function ms(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function renderTimeline() {
    var items = V.timeline;
    var host = document.getElementById("timeline-chart");
    var controls = document.getElementById("timeline-controls");
    if (!items.length) { host.appendChild(el("p", { class: "muted empty" }, "No dated events or claims.")); return; }
    var ref = V.reference.date;
    var lo = Math.min.apply(null, items.map(function (i) { return ms(i.start); }));
    var hi = Math.max.apply(null, items.map(function (i) { return ms(i.end) + DAY; }));
    if (ref && ms(ref) > hi && ms(ref) - hi < (hi - lo)) hi = ms(ref) + DAY;
    var pad = Math.max((hi - lo) * 0.05, 30 * DAY);
    var home = [lo - pad, hi + pad];
    var view = home.slice();
    var groupBy = "actor";

    var sel = el("select", { id: "tl-group", "aria-label": "Group the timeline by" });
    [["actor", "Group by actor"], ["place", "Group by place"], ["none", "No grouping"]].forEach(function (o) {
      sel.appendChild(el("option", { value: o[0] }, o[1]));
    });
    sel.addEventListener("change", function () { groupBy = sel.value; draw(); });
    controls.appendChild(sel);
    zoomButtons(controls, function (f) { zoomAt(f, 0.5); }, function () { view = home.slice(); draw(); }, "Timeline");
    var legend = el("span", { class: "legend" });
    legend.appendChild(el("span", { class: "lg lg-event" }, "event"));
    legend.appendChild(el("span", { class: "lg lg-claim" }, "dated claim"));
    legend.appendChild(el("span", { class: "lg lg-fuzzy" }, "faded end = vague bound"));
    controls.appendChild(legend);

    var svg = sv("svg", { class: "timeline-svg", role: "img", "aria-label": "Timeline of " + items.length + " dated items" });
    host.appendChild(svg);
    var width = 0, LEFT = 150, RIGHT = 20, ROW = 22, TOP = 30;

    function x(t) { return LEFT + (t - view[0]) / (view[1] - view[0]) * (width - LEFT - RIGHT); }
    function zoomAt(f, frac) {
      var c = view[0] + (view[1] - view[0]) * frac;
      var span = Math.max((view[1] - view[0]) / f, 2 * DAY);
      view = [c - span * frac, c + span * (1 - frac)];
      draw();
    }
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = svg.getBoundingClientRect();
      var frac = Math.min(1, Math.max(0, (e.clientX - r.left - LEFT) / (width - LEFT - RIGHT)));
      zoomAt(e.deltaY < 0 ? 1.25 : 0.8, frac);
    }, { passive: false });
    dragPan(svg, function (dx) {
      var shift = dx / (width - LEFT - RIGHT) * (view[1] - view[0]);
      view = [view[0] - shift, view[1] - shift];
      draw();
    }, function (t) { return !t.closest(".tl-item"); });

    function defs() {
      var d = sv("defs");
      ["event", "claim"].forEach(function (kind) {
        [["l", true, false], ["r", false, true], ["b", true, true]].forEach(function (f) {
          var g = sv("linearGradient", { id: "fade-" + kind + "-" + f[0], x1: 0, x2: 1, y1: 0, y2: 0 });
          g.appendChild(sv("stop", { offset: "0", class: "stop-" + kind, "stop-opacity": f[1] ? 0.08 : 1 }));
          g.appendChild(sv("stop", { offset: "0.25", class: "stop-" + kind, "stop-opacity": 1 }));
          g.appendChild(sv("stop", { offset: "0.75", class: "stop-" + kind, "stop-opacity": 1 }));
          g.appendChild(sv("stop", { offset: "1", class: "stop-" + kind, "stop-opacity": f[2] ? 0.08 : 1 }));
          d.appendChild(g);
        });
      });
      return d;
    }

    function ticks() {
      var span = view[1] - view[0];
      var out = [];
      var start = new Date(view[0]), years = span / (365.25 * DAY);
      var px = width - LEFT - RIGHT;
      if (years > 2.5) {
        var step = [1, 2, 5, 10, 20, 50, 100].find(function (s) { return px / (years / s) > 60; }) || 100;
        for (var y = Math.ceil(start.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) < view[1]; y += step) out.push([Date.UTC(y, 0, 1), String(y)]);
      } else if (span > 60 * DAY) {
        var months = span / (30.44 * DAY);
        var mstep = [1, 2, 3, 6].find(function (s) { return px / (months / s) > 60; }) || 12;
        var d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
        for (; d.getTime() < view[1]; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + mstep, 1))) {
          out.push([d.getTime(), d.toISOString().slice(0, 7)]);
        }
      } else {
        var days = span / DAY;
        var dstep = [1, 2, 7, 14].find(function (s) { return px / (days / s) > 70; }) || 14;
        for (var t = Math.ceil(view[0] / DAY) * DAY; t < view[1]; t += dstep * DAY) out.push([t, new Date(t).toISOString().slice(0, 10)]);
      }
      return out;
    }

    function laneOf(item) {
      if (groupBy === "none") return "";
      return (groupBy === "actor" ? item.actor : item.place) || "(unknown)";
    }

    function draw() {
      width = Math.max(640, host.clientWidth || 900);
      clear(svg);
      svg.appendChild(defs());
      var lanes = [], laneRows = {};
      items.forEach(function (it) { var l = laneOf(it); if (lanes.indexOf(l) < 0) lanes.push(l); });
      // Lanes follow the date of their first item; the items with no actor or place go last.
      lanes.sort(function (a, b) { return (a === "(unknown)") - (b === "(unknown)"); });
      // Pack each lane's items into rows so labels do not overlap at the current zoom.
      var placed = [];
      var y = TOP;
      lanes.forEach(function (lane, li) {
        var rowsEnd = [];
        items.forEach(function (it) {
          if (laneOf(it) !== lane) return;
          var x0 = x(ms(it.start)), x1 = Math.max(x(ms(it.end) + DAY), x0 + 6);
          var labelEnd = x1 + 6 + Math.min(200, 7 * (it.label.length + 2 + Math.min(it.text.length, 24)));
          var labelW = labelEnd - x1;
          var from = labelEnd > width - RIGHT ? x0 - labelW : x0;
          var row = rowsEnd.findIndex(function (end) { return end < from - 4; });
          if (row < 0) { row = rowsEnd.length; rowsEnd.push(0); }
          rowsEnd[row] = labelEnd > width - RIGHT ? x1 : labelEnd;
          placed.push({ it: it, x0: x0, x1: x1, y: y + row * ROW, labelEnd: labelEnd });
        });
        laneRows[lane] = [y, Math.max(1, rowsEnd.length)];
        if (li % 2 === 1) svg.appendChild(sv("rect", { class: "lane-bg", x: 0, y: y - 4, width: width, height: laneRows[lane][1] * ROW + 4 }));
        y += laneRows[lane][1] * ROW + 8;
      });
      var height = y + 10;
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      svg.setAttribute("width", width);
      svg.setAttribute("height", height);
      var axis = sv("g", { class: "axis" });
      ticks().forEach(function (t) {
        var tx = x(t[0]);
        if (tx < LEFT || tx > width - RIGHT) return;
        axis.appendChild(sv("line", { x1: tx, x2: tx, y1: TOP - 8, y2: height - 6, class: "tick" }));
        axis.appendChild(sv("text", { x: tx + 3, y: TOP - 14, class: "tick-label" }, t[1]));
      });
      if (ref && x(ms(ref)) > LEFT && x(ms(ref)) < width - RIGHT) {
        axis.appendChild(sv("line", { x1: x(ms(ref)), x2: x(ms(ref)), y1: TOP - 8, y2: height - 6, class: "ref-line" }));
        axis.appendChild(sv("text", { x: x(ms(ref)) - 3, y: height - 10, class: "ref-label", "text-anchor": "end" }, "reference date " + ref));
      }
      svg.appendChild(axis);
      lanes.forEach(function (lane) {
        if (lane) svg.appendChild(sv("text", { class: "lane-label", x: 6, y: laneRows[lane][0] + 12 }, clip(lane, 22)));
      });
      svg.appendChild(sv("rect", { class: "plot-edge", x: LEFT - 2, y: TOP - 8, width: 1, height: height - TOP }));
      // Zoomed in, items leave the plot: clip them so they never run over the lane names.
      var clipper = sv("clipPath", { id: "tl-clip" });
      clipper.appendChild(sv("rect", { x: LEFT, y: 0, width: Math.max(0, width - LEFT), height: height }));
      svg.firstChild.appendChild(clipper);
      var g = sv("g", { class: "items", "clip-path": "url(#tl-clip)" });
      placed.forEach(function (p) {
        var it = p.it;
        var node = sv("g", { class: "tl-item tl-" + it.kind, "data-kind": it.kind, "data-id": it.id, tabindex: 0, role: "button",
          "aria-label": it.kind + " " + it.label + ": " + clip(it.text, 80) + ", " + it.start + " to " + it.end });
        var cy = p.y + 8;
        var fuzz = it.fuzzy_start || it.open_start ? (it.fuzzy_end || it.open_end ? "b" : "l") : (it.fuzzy_end || it.open_end ? "r" : "");
        if (it.point && p.x1 - p.x0 < 8) {
          if (fuzz) node.appendChild(sv("circle", { cx: p.x0 + 3, cy: cy, r: 9, class: "halo" }));
          if (it.kind === "claim") node.appendChild(sv("path", { d: "M" + (p.x0 + 3) + " " + (cy - 6) + "l6 6l-6 6l-6 -6z", class: "mark" }));
          else node.appendChild(sv("circle", { cx: p.x0 + 3, cy: cy, r: 5, class: "mark" }));
        } else {
          var bar = sv("rect", { x: p.x0, y: cy - 5, width: Math.max(6, p.x1 - p.x0), height: 10, rx: 2, class: "bar" });
          // An inline CSSOM fill outranks the stylesheet's solid colour (and CSP allows CSSOM styling).
          if (fuzz) bar.style.fill = "url(#fade-" + it.kind + "-" + fuzz + ")";
          node.appendChild(bar);
          if (it.open_end) node.appendChild(sv("path", { d: "M" + p.x1 + " " + (cy - 5) + "l7 5l-7 5z", class: "open-arrow" }));
          if (it.open_start) node.appendChild(sv("path", { d: "M" + p.x0 + " " + (cy - 5) + "l-7 5l7 5z", class: "open-arrow" }));
        }
        // A label that would run off the right edge goes to the left of its mark instead.
        var flip = p.labelEnd > width - RIGHT;
        node.appendChild(sv("text", { x: flip ? p.x0 - 6 : Math.max(p.x1, p.x0 + 8) + 6, y: cy + 4, class: "item-label",
          "text-anchor": flip ? "end" : "start" }, it.label + ": " + clip(it.text, 24)));
        node.addEventListener("mouseenter", function () { showItemTip(node, it); });
        node.addEventListener("mouseleave", hideTip);
        node.addEventListener("focus", function () { showItemTip(node, it); });
        node.addEventListener("blur", hideTip);
        keyActivate(node, function () { activate(it.id); });
        g.appendChild(node);
      });
      svg.appendChild(g);
    }
    function showItemTip(node, it) {
      clear(tip);
      var box = el("div", { class: "tip-rec" });
      describeInto(box, it.id);
      box.appendChild(el("span", { class: "d-line" }, (it.open_start ? "open … " : "") + it.start + " → " + it.end + (it.open_end ? " … open" : "") +
        (it.fuzzy_start || it.fuzzy_end ? " (vague " + [it.fuzzy_start ? "start" : "", it.fuzzy_end ? "end" : ""].filter(Boolean).join(" and ") + ")" : "")));
      if (it.time_text) box.appendChild(el("span", { class: "d-line" }, "from: " + it.time_text));
      tip.appendChild(box);
      tip.hidden = false;
      var r = node.getBoundingClientRect();
      tip.style.top = (window.scrollY + r.bottom + 6) + "px";
      tip.style.left = Math.max(8, window.scrollX + r.left) + "px";
    }
    draw();
    window.addEventListener("resize", draw);
  }

  /* ---------- map ---------- */
  function renderMap() {
    var host = document.getElementById("map-chart");
    var controls = document.getElementById("map-controls");
    var side = document.getElementById("map-panel");
    side.appendChild(el("p", { class: "muted" }, "Click or press Enter on a place to list its mentions and events."));
    var markers = V.markers;
    var svg = sv("svg", { class: "map-svg", role: "img", "aria-label": "Map with " + markers.length + " places" });
    host.appendChild(svg);
    var W = 900, H = 450;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    var home;
    if (markers.length) {
      var lons = markers.map(function (m) { return m.lon; }), lats = markers.map(function (m) { return m.lat; });
      var x0 = Math.min.apply(null, lons), x1 = Math.max.apply(null, lons);
      var y0 = -Math.max.apply(null, lats), y1 = -Math.min.apply(null, lats);
      var w = Math.max(24, (x1 - x0) * 1.6), h = Math.max(12, (y1 - y0) * 1.6);
      if (w / h > 2) h = w / 2; else w = h * 2;
      home = [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
    } else {
      home = [-180, -90, 360, 180];
    }
    var view = home.slice();
    var root = sv("g", { class: "map-root" });
    svg.appendChild(sv("rect", { class: "sea", x: 0, y: 0, width: W, height: H }));
    svg.appendChild(root);
    var geo = sv("g", { class: "geo" });
    var grat = sv("g", { class: "graticule" });
    for (var lon = -180; lon <= 180; lon += 15) grat.appendChild(sv("path", { d: "M" + lon + " -90V90" }));
    for (var lat = -75; lat <= 75; lat += 15) grat.appendChild(sv("path", { d: "M-180 " + lat + "H180" }));
    geo.appendChild(grat);
    var countries = sv("g", { class: "countries" });
    (DATA.world || []).forEach(function (c) {
      var p = sv("path", { d: c.d, class: "country" });
      p.appendChild(sv("title", null, c.name));
      countries.appendChild(p);
    });
    geo.appendChild(countries);
    root.appendChild(geo);
    var marks = sv("g", { class: "markers" });
    root.appendChild(marks);
    var maxMentions = Math.max.apply(null, [1].concat(markers.map(function (m) { return m.mentions; })));

    function scale() { return W / view[2]; }  // pixels of the 900-wide viewBox per degree
    function apply() {
      var k = scale();
      root.setAttribute("transform", "scale(" + k + ") translate(" + (-view[0]) + " " + (-view[1]) + ")");
      clear(marks);
      // Labels of the most mentioned places first; a label that would overlap one already placed
      // moves to the left of its dot, or is left out (the dot keeps its name for hover and focus).
      var boxes = [];
      function free(b) { return !boxes.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; }); }
      var labelSide = {};
      markers.slice().sort(function (a, b) { return b.mentions - a.mentions; }).forEach(function (m) {
        var r = 5 + 13 * Math.sqrt(m.mentions / maxMentions), w = 7 * m.name.length, px = (m.lon - view[0]) * k, py = (-m.lat - view[1]) * k;
        var right = [px + r + 3, py - r - 12, px + r + 3 + w, py - r + 2], left = [px - r - 3 - w, py - r - 12, px - r - 3, py - r + 2];
        if (free(right)) { boxes.push(right); labelSide[m.key] = 1; } else if (free(left)) { boxes.push(left); labelSide[m.key] = -1; } else { labelSide[m.key] = 0; }
      });
      markers.forEach(function (m) {
        var r = (5 + 13 * Math.sqrt(m.mentions / maxMentions)) / k;
        var g = sv("g", { class: "map-marker", "data-key": m.key, tabindex: 0, role: "button",
          "aria-label": m.name + ", " + m.mentions + " mention" + (m.mentions === 1 ? "" : "s") + (m.events.length ? ", " + m.events.length + " events" : "") });
        g.appendChild(sv("circle", { cx: m.lon, cy: -m.lat, r: r, class: "dot", "stroke-width": 1.5 / k }));
        m.events.forEach(function (id, i) {
          var ang = -Math.PI / 2 + i * 2 * Math.PI / Math.max(m.events.length, 1);
          var ex = m.lon + Math.cos(ang) * (r + 5 / k), ey = -m.lat + Math.sin(ang) * (r + 5 / k), s = 3.5 / k;
          var ev = sv("path", { d: "M" + ex + " " + (ey - s) + "l" + s + " " + s + "l" + (-s) + " " + s + "l" + (-s) + " " + (-s) + "z", class: "event-glyph", "data-event": id, "stroke-width": 0.8 / k });
          g.appendChild(ev);
        });
        if (labelSide[m.key]) {
          g.appendChild(sv("text", { x: m.lon + labelSide[m.key] * (r + 3 / k), y: -m.lat - r, class: "marker-label", "font-size": 12 / k,
            "stroke-width": 3 / k, "text-anchor": labelSide[m.key] > 0 ? "start" : "end" }, m.name));
        }
        g.appendChild(sv("title", null, m.name));
        keyActivate(g, function () { showMarker(m); });
        marks.appendChild(g);
      });
    }
    function showMarker(m) {
      clear(side);
      side.appendChild(el("h3", null, m.name));
      side.appendChild(el("p", { class: "muted" }, [m.feature, m.country, m.lat.toFixed(3) + ", " + m.lon.toFixed(3)].filter(Boolean).join(" · ")));
      side.appendChild(el("h4", null, "Mentions (" + m.places.length + ")"));
      var ul = el("ul", { class: "links" });
      m.places.forEach(function (id) { var li = el("li"); li.appendChild(gotoButton(id, "“" + clip(PLA[id].text, 40) + "” at " + PLA[id].start)); ul.appendChild(li); });
      side.appendChild(ul);
      if (m.events.length) {
        side.appendChild(el("h4", null, "Events here (" + m.events.length + ")"));
        var ue = el("ul", { class: "links" });
        m.events.forEach(function (id) { var li = el("li"); li.appendChild(gotoButton(id, describe(id).kind + ": " + EVT[id].trigger.text)); ue.appendChild(li); });
        side.appendChild(ue);
      }
    }
    function zoom(f, cx, cy) {
      cx = cx === undefined ? view[0] + view[2] / 2 : cx;
      cy = cy === undefined ? view[1] + view[3] / 2 : cy;
      var w = Math.min(360, Math.max(2, view[2] / f));
      var h = w / 2;
      view = [cx - (cx - view[0]) * w / view[2], cy - (cy - view[1]) * h / view[3], w, h];
      apply();
    }
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = svg.getBoundingClientRect();
      var cx = view[0] + (e.clientX - r.left) / r.width * view[2];
      var cy = view[1] + (e.clientY - r.top) / r.height * view[3];
      zoom(e.deltaY < 0 ? 1.25 : 0.8, cx, cy);
    }, { passive: false });
    dragPan(svg, function (dx, dy) {
      var r = svg.getBoundingClientRect();
      view = [view[0] - dx / r.width * view[2], view[1] - dy / r.height * view[3], view[2], view[3]];
      apply();
    }, function (t) { return !t.closest(".map-marker"); });
    zoomButtons(controls, function (f) { zoom(f); }, function () { view = home.slice(); apply(); }, "Map");
    var world = el("button", { type: "button" }, "Whole world");
    world.addEventListener("click", function () { view = [-180, -90, 360, 180]; apply(); });
    controls.appendChild(world);
    var unplaced = (A.places || []).filter(function (p) { return p.lat === null || p.lat === undefined; });
    controls.appendChild(el("span", { class: "muted" }, markers.length + " located place" + (markers.length === 1 ? "" : "s") +
      (unplaced.length ? ", " + unplaced.length + " mention" + (unplaced.length === 1 ? "" : "s") + " not geocoded" : "") + "; ◆ = event there"));
    apply();
  }

  /* ---------- link chart ---------- */
  var TYPE_COLORS = { PERSON: "#1f5fa8", ORG: "#b3401b", GPE: "#2e7d32", NORP: "#7b3fa0", LOC: "#00796b", FAC: "#795548", EVENT: "#c2185b", LAW: "#5d4037" };
  function typeColor(t) { return TYPE_COLORS[t] || "#555"; }

  function layout(nodes, edges, W, H) {
    // A small force layout (Fruchterman–Reingold): repulsion between all nodes, springs along edges,
    // a pull to the centre. Deterministic start (a circle) so one article always gives one picture.
    // The all-pairs step is O(n²), so big charts get fewer, longer steps: about 3M pair visits in all.
    var n = nodes.length, index = {};
    var x = new Float64Array(n), y = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
    nodes.forEach(function (nd, i) {
      var a = 2 * Math.PI * i / Math.max(n, 1);
      index[nd.id] = i;
      x[i] = W / 2 + Math.cos(a) * W / 3;
      y[i] = H / 2 + Math.sin(a) * H / 3;
    });
    var links = edges.map(function (e) { return [index[e.source], index[e.target]]; });
    var k = Math.sqrt(W * H / Math.max(n, 1)) * 0.6, k2 = k * k;
    var steps = Math.max(50, Math.min(300, Math.round(3e6 / Math.max(1, n * n))));
    for (var step = 0; step < steps; step++) {
      var temp = (W / 10) * (1 - step / steps) + 1;
      dx.fill(0); dy.fill(0);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var ddx = x[i] - x[j], ddy = y[i] - y[j], d2 = ddx * ddx + ddy * ddy || 0.01;
          var f = k2 / d2;  // (k²/d) along the unit vector = k²·(dx,dy)/d²
          dx[i] += ddx * f; dy[i] += ddy * f; dx[j] -= ddx * f; dy[j] -= ddy * f;
        }
      }
      for (var l = 0; l < links.length; l++) {
        var s = links[l][0], t = links[l][1];
        if (s === t) continue;
        var ex = x[s] - x[t], ey = y[s] - y[t], d = Math.sqrt(ex * ex + ey * ey) || 0.01;
        var g = d / k;  // (d²/k) along the unit vector
        dx[s] -= ex * g; dy[s] -= ey * g; dx[t] += ex * g; dy[t] += ey * g;
      }
      for (var m = 0; m < n; m++) {
        var vx = dx[m] + (W / 2 - x[m]) * 0.005 * k, vy = dy[m] + (H / 2 - y[m]) * 0.005 * k;
        var len = Math.sqrt(vx * vx + vy * vy) || 1, mv = Math.min(len, temp) / len;
        x[m] = Math.min(W - 40, Math.max(40, x[m] + vx * mv));
        y[m] = Math.min(H - 30, Math.max(30, y[m] + vy * mv));
      }
    }
    // Stretch the result to the frame (at most 3×): the centre pull leaves a small graph huddled.
    var x0 = Math.min.apply(null, x), x1 = Math.max.apply(null, x), y0 = Math.min.apply(null, y), y1 = Math.max.apply(null, y);
    var sx = Math.min(3, (W - 200) / Math.max(x1 - x0, 1)), sy = Math.min(3, (H - 100) / Math.max(y1 - y0, 1));
    var pos = {};
    nodes.forEach(function (nd, i) {
      pos[nd.id] = { x: W / 2 + (x[i] - (x0 + x1) / 2) * sx, y: H / 2 + (y[i] - (y0 + y1) / 2) * sy };
    });
    return pos;
  }

  // The page styles the chart from its stylesheet; an exported SVG carries these rules itself (added to
  // the detached copy only: a <style> element in the live page would be refused by the CSP).
  var GRAPH_STYLE = ".graph-edge path{fill:none;stroke:#666;stroke-width:1.5}.graph-edge.neg path{stroke:#c62828}" +
    ".graph-edge.modal path{stroke-dasharray:5 4}.edge-label{font:11px sans-serif;fill:#333;paint-order:stroke;stroke:#fff;stroke-width:3px}" +
    ".graph-node circle{stroke:#fff;stroke-width:2}.node-label{font:12px sans-serif;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}" +
    ".graph-edge.hidden,.graph-node.hidden{display:none}";

  function renderGraph() {
    var G = V.graph;
    var host = document.getElementById("graph-chart");
    var controls = document.getElementById("graph-controls");
    var side = document.getElementById("graph-panel");
    if (!G.nodes.length) { host.appendChild(el("p", { class: "muted empty" }, "No relations between actors were found.")); return; }
    var W = 900, H = Math.max(420, Math.min(900, 120 * Math.sqrt(G.nodes.length) + 200));
    var pos = layout(G.nodes, G.edges, W, H);
    var svg = sv("svg", { class: "graph-svg", viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Link chart: " + G.nodes.length + " actors, " + G.edges.length + " relations", xmlns: SVGNS });
    var defs = sv("defs");
    [["arrow", "#666"], ["arrow-neg", "#c62828"]].forEach(function (m) {
      var mk = sv("marker", { id: m[0], viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
      mk.appendChild(sv("path", { d: "M0 0L10 5L0 10z", fill: m[1] }));
      defs.appendChild(mk);
    });
    svg.appendChild(defs);
    svg.appendChild(sv("rect", { class: "graph-bg", x: 0, y: 0, width: W, height: H, fill: "#fff" }));
    var vp = sv("g", { class: "viewport" });
    svg.appendChild(vp);
    host.appendChild(svg);
    var zk = 1, ztx = 0, zty = 0;
    function applyZoom() { vp.setAttribute("transform", "translate(" + ztx + " " + zty + ") scale(" + zk + ")"); }
    var radius = {};
    G.nodes.forEach(function (n) { radius[n.id] = 7 + 3 * Math.sqrt(n.mentions); });
    // Parallel edges between one pair bend apart so each label stays readable.
    var pairCount = {}, pairIndex = {};
    G.edges.forEach(function (e) { var key = [e.source, e.target].sort().join("|"); pairCount[key] = (pairCount[key] || 0) + 1; });
    var edgeNodes = G.edges.map(function (e) {
      var key = [e.source, e.target].sort().join("|");
      pairIndex[key] = (pairIndex[key] || 0) + 1;
      var bend = (pairIndex[key] - (pairCount[key] + 1) / 2) * 56 * (e.source < e.target ? 1 : -1);
      if (e.source === e.target) bend = 0;
      var g = sv("g", { class: "graph-edge" + (e.polarity === "negative" ? " neg" : "") + (e.modality !== "actual" ? " modal" : ""), "data-id": e.id, "data-predicate": e.predicate, tabindex: 0, role: "button",
        "aria-label": entName(e.source) + " " + (e.polarity === "negative" ? "not " : "") + e.predicate + " " + entName(e.target) });
      var path = sv("path", { "marker-end": e.polarity === "negative" ? "url(#arrow-neg)" : "url(#arrow)" });
      var label = sv("text", { class: "edge-label", "text-anchor": "middle" },
        (e.polarity === "negative" ? "not " : "") + e.predicate + (e.modality !== "actual" ? " (" + e.modality + ")" : "") + (e.time_text ? " · " + clip(e.time_text, 20) : ""));
      g.appendChild(path); g.appendChild(label);
      keyActivate(g, function () { activate(e.id); });
      vp.appendChild(g);
      return { e: e, g: g, path: path, label: label, bend: bend };
    });
    function placeEdge(x) {
      var p = pos[x.e.source], q = pos[x.e.target];
      if (x.e.source === x.e.target) {
        var r0 = radius[x.e.source];
        x.path.setAttribute("d", "M" + (p.x - 4) + " " + (p.y - r0) + "c-30 -50 38 -50 8 0");
        x.label.setAttribute("x", p.x); x.label.setAttribute("y", p.y - r0 - 40);
        return;
      }
      var dx = q.x - p.x, dy = q.y - p.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var mx = (p.x + q.x) / 2 - dy / d * x.bend, my = (p.y + q.y) / 2 + dx / d * x.bend;
      // Stop the arrow at the target circle's rim, along the curve's last tangent.
      var tx = q.x - mx, ty = q.y - my, tl = Math.sqrt(tx * tx + ty * ty) || 1;
      var ex = q.x - tx / tl * (radius[x.e.target] + 2), ey = q.y - ty / tl * (radius[x.e.target] + 2);
      x.path.setAttribute("d", "M" + p.x + " " + p.y + "Q" + mx + " " + my + " " + ex + " " + ey);
      x.label.setAttribute("x", (p.x + 2 * mx + q.x) / 4);
      x.label.setAttribute("y", (p.y + 2 * my + q.y) / 4 - 3);
    }
    var nodeEls = G.nodes.map(function (n) {
      var g = sv("g", { class: "graph-node", "data-id": n.id, tabindex: 0, role: "button", "aria-label": n.name + " (" + n.type + "), " + n.mentions + " mentions" });
      g.appendChild(sv("circle", { r: radius[n.id], fill: typeColor(n.type) }));
      g.appendChild(sv("text", { class: "node-label", "text-anchor": "middle", y: radius[n.id] + 14 }, clip(n.name, 28)));
      vp.appendChild(g);
      keyActivate(g, function () { if (!g.classList.contains("dragged")) showNode(n); });
      // Dragging a node moves it and its edges; a click without movement selects it.
      var start = null;
      g.addEventListener("pointerdown", function (e) {
        e.stopPropagation();
        start = [e.clientX, e.clientY];
        g.classList.remove("dragged");
        g.setPointerCapture(e.pointerId);
      });
      g.addEventListener("pointermove", function (e) {
        if (!start) return;
        var r = svg.getBoundingClientRect(), s = W / r.width / zk;
        var dx = (e.clientX - start[0]) * s, dy = (e.clientY - start[1]) * s;
        if (Math.abs(dx) + Math.abs(dy) > 2) g.classList.add("dragged");
        pos[n.id].x += dx; pos[n.id].y += dy;
        start = [e.clientX, e.clientY];
        placeAll();
      });
      g.addEventListener("pointerup", function () { start = null; setTimeout(function () { g.classList.remove("dragged"); }, 0); });
      return { n: n, g: g };
    });
    function placeAll() {
      edgeNodes.forEach(placeEdge);
      nodeEls.forEach(function (x) { x.g.setAttribute("transform", "translate(" + pos[x.n.id].x + " " + pos[x.n.id].y + ")"); });
    }
    placeAll();
    applyZoom();
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = svg.getBoundingClientRect();
      var px = (e.clientX - r.left) * W / r.width, py = (e.clientY - r.top) * H / r.height;
      var f = e.deltaY < 0 ? 1.2 : 1 / 1.2;
      ztx = px - (px - ztx) * f; zty = py - (py - zty) * f; zk *= f;
      applyZoom();
    }, { passive: false });
    dragPan(svg, function (dx, dy) { var r = svg.getBoundingClientRect(); ztx += dx * W / r.width; zty += dy * H / r.height; applyZoom(); },
      function (t) { return !t.closest(".graph-node") && !t.closest(".graph-edge"); });
    zoomButtons(controls, function (f) { ztx = W / 2 - (W / 2 - ztx) * f; zty = H / 2 - (H / 2 - zty) * f; zk *= f; applyZoom(); },
      function () { zk = 1; ztx = 0; zty = 0; applyZoom(); }, "Link chart");

    var filt = el("fieldset", { class: "filter" });
    filt.appendChild(el("legend", null, "Relation types"));
    G.predicates.forEach(function (p) {
      var id = "rel-" + p.replace(/[^A-Za-z0-9_-]/g, "_");
      var box = el("input", { type: "checkbox", id: id, "data-predicate": p });
      box.checked = true;
      box.addEventListener("change", refilter);
      var lab = el("label", { for: id });
      lab.appendChild(box);
      lab.appendChild(document.createTextNode(p));
      filt.appendChild(lab);
    });
    controls.appendChild(filt);
    function refilter() {
      var on = {};
      filt.querySelectorAll("input").forEach(function (b) { on[b.getAttribute("data-predicate")] = b.checked; });
      var visible = {};
      edgeNodes.forEach(function (x) {
        var show = on[x.e.predicate] !== false;
        x.g.classList.toggle("hidden", !show);
        if (show) { visible[x.e.source] = true; visible[x.e.target] = true; }
      });
      nodeEls.forEach(function (x) { x.g.classList.toggle("faded", !visible[x.n.id]); });
    }

    var exp = el("span", { class: "exports" });
    var bSvg = el("button", { type: "button" }, "Export SVG");
    var bPng = el("button", { type: "button" }, "Export PNG");
    bSvg.addEventListener("click", function () { download(new Blob([svgText(svg)], { type: "image/svg+xml" }), "newsgraph-links.svg"); });
    bPng.addEventListener("click", function () { svgToPng(svg, W, H, function (blob) { download(blob, "newsgraph-links.png"); }); });
    exp.appendChild(bSvg); exp.appendChild(bPng);
    controls.appendChild(exp);

    var legend = el("p", { class: "legend" });
    Object.keys(TYPE_COLORS).forEach(function (t) {
      if (!G.nodes.some(function (n) { return n.type === t; })) return;
      var s = el("span", { class: "lg" });
      var dot = el("span", { class: "dot" });
      dot.style.background = TYPE_COLORS[t];
      s.appendChild(dot); s.appendChild(document.createTextNode(t));
      legend.appendChild(s);
    });
    legend.appendChild(el("span", { class: "lg" }, "red = negated · dashed = not actual (future, hypothetical, uncertain)"));
    host.appendChild(legend);

    function showNode(n) {
      clear(side);
      side.appendChild(el("h3", null, n.name));
      var ent = ENT[n.id];
      side.appendChild(el("p", { class: "muted" }, n.type + (ent.titles.length ? " · " + ent.titles.join("; ") : "")));
      var idx = V.entity_index[n.id] || { events: [], claims: [], money: [] };
      function list(title, items, label) {
        side.appendChild(el("h4", null, title + " (" + items.length + ")"));
        if (!items.length) return;
        var ul = el("ul", { class: "links" });
        items.forEach(function (x) { var li = el("li"); li.appendChild(gotoButton(x.id, label(x), x.key)); ul.appendChild(li); });
        side.appendChild(ul);
      }
      list("Mentions", ent.mentions.map(function (m, i) { return { id: n.id, key: n.id + "#" + i, m: m }; }), function (x) { return "“" + clip(x.m.text, 40) + "” at " + x.m.start; });
      list("Events", idx.events.map(function (id) { return { id: id }; }), function (x) { return describe(x.id).kind + ": " + EVT[x.id].trigger.text; });
      list("Claims", idx.claims.map(function (id) { return { id: id }; }), function (x) { return CLM[x.id].status + ": " + clip(CLM[x.id].text, 60); });
      list("Money", idx.money.map(function (id) { return { id: id }; }), function (x) {
        var row = ROWS[x.id];
        return row.text + " · " + (row.payer_name || "?") + " → " + (row.payee_name || "?");
      });
    }
  }

  /* ---------- exports ---------- */
  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }
  function svgText(svg) {
    var copy = svg.cloneNode(true);
    copy.setAttribute("xmlns", SVGNS);
    copy.setAttribute("width", svg.viewBox.baseVal.width);
    copy.setAttribute("height", svg.viewBox.baseVal.height);
    copy.querySelectorAll("[tabindex]").forEach(function (n) { n.removeAttribute("tabindex"); });
    copy.insertBefore(sv("style", null, GRAPH_STYLE), copy.firstChild);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
  }
  function svgToPng(svg, W, H, done) {
    var url = URL.createObjectURL(new Blob([svgText(svg)], { type: "image/svg+xml" }));
    var img = new Image();
    img.onload = function () {
      var canvas = el("canvas");
      canvas.width = W * 2; canvas.height = H * 2;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(done, "image/png");
    };
    img.src = url;
  }
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    // Article text is untrusted: a cell a spreadsheet would run as a formula is made plain text.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(header, rows) {
    return "\ufeff" + [header].concat(rows).map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  /* ---------- sortable, filterable tables ---------- */
  function sortableHeader(table, cols, state, redraw) {
    var thead = el("thead");
    var tr = el("tr");
    cols.forEach(function (c) {
      var th = el("th", { scope: "col", class: c.cls || null });
      if (c.key) {
        var b = el("button", { type: "button", class: "sort" }, c.title);
        th.setAttribute("aria-sort", state.key === c.key ? (state.dir > 0 ? "ascending" : "descending") : "none");
        b.addEventListener("click", function () {
          state.dir = state.key === c.key ? -state.dir : (c.desc ? -1 : 1);
          state.key = c.key;
          redraw();
        });
        th.appendChild(b);
      } else {
        th.textContent = c.title;
      }
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
  }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return a < b ? -1 : 1;
  }

  /* text of a body slice with some spans marked, built from text nodes only */
  function markedText(start, end, marks) {
    var frag = document.createDocumentFragment();
    var pos = start;
    marks.filter(function (m) { return m.start >= start && m.end <= end; })
      .sort(function (a, b) { return a.start - b.start; })
      .forEach(function (m) {
        if (m.start < pos) return;
        frag.appendChild(document.createTextNode(BODY.slice(pos, m.start)));
        frag.appendChild(el("mark", { class: m.cls, title: m.title || null }, BODY.slice(m.start, m.end)));
        pos = m.end;
      });
    frag.appendChild(document.createTextNode(BODY.slice(pos, end)));
    return frag;
  }

  /* ---------- money ---------- */
  function renderMoney() {
    var L = V.ledger;
    var table = document.getElementById("money-table");
    var controls = document.getElementById("money-controls");
    var flowsHost = document.getElementById("money-flows");
    if (L.flows.length) {
      flowsHost.appendChild(el("h3", null, "Flows"));
      var ul = el("ul", { class: "flows" });
      L.flows.forEach(function (f) {
        var li = el("li");
        li.appendChild(el("strong", null, (f.payer_name || "unknown payer") + " → " + (f.payee_name || "unknown payee")));
        li.appendChild(document.createTextNode(": " + (f.total === null ? "no total" : (f.approx ? "≈ " : "") + money(f.total, f.currency)) +
          " (" + f.counted.length + " amount" + (f.counted.length === 1 ? "" : "s") + " added" +
          (f.left_out.length ? "; " + f.left_out.length + " left out: parts, bounds, repeats or rates without a period" : "") + ")"));
        ul.appendChild(li);
      });
      flowsHost.appendChild(ul);
    }
    if (!L.rows.length) {
      table.appendChild(el("caption", null, "No amounts of money were found."));
    }
    var cols = [
      { title: "Amount", key: "start" }, { title: "Value", key: "value", desc: true }, { title: "Qualifier", key: "qualifier" },
      { title: "Rate", key: "per" }, { title: "Payer", key: "payer_name" }, { title: "Payee", key: "payee_name" },
      { title: "Time", key: "from" }, { title: "Running total", key: "total", desc: true }, { title: "Parts" }, { title: "Sentence", cls: "wide" }];
    var state = { key: "start", dir: 1 };
    function draw() {
      clear(table);
      if (!L.rows.length) return;
      sortableHeader(table, cols, state, draw);
      var tb = el("tbody");
      L.rows.slice().sort(function (a, b) { return compare(a[state.key], b[state.key]) * state.dir; }).forEach(function (r) {
        var tr = el("tr", { "data-goto": r.id, tabindex: 0, class: "money-row" });
        var td = el("td");
        td.appendChild(gotoButton(r.id, r.text));
        tr.appendChild(td);
        tr.appendChild(el("td", { class: "num" }, money(r.value, r.currency) + (r.range ? " (" + money(r.range[0], r.currency) + "–" + money(r.range[1], r.currency) + ")" : "")));
        tr.appendChild(el("td", null, r.qualifier && r.qualifier !== "exact" ? r.qualifier.replace("_", " ") : ""));
        tr.appendChild(el("td", null, r.per ? "per " + r.per : ""));
        tr.appendChild(el("td", null, r.payer_name || ""));
        tr.appendChild(el("td", null, r.payee_name || ""));
        tr.appendChild(el("td", null, (r.time_text ? r.time_text + (r.time_inferred ? " (same sentence)" : "") : "") +
          (r.from ? " [" + r.from + " → " + (r.to || "…") + (r.to_reference ? ", reference date" : "") + "]" : "")));
        tr.appendChild(el("td", { class: "num" }, r.total !== null ? "≈ " + money(r.total, r.currency) + " (" + r.periods + " " + r.per + "s)" : ""));
        tr.appendChild(el("td", null, [r.part_of_text ? "part of " + r.part_of_text : "", r.parts.length ? "of which: " + r.parts.map(function (p) { return AMT[p].text; }).join("; ") : ""].filter(Boolean).join(" · ")));
        var sent = el("td", { class: "sentence" });
        sent.appendChild(markedText(r.sentence.start, r.sentence.end, [{ start: r.start, end: r.end, cls: "m-amount" }]));
        tr.appendChild(sent);
        tb.appendChild(tr);
      });
      table.appendChild(tb);
    }
    draw();
    var b = el("button", { type: "button", id: "money-csv" }, "Export money CSV");
    b.addEventListener("click", function () {
      download(new Blob([csv(["id", "text", "value", "currency", "per", "qualifier", "range_low", "range_high", "part_of", "payer", "payee", "time", "from", "to", "running_total", "sentence"],
        L.rows.map(function (r) {
          return [r.id, r.text, r.value, r.currency, r.per, r.qualifier, r.range ? r.range[0] : "", r.range ? r.range[1] : "", r.part_of, r.payer_name, r.payee_name, r.time_text, r.from, r.to, r.total, BODY.slice(r.sentence.start, r.sentence.end)];
        }))], { type: "text/csv" }), "newsgraph-money.csv");
    });
    controls.appendChild(b);
    if (L.other.length) {
      var det = el("details", { class: "other-amounts" });
      det.appendChild(el("summary", null, "Other quantities (" + L.other.length + ")"));
      var ul2 = el("ul");
      L.other.forEach(function (o) {
        var li = el("li");
        li.appendChild(gotoButton(o.id, o.text));
        li.appendChild(document.createTextNode(" " + (o.unit || "") + (o.qualifier && o.qualifier !== "exact" ? " (" + o.qualifier + ")" : "")));
        ul2.appendChild(li);
      });
      det.appendChild(ul2);
      document.getElementById("money-other").appendChild(det);
    }
  }

  /* ---------- claims ---------- */
  function renderClaims() {
    var claims = A.claims || [];
    var table = document.getElementById("claims-table");
    var controls = document.getElementById("claims-controls");
    if (!claims.length) { table.appendChild(el("caption", null, "No claims were found.")); return; }
    var statuses = [];
    claims.forEach(function (c) { if (statuses.indexOf(c.status) < 0) statuses.push(c.status); });
    var fStatus = el("select", { id: "claims-status", "aria-label": "Filter claims by status" });
    fStatus.appendChild(el("option", { value: "" }, "All statuses"));
    statuses.sort().forEach(function (s) { fStatus.appendChild(el("option", { value: s }, s)); });
    var fText = el("input", { type: "search", id: "claims-search", placeholder: "Filter text…", "aria-label": "Filter claims by text" });
    var fMin = el("input", { type: "range", id: "claims-min", min: 0, max: 100, step: 5, value: 0, "aria-label": "Minimum check-worthiness" });
    var fMinOut = el("output", { for: "claims-min" }, "≥ 0%");
    var top = el("button", { type: "button", id: "claims-top" }, "Most check-worthy first");
    var exp = el("button", { type: "button", id: "claims-csv" }, "Export claims CSV");
    var count = el("span", { class: "muted", "aria-live": "polite" });
    [fStatus, fText, el("label", { for: "claims-min" }, "Check-worthiness"), fMin, fMinOut, top, exp, count].forEach(function (n) { controls.appendChild(n); });
    var cols = [
      { title: "#", key: "start" }, { title: "Status", key: "status" }, { title: "Claim", cls: "wide" },
      { title: "Source", key: "source_name" }, { title: "Check-worthiness", key: "checkworthy", desc: true }, { title: "Links", cls: "links-col" }];
    var state = { key: "start", dir: 1 };
    var rows = claims.map(function (c) { return Object.assign({ source_name: c.source ? entName(c.source) : null }, c); });
    function visible() {
      var q = fText.value.trim().toLowerCase(), min = Number(fMin.value) / 100;
      return rows.filter(function (c) {
        return (!fStatus.value || c.status === fStatus.value) && c.checkworthy >= min - 1e-9 &&
          (!q || c.text.toLowerCase().indexOf(q) >= 0 || (c.source_name || "").toLowerCase().indexOf(q) >= 0);
      }).sort(function (a, b) { return compare(a[state.key], b[state.key]) * state.dir || a.start - b.start; });
    }
    function draw() {
      clear(table);
      sortableHeader(table, cols, state, draw);
      var tb = el("tbody");
      var shown = visible();
      count.textContent = shown.length + " of " + rows.length + " claims";
      shown.forEach(function (c) {
        var tr = el("tr", { class: "claim-row st-" + c.status, "data-goto": c.id, "data-id": c.id, tabindex: 0 });
        var td0 = el("td");
        td0.appendChild(gotoButton(c.id, c.id));
        tr.appendChild(td0);
        tr.appendChild(el("td", null)).appendChild(el("span", { class: "badge st-" + c.status }, c.status));
        var text = el("td", { class: "claim-text" });
        text.appendChild(markedText(c.start, c.end, c.cues.map(function (q) { return { start: q.start, end: q.end, cls: "m-cue cue-" + q.kind, title: q.kind }; })));
        tr.appendChild(text);
        tr.appendChild(el("td", null, c.source_name || ""));
        var cw = el("td", { class: "cw" });
        var bar = el("span", { class: "cw-bar", role: "meter", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": Math.round(c.checkworthy * 100), "aria-label": "check-worthiness" });
        var fill = el("span", { class: "cw-fill" });
        fill.style.width = Math.round(c.checkworthy * 100) + "%";
        bar.appendChild(fill);
        cw.appendChild(bar);
        cw.appendChild(el("span", { class: "cw-num" }, Math.round(c.checkworthy * 100) + "%"));
        tr.appendChild(cw);
        var links = el("td", { class: "links-cell" });
        [].concat(c.entities, c.times, c.amounts, c.places).forEach(function (id) {
          if (KIND_OF[id]) links.appendChild(gotoButton(id, clip(describe(id).title, 24)));
        });
        tr.appendChild(links);
        tb.appendChild(tr);
      });
      table.appendChild(tb);
    }
    [fStatus, fText].forEach(function (n) { n.addEventListener("input", draw); });
    fMin.addEventListener("input", function () { fMinOut.textContent = "≥ " + fMin.value + "%"; draw(); });
    top.addEventListener("click", function () { state.key = "checkworthy"; state.dir = -1; draw(); });
    exp.addEventListener("click", function () {
      download(new Blob([csv(["id", "status", "checkworthy", "source", "cues", "start", "end", "text"], visible().map(function (c) {
        return [c.id, c.status, c.checkworthy, c.source_name, c.cues.map(function (q) { return q.kind + ":" + q.text; }).join("; "), c.start, c.end, c.text];
      }))], { type: "text/csv" }), "newsgraph-claims.csv");
    });
    draw();
  }

  /* ---------- start ---------- */
  function safely(name, fn) {
    // One broken section must not take the others down; the failure is reported where it happened.
    try { fn(); } catch (e) {
      var sec = document.getElementById(name);
      if (sec) sec.appendChild(el("p", { class: "warnings" }, "This section could not be drawn: " + e.message));
      throw e;
    }
  }
  var failures = [], took = {};
  // Each section's drawing time is left on the root element for the benchmark (data-section-ms).
  [["article", function () { renderLayers(); renderArticle(); wireGlobal(); }], ["timeline", renderTimeline], ["map", renderMap],
   ["graph", renderGraph], ["money", renderMoney], ["claims", renderClaims]].forEach(function (s) {
    var t0 = performance.now();
    try { safely(s[0], s[1]); } catch (e) { failures.push(e); }
    took[s[0]] = Math.round(performance.now() - t0);
  });
  document.documentElement.setAttribute("data-section-ms", JSON.stringify(took));
  document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.documentElement.setAttribute("data-ready", failures.length ? "partial" : "yes");
  if (failures.length) setTimeout(function () { throw failures[0]; }, 0);
})();
