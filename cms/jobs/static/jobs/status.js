// Polls the job's status while it runs and updates the bar and the sentence; reloads the page when it ends,
// so the server renders the download or the error. Without JavaScript the <noscript> refresh does the same.
(function () {
  "use strict";
  var box = document.getElementById("trabajo");
  if (!box || !box.dataset.statusUrl) return;
  var bar = document.getElementById("trabajo-avance");
  var text = document.getElementById("trabajo-texto");
  var interval = (parseFloat(box.dataset.interval) || 2) * 1000;

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        if (data.done || data.failed || data.retryable) {
          window.location.reload();
          return;
        }
        if (data.state === "en_curso") {
          bar.value = data.progress;
          bar.textContent = data.progress + " %";
          text.textContent = data.message + " " + data.progress + " %";
        }
        window.setTimeout(poll, interval);
      })
      .catch(function () {
        window.setTimeout(poll, interval * 2);
      });
  }
  window.setTimeout(poll, interval);
})();
