// Registers Rapor's service worker (offline use after one visit), scoped to this folder.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(function (e) {
    console.warn('Rapor works, but not offline: ' + e);
  });
}
