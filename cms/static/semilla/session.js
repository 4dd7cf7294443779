// Shared computers: warn one minute before the server ends an idle session, then leave the page.
// The server decides (another tab may have kept the session alive): ask it, without counting as activity.
(function () {
  "use strict";
  // A page restored from the back-forward cache after logout must not show private data.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) window.location.reload();
  });
  var box = document.getElementById("aviso-inactividad");
  if (!box) return;
  var idle = parseInt(box.dataset.idle, 10) * 1000;
  var warn = parseInt(box.dataset.warn, 10) * 1000;
  var statusUrl = box.dataset.status;

  function schedule(msLeft) {
    if (msLeft <= 0) {
      // The next request lets the server close the session and show the login page.
      window.setTimeout(function () { window.location.reload(); }, 2000);
      return;
    }
    if (msLeft <= warn) {
      box.hidden = false;
      window.setTimeout(check, Math.min(msLeft, 5000));
    } else {
      box.hidden = true;
      window.setTimeout(check, msLeft - warn);
    }
  }

  function check() {
    if (!window.fetch) { schedule(0); return; }
    window.fetch(statusUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        // When this ping ended the session the server says which login page (with the reason) to show.
        if (!data.authenticated) {
          if (data.login) window.location.assign(data.login); else window.location.reload();
          return;
        }
        schedule(data.seconds_left * 1000);
      })
      .catch(function () { schedule(0); });
  }

  window.setTimeout(check, Math.max(idle - warn, 0));
})();
