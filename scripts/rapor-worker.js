// Rapor's engine worker: the plan, off the page's thread (the sampling risk, files and
// links have their own worker, rapor-io, fetched on first use). It runs the page's own compiled module, which the page posts
// ({module, glue}: the WebAssembly.Module and the address of its wasm-bindgen glue), so
// a visit downloads the engine once. From then on the module answers the page's requests
// itself (rapor::worker::serve; the wire format is rapor::protocol).
// On Rapor's own page the early script starts this worker while the module downloads and
// posts the glue's address and the method file it fetched ({glue, warm}): the glue is
// imported then, and the module, posted when the page has it, is instantiated at once,
// and reads that method before any request comes (rapor::worker::warm).
// Requests may follow the module at once: they wait here until the module answers them
// (the page need not wait for this worker's `ready`, which it could only read once its
// own long first render is over, so the first plan is worked out during that render).
// A module worker: the glue is an ES module.
var glue = null;
var early = null;
var warm = null;
self.onmessage = function (event) {
  var init = event.data || {};
  if (early) {
    early.push(init);
    return;
  }
  if (typeof init.warm === 'string') warm = init.warm;
  if (!glue && init.glue) {
    glue = import(init.glue);
    glue.catch(function () {}); // told below, when the module comes
  }
  if (!init.module) return;
  early = [];
  (glue || Promise.reject(new Error('no glue')))
    .then(function (g) {
      return g.default({ module_or_path: init.module }).then(function () {
        g.worker_start(); // the module's own handler from here on
        // The method file the early screen fetched, read now unless a request already
        // waits (it reads it itself): see rapor::worker::warm.
        if (warm && !early.length && g.worker_warm) {
          try {
            g.worker_warm(warm);
          } catch (e) {
            // Only a head start: the requests read what they need themselves.
          }
        }
        warm = null;
        early.forEach(function (data) { self.dispatchEvent(new MessageEvent('message', { data: data })); });
      });
    })
    .catch(function (e) {
      // The page hears why, and tells whoever waits (rapor::web::workers).
      self.postMessage({ failed: 'the engine worker could not start: ' + e });
    });
};
