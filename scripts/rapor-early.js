// Rapor's first screen, before the engine arrives. On a slow connection the widget's
// module takes seconds; this small script (Rapor's own page only: `<main
// data-rapor-standalone>`) fetches the list of methods and the method in use at once, and
// on a fresh visit shows the method's units with a field for each total, so typing starts
// while the module downloads. The widget then takes the fetched files
// (`window.raporEarly.texts` once arrived, else `.files`, their promises;
// rapor::web::early) instead of asking again, and takes over the fields: what was
// typed, which field has the focus and where its caret is.
// It shows nothing when the widget would open anything else: saved work, a share link,
// units or a storage name given by the page.
(function () {
  'use strict';
  var main = document.querySelector('main[data-rapor-standalone]');
  // Set already: the widget started first (rapor::web::early::claim) and needs nothing.
  if (!main || window.raporEarly) return;
  // rapor::session::DEFAULT_RULESET (a host test keeps the two equal).
  var DEFAULT_RULESET = 'ombudsman-2025';
  // rapor::text::ui's Units, UnitScore, AppSubtitle (the same host test), and this screen's own line.
  var TEXT = {
    id: {
      units: 'Unit layanan yang dinilai',
      score: 'Nilai total',
      subtitle: 'Kalkulator Penilaian Kepatuhan Pelayanan Publik',
      wait: 'Menyiapkan penghitung… Angka yang Anda ketik tetap dipakai.',
      failed: 'Penghitung tidak dapat dimuat. Periksa koneksi, lalu muat ulang halaman.',
    },
    en: {
      units: 'Sampled service units',
      score: 'Total score',
      subtitle: 'Public Service Compliance Calculator',
      wait: 'Preparing the calculator… What you type is kept.',
      failed: 'The calculator could not be loaded. Check the connection, then reload the page.',
    },
  };
  var params = new URLSearchParams(location.search);
  var meta = document.querySelector('meta[name="rapor-build"]');
  var query = meta && meta.content ? '?v=' + meta.content : '';
  var early = (window.raporEarly = { files: {}, texts: {} });

  // The module did not arrive or could not start (the page's start-up script, as
  // scripts/write-embed.mjs writes it, says so): the screen says so instead of waiting
  // for ever.
  function broken() {
    if (early.gone) return;
    early.broken = true;
    if (early.failed) early.failed();
  }
  if (window.raporFailed) broken();
  window.addEventListener('rapor-failed', broken);

  function fetchText(file) {
    var p = fetch('./' + file + query).then(function (r) {
      if (!r.ok) throw new Error(file + ': HTTP ' + r.status);
      return r.text();
    });
    // The widget asks again itself if this failed: no unhandled rejection meanwhile.
    p.then(function (text) {
      // Arrived before the module: the widget reads it at once (rapor::web::early::text)
      // and starts in its first render, without a pass that only waits for a promise.
      early.texts[file] = text;
    }).catch(function () {});
    early.files[file] = p;
    return p;
  }

  function storedWork(instance) {
    try {
      return localStorage.getItem('rapor:' + instance + ':form') !== null;
    } catch (e) {
      return true; // storage the page may not read: leave it all to the widget
    }
  }

  // The methods this build ships (written in by scripts/write-embed.mjs), so the method
  // in use is fetched beside the list, not after it. An unknown id opens the default
  // method, as the widget does.
  var LISTED = __RULESETS__;
  var id = params.get('ruleset') || DEFAULT_RULESET;
  if (LISTED.indexOf(id) < 0) id = DEFAULT_RULESET;
  // A storage name of the page's own (an iframe's `instance`) is the widget's to check.
  var fresh =
    !/^#?s=/.test(location.hash) &&
    !params.has('units') &&
    !params.has('taken') &&
    !params.has('instance') &&
    !storedWork('rapor');

  fetchText('rulesets.json');
  var methodText = null;
  fetchText('ruleset-' + id + '.json')
    .then(function (text) {
      methodText = text;
      if (fresh && !early.gone) show(JSON.parse(text));
    })
    .catch(function () {})
    .then(startWorker);

  // The engine's worker (scripts/rapor-worker.js) starts once the fields are up (its
  // fetches never hold them back) and imports the module's glue while the module
  // downloads; the widget posts it the module when it has it (rapor::web::early::worker).
  // Not when the widget came first and started its own (`worker` is then set, to null).
  // Should its script fail to load first, it is dropped and the widget starts its own.
  function startWorker() {
    var glue = document.querySelector('link[rel=modulepreload]');
    if (early.gone || early.worker !== undefined || !glue || !window.Worker) return;
    try {
      var worker = new Worker('./rapor-worker.js' + query, { type: 'module' });
      worker.addEventListener('error', function () {
        if (early.worker !== worker) return;
        early.worker = null;
        worker.terminate();
      });
      // With the method file: the worker reads it as it starts, before the page asks
      // for anything, so the page finds that code compiled (rapor::worker::warm).
      worker.postMessage({ glue: glue.href, warm: methodText });
      early.worker = worker;
    } catch (e) {
      // No module workers here: the widget finds out itself.
    }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function show(method) {
    var lang = params.get('lang') === 'en' ? 'en' : 'id';
    var t = TEXT[lang];
    var units = method.default_units && method.default_units.length ? method.default_units : ['Unit 1'];
    var root = el('div', { class: 'rapor rapor-early', 'data-rapor-early': method.id, lang: lang });
    var header = el('header', { class: 'rapor-header' });
    var titles = el('div', {});
    titles.appendChild(el('h1', { class: 'rapor-title' }, 'Rapor'));
    titles.appendChild(el('p', { class: 'rapor-subtitle' }, t.subtitle));
    header.appendChild(titles);
    root.appendChild(header);
    var status = el('p', { class: 'rapor-early-wait', role: 'status' }, t.wait);
    root.appendChild(status);
    early.failed = function () {
      status.textContent = t.failed;
      status.setAttribute('role', 'alert');
    };
    if (early.broken) early.failed();
    var section = el('section', { class: 'rapor-units', 'aria-labelledby': 'rapor-early-h' });
    var head = el('div', { class: 'rapor-units-head' });
    head.appendChild(el('h2', { id: 'rapor-early-h' }, t.units));
    section.appendChild(head);
    var list = el('ol', { class: 'rapor-grid' });
    var inputs = [];
    units.forEach(function (name, i) {
      var row = el('li', { class: 'rapor-row' });
      var line = el('div', { class: 'rapor-row-main' });
      line.appendChild(el('span', { class: 'rapor-row-n', 'aria-hidden': 'true' }, String(i + 1)));
      line.appendChild(el('span', { class: 'rapor-row-name rapor-early-name' }, name));
      var cells = el('div', { class: 'rapor-row-cells' });
      var cell = el('div', { class: 'rapor-cell' });
      var fieldId = 'rapor-early-' + i;
      cell.appendChild(el('label', { for: fieldId, class: 'rapor-visually-hidden' }, t.score + ' ' + name));
      var input = el('input', {
        id: fieldId,
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        'data-testid': 'unit-score',
        'data-early-row': String(i),
      });
      // Enter and the arrows move down and up, as in the widget's grid.
      input.addEventListener('keydown', function (e) {
        var step = e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey) ? 1 : e.key === 'ArrowUp' || e.key === 'Enter' ? -1 : 0;
        var next = inputs[i + step];
        if (step && next) {
          e.preventDefault();
          next.focus();
          next.select();
        }
      });
      inputs.push(input);
      cell.appendChild(input);
      cells.appendChild(cell);
      line.appendChild(cells);
      row.appendChild(line);
      list.appendChild(row);
    });
    section.appendChild(list);
    root.appendChild(section);
    main.insertBefore(root, main.firstChild);
  }
})();
