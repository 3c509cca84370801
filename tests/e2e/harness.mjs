// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser), the release build served on 127.0.0.1, and a page that
// fails the test on any console error or uncaught exception.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './server.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const ARTIFACTS = join(ROOT, 'target', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Serves dist/ and launches the browser; `like` as for `serve` (a stock nginx, a log). */
export async function start(like = {}) {
  const port = 18000 + Math.floor(Math.random() * 2000);
  // RAPOR_DIST: another build, for before/after figures.
  const server = await serve(process.env.RAPOR_DIST ?? join(ROOT, 'dist'), port, '/', {}, like);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: FLAGS });
  return { server, browser, url: `http://127.0.0.1:${port}/` };
}

export async function stop(env) {
  await env?.browser?.close();
  await new Promise((ok) => (env?.server ? env.server.close(ok) : ok()));
}

/** A fresh browser context: its own storage, as on another device. */
export async function freshContext(env) {
  return env.browser.newContext({ acceptDownloads: true });
}

/** The method most flows are written against: Penilaian Kepatuhan 2024 and its seven
 *  units. A fresh page without a query opens the default (Opini 2025, three units);
 *  tests of that default call `open(env, FRESH)`. */
export const FRESH = '?';
const FLOWS = '?ruleset=ombudsman-2024';

/** Opens the widget in a fresh context (or `context`) and collects problems: any
 *  console error or page error fails the test. Without a query it opens the 2024
 *  method (`FLOWS`); pass `FRESH` for the page exactly as a new visitor gets it. */
export async function open(env, query = FLOWS, context = null) {
  const ctx = context ?? (await freshContext(env));
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(env.url + query);
  await page.getByTestId('unit').first().waitFor();
  return { page, problems, context: ctx };
}

/** Runs axe-core (from node_modules, never a CDN) and returns serious or critical violations. */
export async function axe(page) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** Puts unit `i` in indicator mode and sets every level picker to `level`. */
export async function allIndicators(page, i, level) {
  const unit = page.getByTestId('unit').nth(i);
  await unit.getByTestId('unit-mode').selectOption('indicators');
  for (const sel of await unit.locator('select[data-testid^="ind-"]').all()) await sel.selectOption(String(level));
  return unit;
}

/** Opens the folded "Metode & asumsi" panel (if it is not open) and returns the page. */
export async function settings(page) {
  if (!(await page.getByTestId('settings').evaluate((d) => d.open))) await page.getByTestId('settings-summary').click();
  return page;
}

/** Opens unit `i`'s row menu (sector, order, duplicate, remove) and returns the unit. */
export async function unitMenu(page, i) {
  const unit = page.getByTestId('unit').nth(i);
  const menu = unit.getByTestId('unit-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  return unit;
}

/** Picks method `id` and puts the first unit in indicator mode; methods other than the
 *  first are fetched on first use, so this waits for `indicator`'s field to appear. */
export async function pickMethod(page, id, indicator) {
  await (await settings(page)).getByTestId('ruleset-select').selectOption(id);
  await page.getByTestId('unit-mode').first().selectOption('indicators');
  await page.getByTestId(indicator).first().waitFor();
}

/** Waits until the first element with `testid` has text matching `re` (the plan arrives
 *  just after the score), then returns that text. */
export async function until(page, testid, re, timeout = 5000) {
  await page.waitForFunction(
    ([id, src, flags]) => new RegExp(src, flags).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    [testid, re.source, re.flags],
    { timeout },
  ).catch(async () => {
    const got = await page.getByTestId(testid).first().textContent().catch(() => '(missing)');
    throw new Error(`${testid}: ${JSON.stringify(got)} never matched ${re}`);
  });
  return page.getByTestId(testid).first().textContent();
}

/** Waits until `fn`, run in the page (it may be async), returns true. Not Playwright's
 *  waitForFunction for an async `fn`: that takes the returned promise as a truthy value
 *  and does not wait at all. */
export async function untilTrue(page, fn, arg = null, what = 'the condition', timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`never true: ${what}`);
    await page.waitForTimeout(100);
  }
}
