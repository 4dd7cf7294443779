// Semilla's offline service worker: serves what a downloaded pack holds when the network is gone.
// Written by hand (no bundler, no workbox): it is a few hundred bytes, and the pack's integrity (signed
// manifest, SHA-256 of every resource) is checked by offline.js before anything enters the cache.
// Only pack caches ("semilla-pack-*") are read; personal pages are never cached here.
"use strict";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function fromPacks(request) {
  return caches.keys().then(function (names) {
    var packs = names.filter(function (n) { return n.indexOf("semilla-pack-") === 0; });
    return packs.reduce(function (found, name) {
      return found.then(function (hit) {
        return hit || caches.open(name).then(function (cache) { return cache.match(request, {ignoreVary: true}); });
      });
    }, Promise.resolve(undefined));
  });
}

var OFFLINE_PAGE = "<!doctype html><html lang=es><meta charset=utf-8><title>Sin conexión</title><p>No hay " +
  "conexión. Abre <a href=/aprender/mis-descargas/>Mis descargas</a> para ver tus lecciones descargadas.</p></html>";

// Pages: the network first (always fresh online), the pack when offline. A pack's files (lessons, styles,
// images, quizzes) are versioned by the manifest, offline.js replaces only what changed: they come from the
// pack first, so reading a downloaded lesson costs no data. Nothing else is cached.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () {
      // A page not in a pack: "Mis descargas" (kept in every pack) lists what she can read offline.
      return fromPacks(request).then(function (hit) { return hit || fromPacks("/aprender/mis-descargas/"); }).then(function (hit) {
        return hit || new Response(OFFLINE_PAGE, {headers: {"Content-Type": "text/html; charset=utf-8"}});
      });
    }));
    return;
  }
  event.respondWith(fromPacks(request).then(function (hit) { return hit || fetch(request); }));
});
