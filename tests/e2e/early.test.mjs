// The early screen (scripts/rapor-early.js): on Rapor's own page the units and a field
// for each total show before the widget's module arrives, and the widget takes over
// what was typed there, the focus and the caret. The module is held back here (a route
// that answers only when the test lets it), so the early screen is there for certain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, start, stop, until, untilTrue } from './harness.mjs';

/** A page whose widget module waits for `release()`; problems as in `open`. */
async function heldBack(env, query) {
  // No service worker: it would answer for the module, past the route that holds it.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // How the widget takes the screen's place: whether a loading line ever showed, and
  // in which frame the screen left and the widget's fields came.
  await page.addInitScript(() => {
    // What the page posts its workers: each message's keys, and the method a `warm` carries.
    const post = Worker.prototype.postMessage;
    window.__toWorker = [];
    Worker.prototype.postMessage = function (m, ...rest) {
      window.__toWorker.push(m && Object.keys(m));
      if (m && typeof m.warm === 'string') window.__warm = JSON.parse(m.warm).id;
      return post.call(this, m, ...rest);
    };
    const swap = (window.__swap = { frames: 0, loading: false });
    const tick = () => { swap.frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      const screen = document.querySelector('[data-rapor-early]');
      if (document.querySelector('[data-testid=loading]')) swap.loading = true;
      if (screen) swap.hadScreen = true;
      else if (swap.hadScreen && swap.screenLeft === undefined) swap.screenLeft = swap.frames;
      if (swap.fieldsCame === undefined && document.querySelector('[data-testid=unit-score][data-row]')) swap.fieldsCame = swap.frames;
    }).observe(document, { childList: true, subtree: true });
  });
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(/rapor-web-[0-9a-f]+_bg\.wasm/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(env.url + query);
  return { page, problems, context, release };
}

test('the early screen: totals typed before the module arrives are the widget\'s, focus and caret too', async () => {
  const env = await start();
  try {
    const { page, problems, release } = await heldBack(env, '?ruleset=ombudsman-2024');
    const early = page.locator('[data-rapor-early]');
    await early.waitFor();
    // The method's seven units, each total labelled with its unit's name; a line says
    // the calculator is on its way.
    assert.equal(await early.getByTestId('unit-score').count(), 7);
    await page.getByLabel('Nilai total Disdukcapil').waitFor();
    assert.match(await early.getByRole('status').textContent(), /Menyiapkan penghitung/);
    assert.deepEqual(await axe(page), []);
    await page.getByLabel('Nilai total Disdukcapil').click();
    // Enter moves down, as in the widget's grid.
    await page.keyboard.type('90');
    await page.keyboard.press('Enter');
    await page.keyboard.type('85');
    await page.keyboard.press('Enter');
    await page.keyboard.type('81');
    await page.keyboard.press('ArrowLeft');
    release();
    // The widget's own fields (they have a grid position), with what was typed.
    await page.locator('[data-testid=unit-score][data-row]').first().waitFor();
    assert.equal(await early.count(), 0, 'the early screen is gone');
    // The widget took the screen's place in one frame: never a page with neither, nor
    // a "loading" line under the screen (the methods it fetched were read at once).
    const swap = await page.evaluate(() => window.__swap);
    assert.equal(swap.loading, false, 'no loading line');
    assert.equal(swap.screenLeft, swap.fieldsCame, 'the screen left in the frame the widget came');
    const scores = page.getByTestId('unit-score');
    assert.deepEqual((await scores.evaluateAll((els) => els.map((e) => e.value))).slice(0, 4), ['90', '85', '81', '']);
    // (90 + 85 + 81) / 3 = 85.33.
    await until(page, 'aggregate-score', /^85,33$/);
    // The focus stayed in the third unit's field, the caret between 8 and 1: a comma
    // typed now gives 8,1 — (90 + 85 + 8.1) / 3 = 183.1 / 3 = 61.03.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.row), '2');
    await page.keyboard.type(',');
    assert.equal(await scores.nth(2).inputValue(), '8,1');
    await until(page, 'aggregate-score', /^61,03$/);
    // And the plan is asked for what was typed.
    await page.getByTestId('plan-step').first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await stop(env);
  }
});

test('the engine\'s worker starts while the module downloads, and the widget takes it over', async () => {
  const log = [];
  const env = await start({ nginx: true, log });
  try {
    const { page, problems, release } = await heldBack(env, '?ruleset=ombudsman-2024');
    await page.locator('[data-rapor-early]').waitFor();
    // Started by the early script, with the module still held back: its script and
    // the module's glue are fetched meanwhile.
    // The server logs the script's request before the browser reports the worker
    // as running, so both are awaited (a run once saw the first without the second).
    const engineWorkers = () => page.workers().filter((w) => w.url().includes('rapor-worker.js'));
    for (let i = 0; i < 50 && !log.some((r) => r.path.startsWith('/rapor-worker.js')); i++) await page.waitForTimeout(100);
    for (let i = 0; i < 50 && engineWorkers().length === 0; i++) await page.waitForTimeout(100);
    assert.equal(engineWorkers().length, 1);
    // Its first message carries the method file the screen fetched, which the worker
    // reads as it starts (rapor::worker::warm, through the glue's `worker_warm`).
    assert.deepEqual(await page.evaluate(() => [window.__toWorker[0], window.__warm]), [['glue', 'warm'], 'ombudsman-2024']);
    await page.getByLabel('Nilai total Disdukcapil').fill('70');
    release();
    await page.getByTestId('plan-step').first().waitFor();
    // The plan came from that worker: no second one, no second fetch of its script.
    assert.equal(engineWorkers().length, 1);
    assert.equal(log.filter((r) => r.path.startsWith('/rapor-worker.js')).length, 1);
    assert.equal(log.filter((r) => /_bg\.wasm/.test(r.path)).length, 1, 'the module is fetched once');
    const glue = await page.evaluate(() => document.querySelector('link[rel=modulepreload]').href);
    assert.equal(await page.evaluate(async (g) => typeof (await import(g)).worker_warm, glue), 'function');
    assert.deepEqual(problems, []);
  } finally {
    await stop(env);
  }
});

test('the widget shows with its first plan; what is typed meanwhile on the early screen is kept', async () => {
  const env = await start();
  try {
    const { page, problems, release } = await heldBack(env, '?ruleset=ombudsman-2024');
    // The plan's requests are held in the page until the test lets them go, so the
    // widget waits behind the early screen for its whole wait (600 ms) and then shows
    // without a plan.
    await page.evaluate(() => {
      const post = Worker.prototype.postMessage;
      window.__held = [];
      Worker.prototype.postMessage = function (m, ...rest) {
        if (m && m.op === 'plan' && !window.__free) return void window.__held.push(() => post.call(this, m, ...rest));
        return post.call(this, m, ...rest);
      };
    });
    await page.getByLabel('Nilai total Disdukcapil').fill('90');
    await page.getByLabel('Nilai total DPMPTSP').fill('85');
    release();
    // The module is running (the early script is told to stop) and the screen still
    // takes keystrokes: the widget waits for its first plan.
    await page.waitForFunction(() => window.raporEarly?.gone && window.__held.length > 0, null, { polling: 'raf' });
    assert.equal(await page.locator('[data-testid=unit-score][data-row]').count(), 0, 'the widget waits behind the screen');
    await page.getByLabel('Nilai total Dinas Kesehatan').fill('80');
    // Then it shows, with what was typed meanwhile, and the focus where it was.
    await page.locator('[data-testid=unit-score][data-row]').first().waitFor();
    assert.equal(await page.locator('[data-rapor-early]').count(), 0, 'the early screen is gone');
    const scores = page.getByTestId('unit-score');
    assert.deepEqual((await scores.evaluateAll((els) => els.map((e) => e.value))).slice(0, 4), ['90', '85', '80', '']);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.row), '2');
    // (90 + 85 + 80) / 3 = 85.
    await until(page, 'aggregate-score', /^85,00$/);
    // The plan for 90 and 85 alone (87,50: +0,50 to A at 88) is dropped when it comes;
    // the one for all three follows: 88 − 85 = +3,00.
    await page.evaluate(() => { window.__free = true; window.__held.forEach((send) => send()); });
    await until(page, 'plan', /diperlukan \+3,00 poin/);
    await page.getByTestId('plan-step').first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await stop(env);
  }
});

test('the early screen speaks the page\'s language and shows the default method\'s units', async () => {
  const env = await start();
  try {
    const { page, problems, release } = await heldBack(env, '?lang=en');
    const early = page.locator('[data-rapor-early]');
    await early.waitFor();
    assert.equal(await early.getAttribute('lang'), 'en');
    assert.match(await early.locator('h2').textContent(), /Sampled service units/);
    // Opini 2025's own sample: three units.
    assert.deepEqual(await early.locator('.rapor-row-name').allTextContents(), ['Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Sosial']);
    await page.getByLabel('Total score Dinas Sosial').fill('77');
    release();
    await page.locator('[data-testid=unit-score][data-row]').first().waitFor();
    assert.equal(await page.getByTestId('unit-score').nth(2).inputValue(), '77');
    assert.deepEqual(problems, []);
  } finally {
    await stop(env);
  }
});

test('the early screen stays away from saved work and share links', async () => {
  const env = await start();
  try {
    const { page, context, problems, release } = await heldBack(env, '?ruleset=ombudsman-2024');
    release();
    const scores = page.locator('[data-testid=unit-score][data-row]');
    await scores.first().fill('70');
    await until(page, 'aggregate-score', /^70,00$/);
    await untilTrue(page, () => /"70"/.test(localStorage.getItem('rapor:rapor:form') ?? ''), null, 'the work saved');
    // The same browser again, with the module held back: the saved work opens, and no
    // early screen ever shows over it (it would offer a fresh form).
    const again = await context.newPage();
    await again.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('[data-rapor-early]')) window.__early_seen = true;
      }).observe(document, { childList: true, subtree: true });
    });
    let release2;
    const held = new Promise((r) => (release2 = r));
    await again.route(/rapor-web-[0-9a-f]+_bg\.wasm/, async (route) => { await held; await route.continue(); });
    await again.goto(env.url + '?ruleset=ombudsman-2024');
    // Long enough for the early script's fetches (a few milliseconds here).
    await again.waitForFunction(() => window.raporEarly && Object.keys(window.raporEarly.files).length === 2);
    await again.waitForTimeout(300);
    release2();
    await until(again, 'aggregate-score', /^70,00$/);
    assert.equal(await again.evaluate(() => window.__early_seen ?? false), false);
    assert.deepEqual(problems, []);
    // A share link in the address: the widget opens that, so no early screen either.
    const linked = await heldBack(env, '?ruleset=ombudsman-2024#s=1abc');
    await linked.page.waitForFunction(() => window.raporEarly && Object.keys(window.raporEarly.files).length === 2);
    await linked.page.waitForTimeout(300);
    assert.equal(await linked.page.locator('[data-rapor-early]').count(), 0);
    linked.release();
    await linked.page.getByTestId('unit').first().waitFor();
  } finally {
    await stop(env);
  }
});

test('the early screen says so when the module never arrives', async () => {
  const env = await start();
  try {
    const page = await (await env.browser.newContext({ serviceWorkers: 'block' })).newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route(/rapor-web-[0-9a-f]+_bg\.wasm/, (route) => route.abort());
    await page.goto(env.url + '?ruleset=ombudsman-2024');
    await page.getByLabel('Nilai total Disdukcapil').fill('90');
    await page.getByRole('alert').filter({ hasText: 'Penghitung tidak dapat dimuat' }).waitFor();
    // What was typed stays in view.
    assert.equal(await page.getByLabel('Nilai total Disdukcapil').inputValue(), '90');
    assert.deepEqual(problems, ['Failed to fetch'], 'the one error is the module that did not arrive');
  } finally {
    await stop(env);
  }
});

test('the early screen stays out of the way when the module comes first', async () => {
  const log = [];
  const env = await start({ nginx: true, log });
  try {
    const page = await (await env.browser.newContext({ serviceWorkers: 'block' })).newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/rapor-early\.js/, async (route) => { await held; await route.continue(); });
    // (The load event waits for the held script.)
    await page.goto(env.url + '?ruleset=ombudsman-2024', { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid=unit-score][data-row]').first().fill('90');
    await until(page, 'aggregate-score', /^90,00$/);
    release();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('rapor-early.js')));
    await page.waitForTimeout(300);
    // No screen over the widget, and the methods fetched once, by the widget.
    assert.equal(await page.locator('[data-rapor-early]').count(), 0);
    assert.deepEqual(log.filter((r) => r.path.startsWith('/rulesets.json')).length, 1);
    // Nor a second engine worker: the widget started its own, the script none.
    assert.equal(log.filter((r) => r.path.startsWith('/rapor-worker.js')).length, 1);
    assert.deepEqual(problems, []);
  } finally {
    await stop(env);
  }
});
