// sitrep map: country outlines from the embedded world-atlas TopoJSON
// (no tile server: the map works offline) and event markers fetched from
// /api/events for the visible area. Popups are built from DOM nodes with
// textContent, never HTML strings.
(function () {
  "use strict";

  // topoFeatures converts a TopoJSON GeometryCollection to GeoJSON
  // features. Arcs are delta-encoded integer positions when the topology
  // is quantized; a negative arc index ~i means arc i reversed.
  function topoFeatures(topo, obj) {
    var tf = topo.transform;
    var arcs = topo.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        if (!tf) return [p[0], p[1]];
        x += p[0]; y += p[1];
        return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
      });
    });
    function ring(indices) {
      var out = [];
      indices.forEach(function (i, k) {
        var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        // Consecutive arcs share their joining point; keep it once.
        out = out.concat(k === 0 ? a : a.slice(1));
      });
      return unwrap(out);
    }
    // unwrap keeps longitudes continuous: a ring that crosses the
    // antimeridian (Russia, Fiji) would otherwise be drawn as a stripe
    // across the whole world. Shifted points lie beyond ±180, where
    // Leaflet draws them just off the edge of the map.
    function unwrap(pts) {
      var shift = 0;
      return pts.map(function (p, k) {
        if (k > 0) {
          var d = p[0] - pts[k - 1][0];
          if (d > 180) shift -= 360;
          else if (d < -180) shift += 360;
        }
        return [p[0] + shift, p[1]];
      });
    }
    function geometry(g) {
      switch (g.type) {
        case "Polygon": return { type: "Polygon", coordinates: g.arcs.map(ring) };
        case "MultiPolygon": return { type: "MultiPolygon", coordinates: g.arcs.map(function (p) { return p.map(ring); }) };
        case "LineString": return { type: "LineString", coordinates: ring(g.arcs) };
        case "MultiLineString": return { type: "MultiLineString", coordinates: g.arcs.map(ring) };
        default: return null;
      }
    }
    return obj.geometries.map(function (g) {
      return { type: "Feature", id: g.id, properties: g.properties || {}, geometry: geometry(g) };
    }).filter(function (f) { return f.geometry !== null; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function goldClass(g) { return g >= 1 ? "coop" : (g <= -1 ? "conflict" : "neutral"); }
  var colors = { coop: "#1e8a4c", conflict: "#c2372f", neutral: "#6b7280" };

  function start() {
    var box = document.getElementById("map");
    if (!box || !window.L) return;
    var status = document.getElementById("map-status");
    var form = document.getElementById("map-filters");
    var map = L.map(box, { minZoom: 1, maxZoom: 9, worldCopyJump: false, zoomSnap: 0.5,
                           maxBounds: [[-85, -200], [85, 200]] }).setView([25, 20], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");

    // Outlines, shaded by the number of matching events per country (the
    // choropleth) when that is switched on. world-atlas keys countries by
    // their ISO 3166 numeric code, which /api/countries returns as m49.
    var outlines = null, counts = {}, maxCount = 0;
    // Blues, so that the markers' red and green (conflict, cooperation)
    // keep their meaning on top of the shading.
    var shades = ["#e3edf7", "#bcd3ea", "#8fb5da", "#5b8fc4", "#2f649f"];
    function shade(n) {
      if (!n || !maxCount) return "#f8f6f0";
      var k = Math.min(shades.length - 1, Math.floor(Math.log(n) / Math.log(maxCount + 1) * shades.length));
      return shades[Math.max(0, k)];
    }
    function shownCount(f) {
      var on = document.getElementById("choropleth");
      return on && on.checked ? (counts[f.id] || 0) : 0;
    }
    function styleCountry(f) {
      return { className: "country", color: "#8d99ab", weight: 0.8, fillColor: shade(shownCount(f)), fillOpacity: 1 };
    }
    // restyle applies the shading; Leaflet's setStyle leaves classes
    // alone, so "shaded" is toggled on each outline's element.
    function restyle() {
      if (!outlines) return;
      outlines.setStyle(styleCountry);
      outlines.eachLayer(function (l) {
        var e = l.getElement && l.getElement();
        if (e) e.classList.toggle("shaded", shownCount(l.feature) > 0);
      });
    }
    fetch(box.getAttribute("data-outlines")).then(function (r) { return r.json(); }).then(function (topo) {
      var fc = { type: "FeatureCollection", features: topoFeatures(topo, topo.objects.countries) };
      outlines = L.geoJSON(fc, { interactive: true, style: styleCountry, onEachFeature: function (f, l) {
        l.bindTooltip(function () {
          var c = counts[f.id] || 0;
          return (f.properties.name || "") + ": " + c + (c === 1 ? " event" : " events");
        }, { sticky: true });
      } }).addTo(map);
      outlines.bringToBack();
      // The counts may have come first: mark the shaded outlines now.
      restyle();
      box.setAttribute("data-countries", String(fc.features.length));
    }).catch(function () { if (status) status.textContent = "country outlines failed to load"; });

    function filterParams() {
      var params = new URLSearchParams(form ? new FormData(form) : undefined);
      Array.from(params.keys()).forEach(function (k) { if (!params.get(k) || k === "hide_country" || k === "choropleth") params.delete(k); });
      return params;
    }
    function loadCounts() {
      fetch(box.getAttribute("data-countries-api") + "?" + filterParams().toString()).then(function (r) { return r.json(); }).then(function (body) {
        counts = {}; maxCount = 0;
        (body.items || []).forEach(function (c) { if (c.m49) { counts[c.m49] = c.events; maxCount = Math.max(maxCount, c.events); } });
        box.setAttribute("data-shaded", String(Object.keys(counts).length));
        restyle();
      }).catch(function () { if (status) status.textContent = "country counts failed to load"; });
    }

    var layer = L.layerGroup().addTo(map);
    var seq = 0;
    function load() {
      var b = map.getBounds();
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
      var bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
                  clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
                 .map(function (v) { return v.toFixed(4); }).join(",");
      var params = filterParams();
      params.set("bbox", bbox);
      params.set("limit", box.getAttribute("data-limit") || "1000");
      var my = ++seq;
      if (status) status.textContent = "loading…";
      fetch(box.getAttribute("data-events") + "?" + params.toString()).then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      }).then(function (res) {
        if (my !== seq) return; // a newer request superseded this one
        if (!res.ok) {
          if (status) status.textContent = (res.body.error && res.body.error.message) || "request failed";
          return;
        }
        draw(res.body.items || [], res.body.next);
      }).catch(function () { if (status) status.textContent = "events failed to load"; });
    }

    // How exact a place is decides how it is drawn: a place (point or
    // city) is a solid dot; a division's representative point a dot with
    // a dashed rim; a country's centre a hollow dashed ring that says it
    // is a country-level guess. Unknown precision is drawn as a place.
    var precisionStyle = {
      point: { dash: null, fill: 0.85, note: "" },
      city: { dash: null, fill: 0.85, note: "" },
      division: { dash: "3 2", fill: 0.55, note: "placed at the centre of a state or province" },
      country: { dash: "4 3", fill: 0.12, note: "country-level guess: placed at the country's centre, not where it happened" }
    };
    function precisionOf(e) { return e.location_precision || "point"; }

    // Events at one place share a marker sized by their number and
    // coloured by their mean Goldstein score.
    var lastEvents = [], lastNext = "";
    function draw(events, next) {
      lastEvents = events; lastNext = next;
      layer.clearLayers();
      var hide = document.getElementById("hide-country");
      var hideCountry = hide && hide.checked;
      var places = {}, hidden = 0;
      events.forEach(function (e) {
        var loc = e.location;
        if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined) return;
        var prec = precisionOf(e);
        if (hideCountry && prec === "country") { hidden++; return; }
        var k = loc.lat.toFixed(3) + "," + loc.lon.toFixed(3) + "," + prec;
        (places[k] = places[k] || { lat: loc.lat, lon: loc.lon, name: loc.name, precision: prec, events: [] }).events.push(e);
      });
      var n = 0, byPrec = {};
      Object.keys(places).forEach(function (k) {
        var p = places[k];
        var st = precisionStyle[p.precision] || precisionStyle.point;
        var sum = p.events.reduce(function (s, e) { return s + e.goldstein; }, 0);
        var c = colors[goldClass(sum / p.events.length)];
        var fromArticle = p.events.every(function (e) { return e.location && e.location.basis === "article"; });
        var m = L.circleMarker([p.lat, p.lon], { className: "event-marker prec-" + p.precision, radius: 5 + Math.min(14, 2.5 * Math.sqrt(p.events.length)),
                                              color: p.precision === "country" ? c : "#ffffff", weight: p.precision === "country" ? 2 : 1.5,
                                              dashArray: st.dash, fillColor: c, fillOpacity: st.fill });
        m.bindPopup(function () { return popup(p, st, fromArticle); });
        m.bindTooltip(p.name + ": " + p.events.length + (p.events.length === 1 ? " event" : " events") +
          (st.note ? " — " + st.note : "") + (fromArticle ? " (the article's place, not the event's own)" : ""));
        m.addTo(layer);
        n += p.events.length;
        byPrec[p.precision] = (byPrec[p.precision] || 0) + p.events.length;
      });
      box.setAttribute("data-markers", String(Object.keys(places).length));
      box.setAttribute("data-country-events", String(byPrec.country || 0));
      box.setAttribute("data-hidden", String(hidden));
      if (status) status.textContent = n + " events at " + Object.keys(places).length + " places" +
        (byPrec.country ? ", " + byPrec.country + " only at country level" : "") +
        (hidden ? " (" + hidden + " country-level guesses hidden)" : "") +
        (next ? " (more: zoom in or narrow the filters)" : "");
    }

    function popup(p, st, fromArticle) {
      var div = el("div", "map-popup");
      div.appendChild(el("h3", "", p.name + " (" + p.events.length + ")"));
      if (st && st.note) div.appendChild(el("p", "muted precision-note", st.note));
      if (fromArticle) div.appendChild(el("p", "muted", "Place taken from the article, not from the event's own clause."));
      p.events.slice(0, 8).forEach(function (e) {
        var row = el("p");
        var a = el("a", "", (e.day || "?") + " " + e.source.code + " → " + (e.target ? e.target.code : "—") + " " + (e.verb || e.cameo));
        a.href = "/events/" + encodeURIComponent(e.key).replace(/%3A/gi, ":");
        row.appendChild(a);
        div.appendChild(row);
      });
      if (p.events.length > 8) div.appendChild(el("p", "muted", "… and " + (p.events.length - 8) + " more"));
      return div;
    }

    map.on("moveend", load);
    ["hide-country", "choropleth"].forEach(function (id) {
      var cb = document.getElementById(id);
      if (!cb) return;
      cb.addEventListener("change", function () {
        if (id === "hide-country") draw(lastEvents, lastNext);
        else restyle();
      });
    });
    load();
    loadCounts();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
