// Idle warning one minute before the server ends the session (shared computers).
(function () {
  var box = document.getElementById("aviso-inactividad");
  if (!box) return;
  var idle = parseInt(box.dataset.idle, 10) * 1000;
  var warn = parseInt(box.dataset.warn, 10) * 1000;
  var started = Date.now();
  function tick() {
    var left = idle - (Date.now() - started);
    if (left <= 0) { window.location.reload(); return; }
    if (left <= warn) box.hidden = false;
    window.setTimeout(tick, Math.min(1000, Math.max(left - warn, 250)));
  }
  window.setTimeout(tick, Math.max(idle - warn, 0));
})();
