// Lesson side of H5P: loads one activity at a time on request, relays its results to the server.
(function () {
  "use strict";
  if (window.semillaH5P) return;
  window.semillaH5P = true;
  var current = null;

  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": window.Semilla.csrfToken() },
      body: JSON.stringify(body)
    });
  }

  function askToSave() {
    if (current && current.frame.contentWindow) {
      current.frame.contentWindow.postMessage({ source: "semilla-lesson", type: "save" }, current.box.dataset.origin);
    }
  }

  window.addEventListener("pagehide", askToSave);

  function unload() {
    if (!current) return;
    askToSave();
    current.frame.remove();
    current.link.hidden = false;
    current = null;
  }

  function load(box, link) {
    unload();
    var frame = document.createElement("iframe");
    frame.src = link.href;
    frame.title = box.dataset.title;
    frame.className = "h5p-frame";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups");
    frame.setAttribute("allow", "fullscreen");
    link.hidden = true;
    box.appendChild(frame);
    current = { box: box, frame: frame, link: link, status: box.querySelector("[data-h5p-status]") };
  }

  function say(text) {
    if (current && current.status) current.status.textContent = text;
  }

  window.addEventListener("message", function (event) {
    // Exact checks: the message comes from the content origin and from the frame we opened.
    if (!current || event.origin !== current.box.dataset.origin || event.source !== current.frame.contentWindow) return;
    var message = event.data;
    if (!message || message.source !== "semilla-h5p") return;
    var box = current.box;
    if (message.type === "resize") {
      current.frame.style.height = Math.min(Math.max(message.payload.height, 200), 4000) + "px";
    } else if (message.type === "xapi") {
      post(box.dataset.xapi, { token: message.token, statement: message.payload }).then(function (response) {
        if (!response.ok) say(box.dataset.errorText);
        else if (/completed|answered|passed|failed/.test(message.payload.verb && message.payload.verb.id)) say(box.dataset.savedText);
      });
    } else if (message.type === "state") {
      post(box.dataset.state, { token: message.token, state: message.payload });
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-h5p-load]");
    if (!link) return;
    event.preventDefault();
    load(link.closest("[data-h5p]"), link);
  });
})();
