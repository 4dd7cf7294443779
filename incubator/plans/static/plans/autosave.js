// Optional: autosaves the business plan ~10 s after a change and keeps a copy in this browser
// (localStorage) until the server has it, so nothing typed is lost offline. Without JavaScript, "Guardar"
// does everything.
(function () {
  "use strict";
  var form = document.getElementById("plan-form");
  if (!form || !window.fetch || !window.FormData || !window.JSON) { return; }
  var url = form.getAttribute("data-autosave");
  var key = form.getAttribute("data-draft-key");
  var inConflict = form.getAttribute("data-conflict") === "1";
  // Rendered from a POST the server refused (bad amount, conflict): what the page shows is not saved.
  var unsaved = form.getAttribute("data-unsaved") === "1";
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
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.name === "revision" || el.name === "pestana") { return; }
      if (el.type === "submit" || el.type === "radio" || el.type === "checkbox") { return; }
      values[el.name] = el.value;
    });
    return values;
  }

  function same(a, b) { return String(a == null ? "" : a).trim() === String(b == null ? "" : b).trim(); }

  // What the server holds as far as this page knows: the page as loaded, then each save it confirmed.
  // A local copy keeps it so a later visit can tell what this person changed from what others saved.
  var base = unsaved ? {} : fieldValues();

  // The server recognises a save from this page (or its local copy) and does not take it for another tab's.
  var tab = document.createElement("input");
  tab.type = "hidden";
  tab.name = "pestana";
  tab.value = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  form.appendChild(tab);

  function writeLocal() {
    if (localTimer) { clearTimeout(localTimer); }
    localTimer = null;
    if (!store) { return; }
    try {
      store.setItem(key, JSON.stringify({
        savedAt: Date.now(), revision: revision.value, tab: tab.value, base: base, fields: fieldValues()
      }));
    } catch (e) { /* storage full: the server copy still works */ }
  }

  function readLocal() {
    if (!store) { return null; }
    try { return JSON.parse(store.getItem(key) || "null"); } catch (e) { return null; }
  }

  // Put back what was typed here and never reached the server, merged with what the server has now: a block
  // only this person changed takes their text; a block changed both here and elsewhere keeps their text and
  // the revision it was typed on, so saving shows both texts instead of overwriting either.
  function restore() {
    var draft = readLocal();
    if (!draft || !draft.fields) { return; }
    var old = draft.base || {}, taken = false, clash = false;
    Object.keys(draft.fields).forEach(function (name) {
      var el = form.elements[name];
      if (!el || !el.tagName || el.type === "radio") { return; }
      var mine = draft.fields[name], theirs = el.value;
      if (same(mine, theirs)) { return; }
      if (name in old && same(mine, old[name])) { return; }  // not changed here: the server's text stays
      if (!(name in old) || !same(theirs, old[name])) { clash = true; }
      el.value = mine;
      taken = true;
    });
    if (!taken) { store.removeItem(key); return; }
    if (clash) { revision.value = draft.revision; }
    if (draft.tab) { tab.value = draft.tab; }
    if (notice) {
      notice.textContent = notice.getAttribute("data-restored");
      notice.hidden = false;
    }
    changed();
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
    var sent = fieldValues();
    fetch(url, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-CSRFToken": window.Semilla.csrfToken(form), "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) { return { code: response.status, data: data }; });
    }).then(function (result) {
      sending = false;
      var data = result.data || {};
      if (data.message) { say(data.message); }
      if (data.ok) {
        revision.value = data.revision;
        base = sent;
        // Typed while this save travelled: the local copy must carry the new revision and base.
        if (dirty) { writeLocal(); schedule(DELAY); } else if (store) { store.removeItem(key); }
        return;
      }
      // Not saved (a field to fix, or a conflict the person settles with "Guardar"): the local copy stays,
      // and the next change tries again.
      dirty = true;
      if (data.conflict) { stopped = true; }
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
  form.addEventListener("submit", function () { writeLocal(); stopped = true; });
  window.addEventListener("online", function () { if (dirty && !stopped) { clearTimeout(timer); timer = null; send(); } });
  window.addEventListener("pagehide", function () { if (dirty) { writeLocal(); } });
  if (unsaved) {
    dirty = true;
    writeLocal();
  } else {
    restore();
  }
})();
