// What a first visit really costs (issue 18), counted at the server as a stock nginx
// with gzip would send it: open the widget, type seven totals, see the plan, and let the
// offline cache keep what it keeps, until the network is quiet. Printed as "# …" lines
// for the closing note and written to target/e2e/first-visit.json. The phone profile's
// timings (1,6 Mbit/s, 150 ms, 4× CPU slowdown) are reported, not asserted: these
// machines are noisy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, start, stop, untilTrue } from './harness.mjs';

const TOTALS = ['90', '85', '80', '88', '75', '82,91', '88'];

/** Waits until the server has answered nothing new for `ms`. */
async function quiet(log, ms = 1500) {
  let seen = -1;
  while (seen !== log.length) {
    seen = log.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}

/**
 * Opens the 2024 method (seven units), types the totals as soon as there is a field, and
 * waits for the plan. The times are the page's own (`performance.now()` since
 * navigation), taken by a MutationObserver the moment each appears: the first total
 * field (the early screen's, `rapor-early.js`, or the widget's), the widget's own
 * fields, and the first step of the plan; and when the plan is painted (the browser
 * lays out and paints the widget after it is in the page). (A locator's waitFor polls
 * every 500 ms after a while, which once added up to half a second to each figure.)
 */
async function visit(page, url) {
  await page.addInitScript(() => {
    const seen = (window.__rapor_times = {});
    new MutationObserver(() => {
      const now = performance.now();
      if (!seen.field && document.querySelector('[data-testid=unit-score]')) seen.field = now;
      if (!seen.widget && document.querySelector('[data-testid=unit-score][data-row]')) seen.widget = now;
      if (!seen.plan && document.querySelector('[data-testid=plan-step]')) {
        seen.plan = now;
        // On screen: the task after the next frame's rendering, so after its layout and paint.
        requestAnimationFrame(() => setTimeout(() => (seen.painted = performance.now())));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url + '?ruleset=ombudsman-2024');
  await page.waitForFunction(() => document.querySelector('[data-testid=unit-score]'), null, { polling: 'raf' });
  const scores = page.getByTestId('unit-score');
  for (const [i, v] of TOTALS.entries()) await scores.nth(i).fill(v);
  await page.waitForFunction(() => window.__rapor_times.painted, null, { polling: 'raf' });
  // What was typed, wherever it was typed, is what the widget planned for.
  assert.deepEqual(await scores.evaluateAll((els) => els.map((e) => e.value)), TOTALS);
  return page.evaluate(() => window.__rapor_times);
}

test('a first visit, counted at the server: seven totals, their plan and the offline cache', async () => {
  const log = [];
  const env = await start({ nginx: true, log });
  try {
    const page = await (await env.browser.newContext()).newPage();
    await visit(page, env.url);
    // The offline cache keeps its files after the plan, from the browser's own cache.
    await untilTrue(page, async () => {
      const names = (await Promise.all((await caches.keys()).map((k) => caches.open(k).then((c) => c.keys()))))
        .flat().map((r) => new URL(r.url).pathname.split('/').pop());
      return ['index.html', 'rapor-worker.js', 'rulesets.json'].every((f) => names.includes(f));
    }, null, 'the files for offline use kept');
    await quiet(log);
    const bytes = log.reduce((sum, r) => sum + r.bytes, 0);
    const files = log.map((r) => `${r.path.split('/').pop() || 'index.html'} ${r.status === 304 ? '304' : r.bytes}`);
    console.log(`# first visit at the server (gzip, ETags): ${bytes} B in ${log.length} requests — ${files.join(', ')}`);
    writeFileSync(join(ARTIFACTS, 'first-visit.json'), JSON.stringify({ bytes, requests: log }, null, 1));
    // Each file once: the offline cache fetches nothing the page already has.
    const paths = log.filter((r) => r.status === 200).map((r) => r.path);
    assert.deepEqual(paths.filter((p, i) => paths.indexOf(p) !== i), [], 'a file fetched twice');
    assert.ok(!paths.some((p) => /xlsx/.test(p)), 'the Excel worker is not fetched on a first visit');
    // One engine download: the plan's worker runs the page's own module (rapor-worker.js),
    // and the files-and-links worker waits for first use.
    assert.deepEqual(paths.filter((p) => p.endsWith('.wasm')).map((p) => p.replace(/-[0-9a-f]+_bg/, '_bg')), ['/rapor-web_bg.wasm']);
    assert.ok(paths.includes('/rapor-worker.js'), 'the plan came from the engine worker');
    assert.ok(bytes <= 640 * 1024, `first visit ${bytes} B is over the 640 KB budget`);
  } finally {
    await stop(env);
  }
});

test('a phone profile: the first field and the plan (reported)', async () => {
  // Three fresh visits, and the median of each figure: a single visit moves by ±0,3 s
  // with the machine's load.
  const env = await start({ nginx: true });
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      runs.push(await visit(page, env.url));
      await context.close();
    }
    const median = (k) => runs.map((r) => r[k]).sort((x, y) => x - y)[1];
    const [field, widget, plan, painted] = ['field', 'widget', 'plan', 'painted'].map(median);
    const s = (ms) => (ms / 1000).toFixed(2);
    console.log(`# phone profile (1,6 Mbit/s, 150 ms, 4× CPU), median of three visits: first field at ${s(field)} s, the widget's own at ${s(widget)} s, the plan for seven totals at ${s(plan)} s, painted at ${s(painted)} s (typing included); the plan in each: ${runs.map((r) => s(r.plan)).join(', ')} s`);
    writeFileSync(join(ARTIFACTS, 'phone-profile.json'), JSON.stringify({ field_ms: field, widget_ms: widget, plan_ms: plan, painted_ms: painted, runs }, null, 1));
    for (const r of runs) assert.ok(r.plan > r.field && r.painted >= r.plan);
  } finally {
    await stop(env);
  }
});
