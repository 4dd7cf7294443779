// Live mentoring room: enhances the plain page (which works without JS). Protocol: docs/websocket-protocol.md
(function () {
  "use strict";
  var root = document.getElementById("sala");
  if (!root || root.dataset.live !== "1" || root.dataset.paging === "1" || !window.WebSocket) return;

  var t = function (key) { return root.dataset["t" + key.charAt(0).toUpperCase() + key.slice(1)] || ""; };
  var me = parseInt(root.dataset.userId, 10);
  var moderator = root.dataset.moderator === "1";
  var lastId = parseInt(root.dataset.lastId, 10) || 0;
  var seen = {};
  var socket = null, attempt = 0, heartbeat = null, stopped = false;
  var list = document.getElementById("mensajes");
  var status = document.getElementById("estado");
  var alertBox = document.getElementById("aviso");
  var notesForm = document.getElementById("notas");
  var notesVersion = notesForm ? parseInt(notesForm.dataset.version, 10) || 0 : 0;
  var notesDirty = false;
  var notesStatus = document.getElementById("notas-estado");
  var muteBox = document.getElementById("silencio");
  var mutedNow = root.dataset.muted === "1";
  var STOP_CODES = { 4401: "stopped", 4403: "removed", 4404: "stopped", 4410: "closed" };

  // Replay is by seq: `contiguous` is the seq up to which every message is here (null until the first
  // history frame says where it starts); `held` are seqs above it that came early, e.g. from another server
  // process. A gap that lasts asks for a replay; a reconnect replays from `contiguous`.
  var contiguous = null, held = {}, gapTimer = null, GAP_WAIT_MS = 2000;
  function noteSeq(seq) {
    if (typeof seq !== "number") return;
    if (contiguous === null || seq > contiguous) held[seq] = true;
    advance();
  }
  function advance() {
    if (contiguous === null) return;
    Object.keys(held).forEach(function (s) { if (+s <= contiguous) delete held[s]; });
    while (held[contiguous + 1]) { delete held[contiguous + 1]; contiguous += 1; }
    if (gapTimer || !Object.keys(held).length) return;
    gapTimer = setTimeout(function () {
      gapTimer = null;
      if (Object.keys(held).length) send({ type: "replay", last_seq: contiguous });
    }, GAP_WAIT_MS);
  }

  Array.prototype.forEach.call(list.querySelectorAll("li[data-id]"), function (li) {
    seen[li.dataset.id] = li;
    if (moderator && !li.querySelector("form")) addDeleteButton(li, parseInt(li.dataset.id, 10));
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;  // always text: never HTML
    if (cls) node.className = cls;
    return node;
  }
  function setStatus(text) { status.textContent = text; }
  // 24-hour HH:MM in the browser's time, like the times the server writes in the page.
  function clock(date) { return ("0" + date.getHours()).slice(-2) + ":" + ("0" + date.getMinutes()).slice(-2); }
  function showAlert(text) { alertBox.textContent = text; alertBox.hidden = !text; }
  function send(obj) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(obj)); return true; }
    return false;
  }

  function addDeleteButton(li, id) {
    var b = el("button", t("delete"), "link");
    b.type = "button";
    b.addEventListener("click", function () { send({ type: "message.delete", id: id }); });
    li.appendChild(document.createTextNode(" "));
    li.appendChild(b);
  }

  function renderMessage(m) {
    var li = el("li");
    li.dataset.id = m.id;
    li.appendChild(el("strong", m.author));
    var time = new Date(m.created_at);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", clock(time), "muted"));
    li.appendChild(el("br"));
    li.appendChild(m.deleted ? el("em", t("deleted"), "muted") : el("span", m.text, "texto"));
    if (moderator && !m.deleted) addDeleteButton(li, m.id);
    return li;
  }

  // Keep messages by id: duplicates (replay + broadcast) are dropped, order is by id.
  function addMessage(m) {
    noteSeq(m.seq);
    if (seen[m.id]) return;
    var li = renderMessage(m);
    seen[m.id] = li;
    var empty = list.querySelector(".vacio");
    if (empty) empty.remove();
    var after = null;
    Array.prototype.some.call(list.children, function (node) {
      if (parseInt(node.dataset.id, 10) > m.id) { after = node; return true; }
      return false;
    });
    list.insertBefore(li, after);
    if (m.id > lastId) lastId = m.id;
    li.scrollIntoView({ block: "nearest" });
  }

  function markDeleted(id) {
    var li = seen[id];
    if (!li) return;
    var fresh = renderMessage({ id: id, author: li.querySelector("strong").textContent, deleted: true,
      created_at: new Date().toISOString() });
    fresh.querySelector("span.muted").textContent = li.querySelector("span.muted").textContent;
    list.replaceChild(fresh, li);
    seen[id] = fresh;
  }

  function renderPeople(people, muted) {
    var ul = document.getElementById("personas");
    ul.textContent = "";
    people.forEach(function (p) {
      var li = el("li", p.name);
      if (moderator && p.id !== me) {
        [["mute", "member.mute"], ["unmute", "member.unmute"], ["remove", "member.remove"]].forEach(function (a) {
          var b = el("button", t(a[0]), "link");
          b.type = "button";
          b.addEventListener("click", function () { send({ type: a[1], user_id: p.id }); });
          li.appendChild(document.createTextNode(" · "));
          li.appendChild(b);
        });
      }
      ul.appendChild(li);
    });
  }

  function renderHands(queue) {
    var ol = document.getElementById("manos");
    ol.textContent = "";
    var mine = false;
    queue.forEach(function (h) {
      var li = el("li", h.name);
      if (h.user_id === me) mine = true;
      if (moderator) {
        var b = el("button", t("lower"), "link");
        b.type = "button";
        b.addEventListener("click", function () { send({ type: "hand.lower", user_id: h.user_id }); });
        li.appendChild(document.createTextNode(" · "));
        li.appendChild(b);
      }
      ol.appendChild(li);
    });
    var button = document.getElementById("boton-mano");
    if (button) {
      button.dataset.up = mine ? "1" : "0";
      button.textContent = mine ? t("handDown") : t("handUp");
      button.disabled = mutedNow && !mine;
      var action = button.form.querySelector('input[name="accion"]');
      if (action) action.value = mine ? "bajar" : "levantar";
    }
  }

  var myVotes = {};
  function renderPoll(poll) {
    var box = document.getElementById("encuestas");
    var card = box.querySelector('[data-poll="' + poll.id + '"]');
    var fresh = el("div", null, "card");
    fresh.dataset.poll = poll.id;
    var head = el("p");
    head.appendChild(el("strong", poll.question));
    if (poll.closed) { head.appendChild(document.createTextNode(" ")); head.appendChild(el("span", t("pollClosed"), "badge")); }
    fresh.appendChild(head);
    var ul = el("ul");
    poll.options.forEach(function (o) {
      var li = el("li", o.text + ": " + o.votes + " " + (o.votes === 1 ? t("voteOne") : t("votes")) + (myVotes[poll.id] === o.id ? " ✓" : ""));
      if (!poll.closed && !myVotes[poll.id] && !mutedNow) {
        var b = el("button", t("vote"), "secondary");
        b.type = "button";
        b.addEventListener("click", function () { send({ type: "poll.vote", poll_id: poll.id, option_id: o.id }); });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(b);
      }
      ul.appendChild(li);
    });
    fresh.appendChild(ul);
    if (moderator && !poll.closed) {
      var c = el("button", t("closePoll"), "link");
      c.type = "button";
      c.addEventListener("click", function () { send({ type: "poll.close", poll_id: poll.id }); });
      fresh.appendChild(c);
    }
    var placeholder = box.querySelector("p.muted");
    if (placeholder) placeholder.remove();
    if (card) box.replaceChild(fresh, card); else box.appendChild(fresh);
    fresh._poll = poll;
  }

  function renderNotes(text, version) {
    document.getElementById("notas-texto").textContent = text;
    notesVersion = version;
    if (notesForm) notesForm.querySelector('input[name="version"]').value = version;
    if (notesForm && !notesDirty) document.getElementById("notas-campo").value = text;
  }

  // Muted or not, told at once: the box, the hand and the votes follow (the server refuses them anyway).
  function setMuted(muted, tell) {
    var next = muted && !moderator, changed = next !== mutedNow;
    mutedNow = next;
    Array.prototype.forEach.call(document.querySelectorAll("[data-write]"), function (node) {
      node.disabled = mutedNow && !(node.id === "boton-mano" && node.dataset.up === "1");
    });
    Array.prototype.forEach.call(document.querySelectorAll("#encuestas [data-poll]"), function (card) {
      if (card._poll) renderPoll(card._poll);
    });
    if (muteBox && (changed || mutedNow)) {
      muteBox.textContent = mutedNow ? t("muted") : (tell ? t("unmuted") : "");
      muteBox.className = mutedNow ? "notice warning" : "notice";
      muteBox.hidden = !muteBox.textContent;
    }
  }

  var handlers = {
    welcome: function (f) {
      moderator = f.moderator;
      attempt = 0;  // only now is the room joined: a server that accepts and then fails keeps backing off
      setStatus(t("online"));
      if (f.muted !== undefined) setMuted(f.muted, false);
    },
    history: function (f) {
      if (typeof f.after_seq === "number" && (contiguous === null || f.after_seq > contiguous)) {
        contiguous = f.after_seq;
      }
      f.messages.forEach(addMessage);
      advance();
      (f.deleted_ids || []).forEach(markDeleted);
      if (f.cut) window.location.reload();
    },
    state: function (f) {
      renderPeople(f.people);
      renderHands(f.hands);
      f.polls.forEach(function (p) { if (p.my_vote) myVotes[p.id] = p.my_vote; renderPoll(p); });
      renderNotes(f.notes.text, f.notes.version);
      if (f.muted !== undefined) setMuted(f.muted, false);
    },
    message: function (f) { addMessage(f.message); },
    "message.deleted": function (f) { markDeleted(f.id); },
    presence: function (f) { renderPeople(f.people); },
    hands: function (f) { renderHands(f.queue); },
    poll: function (f) { renderPoll(f.poll); },
    "poll.voted": function (f) {
      myVotes[f.poll_id] = f.option_id;
      var card = document.querySelector('[data-poll="' + f.poll_id + '"]');
      if (card && card._poll) renderPoll(card._poll);
    },
    notes: function (f) {
      if (notesDirty) showAlert(t("updated"));
      renderNotes(f.text, f.version);
    },
    "notes.saved": function (f) {
      notesVersion = f.version; notesDirty = false; showAlert("");
      if (notesStatus) notesStatus.textContent = t("saved") + " " + clock(new Date());
    },
    "notes.conflict": function (f) {
      renderNotes(f.text, f.version);
      notesDirty = false;
      document.getElementById("notas-campo").value = f.text;
      var box = document.getElementById("notas-conflicto");
      box.querySelector("p").textContent = t("conflict");
      document.getElementById("notas-mias").value = f.your_text;
      box.hidden = false;
    },
    "member.muted": function (f) { if (f.user_id === me) setMuted(f.muted, true); },
    removed: function () { stopped = true; },
    "room.closed": function () { stopped = true; },
    error: function (f) { showAlert(f.message); },
    heartbeat: function () {}
  };

  var retryTimer = null, watchdog = null;
  var HEARTBEAT_MS = 25000, DEAD_AFTER_MS = 10000;
  var RETRY_BASE_MS = 1000, RETRY_CAP_MS = 10000;

  // Exponential backoff with jitter, so a whole center reconnecting does not arrive at once; capped, so a
  // room is back within RETRY_CAP_MS (plus the connect itself) of the service returning. `random` in [0, 1).
  function retryDelay(n, random) {
    var ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * Math.pow(2, n));
    return ceiling / 2 + (ceiling / 2) * random;
  }
  root.retryDelay = retryDelay;  // for the tests of the schedule

  function retryLater() {
    var delay = retryDelay(attempt, Math.random());
    attempt += 1;
    setStatus(t("offline"));
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, delay);
  }

  // A socket on a dead link may never fire "close": give it up and open a new one (replay fills the gap).
  function abandon() {
    var old = socket;
    socket = null;
    clearInterval(heartbeat);
    clearTimeout(watchdog);
    if (old) { try { old.close(); } catch (e) { /* already closing */ } }
    if (!stopped) retryLater();
  }

  function connect() {
    clearTimeout(retryTimer);
    if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) return;
    setStatus(t("connecting"));
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    // `make run` serves the sockets from their own port of the same host (data-ws-port); else the page's own.
    var host = root.dataset.wsPort ? window.location.hostname + ":" + root.dataset.wsPort : window.location.host;
    var ws = new WebSocket(scheme + host + root.dataset.ws);
    socket = ws;
    ws.addEventListener("open", function () {
      if (ws !== socket) return;
      send({ type: "hello", last_seq: contiguous, last_seen_id: lastId || null });
      clearInterval(heartbeat);
      heartbeat = setInterval(function () {
        if (!send({ type: "heartbeat" })) return;
        clearTimeout(watchdog);
        watchdog = setTimeout(function () { if (ws === socket) abandon(); }, DEAD_AFTER_MS);
      }, HEARTBEAT_MS);
    });
    ws.addEventListener("message", function (event) {
      if (ws !== socket) return;  // frames from an abandoned socket: the replay brings them again
      clearTimeout(watchdog);
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      var handler = handlers[frame.type];
      if (handler) handler(frame);
    });
    ws.addEventListener("close", function (event) {
      if (ws !== socket) return;
      socket = null;
      clearInterval(heartbeat);
      clearTimeout(watchdog);
      var reason = STOP_CODES[event.code];
      if (reason || stopped) {
        stopped = true;
        setStatus(t(reason || "closed"));
        if (reason === "closed" || reason === "removed") showAlert(t(reason));
        return;
      }
      retryLater();
    });
  }

  // The browser knows first when the link drops or returns: do not wait for the backoff.
  window.addEventListener("offline", function () { if (socket) abandon(); else setStatus(t("offline")); });
  window.addEventListener("online", function () { attempt = 0; connect(); });

  var form = document.getElementById("escribir");
  if (form) {
    form.addEventListener("submit", function (event) {
      var area = form.querySelector("textarea");
      var text = area.value.trim();
      if (!text) { event.preventDefault(); return; }
      if (send({ type: "message.send", text: text })) { event.preventDefault(); area.value = ""; showAlert(""); }
      // Offline: the form posts normally; the server saves the message.
    });
  }
  var hand = document.getElementById("boton-mano");
  if (hand) {
    hand.addEventListener("click", function (event) {
      if (send({ type: hand.dataset.up === "1" ? "hand.lower" : "hand.raise" })) event.preventDefault();
    });
  }
  if (notesForm) {
    notesForm.hidden = false;
    document.getElementById("notas-campo").addEventListener("input", function () { notesDirty = true; });
    notesForm.addEventListener("submit", function (event) {
      // Offline: the form posts normally with the version it started from; the server checks it.
      if (send({ type: "notes.save", text: document.getElementById("notas-campo").value, base_version: notesVersion })) {
        event.preventDefault();
        document.getElementById("notas-conflicto").hidden = true;
      }
    });
  }
  var pollForm = document.getElementById("nueva-encuesta");
  if (pollForm && moderator) {
    pollForm.hidden = false;
    pollForm.addEventListener("submit", function (event) {
      var options = document.getElementById("opciones").value.split("\n").map(function (s) { return s.trim(); })
        .filter(Boolean);
      if (send({ type: "poll.create", question: document.getElementById("pregunta").value, options: options })) {
        event.preventDefault();
        pollForm.reset();
      }
    });
  }
  connect();
})();
