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

    fetch(box.getAttribute("data-outlines")).then(function (r) { return r.json(); }).then(function (topo) {
      var fc = { type: "FeatureCollection", features: topoFeatures(topo, topo.objects.countries) };
      L.geoJSON(fc, { interactive: false, style: function () {
        return { className: "country", color: "#8d99ab", weight: 0.8, fillColor: "#f8f6f0", fillOpacity: 1 };
      } }).addTo(map);
      box.setAttribute("data-countries", String(fc.features.length));
    }).catch(function () { if (status) status.textContent = "country outlines failed to load"; });

    var layer = L.layerGroup().addTo(map);
    var seq = 0;
    function load() {
      var b = map.getBounds();
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
      var bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
                  clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
                 .map(function (v) { return v.toFixed(4); }).join(",");
      var params = new URLSearchParams(form ? new FormData(form) : undefined);
      Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) params.delete(k); });
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

    // Events at one place share a marker sized by their number and
    // coloured by their mean Goldstein score.
    function draw(events, next) {
      layer.clearLayers();
      var places = {};
      events.forEach(function (e) {
        var loc = e.location;
        if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined) return;
        var k = loc.lat.toFixed(3) + "," + loc.lon.toFixed(3);
        (places[k] = places[k] || { lat: loc.lat, lon: loc.lon, name: loc.name, events: [] }).events.push(e);
      });
      var n = 0;
      Object.keys(places).forEach(function (k) {
        var p = places[k];
        var sum = p.events.reduce(function (s, e) { return s + e.goldstein; }, 0);
        var c = colors[goldClass(sum / p.events.length)];
        var m = L.circleMarker([p.lat, p.lon], { className: "event-marker", radius: 5 + Math.min(14, 2.5 * Math.sqrt(p.events.length)),
                                              color: "#ffffff", weight: 1.5, fillColor: c, fillOpacity: 0.85 });
        m.bindPopup(function () { return popup(p); });
        m.bindTooltip(p.name + ": " + p.events.length + (p.events.length === 1 ? " event" : " events"));
        m.addTo(layer);
        n += p.events.length;
      });
      box.setAttribute("data-markers", String(Object.keys(places).length));
      if (status) status.textContent = n + " events at " + Object.keys(places).length + " places" + (next ? " (more: zoom in or narrow the filters)" : "");
    }

    function popup(p) {
      var div = el("div", "map-popup");
      div.appendChild(el("h3", "", p.name + " (" + p.events.length + ")"));
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
    load();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
