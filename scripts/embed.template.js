// Rapor, embedded. Either
//   <div data-rapor data-ruleset="ombudsman-2025" data-lang="id"></div>
// or the custom element
//   <rapor-kalkulator ruleset="ombudsman-2025" lang="id"></rapor-kalkulator>
// and <script defer src=".../embed.js"></script>. Each widget lives inside an open
// shadow root, so the page's CSS and the widget's never meet. The element takes the same
// settings as attributes and follows their changes. Defines no globals (the element's
// name aside); finds its files relative to its own address.
(function () {
  'use strict';
  var files = __FILES__;
  var script = document.currentScript;
  var base = new URL('.', script ? script.src : location.href).href;
  var SETTINGS = ['ruleset', 'lang', 'units', 'compact', 'accent', 'background', 'text', 'focus', 'instance'];

  // The widget's module, fetched once for every widget of the page.
  var loading = null;
  function load() {
    if (!loading) {
      loading = import(base + files.js).then(function (widget) {
        return widget.default({ module_or_path: base + files.wasm }).then(function () { return widget; });
      });
      loading.catch(function (e) { console.error('Rapor could not start: ' + e); });
    }
    return loading;
  }

  // Storage names, stable and unique per widget: its instance setting, else its id,
  // else its place among the widgets that have neither (so adding a named widget above
  // never moves saved work). A name used twice saves in the first widget only; the
  // second is told, and keeps its work as a file.
  var used = Object.create(null);
  var unnamed = 0;
  var mounted = 0;
  var plain = function (v) { return typeof v === 'string' && /^[A-Za-z0-9_-]{1,60}$/.test(v); };
  function name(settings, id, prefix, attr) {
    if (!plain(settings.instance)) {
      delete settings.instance;
      settings.instance = plain(id) ? prefix + 'id-' + id : prefix + (++unnamed);
    }
    if (used[settings.instance]) {
      settings.taken = settings.instance;
      settings.instance = settings.instance + '-' + (used[settings.instance] + 1);
      console.warn('Rapor: ' + attr + ' "' + settings.taken + '" is used by more than one widget on this page; only the first saves its work.');
    }
    used[settings.taken || settings.instance] = (used[settings.taken || settings.instance] || 0) + 1;
  }

  // Mounts a widget into `host`'s shadow root (made here); the answer takes it down.
  function mountIn(widget, host, settings) {
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    while (root.firstChild) root.removeChild(root.firstChild);
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = base + files.css;
    var mountPoint = document.createElement('div');
    root.appendChild(css);
    root.appendChild(mountPoint);
    // A share link in the address opens in the first widget only.
    if (host._raporOrder === undefined) host._raporOrder = mounted++;
    if (host._raporOrder > 0) settings.links = 'no';
    return widget.mount(mountPoint, settings, base, files.build);
  }

  function start() {
    var hosts = Array.prototype.filter.call(document.querySelectorAll('[data-rapor]'), function (el) {
      return !el.shadowRoot;
    });
    if (!hosts.length) return;
    load().then(function (widget) {
      hosts.forEach(function (el) {
        // The element's own data-* only: a host script that put `instance` on
        // Object.prototype once put every widget on one storage key.
        var settings = Object.create(null);
        Object.keys(el.dataset).forEach(function (k) { settings[k] = el.dataset[k]; });
        delete settings.taken; // set by `name` only
        delete settings.links;
        name(settings, el.id, 'rapor-', 'data-instance');
        mountIn(widget, el, settings);
      });
    });
  }

  // <rapor-kalkulator>: mounted when it joins the page, taken down when it leaves, and
  // mounted afresh (same storage name) when a setting changes.
  if (window.customElements && !customElements.get('rapor-kalkulator')) {
    var RaporKalkulator = function () {
      return Reflect.construct(HTMLElement, [], RaporKalkulator);
    };
    RaporKalkulator.prototype = Object.create(HTMLElement.prototype);
    RaporKalkulator.prototype.constructor = RaporKalkulator;
    Object.setPrototypeOf(RaporKalkulator, HTMLElement);
    Object.defineProperty(RaporKalkulator, 'observedAttributes', { get: function () { return SETTINGS; } });
    RaporKalkulator.prototype.settings = function () {
      var settings = Object.create(null);
      var el = this;
      SETTINGS.forEach(function (k) {
        if (el.hasAttribute(k)) settings[k] = el.getAttribute(k);
      });
      if (!this._name) {
        name(settings, this.id, 'rapor-el-', 'instance');
        this._name = { instance: settings.instance, taken: settings.taken };
      }
      settings.instance = this._name.instance;
      if (this._name.taken) settings.taken = this._name.taken;
      // A `lang` the host just changed wins over the saved work's language.
      if (this._langChanged) settings.lang_wins = '1';
      return settings;
    };
    RaporKalkulator.prototype.render = function () {
      var el = this;
      if (el._queued) return;
      el._queued = true;
      // Several attributes set at once mount the widget once.
      Promise.resolve().then(function () {
        el._queued = false;
        if (!el.isConnected) return;
        return load().then(function (widget) {
          if (!el.isConnected) return;
          if (el._unmount) el._unmount();
          el._unmount = mountIn(widget, el, el.settings());
        });
      });
    };
    RaporKalkulator.prototype.connectedCallback = function () {
      // Moved within the page: the widget in its shadow root goes on as it was.
      if (!this._unmount) this.render();
    };
    RaporKalkulator.prototype.attributeChangedCallback = function (attr, before, after) {
      if (before === after || !this._unmount) return;
      if (attr === 'instance') this._name = null;
      if (attr === 'lang') this._langChanged = true;
      this.render();
    };
    RaporKalkulator.prototype.disconnectedCallback = function () {
      var el = this;
      Promise.resolve().then(function () {
        // Moved, not removed: it stays.
        if (el.isConnected || !el._unmount) return;
        el._unmount();
        el._unmount = null;
      });
    };
    customElements.define('rapor-kalkulator', RaporKalkulator);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
