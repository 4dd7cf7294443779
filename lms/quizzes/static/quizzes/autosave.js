// Optional: saves the quiz draft when an answer changes. Without JS, "Guardar y seguir después" does it.
(function () {
  "use strict";
  var form = document.getElementById("intento");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("autoguardado");
  var url = form.getAttribute("data-autosave");
  var timer = null;

  function save() {
    timer = null;
    fetch(url, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-CSRFToken": window.Semilla.csrfToken(form) },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      if (status && data && data.message) { status.textContent = data.message; }
    }).catch(function () {
      // Offline: nothing is lost; the buttons still send everything typed.
    });
  }

  function later(delay) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, delay);
  }

  form.addEventListener("change", function () { later(300); });
  form.addEventListener("input", function () { later(1500); });
})();
