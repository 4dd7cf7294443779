// The CSRF token for the pages' fetch() posts: Django's cookie, else the hidden field of a form on the page.
// Call it when posting (not when a script loads): deferred scripts may run before this one.
(function () {
  "use strict";
  window.Semilla = window.Semilla || {};
  window.Semilla.csrfToken = function (form) {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var field = (form || document).querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  };
})();
