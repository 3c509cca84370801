// Registers Rapor's service worker (offline use after one visit), scoped to this folder,
// once the widget has its first result and plan on screen (the widget's `rapor-settled`
// event, also sent a while after start-up to a visitor who only looks): the worker's
// script is not fetched, nor the worker started, while the page's module downloads. It
// then keeps what this page already fetched, from the browser's cache.
if ('serviceWorker' in navigator) {
  var registered = false;
  var register = function () {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register('./sw.js').catch(function (e) {
      console.warn('Rapor works, but not offline: ' + e);
    });
  };
  window.addEventListener('rapor-settled', function () {
    register();
    navigator.serviceWorker.ready.then(function (registration) {
      var urls = [location.href];
      performance.getEntriesByType('resource').forEach(function (e) {
        urls.push(e.name);
        // A worker's loader fetched its script and module from inside the worker, where
        // this page's list does not see them: they sit beside it (Trunk's names).
        // Asked for as this build's (`?v=`), as the loader asks.
        var m = /^(.*)_loader\.js(\?.*)?$/.exec(e.name);
        if (m) urls.push(m[1] + '.js' + (m[2] || ''), m[1] + '_bg.wasm' + (m[2] || ''));
      });
      var build = document.querySelector('meta[name="rapor-build"]');
      if (registration.active && build) registration.active.postMessage({ rapor: 'keep', build: build.content, urls: urls });
    });
  }, { once: true });
  // "Siapkan untuk dipakai luring": every file of the build; the widget hears back.
  window.addEventListener('rapor-offline', function () {
    register();
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ rapor: 'all' });
    });
  });
  navigator.serviceWorker.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.rapor === 'all-kept') window.dispatchEvent(new CustomEvent('rapor-offline-done', { detail: data }));
  });
}
