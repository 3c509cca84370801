// The smoke flows, written once and run in every browser engine: Chromium through
// Playwright (tests/e2e/smoke.test.mjs), Firefox and WebKit through WebDriver
// (tests/engines/smoke.test.mjs). Each flow gets a driver `b` (see drivers.mjs for what
// it offers) on a fresh profile and the site of site.mjs; golden values are the
// published or hand-worked figures of the Chromium tests they mirror.
import assert from 'node:assert/strict';
import { APP } from './site.mjs';

/** Opens `query` on the widget and waits for its first unit. */
async function open(b, query = '?ruleset=ombudsman-2024') {
  await b.goto(APP + query);
  await b.waitFor('unit');
}

async function settings(b) {
  if (!(await b.is('settings', 'open'))) await b.click('settings-summary');
}

/** The smoke suite: load, published totals, indicators, the worker's plan, a share link
 *  in another profile, offline after one visit, the embed beside a hostile page. */
export const FLOWS = [
  ['a new visitor gets the 2025 method, three units, in Indonesian', async (b) => {
    await open(b, '');
    assert.equal(await b.count('unit'), 3);
    await settings(b);
    assert.equal(await b.value('ruleset-select'), 'ombudsman-2025');
    // Published 2025: "nilai 65,98 dengan kategori kualitas pelayanan Cukup".
    await b.fill('unit-score', '65,98');
    assert.equal(await b.text('aggregate-category'), 'C');
    assert.equal(await b.text('aggregate-quality'), 'Cukup');
    await b.click('lang-toggle');
    await b.until('aggregate-opini', /Medium quality/);
  }],

  ['a column of totals pasted from a spreadsheet fills the units down', async (b) => {
    await open(b, '');
    // The 2025 default has three units: seven rows add four.
    // (85,4 + 78,2 + 91 + 88,5 + 72,3 + 80 + 84,1) / 7 = 579,5 / 7 = 82,785… → 82,79.
    await b.paste('unit-score', '85,4\r\n78,2\r\n91\r\n88,5\r\n72,3\r\n80\r\n84,1\r\n');
    assert.equal(await b.count('unit'), 7);
    assert.equal(await b.value('unit-score', { nth: 6 }), '84,1');
    assert.equal(await b.text('aggregate-score'), '82,79');
  }],

  ['Magelang 2022 totals give 93,28 A hijau', async (b) => {
    await open(b, '?ruleset=ombudsman-2022');
    // Kota Magelang 2022 pre-evaluation: 100, 100, 80.19, 92.92 → mean 93.2775 → 93,28.
    for (const [i, v] of ['100', '100', '80,19', '92,92'].entries()) await b.fill('unit-score', v, { nth: i });
    assert.equal(await b.text('aggregate-score'), '93,28');
    assert.equal(await b.text('aggregate-category'), 'A');
    assert.equal(await b.text('aggregate-opini'), 'Kualitas Tertinggi');
    assert.match((await b.text('aggregate-zone')).toLowerCase(), /hijau/);
  }],

  ['indicator entry: every level at the top scores 100, proses product 2 at 2 gives 94,61', async (b) => {
    await open(b, '?ruleset=ombudsman-2023');
    await b.pick('unit-mode', 'indicators');
    await b.waitFor('ind-proses.maklumat-p1');
    const pickers = await b.testids('ind-');
    assert.ok(pickers.length >= 22, `${pickers.length} pickers`);
    for (const id of pickers) await b.pick(id, '3');
    assert.equal(await b.text('aggregate-score'), '100,00');
    // proses = 100·(33 + 22)/66 = 83,33…; unit = 100 − 32,37/6 = 94,605 → 94,61.
    for (const id of pickers.filter((t) => t.startsWith('ind-proses.') && t.endsWith('-p2'))) await b.pick(id, '2');
    assert.equal(await b.text('aggregate-score'), '94,61');
  }],

  ['the worker plans seven totals: four units up to 87,49–87,50 for A', async (b) => {
    await open(b);
    // 588,91 / 7 = 84,13 B; A needs 87,995 × 7 = 615,965, so +27,06 on the grid.
    for (const [i, v] of ['90', '85', '80', '88', '75', '82,91', '88'].entries()) await b.fill('unit-score', v, { nth: i });
    assert.equal(await b.text('aggregate-score'), '84,13');
    await b.until('plan-status', /Untuk mencapai kategori A diperlukan \+3,87 poin/, 15000);
    // The four units below 87,49 (85, 80, 75, 82,91) rise to one level: 4 × 87,49 = 349,96
    // from 322,91 is +27,05, the last 0,01 to the lowest.
    await b.until('plan-level', /^Naikkan nilai total [^,]+, [^,]+, [^,]+ dan [^,]+ ke 87,49–87,50\.$/);
    assert.equal(await b.count('plan-step'), 4);
  }],

  ['a share link opens the same results in a fresh profile', async (b) => {
    await open(b);
    for (const [i, v] of ['93,34', '71,5', '88'].entries()) await b.fill('unit-score', v, { nth: i });
    const score = await b.text('aggregate-score');
    await b.click('share-link');
    const link = await b.until('share-url', /#s=2[A-Za-z0-9_-]+$/, 10000, 'value');
    await b.fresh();
    await b.goto(link.slice(b.url.length));
    await b.until('alert', /dari tautan dibuka/, 10000);
    assert.equal(await b.text('aggregate-score'), score);
    // (93,34 + 71,5 + 88) / 3 = 84,28; the link carries every unit.
    assert.equal(score, '84,28');
  }],

  ['offline after one visit: the widget opens and computes with no network', async (b) => {
    await open(b, '?lang=en');
    await b.until(null, 'navigator.serviceWorker.controller !== null', 20000);
    await b.fill('unit-score', '82.84');
    await b.waitFor('plan-step', 15000);
    // A share link too: its worker is kept as it is used.
    await b.click('share-link');
    await b.until('share-url', /#s=2/, 10000, 'value');
    // The offline cache keeps what the page fetched once the first plan is on screen.
    await b.until(null, `caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys()))))
      .then((kept) => { const names = kept.flat().map((r) => new URL(r.url).pathname.split('/').pop());
        return ['index.html', 'rapor-worker.js', 'rulesets.json', 'rapor-io.js', 'rapor-io_bg.wasm'].every((f) => names.includes(f)); })`, 20000);
    b.site.offline(true);
    try {
      // Opened again, as from a bookmark. (Not WebDriver's Refresh: Firefox's bypasses
      // the service worker as a forced reload does, which no visitor offline would do.)
      await b.goto(APP + '?lang=en');
      await b.waitFor('unit', 15000);
      await b.fill('unit-score', '82.84');
      assert.equal(await b.text('aggregate-category'), 'B');
      // The workers came from the cache too: the plan, and a share link made offline.
      await b.waitFor('plan-step', 15000);
      await b.click('share-link');
      await b.until('share-url', /#s=2/, 10000, 'value');
    } finally {
      b.site.offline(false);
    }
  }],

  ['a phone at 360×800: no sideways scrolling, the grade in view while the 7th unit is typed', async (b) => {
    await b.viewport(360, 800);
    await open(b);
    for (const [i, v] of ['90', '85', '80', '88', '75', '82,91', '88'].entries()) await b.fill('unit-score', v, { nth: i });
    assert.equal(await b.text('aggregate-score'), '84,13');
    assert.equal(await b.run('innerWidth'), 360);
    assert.equal(await b.run('document.documentElement.scrollWidth - document.documentElement.clientWidth'), 0, 'sideways overflow');
    const top = await b.run(`document.querySelector('[data-testid="result-strip"]').getBoundingClientRect().top`);
    assert.ok(top >= -1 && top < 800 - 50, `the result strip at ${top} px`);
    await b.shot('phone');
  }],

  ['embed.js: two widgets beside a hostile page stay whole and separate', async (b) => {
    await b.goto('two-widgets.html');
    await b.waitFor('unit', 15000, { scope: 0 });
    await b.waitFor('unit', 15000, { scope: 1 });
    assert.equal(await b.count('unit', { scope: 0 }), 7);
    assert.equal(await b.count('unit', { scope: 1 }), 2);
    // The host's `input { display: none !important }` does not reach in.
    assert.equal(await b.is('unit-score', 'visible', { scope: 0 }), true);
    await b.fill('unit-score', '82,84', { scope: 0 });
    await b.fill('unit-score', '71.66', { scope: 1 });
    assert.equal(await b.text('aggregate-category', { scope: 0 }), 'B');
    assert.equal(await b.text('aggregate-score', { scope: 1 }), '71.66');
    assert.match(await b.text('aggregate-zone', { scope: 1 }), /Yellow zone/);
    assert.deepEqual(await b.run('Object.keys(window).filter((k) => /rapor|wasm/i.test(k))'), []);
  }],
];
