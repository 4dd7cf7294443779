// Optional: saves the score sheet a few seconds after a change by posting the same form to the autosave URL.
// Without JavaScript, "Guardar" and "Enviar calificación" do everything.
(function () {
  "use strict";
  var form = document.getElementById("hoja-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-autosave");
  var status = document.getElementById("autoguardado");
  var revision = form.querySelector("input[name=revision]");
  var DELAY = 3000, RETRY = 20000;
  var timer = null, dirty = false, sending = false, stopped = form.getAttribute("data-conflict") === "1";

  function say(text) { if (status && text) { status.textContent = text; } }

  function schedule(delay) { if (!timer) { timer = setTimeout(send, delay); } }

  function send() {
    timer = null;
    if (!dirty || sending || stopped) { return; }
    dirty = false;
    sending = true;
    var body = new FormData(form);
    body.delete("accion");
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": window.Semilla.csrfToken(form), "Accept": "application/json" }
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      sending = false;
      if (data.ok) {
        revision.value = data.revision;
      } else if (data.conflict) {
        stopped = true;  // the juror decides with "Guardar", which shows both versions
      }
      say(data.message);
      if (dirty && !stopped) { schedule(DELAY); }
    }).catch(function () {
      sending = false;
      dirty = true;
      say(status && status.getAttribute("data-offline"));
      schedule(RETRY);
    });
  }

  function changed() { dirty = true; schedule(DELAY); }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { stopped = true; if (timer) { clearTimeout(timer); } });
})();
