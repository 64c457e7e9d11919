// sitrep alert rules: create, pause, resume and delete rules through the
// API with the server's bearer token, which stays in sessionStorage (this
// tab only). The API validates every rule; its error, with the field it
// names, is shown next to the form. No HTML is built from strings.
(function () {
  "use strict";
  var tokenKey = "sitrep-token";

  function token() {
    var form = document.getElementById("rule-form");
    var t = form ? form.elements.token.value.trim() : "";
    if (t) sessionStorage.setItem(tokenKey, t);
    return t || sessionStorage.getItem(tokenKey) || "";
  }

  function showError(msg, field) {
    var p = document.getElementById("rule-error");
    var form = document.getElementById("rule-form");
    if (form) Array.from(form.querySelectorAll("[aria-invalid]")).forEach(function (e) { e.removeAttribute("aria-invalid"); });
    if (!p) return;
    if (!msg) { p.hidden = true; p.textContent = ""; return; }
    p.textContent = (field ? field + ": " : "") + msg;
    p.setAttribute("data-field", field || "");
    p.hidden = false;
    if (form && field && form.elements[field]) {
      form.elements[field].setAttribute("aria-invalid", "true");
      form.elements[field].focus();
    }
  }

  // call sends a request with the token and resolves to {ok, status, body}.
  function call(method, url, body) {
    var opts = { method: method, headers: { "Authorization": "Bearer " + token() } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(url, opts).then(function (r) {
      if (r.status === 204) return { ok: true, status: 204, body: null };
      return r.json().then(function (b) { return { ok: r.ok, status: r.status, body: b }; },
        function () { return { ok: r.ok, status: r.status, body: null }; });
    });
  }

  function failed(res) {
    var e = res.body && res.body.error;
    showError(e ? e.message : "request failed (" + res.status + ")", e ? e.param : "");
  }

  function start() {
    var form = document.getElementById("rule-form");
    if (form) {
      var saved = sessionStorage.getItem(tokenKey);
      if (saved) form.elements.token.value = saved;
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        showError("");
        var f = form.elements;
        var rule = { name: f.name.value, kind: f.kind.value, source: f.source.value.trim().toUpperCase(),
                     target: f.target.value.trim().toUpperCase(), code: f.code.value.trim(), webhook: f.webhook.value.trim() };
        if (f.k.value !== "") rule.k = Number(f.k.value);
        if (f.window.value !== "") rule.window = Number(f.window.value);
        call("POST", "/api/alert-rules", rule).then(function (res) {
          if (!res.ok) return failed(res);
          location.reload();
        }, function () { showError("the server did not answer"); });
      });
    }
    var table = document.getElementById("rules");
    if (!table) return;
    table.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) return;
      var id = b.getAttribute("data-id");
      showError("");
      var req;
      if (b.classList.contains("rule-pause")) {
        req = call("PATCH", "/api/alert-rules/" + encodeURIComponent(id), { paused: b.getAttribute("data-paused") !== "true" });
      } else if (b.classList.contains("rule-delete")) {
        if (!window.confirm("Delete this rule? Its fired alerts stay.")) return;
        req = call("DELETE", "/api/alert-rules/" + encodeURIComponent(id));
      } else {
        return;
      }
      req.then(function (res) {
        if (!res.ok) return failed(res);
        location.reload();
      }, function () { showError("the server did not answer"); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
