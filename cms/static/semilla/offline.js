// Offline packs on the learner's own phone: download a module (checking the signed manifest and the SHA-256 of
// every file), list and remove packs, keep "marcar como completada" and quiz answers in an IndexedDB outbox and
// send it once, in one request, when the connection comes back. Loaded only where the person said "Este es mi
// teléfono" (the server decides); pages work the same without it.
(function () {
  "use strict";
  if (!("caches" in window) || !("indexedDB" in window) || !window.crypto || !crypto.subtle) { return; }
  var source = document.getElementById("offline-textos"), T = source ? JSON.parse(source.textContent) : {};
  function t(name, values) {
    return (T[name] || name).replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }
  var SW = "/aprender/offline-sw.js", SYNC = "/aprender/paquetes/sincronizar/", SHELL = "/aprender/mis-descargas/";
  if ("serviceWorker" in navigator) { navigator.serviceWorker.register(SW, {scope: "/aprender/"}).catch(function () {}); }

  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open("semilla-offline", 1);
      open.onupgradeneeded = function () {
        open.result.createObjectStore("packs", {keyPath: "module"});
        open.result.createObjectStore("outbox", {keyPath: "key"});
        open.result.createObjectStore("results", {keyPath: "key"});
      };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function store(name, mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction(name, mode), req = work(tx.objectStore(name));
        tx.oncomplete = function () { resolve(req && req.result); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }
  function all(name) { return store(name, "readonly", function (s) { return s.getAll(); }); }
  function put(name, value) { return store(name, "readwrite", function (s) { return s.put(value); }); }
  function del(name, key) { return store(name, "readwrite", function (s) { return s.delete(key); }); }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function mb(bytes) {  // "1,2 MB", or "35 KB" for a small pack or update
    return bytes < 102400 ? Math.max(1, Math.round(bytes / 1024)) + " KB"
      : (bytes / 1048576).toLocaleString("es-EC", {maximumFractionDigits: 1}) + " MB";
  }
  function say(el, text) { if (el) { el.textContent = text; } }
  function post(url, body) {
    return fetch(url, {method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: {"Content-Type": "application/json", "X-CSRFToken": window.Semilla && Semilla.csrfToken ? Semilla.csrfToken() : ""}});
  }

  // Download or update a pack: only files whose hash changed are fetched. Every file is checked before any is
  // kept, so an altered manifest or a damaged file leaves the phone exactly as it was.
  function download(link, status) {
    var url = link.getAttribute("href"), module = Number(link.dataset.offlineDownload), manifest, old, bytes = 0;
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { throw new Error(t("gone")); }
      return r.json();
    }).then(function (m) {
      manifest = m;
      return post(url.replace("manifiesto.json", "verificar/"), m);
    }).then(function (r) {
      if (!r.ok) { throw new Error(t("invalid")); }
      return store("packs", "readonly", function (s) { return s.get(module); });
    }).then(function (previous) {
      old = {};
      (previous ? previous.manifest.resources : []).forEach(function (r) { old[r.url] = r.sha256; });
      var fresh = manifest.resources.filter(function (r) { return old[r.url] !== r.sha256 && r.kind !== "h5p"; });
      return Promise.all(fresh.map(function (res) {
        return fetch(res.url, {credentials: "same-origin", cache: "no-store"}).then(function (r) {
          if (!r.ok) { throw new Error(t("damaged")); }
          return r.arrayBuffer();
        }).then(function (body) {
          return crypto.subtle.digest("SHA-256", body).then(function (digest) {
            if (hex(digest) !== res.sha256) { throw new Error(t("damaged")); }
            bytes += body.byteLength;
            return {url: res.url, kind: res.kind, body: body};
          });
        });
      }));
    }).then(function (checked) {
      return fetch(SHELL, {credentials: "same-origin"}).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
        return caches.open("semilla-pack-" + module).then(function (cache) {
          var listed = {};
          manifest.resources.forEach(function (r) { listed[r.url] = true; });
          return Promise.all(checked.map(function (c) {
            return cache.put(c.url, new Response(c.body, {headers: {"Content-Type": contentType(c.kind)}}));
          })).then(function () {
            return html && cache.put(SHELL, new Response(html, {headers: {"Content-Type": contentType("lesson")}}));
          }).then(function () { return cache.keys(); }).then(function (keys) {
            return Promise.all(keys.map(function (k) {
              var path = new URL(k.url).pathname + new URL(k.url).search;
              return listed[path] || path === SHELL ? null : cache.delete(k);
            }));
          });
        });
      }).then(function () {
        return put("packs", {module: module, title: manifest.title, version: manifest.version,
          total: manifest.total_bytes, saved: new Date().toISOString(), manifest: manifest});
      }).then(function () {
        var total = manifest.total_bytes;
        say(status, Object.keys(old).length
          ? t("updated", {done: mb(bytes), total: mb(total)})
          : t("saved", {total: mb(total)}));
      });
    }).catch(function (error) { say(status, error.message); });
  }
  function contentType(kind) {
    return {lesson: "text/html; charset=utf-8", css: "text/css", quiz: "application/json", js: "text/javascript"}[kind] || "image/webp";
  }

  function uuid() { return crypto.randomUUID ? crypto.randomUUID() : hex(crypto.getRandomValues(new Uint8Array(16))).replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-"); }
  function packOf(module) { return store("packs", "readonly", function (s) { return s.get(module); }); }
  function queue(item, status) {
    item.key = uuid();
    item.answered_at = new Date().toISOString();
    return put("outbox", item).then(function () {
      say(status, t("queued"));
      return send();
    });
  }

  // The outbox goes in one request; a retry resends the same keys, and the server never grades them twice.
  // A send already under way is shared, so whoever asks (logout included) waits for its end.
  var sending = null;
  function send() {
    if (!navigator.onLine) { return Promise.resolve(); }
    if (sending) { return sending; }
    sending = all("outbox").then(function (items) {
      if (!items.length) { return null; }
      return post(SYNC, {items: items}).then(function (r) {
        return r.json().then(function (data) {
          if (!r.ok) { return put("results", {key: "error", message: data.message}); }
          return Promise.all(data.results.map(function (res) {
            return put("results", res).then(function () { return del("outbox", res.key); });
          })).then(function () { return del("results", "error"); });
        });
      }).then(showResults);
    }).catch(function () {}).then(function () { sending = null; });
    return sending;
  }

  // Logging out on her own phone: unsent answers are sent first. When they cannot be (no connection, or the
  // server refused them) she is told to connect first; "Borrar todo" then goes on only once she ticks the box
  // that says her unsent answers will be erased. "Guardar" keeps them on the phone, so it may go on online.
  function count(name) { return store(name, "readonly", function (s) { return s.count(); }); }
  function guardLogout(form) {
    var warning = form.querySelector("[data-logout-warning]"), confirmBox = form.querySelector("[data-logout-confirm]");
    form.addEventListener("submit", function (event) {
      var choice = event.submitter && event.submitter.name === "descargas" ? event.submitter.value : "";
      event.preventDefault();
      count("outbox").then(function (n) {
        return n ? send().then(function () { return count("outbox"); }) : 0;
      }).then(function (left) {
        var erase = choice === "borrar", confirmed = confirmBox && confirmBox.querySelector("input").checked;
        if (!left || (navigator.onLine && !erase) || (erase && confirmed)) { leave(form, choice); return; }
        if (!warning) {
          warning = document.createElement("p");
          warning.className = "notice warning";
          warning.setAttribute("role", "alert");
          (document.querySelector("main") || document.body).prepend(warning);
        }
        warning.hidden = false;
        say(warning, form.dataset.unsent || t("logout_unsent"));
        if (erase && confirmBox) { confirmBox.hidden = false; }
      }, function () { leave(form, choice); });
    });
  }
  function leave(form, choice) {
    // A page opened from the pack carries the token of the session it was saved in: take the current one.
    var token = form.querySelector("input[name=csrfmiddlewaretoken]"), current = window.Semilla && Semilla.csrfToken ? Semilla.csrfToken() : "";
    if (token && current) { token.value = current; }
    if (choice) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "descargas";
      input.value = choice;
      form.appendChild(input);
    }
    form.submit();
  }

  function lessonPage(body) {
    var module = Number(body.dataset.module), lesson = Number(body.dataset.offlineLesson);
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    document.querySelector("main").appendChild(status);
    var button = document.querySelector("[data-offline-complete]");
    if (button) {
      button.addEventListener("click", function () {
        packOf(module).then(function (p) {
          return queue({kind: "completion", lesson: lesson, pack_version: p ? p.version : ""}, status);
        });
      });
    }
    document.querySelectorAll("[data-offline-quiz]").forEach(function (section) { quizForm(section, module, lesson, status); });
  }

  function quizForm(section, module, lesson, status) {
    var quizId = Number(section.dataset.offlineQuiz);
    packOf(module).then(function (p) {
      var info = p && p.manifest.quizzes.filter(function (q) { return q.id === quizId; })[0];
      if (!info) { return; }
      return fetch("/aprender/paquetes/" + module + "/cuestionario/" + quizId + ".json").then(function (r) { return r.json(); }).then(function (quiz) {
        var form = document.createElement("form"), h = document.createElement("h2");
        h.textContent = quiz.title;
        form.appendChild(h);
        if (info.attempts_left === 0) { say(status, t("no_attempts")); return; }
        quiz.questions.forEach(function (q) {
          var set = document.createElement("fieldset"), legend = document.createElement("legend");
          legend.textContent = q.prompt;
          set.appendChild(legend);
          if (q.choices.length) {
            q.choices.forEach(function (c) {
              var label = document.createElement("label"), input = document.createElement("input");
              input.type = q.kind === "multiple" ? "checkbox" : "radio";
              input.name = "q" + q.id;
              input.value = c.id;
              label.appendChild(input);
              label.appendChild(document.createTextNode(" " + c.text));
              set.appendChild(label);
            });
          } else {
            var text = document.createElement("input");
            text.name = "q" + q.id;
            text.setAttribute("aria-label", q.prompt);
            set.appendChild(text);
          }
          form.appendChild(set);
        });
        var submit = document.createElement("button");
        submit.textContent = t("send_answers");
        form.appendChild(submit);
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var answers = {};
          quiz.questions.forEach(function (q) {
            var inputs = form.querySelectorAll("[name=q" + q.id + "]");
            answers[q.id] = q.choices.length
              ? Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return Number(i.value); })
              : inputs[0].value;
          });
          submit.disabled = true;
          queue({kind: "quiz", lesson: lesson, quiz: quizId, quiz_hash: info.hash, pack_version: p.version, answers: answers}, status);
        });
        section.appendChild(form);
      });
    });
  }

  function showResults() {
    var list = document.getElementById("resultados-sin-conexion");
    if (!list) { return; }
    all("results").then(function (results) {
      list.textContent = "";
      results.forEach(function (res) {
        var li = document.createElement("li");
        li.textContent = res.message;
        list.appendChild(li);
      });
    });
  }

  function downloadsPage(root) {
    var list = document.createElement("ul"), results = document.createElement("ul");
    list.className = "cards";
    results.id = "resultados-sin-conexion";
    root.appendChild(list);
    root.appendChild(results);
    all("packs").then(function (packs) {
      var empty = root.querySelector("[data-offline-empty]");
      if (packs.length && empty) { empty.hidden = true; }
      packs.forEach(function (p) {
        var li = document.createElement("li"), remove = document.createElement("button");
        li.className = "card";
        li.textContent = p.title + " · " + mb(p.total) + " · " + new Date(p.saved).toLocaleDateString("es-EC") + " ";
        p.manifest.resources.filter(function (r) { return r.kind === "lesson"; }).forEach(function (r, n) {
          var a = document.createElement("a");
          a.href = r.url;
          a.textContent = t("lesson", {number: n + 1});
          li.appendChild(a);
          li.appendChild(document.createTextNode(" "));
        });
        remove.type = "button";
        remove.textContent = t("remove");
        remove.addEventListener("click", function () {
          caches.delete("semilla-pack-" + p.module).then(function () { return del("packs", p.module); }).then(function () { li.remove(); });
        });
        li.appendChild(remove);
        list.appendChild(li);
      });
    });
    showResults();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-offline-download]").forEach(function (link) {
      var status = document.createElement("span");
      status.setAttribute("role", "status");
      link.parentNode.appendChild(status);
      link.addEventListener("click", function (event) { event.preventDefault(); download(link, status); });
    });
    var lesson = document.querySelector("[data-offline-lesson]");
    if (lesson) { lessonPage(lesson); }
    var downloads = document.getElementById("mis-descargas");
    if (downloads) { downloadsPage(downloads); }
    document.querySelectorAll("form[action='/cuenta/salir/']").forEach(guardLogout);
    send();
  });
  window.addEventListener("online", send);
})();
