// Embedding (issue 7, first part): the build under a sub-path of a host site, in an
// iframe that takes its settings from the query string and sizes itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, ROOT, untilTrue } from './harness.mjs';
import { serve } from './server.mjs';

const SITE = join(ROOT, 'target', 'e2e', 'site');
let server, browser, url;

before(async () => {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(join(SITE, 'pemda'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(SITE, 'pemda', 'kalkulator'), { recursive: true });
  cpSync(join(ROOT, 'tests', 'e2e', 'host'), SITE, { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 2000);
  server = await serve(SITE, port);
  url = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
after(async () => { await browser?.close(); await new Promise((ok) => server.close(ok)); });

test('iframe: settings from the query, the frame sized to the widget', async () => {
  const page = await (await browser.newContext()).newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url + 'iframe.html');
  const frame = page.frameLocator('#rapor-frame');
  await frame.getByTestId('unit').first().waitFor();
  // ruleset=ombudsman-2021, lang=en, units=Disdukcapil|RSUD Bangli, accent=#7a1f5c
  assert.equal(await frame.getByTestId('ruleset-select').inputValue(), 'ombudsman-2021');
  assert.equal(await frame.getByTestId('lang-toggle').textContent(), 'Bahasa Indonesia');
  assert.equal(await frame.getByTestId('unit').count(), 2);
  assert.equal(await frame.getByTestId('unit-name').nth(1).inputValue(), 'RSUD Bangli');
  assert.equal(await frame.locator('.rapor').evaluate((e) => getComputedStyle(e).getPropertyValue('--rapor-accent').trim()), '#7a1f5c');
  await frame.getByTestId('unit-score').nth(0).fill('71.66');
  assert.match(await frame.getByTestId('aggregate-zone').textContent(), /Yellow zone/);
  // The plan arrives a moment later and makes the widget taller: measured after it.
  await frame.locator('[data-testid="plan"][aria-busy="false"]').waitFor();
  // The host's snippet sizes the frame to the widget: no inner scroll bar.
  const fits = async () => page.evaluate(() => {
    const f = document.getElementById('rapor-frame');
    const inner = f.contentDocument.querySelector('.rapor');
    return { frame: f.getBoundingClientRect().height, content: inner.scrollHeight };
  });
  await page.waitForFunction(() => {
    const f = document.getElementById('rapor-frame');
    return Math.abs(f.getBoundingClientRect().height - f.contentDocument.querySelector('.rapor').scrollHeight) < 2;
  });
  const first = await fits();
  // Opening "Metode & asumsi" makes the widget taller; the frame follows, and shrinks back.
  await frame.getByTestId('settings-summary').click();
  await page.waitForFunction((h) => document.getElementById('rapor-frame').getBoundingClientRect().height > h + 50, first.frame);
  const grown = await fits();
  assert.ok(Math.abs(grown.frame - grown.content) < 2, JSON.stringify(grown));
  await frame.getByTestId('settings-summary').click();
  await page.waitForFunction((h) => Math.abs(document.getElementById('rapor-frame').getBoundingClientRect().height - h) < 2, first.frame);
  // Scrolled on the host page, the frame tells the widget, and the result strip stays in
  // the host's window while the units below are typed.
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.evaluate(() => window.scrollTo(0, document.getElementById('rapor-frame').offsetTop + 300));
  await page.waitForFunction(() => {
    const f = document.getElementById('rapor-frame');
    const strip = f.contentDocument.querySelector('[data-testid="result-strip"]');
    const top = f.getBoundingClientRect().top + strip.getBoundingClientRect().top;
    return top >= -1 && top < 60;
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  // The host page's own styles are its own.
  assert.equal(await page.locator('h1').evaluate((e) => getComputedStyle(e).color), 'rgb(102, 51, 153)');
  await page.screenshot({ path: join(ARTIFACTS, 'iframe-host.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('script tag: two widgets with different rulesets, isolated from a hostile page', async () => {
  const page = await (await browser.newContext()).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(url + 'two-widgets.html');
  // Locators pierce open shadow roots.
  const [a, b] = [page.locator('[data-rapor]').nth(0), page.locator('[data-rapor]').nth(1)];
  await a.getByTestId('unit').first().waitFor();
  await b.getByTestId('unit').first().waitFor();
  assert.equal(await a.getByTestId('ruleset-select').inputValue(), 'ombudsman-2023');
  assert.equal(await b.getByTestId('ruleset-select').inputValue(), 'ombudsman-2021');
  assert.equal(await a.getByTestId('unit').count(), 7);
  assert.equal(await b.getByTestId('unit').count(), 2);
  // The hostile page's `input { display: none }` does not reach in.
  assert.equal(await a.getByTestId('unit-score').first().isVisible(), true);
  await a.getByTestId('unit-score').first().fill('82,84');
  await b.getByTestId('unit-score').first().fill('71.66');
  assert.equal(await a.getByTestId('aggregate-score').textContent(), '82,84');
  assert.equal(await a.getByTestId('aggregate-category').textContent(), 'B');
  assert.equal(await b.getByTestId('aggregate-score').textContent(), '71.66');
  assert.match(await b.getByTestId('aggregate-zone').textContent(), /Yellow zone/);
  // Typing the last of widget A's seven units, its result strip is still in the window.
  await a.getByTestId('unit-score').nth(6).fill('80');
  const stripTop = await a.getByTestId('result-strip').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(stripTop >= -1 && stripTop < page.viewportSize().height - 50, `strip at ${stripTop}`);
  // Nor its fonts and button colours.
  const font = await a.locator('.rapor').evaluate((e) => getComputedStyle(e).fontFamily);
  assert.doesNotMatch(font, /^serif/);
  const bg = await a.getByTestId('add-unit').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(bg, 'rgb(255, 0, 0)');
  // The widget's styles do not reach out: the host's own paragraph keeps its look.
  assert.equal(await page.locator('p.host').evaluate((e) => getComputedStyle(e).color), 'rgb(10, 20, 30)');
  assert.match(await page.locator('p.host').evaluate((e) => getComputedStyle(e).fontFamily), /serif/);
  // One global name at most: embed.js defines none.
  const globals = await page.evaluate(() => Object.keys(window).filter((k) => /rapor|wasm/i.test(k)));
  assert.deepEqual(globals, []);
  // Each widget saves under its own key.
  await page.waitForTimeout(50);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['rapor:rapor-1:form', 'rapor:rapor-2:form']);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: join(ARTIFACTS, 'two-widgets.png') });
  // Both widgets' plans come from the engine's worker, which runs the module embed.js
  // loaded: one wasm download for the page.
  await b.getByTestId('unit-score').nth(1).fill('80');
  await b.getByTestId('plan-step').first().waitFor();
  await a.getByTestId('plan-step').first().waitFor();
  assert.deepEqual(fetched.filter((f) => f.endsWith('.wasm')).map((f) => f.replace(/-[0-9a-f]+_bg/, '_bg')), ['rapor-web_bg.wasm']);
  assert.ok(fetched.includes('rapor-worker.js'), fetched.join(' '));
  assert.deepEqual(problems, []);
});

test('custom element: <rapor-kalkulator> takes its settings as attributes, follows their changes, is isolated from a hostile page, prints and downloads', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url + 'element.html');
  const el = page.locator('rapor-kalkulator');
  await el.getByTestId('unit').first().waitFor();
  // ruleset, units and accent from the attributes.
  assert.equal(await el.getByTestId('ruleset-select').inputValue(), 'ombudsman-2022');
  assert.equal(await el.getByTestId('unit').count(), 4);
  assert.equal(await el.locator('.rapor').evaluate((e) => getComputedStyle(e).getPropertyValue('--rapor-accent').trim()), '#7a1f5c');
  // The hostile page's `input { display: none }` does not reach in.
  assert.equal(await el.getByTestId('unit-score').first().isVisible(), true);
  // Kota Magelang 2022 as published: 100, 100, 80,19, 92,92 → 93,28 A.
  for (const [i, v] of [[0, '100'], [1, '100'], [2, '80,19'], [3, '92,92']]) await el.getByTestId('unit-score').nth(i).fill(v);
  assert.equal(await el.getByTestId('aggregate-score').textContent(), '93,28');
  assert.equal(await el.getByTestId('aggregate-category').textContent(), 'A');
  // Saved under its id, not the prototype's polluted `instance`.
  await page.waitForTimeout(50);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['rapor:rapor-el-id-utama:form']);
  // A changed attribute: the widget follows (in English now), the work stays.
  await page.evaluate(() => document.querySelector('rapor-kalkulator').setAttribute('lang', 'en'));
  await el.getByTestId('lang-toggle').filter({ hasText: 'Bahasa Indonesia' }).waitFor({ timeout: 10000 });
  assert.equal(await el.getByTestId('aggregate-score').textContent(), '93.28');
  assert.equal(await el.getByTestId('unit').count(), 4);
  // Taken off the page and put back: it starts again with the saved work.
  await page.evaluate(() => { const e = document.querySelector('rapor-kalkulator'); const p = e.parentNode; e.remove(); setTimeout(() => p.appendChild(e), 50); });
  await el.getByTestId('aggregate-score').waitFor({ timeout: 10000 });
  assert.equal(await el.getByTestId('aggregate-score').textContent(), '93.28');
  // Downloads and printing from inside the element.
  const [download] = await Promise.all([page.waitForEvent('download'), el.getByTestId('export-json').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await el.getByTestId('print-report').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  // The widget's styles do not reach out.
  assert.equal(await page.locator('p.host').evaluate((e) => getComputedStyle(e).color), 'rgb(10, 20, 30)');
  assert.deepEqual(await page.evaluate(() => Object.keys(window).filter((k) => /rapor|wasm/i.test(k))), []);
  await page.screenshot({ path: join(ARTIFACTS, 'element-host.png') });
  assert.deepEqual(problems, []);
});

test("iframe of the window's height (no host script): the result strip stays on screen while the last unit is edited; print and downloads in a sandboxed frame", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url + 'iframe-viewport.html');
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('unit').first().waitFor();
  await page.evaluate(() => document.querySelector('iframe').scrollIntoView());
  // The seven units of the 2024 sample, the last one last: the strip is still in view.
  for (let i = 0; i < 7; i++) await frame.getByTestId('unit-score').nth(i).fill(String(80 + i));
  const where = await page.evaluate(() => {
    const f = document.querySelector('iframe');
    const strip = f.contentDocument.querySelector('[data-testid="result-strip"]').getBoundingClientRect();
    const last = [...f.contentDocument.querySelectorAll('[data-testid="unit-score"]')].pop().getBoundingClientRect();
    const top = f.getBoundingClientRect().top;
    return { strip: top + strip.top, stripBottom: top + strip.bottom, last: top + last.top, height: innerHeight };
  });
  assert.ok(where.strip >= -1 && where.stripBottom <= where.height, JSON.stringify(where));
  assert.ok(where.last >= 0 && where.last <= where.height, JSON.stringify(where));
  // (80 + … + 86) / 7 = 83,00.
  assert.equal(await frame.getByTestId('aggregate-score').textContent(), '83,00');
  const [download] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('export-json').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const inner = page.frames().find((f) => f !== page.mainFrame());
  await inner.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await frame.getByTestId('print-report').click();
  assert.equal(await inner.evaluate(() => window.__printed), 1);
  await page.screenshot({ path: join(ARTIFACTS, 'iframe-viewport.png') });
  assert.deepEqual(problems, []);
});

test('offline: after one visit the widget opens with no connection', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const app = url + 'pemda/kalkulator/index.html?lang=en';
  await page.goto(app);
  await page.getByTestId('unit').first().waitFor();
  // No service worker while the page's module downloads.
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  // The first result and plan on screen: only then is the service worker registered, and
  // it keeps what the page fetched, the engine's worker script included (a loaded
  // machine once went offline before the worker's script was kept).
  await page.getByTestId('unit-score').first().fill('82.84');
  await page.getByTestId('plan-step').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  // The visitor also makes a share link: the files-and-links worker is kept as it is used.
  await page.getByTestId('share-link').click();
  assert.match(await page.getByTestId('share-url').inputValue({ timeout: 10000 }), /#s=2/);
  await untilTrue(page, async () => {
    const kept = await caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys()))));
    const names = kept.flat().map((r) => new URL(r.url).pathname.split('/').pop());
    return ['index.html', 'rapor-worker.js', 'sw-register.js', 'rulesets.json', 'rapor-io_loader.js', 'rapor-io.js', 'rapor-io_bg.wasm']
      .every((f) => names.includes(f)) && names.some((f) => /^rapor-web-[0-9a-f]{8,16}_bg\.wasm$/.test(f));
  }, null, 'the files for offline use kept');
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.equal(await page.getByTestId('lang-toggle').textContent(), 'Bahasa Indonesia');
  await page.getByTestId('unit-score').first().fill('82.84');
  assert.equal(await page.getByTestId('aggregate-category').textContent(), 'B');
  // The plan, and the share link the visitor used: both workers were kept.
  await page.getByTestId('plan-step').first().waitFor();
  await page.getByTestId('share-link').click();
  assert.match(await page.getByTestId('share-url').inputValue({ timeout: 10000 }), /#s=2/);
  await context.setOffline(false);
  assert.deepEqual(problems, []);
});

test('the offline cache keeps files only for a page of its own build', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url + 'pemda/kalkulator/index.html');
  await page.getByTestId('unit-score').first().fill('82,84');
  await page.getByTestId('plan-step').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  // A page of another build (an older index.html from the HTTP cache, say) asks to keep
  // a file: refused, nothing kept. The same request from its own build is kept.
  const keep = (build) => page.evaluate((build) => navigator.serviceWorker.controller.postMessage(
    { rapor: 'keep', build, urls: [new URL('embed.js', location.href).href] }), build);
  const kept = () => page.evaluate(async () => Boolean(await caches.match(new URL('embed.js', location.href).href)));
  await keep('0000000000000000');
  await page.waitForTimeout(1500);
  assert.equal(await kept(), false);
  await keep(await page.evaluate(() => document.querySelector('meta[name="rapor-build"]').content));
  await untilTrue(page, async () => Boolean(await caches.match(new URL('embed.js', location.href).href)), null, 'embed.js kept', 10000);
});

test('"Siapkan untuk dipakai luring" says what it downloads, then keeps every file', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url + 'pemda/kalkulator/index.html');
  await page.getByTestId('unit').first().waitFor();
  // Before any plan: the button itself registers the service worker.
  const offer = await page.getByTestId('offline-status').textContent();
  const kb = Number(/± (\d+) KB/.exec(offer)?.[1]);
  console.log(`# offline button: "${offer}"`);
  assert.ok(kb > 300 && kb < 2000, offer);
  assert.match(offer, /berkas dan tautan .* alat Excel/);
  await page.getByTestId('offline-ready').click();
  await page.waitForFunction(() => /Siap dipakai luring: \d+ berkas/.test(document.querySelector('[data-testid="offline-status"]').textContent), null, { timeout: 20000 });
  // The Excel writer and a method never opened are kept, and Excel works offline.
  const names = await page.evaluate(async () => (await Promise.all((await caches.keys()).map((k) => caches.open(k).then((c) => c.keys()))))
    .flat().map((r) => new URL(r.url).pathname.split('/').pop()));
  for (const f of ['rapor-xlsx_bg.wasm', 'rapor-xlsx.js', 'rapor-io_bg.wasm', 'ruleset-sakip-2021.json', 'embed.js']) assert.ok(names.includes(f), f);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('unit-score').first().fill('82,84');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  await context.setOffline(false);
  assert.deepEqual(problems, []);
});

test('a strict Content-Security-Policy on the host page is enough', async () => {
  // The README's policy; img-src only for this sample page's own favicon.
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' data:";
  const port = 22500 + Math.floor(Math.random() * 1000);
  const strict = await serve(SITE, port, '/', { 'content-security-policy': csp });
  try {
    const page = await (await browser.newContext()).newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy|CSP/i.test(m.text())) problems.push(m.text()); });
    await page.goto(`http://127.0.0.1:${port}/csp.html`);
    const w = page.locator('[data-rapor]');
    await w.getByTestId('unit').first().waitFor();
    await w.getByTestId('unit-score').first().fill('82,84');
    assert.equal(await w.getByTestId('aggregate-category').textContent(), 'B');
    assert.equal(await w.locator('.rapor').evaluate((e) => getComputedStyle(e).getPropertyValue('--rapor-accent').trim()), '#7a1f5c');
    await w.getByTestId('share-link').click();
    assert.match(await w.getByTestId('share-url').inputValue({ timeout: 10000 }), /#s=2/);
    assert.deepEqual(problems, []);
  } finally {
    await new Promise((ok) => strict.close(ok));
  }
});

test('storage names: stable and unique per widget; a name used twice is told; a link opens in one widget', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(url + 'named-widgets.html');
  const widget = (i) => page.locator('[data-rapor]').nth(i);
  for (let i = 0; i < 4; i++) await widget(i).getByTestId('unit').first().waitFor();
  // The second "kalkulator" is told, and offers the file; the first is not.
  assert.match(await widget(1).getByTestId('alert').textContent(), /sudah memakai nama penyimpanan "kalkulator".*tidak tersimpan otomatis/);
  assert.equal(await widget(1).getByTestId('notice-export-json').count(), 1);
  assert.equal(await widget(0).getByTestId('alert').textContent(), '');
  assert.ok(warnings.some((w) => /data-instance "kalkulator" is used by more than one widget/.test(w)), warnings.join('\n'));
  for (const [i, v] of [[0, '81'], [1, '82'], [2, '83'], [3, '84']]) await widget(i).getByTestId('unit-score').first().fill(v);
  await page.waitForTimeout(200);
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage).map(([k, v]) => [k, JSON.parse(v).form.units[0].score])));
  // Each saving widget under its own key; the second "kalkulator" wrote nowhere.
  assert.deepEqual(stored, { 'rapor:kalkulator:form': '81', 'rapor:rapor-id-bimtek:form': '83', 'rapor:rapor-1:form': '84' });
  // A web team adds a named widget above them all: every widget finds its own work again.
  await page.goto(url + 'named-widgets.html?more');
  for (let i = 0; i < 5; i++) await widget(i).getByTestId('unit').first().waitFor();
  assert.deepEqual(await Promise.all([0, 1, 2, 3, 4].map((i) => widget(i).getByTestId('unit-score').first().inputValue())), ['', '81', '', '83', '84']);
  // A share link on this page opens in one widget, the first; the others keep their work.
  const units = [{ name: 'Dinas Tautan', score: 90 }];
  const fragment = `#s=2${deflateSync(Buffer.from(JSON.stringify({ ruleset: 'ombudsman-2024', units }))).toString('base64url')}`;
  await page.goto('about:blank');
  await page.goto(url + 'named-widgets.html' + fragment);
  for (let i = 0; i < 4; i++) await widget(i).getByTestId('unit').first().waitFor();
  await untilTrue(page, () => document.querySelector('[data-rapor]').shadowRoot.querySelector('[data-testid=unit-name]')?.value === 'Dinas Tautan', null, 'the link in the first widget');
  assert.deepEqual(await Promise.all([1, 2, 3].map((i) => widget(i).getByTestId('unit-score').first().inputValue())), ['', '83', '84']);
  assert.deepEqual(problems, []);
  await context.close();
});
