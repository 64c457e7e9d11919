// sitrep dashboard: the live alert feed (Server-Sent Events). Everything
// is built with DOM calls and textContent, never innerHTML, so alert text
// cannot inject markup.
(function () {
  "use strict";
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function startAlerts() {
    var feed = document.getElementById("alert-feed");
    if (!feed || !window.EventSource) return;
    var status = document.getElementById("alert-status");
    var empty = document.getElementById("alert-empty");
    var src = new EventSource(feed.getAttribute("data-stream"));
    src.onopen = function () { if (status) status.textContent = "live"; };
    src.onerror = function () { if (status) status.textContent = "reconnecting…"; };
    src.addEventListener("alert", function (ev) {
      var a;
      try { a = JSON.parse(ev.data); } catch (e) { return; }
      var li = el("li", "alert");
      li.setAttribute("data-id", String(a.id));
      li.appendChild(el("span", "when", (a.fired_at || "").replace("T", " ").slice(0, 19) + " · " + (a.rule_name || "rule " + a.rule_id)));
      if (a.event_key) {
        var link = el("a", "", a.message || a.event_key);
        link.href = "/events/" + encodeURIComponent(a.event_key).replace(/%3A/gi, ":");
        li.appendChild(link);
      } else {
        li.appendChild(el("span", "", a.message || ""));
      }
      feed.insertBefore(li, feed.firstChild);
      while (feed.children.length > 100) feed.removeChild(feed.lastChild);
      if (empty) empty.hidden = true;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAlerts);
  else startAlerts();
})();
