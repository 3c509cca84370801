// Rapor, embedded: <div data-rapor data-ruleset="ombudsman-2023" data-lang="id"></div>
// and <script defer src=".../embed.js"></script>. Each [data-rapor] element gets its own
// widget inside an open shadow root, so the page's CSS and the widget's never meet.
// Defines no globals; finds its files relative to its own address.
(function () {
  'use strict';
  var files = __FILES__;
  var script = document.currentScript;
  var base = new URL('.', script ? script.src : location.href).href;

  function start() {
    var hosts = Array.prototype.filter.call(document.querySelectorAll('[data-rapor]'), function (el) {
      return !el.shadowRoot;
    });
    if (!hosts.length) return;
    import(base + files.js)
      .then(function (widget) {
        return widget.default({ module_or_path: base + files.wasm }).then(function () {
          hosts.forEach(function (el, i) {
            var root = el.attachShadow({ mode: 'open' });
            var css = document.createElement('link');
            css.rel = 'stylesheet';
            css.href = base + files.css;
            var mountPoint = document.createElement('div');
            root.appendChild(css);
            root.appendChild(mountPoint);
            // The element's own data-* only: a host script that put `instance` on
            // Object.prototype once put every widget on one storage key.
            var settings = Object.create(null);
            Object.keys(el.dataset).forEach(function (k) { settings[k] = el.dataset[k]; });
            if (!settings.instance) settings.instance = 'rapor-' + (i + 1);
            widget.mount(mountPoint, settings, base, files.build);
          });
        });
      })
      .catch(function (e) {
        console.error('Rapor could not start: ' + e);
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
