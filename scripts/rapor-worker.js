// Rapor's engine worker: the plan and the sampling risk, off the page's thread (files
// and links have their own worker, rapor-io, fetched on first use). It runs the page's own compiled module, which the page posts with its first
// message ({module, glue}: the WebAssembly.Module and the address of its wasm-bindgen
// glue), so a visit downloads the engine once. From then on the module answers the
// page's requests itself (rapor::worker::serve; the wire format is rapor::protocol).
// A module worker: the glue is an ES module.
self.onmessage = function (event) {
  self.onmessage = null;
  var init = event.data || {};
  import(init.glue)
    .then(function (glue) {
      return glue.default({ module_or_path: init.module }).then(function () { glue.worker_start(); });
    })
    .catch(function (e) {
      // The page hears why, and tells whoever waits (rapor::web::workers).
      self.postMessage({ failed: 'the engine worker could not start: ' + e });
    });
};
