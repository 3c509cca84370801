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
    // Storage names, stable and unique per widget: the element's data-instance, else
    // its id, else its place among the widgets that have neither (so adding a named
    // widget above never moves saved work). A name used twice saves in the first widget
    // only; the second is told, and keeps its work as a file.
    var used = Object.create(null);
    var unnamed = 0;
    var plain = function (v) { return typeof v === 'string' && /^[A-Za-z0-9_-]{1,60}$/.test(v); };
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
            delete settings.taken; // set below only
            if (!plain(settings.instance)) {
              delete settings.instance;
              settings.instance = plain(el.id) ? 'rapor-id-' + el.id : 'rapor-' + (++unnamed);
            }
            if (used[settings.instance]) {
              settings.taken = settings.instance;
              settings.instance = settings.instance + '-' + (used[settings.instance] + 1);
              console.warn('Rapor: data-instance "' + settings.taken + '" is used by more than one widget on this page; only the first saves its work.');
            }
            used[settings.taken || settings.instance] = (used[settings.taken || settings.instance] || 0) + 1;
            // A share link in the address opens in the first widget only.
            if (i > 0) settings.links = 'no';
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
