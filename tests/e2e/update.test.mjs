// A second deployment (issue 20): the site updates Rapor in place while a visitor has it
// kept for offline use, on a server that sends only Last-Modified (so the browser reuses
// old copies of the stable-named files without asking). The page and its workers must
// come from one build, the new build's offline cache must be filled from the server and
// complete before it takes over, and the old cache must go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, ROOT, untilTrue } from './harness.mjs';
import { serve } from './server.mjs';

const SITE = join(ARTIFACTS, 'site-update');
const APP = join(SITE, 'pemda', 'kalkulator');

/** The files of the deployed build, their dates set to `when`. */
function dated(when) {
  for (const f of readdirSync(APP)) utimesSync(join(APP, f), when, when);
}

/** Deploys "build B": the same build under another id, its method list retitled. */
function redeploy(from, to) {
  for (const f of readdirSync(APP).filter((f) => /(\.html|sw\.js|embed\.js|_loader\.js)$/.test(f))) {
    writeFileSync(join(APP, f), readFileSync(join(APP, f), 'utf8').replaceAll(from, to));
  }
  const list = JSON.parse(readFileSync(join(APP, 'rulesets.json'), 'utf8'));
  list[0].title += ' (B)';
  writeFileSync(join(APP, 'rulesets.json'), JSON.stringify(list));
  dated(new Date());
}

const names = (page) => page.evaluate(async () => Object.fromEntries(await Promise.all((await caches.keys()).map(async (k) =>
  [k, (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname.split('/').pop())]))));

test('a second deployment: one build per page, the new offline cache filled from the server before it takes over', async () => {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(APP, { recursive: true });
  cpSync(process.env.RAPOR_DIST ?? join(ROOT, 'dist'), APP, { recursive: true });
  // Build A went up years ago: the browser may reuse its copies for months unasked.
  dated(new Date('2020-01-01T00:00:00Z'));
  const like = { lastModified: true, offline: false };
  const port = 21000 + Math.floor(Math.random() * 1000);
  const server = await serve(SITE, port, '/', {}, like);
  const url = `http://127.0.0.1:${port}/pemda/kalkulator/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const problems = [];
    const watch = (page) => page.on('pageerror', (e) => problems.push(e.message));
    // A visitor uses build A: the offline cache keeps what it used.
    let page = await context.newPage();
    watch(page);
    await page.goto(url + '?ruleset=ombudsman-2024');
    const a = await page.locator('meta[name="rapor-build"]').getAttribute('content');
    await page.getByTestId('unit-score').first().fill('82,84');
    await page.getByTestId('plan-step').first().waitFor();
    await untilTrue(page, () => navigator.serviceWorker?.controller !== null, null, 'a controlling service worker');
    // The plan's worker runs the page's own module: its script is kept with the page.
    await untilTrue(page, async () => (await caches.keys()).length === 1
      && (await (await caches.open((await caches.keys())[0])).keys()).some((r) => r.url.endsWith('rapor-worker.js')), null, 'the plan\'s worker kept');
    // The visitor also makes a share link: the files-and-links worker, kept as it is used.
    await page.getByTestId('share-link').click();
    assert.match(await page.getByTestId('share-url').inputValue({ timeout: 10000 }), /#s=2/);
    await untilTrue(page, async () => (await (await caches.open((await caches.keys())[0])).keys()).some((r) => r.url.endsWith('rapor-io_bg.wasm')),
      null, 'the links\' worker kept');
    await page.close();

    // Build B replaces A in place.
    const b = `${a.slice(0, 15)}${a.endsWith('0') ? '1' : '0'}`;
    redeploy(a, b);
    page = await context.newPage();
    watch(page);
    await page.goto(url + '?ruleset=ombudsman-2024');
    await page.getByTestId('unit').first().waitFor();
    // The page is B, and so is its method list: not A's copy from the HTTP cache.
    assert.equal(await page.locator('meta[name="rapor-build"]').getAttribute('content'), b);
    await page.getByTestId('settings-summary').click();
    assert.match(await page.getByTestId('ruleset-select').locator('option').first().textContent(), /\(B\)$/);
    // Its worker is B's too: the plan comes, and no notice says the build changed.
    await page.getByTestId('unit-score').first().fill('82,84');
    await page.getByTestId('plan-step').first().waitFor();
    assert.doesNotMatch(await page.getByTestId('alert').textContent(), /diperbarui/);
    // B's service worker installed beside A's cache, with B's copy of every file A kept
    // — fetched from the server: its method list is B's.
    // (A browser looks for a new service worker after navigations; the test asks at once.)
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));
    await untilTrue(page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), null, 'build B installed');
    const both = await names(page);
    const kept = both[`rapor-${a}`];
    const fresh = both[`rapor-${b}`];
    assert.ok(fresh, `no cache for build B: ${JSON.stringify(Object.keys(both))}`);
    for (const f of kept) assert.ok(fresh.includes(f), `${f} kept by A, missing in B's cache`);
    const list = await page.evaluate(async (k) => (await (await caches.open(k)).match(new URL('rulesets.json', location.href).href)).text(), `rapor-${b}`);
    assert.match(list, /\(B\)/);
    await page.close();

    // With A's pages closed B takes over, and A's cache goes.
    page = await context.newPage();
    watch(page);
    await page.goto(url + '?ruleset=ombudsman-2024');
    await untilTrue(page, async (k) => JSON.stringify(await caches.keys()) === JSON.stringify([k]), `rapor-${b}`, 'only B\'s cache');
    // Offline, build B opens and works whole: the plan, and a share link from the
    // worker the visitor used.
    like.offline = true;
    await page.goto(url + '?ruleset=ombudsman-2024');
    await page.getByTestId('unit-score').first().fill('82,84');
    assert.equal(await page.getByTestId('aggregate-category').textContent(), 'B');
    await page.getByTestId('plan-step').first().waitFor();
    assert.equal(await page.locator('meta[name="rapor-build"]').getAttribute('content'), b);
    await page.getByTestId('share-link').click();
    assert.match(await page.getByTestId('share-url').inputValue({ timeout: 10000 }), /#s=2/);
    assert.deepEqual(problems, []);
  } finally {
    like.offline = false;
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
});

test('a page of one build never runs a worker of another: it says to reload, the score and the plan still work', async () => {
  // Deployed between the page's load and its first share link: the server now has
  // another build's worker loader. It refuses to start, and the page says so. The plan's
  // worker runs the page's own module, so it is always the page's build.
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(APP, { recursive: true });
  cpSync(process.env.RAPOR_DIST ?? join(ROOT, 'dist'), APP, { recursive: true });
  const a = /name="rapor-build" content="([0-9a-f]+)"/.exec(readFileSync(join(APP, 'index.html'), 'utf8'))[1];
  const b = `${a.slice(0, 15)}${a.endsWith('0') ? '1' : '0'}`;
  for (const f of readdirSync(APP).filter((f) => f.endsWith('_loader.js'))) {
    writeFileSync(join(APP, f), readFileSync(join(APP, f), 'utf8').replaceAll(a, b));
  }
  const port = 21000 + Math.floor(Math.random() * 1000);
  const server = await serve(SITE, port, '/');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${port}/pemda/kalkulator/?ruleset=ombudsman-2024`);
    await page.getByTestId('unit-score').first().fill('82,84');
    assert.equal(await page.getByTestId('aggregate-category').textContent(), 'B');
    await page.getByTestId('plan-step').first().waitFor();
    await page.getByTestId('share-link').click();
    await page.waitForFunction(() => /Rapor di situs ini baru saja diperbarui; muat ulang halaman/
      .test(document.querySelector('[data-testid="alert"]').textContent), null, { timeout: 15000 });
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
});
