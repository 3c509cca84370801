// Rapor's service worker: keeps what a visitor has used in the browser, so the widget
// opens with no connection after one visit. Written by scripts/write-embed.mjs for each
// build.
// It waits its turn: nothing is fetched when it installs. Once the page has its first
// result and plan on screen it says so ({rapor: 'keep', urls}) and the worker keeps the
// files the page already fetched, taken from the browser's HTTP cache rather than the
// network. Files used later (another method, the Excel worker) are kept as they are
// fetched; {rapor: 'all'} keeps every file of the build ("Siapkan untuk dipakai luring").
// Files with a content hash in their name never change: served from the cache first.
// The page and the files with stable names (embed.js, the workers) come from the network
// first, so a new deployment shows at once when online, and from the cache when offline.
// Each build has its own cache; older ones are removed when it takes over.
'use strict';
var VERSION = __VERSION__;
var FILES = __FILES__;
var CACHE = 'rapor-' + VERSION;

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('rapor-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

/** The cache's key for a URL of this build: the page without its query string. */
function keyOf(href) {
  var url = new URL(href);
  return url.pathname.endsWith('/') || url.pathname.endsWith('/index.html')
    ? new URL('index.html', self.registration.scope).href
    : url.origin + url.pathname;
}

function inScope(href) {
  return href.indexOf(self.registration.scope) === 0;
}

/** Keeps each of `hrefs` not kept yet; `force-cache` takes what the page already has. */
function keep(hrefs) {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(hrefs.filter(inScope).map(function (href) {
      var key = keyOf(href);
      return cache.match(key).then(function (hit) {
        if (hit) return true;
        return fetch(new Request(href, { cache: 'force-cache' })).then(function (response) {
          return response.ok ? cache.put(key, response).then(function () { return true; }) : false;
        }).catch(function () { return false; });
      });
    }));
  });
}

self.addEventListener('message', function (event) {
  var data = event.data || {};
  var urls = data.rapor === 'all'
    ? FILES.map(function (f) { return new URL(f[0], self.registration.scope).href; })
    // Only a page of this very build: files from another one must not fill this cache.
    : data.rapor === 'keep' && data.build === VERSION && Array.isArray(data.urls) ? data.urls : null;
  if (!urls) return;
  event.waitUntil(keep(urls).then(function (kept) {
    var answer = { rapor: data.rapor === 'all' ? 'all-kept' : 'kept', kept: kept.filter(Boolean).length, of: kept.length };
    if (event.source) event.source.postMessage(answer);
  }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET' || !inScope(req.url)) return;
  var key = keyOf(req.url);
  // Trunk's content hashes: 16 hex digits, fewer when the number has leading zeros.
  var hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(new URL(req.url).pathname);
  event.respondWith(caches.open(CACHE).then(function (cache) {
    var fromNetwork = function () {
      return fetch(req).then(function (response) {
        if (response.ok) cache.put(key, response.clone());
        return response;
      });
    };
    if (hashed) {
      return cache.match(key).then(function (hit) { return hit || fromNetwork(); });
    }
    return fromNetwork().catch(function () {
      return cache.match(key).then(function (hit) { return hit || Response.error(); });
    });
  }));
});
