// Optional: autosaves the business plan ~10 s after a change and keeps a copy in this browser
// (localStorage) so nothing typed is lost offline. Without JavaScript, "Guardar" does everything.
(function () {
  "use strict";
  var form = document.getElementById("plan-form");
  if (!form || !window.fetch || !window.FormData || !window.JSON) { return; }
  var url = form.getAttribute("data-autosave");
  var key = form.getAttribute("data-draft-key");
  var serverUpdated = parseInt(form.getAttribute("data-updated") || "0", 10);
  var inConflict = form.getAttribute("data-conflict") === "1";
  var status = document.getElementById("autoguardado");
  var notice = document.getElementById("plan-aviso");
  var revision = form.querySelector("input[name=revision]");
  var DELAY = 10000, RETRY = 30000;
  var timer = null, localTimer = null, dirty = false, sending = false, stopped = inConflict;

  var store = null;
  try { store = window.localStorage; store.setItem(key + "-prueba", "1"); store.removeItem(key + "-prueba"); }
  catch (e) { store = null; }

  function say(text) { if (status) { status.textContent = text; } }

  function fieldValues() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.name === "revision" || el.type === "submit") { return; }
      if (el.type === "radio" || el.type === "checkbox") { return; }
      values[el.name] = el.value;
    });
    return values;
  }

  function writeLocal() {
    localTimer = null;
    if (!store) { return; }
    try {
      store.setItem(key, JSON.stringify({ savedAt: Date.now(), revision: revision.value, fields: fieldValues() }));
    } catch (e) { /* storage full: the server copy still works */ }
  }

  function readLocal() {
    if (!store) { return null; }
    try { return JSON.parse(store.getItem(key) || "null"); } catch (e) { return null; }
  }

  function differs(fields) {
    var current = fieldValues();
    return Object.keys(fields).some(function (name) {
      return name in current && String(fields[name]).trim() !== String(current[name]).trim();
    });
  }

  function restore() {
    var draft = readLocal();
    if (!draft || !draft.fields || inConflict) { return; }
    var newer = draft.savedAt > serverUpdated || parseInt(draft.revision, 10) >= parseInt(revision.value, 10);
    if (!newer || !differs(draft.fields)) { store.removeItem(key); return; }
    Object.keys(draft.fields).forEach(function (name) {
      var el = form.elements[name];
      if (el && el.tagName && el.type !== "radio") { el.value = draft.fields[name]; }
    });
    // Keep the revision the local copy was typed on: if the plan changed since, saving shows both texts.
    revision.value = draft.revision;
    if (notice) {
      notice.textContent = notice.getAttribute("data-restored");
      notice.hidden = false;
    }
    changed();
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function offline() {
    dirty = true;
    if (status) { say(status.getAttribute("data-offline")); }
    schedule(RETRY);
  }

  function send() {
    timer = null;
    if (!dirty || sending || stopped) { return; }
    dirty = false;
    sending = true;
    fetch(url, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) { return { code: response.status, data: data }; });
    }).then(function (result) {
      sending = false;
      var data = result.data || {};
      if (data.ok) {
        revision.value = data.revision;
        if (!dirty && store) { store.removeItem(key); }
      } else if (data.conflict) {
        stopped = true;  // the person decides with "Guardar"; the local copy stays
      }
      if (data.message) { say(data.message); }
      if (dirty) { schedule(DELAY); }
    }).catch(function () {
      sending = false;
      offline();
    });
  }

  function schedule(delay) {
    if (!timer) { timer = setTimeout(send, delay); }
  }

  function changed() {
    dirty = true;
    if (localTimer) { clearTimeout(localTimer); }
    localTimer = setTimeout(writeLocal, 500);
    schedule(DELAY);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { if (localTimer) { clearTimeout(localTimer); } writeLocal(); stopped = true; });
  window.addEventListener("online", function () { if (dirty && !stopped) { clearTimeout(timer); timer = null; send(); } });
  window.addEventListener("pagehide", function () { if (dirty) { writeLocal(); } });
  restore();
})();
