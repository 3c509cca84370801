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
// An update is atomic: a new build's worker, installing beside an older build's cache,
// fetches this build's copy of every file the older one kept — from the server, never
// from the HTTP cache (`cache: 'reload'`) — and installs only when all arrived; it takes
// over when the older build's pages are closed. A page asks for its stable-named files
// with its build's id (`?v=`), and only this build's files enter this build's cache.
'use strict';
var VERSION = __VERSION__;
var FILES = __FILES__;
var CACHE = 'rapor-' + VERSION;
var NAMES = FILES.map(function (f) { return f[0] === './' ? 'index.html' : f[0]; });

// Trunk's content hashes: 16 hex digits, fewer when the number has leading zeros.
var HASH = /-[0-9a-f]{8,16}(?=(_bg)?\.(js|wasm|css)$)/;

/** A file's name without Trunk's content hash: the same file of another build. */
function plain(href) {
  return href.split('?')[0].split('/').pop().replace(HASH, '') || 'index.html';
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    var older = keys.filter(function (k) { return k.indexOf('rapor-') === 0 && k !== CACHE; });
    // A first visit: nothing now; the page says when it has what it needs.
    if (!older.length) return undefined;
    return Promise.all(older.map(function (k) { return caches.open(k).then(function (c) { return c.keys(); }); }))
      .then(function (lists) {
        var had = {};
        lists.forEach(function (list) { list.forEach(function (r) { had[plain(r.url)] = true; }); });
        return caches.open(CACHE).then(function (cache) {
          return Promise.all(NAMES.filter(function (n) { return had[plain(n)]; }).map(function (n) {
            var url = new URL(n, self.registration.scope).href;
            return fetch(new Request(url, { cache: 'reload' })).then(function (response) {
              if (!response.ok) throw new Error(n + ': ' + response.status);
              return cache.put(keyOf(url), response);
            });
          }));
        });
      })
      // Incomplete: this build does not install now (the older one stays) and tries again.
      .catch(function (e) { return caches.delete(CACHE).then(function () { throw e; }); });
  }));
});

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

/** Whether `response` for `href` belongs in this build's cache: a file of this build,
 *  asked for as this build's (`?v=`) where it has a stable name, and a page that says
 *  it is this build (a newer page opened while this worker still serves). */
function ours(href, response) {
  var url = new URL(href);
  var v = url.searchParams.get('v');
  var page = plain(href) === 'index.html';
  if (NAMES.indexOf(page ? 'index.html' : url.pathname.split('/').pop()) < 0) return Promise.resolve(false);
  if (v !== null && v !== VERSION) return Promise.resolve(false);
  if (!page) return Promise.resolve(true);
  return response.clone().text().then(function (html) { return html.indexOf('content="' + VERSION + '"') >= 0; });
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET' || !inScope(req.url)) return;
  var key = keyOf(req.url);
  // A stable name asked for as this build's (`?v=`) is as fixed as a hashed one.
  var url = new URL(req.url);
  var fixed = HASH.test(url.pathname) || url.searchParams.get('v') === VERSION;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    var fromNetwork = function () {
      // Past the HTTP cache's own guess of freshness: asked again of the server (a 304
      // costs nothing), so a new deployment shows at once when online.
      return fetch(new Request(req, { cache: 'no-cache' })).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          ours(req.url, copy).then(function (yes) { if (yes) cache.put(key, copy); });
        }
        return response;
      });
    };
    if (fixed) {
      return cache.match(key).then(function (hit) { return hit || fromNetwork(); });
    }
    return fromNetwork().catch(function () {
      return cache.match(key).then(function (hit) { return hit || Response.error(); });
    });
  }));
});
