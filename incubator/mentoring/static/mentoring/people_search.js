// The participants' search without a reload: filters the checkbox list as she types. Without JavaScript the
// same box sends a GET and the server filters the list (session_form.html).
(function () {
  "use strict";
  var box = document.getElementById("q");
  var search = document.getElementById("buscar-personas");
  var list = document.getElementById("id_participants");
  var none = document.getElementById("sin-resultados");
  if (!box || !search || !list) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function filter() {
    var words = fold(box.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]"), function (input) {
      var item = input.closest("div") || input.parentNode;
      var text = fold(item.textContent);
      var match = input.checked || words.every(function (w) { return text.indexOf(w) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    if (none) none.hidden = shown > 0;
  }
  box.addEventListener("input", filter);
  search.addEventListener("submit", function (event) { event.preventDefault(); filter(); });
  if (box.value) filter();
})();
