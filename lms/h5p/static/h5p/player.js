// Runs on the content origin. Starts h5p-standalone and talks to the lesson page only by postMessage.
(function () {
  "use strict";
  var el = document.getElementById("h5p-container");
  var config = JSON.parse(el.dataset.config);
  var parentOrigin = config.parentOrigin;

  function tell(type, payload) {
    window.parent.postMessage({ source: "semilla-h5p", type: type, token: config.token, payload: payload }, parentOrigin);
  }

  function resize() {
    tell("resize", { height: document.documentElement.scrollHeight });
  }

  var options = {
    h5pJsonPath: config.h5pJsonPath,
    frameJs: config.frameJs,
    frameCss: config.frameCss,
    id: config.id,
    frame: false,
    icon: false,
    saveFreq: 10
  };
  if (config.previousState) {
    options.contentUserData = [{ dataType: "state", previousState: config.previousState, subContentId: "*" }];
  }

  function saveState() {
    var instance = window.H5P && H5P.instances && H5P.instances[0];
    if (instance && typeof instance.getCurrentState === "function") {
      var state = instance.getCurrentState();
      if (state) tell("state", JSON.stringify(state));
    }
  }

  // The lesson page may ask for the state before it goes away; only its exact origin is listened to.
  window.addEventListener("message", function (event) {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    if (event.data && event.data.source === "semilla-lesson" && event.data.type === "save") saveState();
  });

  new H5PStandalone.H5P(el, options).then(function () {
    H5P.externalDispatcher.on("xAPI", function (event) {
      tell("xapi", event.data.statement);
    });
    window.setInterval(saveState, 10000);
    resize();
    window.setInterval(resize, 1000);
    tell("ready", {});
  });
})();
