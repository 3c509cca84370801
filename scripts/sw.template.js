// Rapor's service worker: keeps this build in the browser so the widget opens with no
// connection after one visit. Written by scripts/write-embed.mjs for each build.
// Files with a content hash in their name never change: served from the cache first.
// The page and the files with stable names (embed.js, the workers) come from the
// network first, so a new deployment shows at once when online, and from the cache when
// offline. Each build has its own cache; older ones are removed when it takes over.
'use strict';
var VERSION = __VERSION__;
var FILES = __FILES__;
var CACHE = 'rapor-' + VERSION;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(FILES.map(function (f) { return new URL(f, self.registration.scope).href; }));
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('rapor-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET' || req.url.indexOf(self.registration.scope) !== 0) return;
  var url = new URL(req.url);
  // The page itself, with or without its query string (?ruleset=…&lang=…).
  var key = url.pathname.endsWith('/') || url.pathname.endsWith('/index.html')
    ? new URL('index.html', self.registration.scope).href
    : url.origin + url.pathname;
  var hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(url.pathname);
  event.respondWith(caches.open(CACHE).then(function (cache) {
    if (hashed) {
      return cache.match(key).then(function (hit) { return hit || fetch(req); });
    }
    return fetch(req).then(function (response) {
      if (response.ok) cache.put(key, response.clone());
      return response;
    }).catch(function () {
      return cache.match(key).then(function (hit) { return hit || Response.error(); });
    });
  }));
});
