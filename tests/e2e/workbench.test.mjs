// The one-screen workbench (issue 16), tried as a new user would, with the figures the
// closing note reports printed as "# …" lines: the page's height for seven units at
// 1366×768, the keys to enter seven totals and one unit's indicators, whether the
// result strip stays on screen while the last unit is typed, the widest sideways
// overflow at 360 px, and the category's size in presentation mode. Screenshots go to
// target/e2e/workbench-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, FRESH, axe, freshContext, start, stop } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** A fresh page at `width`×`height` on `query`, the first unit's row on screen. */
async function at(width, height, query = '?ruleset=ombudsman-2024') {
  const ctx = await freshContext(env);
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.setViewportSize({ width, height });
  await page.goto(env.url + query);
  await page.getByTestId('unit').first().waitFor();
  return { page, problems };
}

const inView = (page, testid) => page.getByTestId(testid).first().evaluate((e) => {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
});

const TOTALS = ['85,4', '78,2', '91', '88,5', '72,3', '80', '84,1'];

test('seven totals by keyboard alone, on one 1366×768 screen, the grade in view', async () => {
  const { page, problems } = await at(1366, 768);
  // A new user on a fresh page: Tab until the first score field, counting keys.
  let keys = 0;
  for (let tabs = 0; tabs < 12; tabs++) {
    await page.keyboard.press('Tab');
    keys++;
    if (await page.evaluate(() => document.activeElement?.dataset.testid === 'unit-score')) break;
  }
  const tabsToFirst = keys;
  assert.ok(tabsToFirst <= 6, `the first score field is ${tabsToFirst} Tabs away`);
  assert.ok(await inView(page, 'unit-score'), 'the first score field is on the first screen');
  for (const [i, value] of TOTALS.entries()) {
    await page.keyboard.type(value);
    keys += value.length;
    if (i === TOTALS.length - 1) {
      // While the last unit is typed, the grade is on screen.
      assert.ok(await inView(page, 'aggregate-category'), 'the strip is on screen while the last unit is edited');
      break;
    }
    await page.keyboard.press('Enter');
    keys++;
  }
  // By hand: 579,5 / 7 = 82,7857… → 82,79, B; A needs 88 − 82,79 = 5,21 more.
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '82,79');
  assert.equal(await page.getByTestId('aggregate-category').textContent(), 'B');
  assert.match(await page.getByTestId('to-next').textContent(), /\+5,21 lagi ke A/);
  const names = await page.getByTestId('unit-name').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(names[1], 'DPMPTSP', 'typing never renamed a unit');
  // The plan raises the five weakest totals to one level (hand-worked in tests/points.rs:
  // 36,47 points in all, 87,29 or 87,30 each), and applied as a what-if it reaches A.
  await page.getByTestId('plan-step').first().waitFor();
  assert.equal(await page.getByTestId('plan-step').count(), 5);
  assert.match(await page.getByTestId('plan').textContent(), /\+36,47 poin/);
  assert.match(await page.getByTestId('plan-step').nth(2).textContent(), /Nilai total: 72,3 → 87,30/);
  assert.equal(await page.getByTestId('aggregate-score').count(), 1);
  assert.equal(await page.getByTestId('aggregate-category').count(), 1);
  // Seven rows and the strip on one screen, nothing scrolled.
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  const last = await page.getByTestId('unit').nth(6).evaluate((e) => e.getBoundingClientRect().bottom);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`# 1366×768: seven totals in ${keys} keys (${tabsToFirst} Tabs to the first field); the 7th unit ends at ${Math.round(last)} px; page ${height} px tall`);
  assert.ok(last <= 768, `the seventh unit ends at ${last} px`);
  await page.screenshot({ path: join(ARTIFACTS, 'workbench-1366.png') });
  assert.deepEqual(await axe(page), []);
  await page.getByTestId('apply-plan').click();
  assert.equal(await page.getByTestId('whatif-category').textContent(), 'A');
  assert.equal(await page.getByTestId('whatif-score').textContent(), '88,00');
  assert.deepEqual(problems, []);
});

test('folded parts are built when opened, in time for the next key: a row menu, the sources, the assumptions', async () => {
  const { page, problems } = await at(1366, 768);
  // Folded, their controls are not built yet (a phone's first page is half the size).
  assert.equal(await page.getByTestId('unit-sector').count(), 0);
  assert.equal(await page.locator('[data-testid^="weight-"]').count(), 0);
  // → at the end of the row reaches the menu; Enter opens it and Tab, at once, is inside.
  await page.locator('[data-menu-row="0"]').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'unit-sector');
  await page.keyboard.type('puskesmas');
  assert.equal(await page.getByTestId('unit-sector').first().inputValue(), 'puskesmas');
  // The same for the assumptions, by keyboard: four weights and the scale.
  await page.getByTestId('settings-summary').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('assumptions').locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'weight-input');
  assert.equal(await page.locator('[data-testid^="weight-"]').count(), 4);
  assert.deepEqual(problems, []);
});

test('one unit\'s indicators at one key each, level by level', async () => {
  const { page, problems } = await at(1366, 768);
  await page.getByTestId('unit-mode').nth(0).selectOption('indicators');
  const levels = page.getByTestId('unit').nth(0).locator('select[data-level]');
  const n = await levels.count();
  await levels.first().focus();
  for (let i = 0; i < n; i++) await page.keyboard.press('3');
  const values = await levels.evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(new Set(values), new Set(['3']), 'every level set to 3');
  // Every indicator at the top (3 of 0–3): the unit scores 100, each dimension 100.
  assert.match(await page.getByTestId('unit').nth(0).getByTestId('unit-result').textContent(), /100,00/);
  assert.match(await page.getByTestId('subtotal-input').textContent(), /100,00/);
  // L locks the focused indicator, out of the typing path.
  await levels.nth(0).focus();
  await page.keyboard.press('l');
  assert.equal(await page.locator('[data-testid^="lock-"]').first().isChecked(), true);
  console.log(`# indicator sheet (2024): ${n} entries in ${n} keys`);
  assert.deepEqual(problems, []);
});

test('a phone: no sideways scrolling in any mode, the strip in view, big enough targets', async () => {
  const { page, problems } = await at(360, 800);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  let widest = await overflow();
  assert.ok(await inView(page, 'unit-score'), 'the first score field is on the first screen');
  for (const mode of ['dimensions', 'points', 'indicators']) {
    await page.getByTestId('unit-mode').nth(0).selectOption(mode);
    widest = Math.max(widest, await overflow());
  }
  // Typing in the last unit keeps the strip in view.
  await page.getByTestId('unit-score').nth(5).fill('80');
  assert.ok(await inView(page, 'aggregate-category'), 'the strip stays in view on a phone');
  const small = await page.evaluate(() => [...document.querySelectorAll('.rapor button, .rapor input, .rapor select, .rapor summary')]
    .filter((e) => e.offsetParent !== null && !e.classList.contains('rapor-visually-hidden'))
    .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)).length);
  const numeric = await page.getByTestId('unit-score').first().getAttribute('inputmode');
  console.log(`# 360×800: widest sideways overflow ${widest} px; ${small} controls under 24×24 px`);
  await page.screenshot({ path: join(ARTIFACTS, 'workbench-360.png') });
  assert.equal(widest, 0);
  assert.equal(small, 0);
  assert.equal(numeric, 'decimal');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('presentation mode is a stage: the grade and the plan on one screen', async () => {
  for (const [w, h] of [[1920, 1080], [1024, 768]]) {
    const { page, problems } = await at(w, h);
    const scores = page.getByTestId('unit-score');
    for (const [i, v] of TOTALS.entries()) await scores.nth(i).fill(v);
    await page.getByTestId('present-toggle').click();
    const px = await page.getByTestId('aggregate-category').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.getByTestId('plan').waitFor();
    const planTop = await page.getByTestId('plan').evaluate((e) => e.getBoundingClientRect().top);
    console.log(`# presentation ${w}×${h}: category ${px} px, the plan starts at ${Math.round(planTop)} px`);
    assert.ok(px >= 48, `category ${px} px`);
    assert.ok(planTop < h - 150, 'the plan starts on the first screen');
    // Editing is one key away.
    await page.getByTestId('present-toggle').focus();
    await page.keyboard.press('e');
    assert.equal(await page.getByTestId('edit-drawer').evaluate((d) => d.open), true);
    await page.keyboard.press('e');
    await page.screenshot({ path: join(ARTIFACTS, `workbench-present-${w}.png`) });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
  }
});

test('a fresh 2025 page at 1920×1080 in English: the strip, the grid, the settings line', async () => {
  const { page, problems } = await at(1920, 1080, FRESH + 'lang=en');
  await page.getByTestId('unit-score').nth(0).fill('65.98');
  assert.equal(await page.getByTestId('aggregate-quality').textContent(), 'Fair');
  assert.match(await page.getByTestId('settings-summary').textContent(), /Method & assumptions/);
  await page.screenshot({ path: join(ARTIFACTS, 'workbench-1920.png') });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

/** Pastes `text` on the element as a spreadsheet's copy would arrive. */
const paste = (locator, text) => locator.evaluate((el, t) => {
  const data = new DataTransfer();
  data.setData('text/plain', t);
  el.focus();
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}, text);

test('paste like a spreadsheet: a column of totals, a bad cell in place, an indicator column', async () => {
  const { page, problems } = await at(1366, 768, FRESH);
  // The 2025 default has three units: seven rows of totals add four, named Unit 4–7.
  await paste(page.getByTestId('unit-score').first(), '85,4\r\n78,2\r\n91\r\n88,5\r\n72,3\r\n80\r\n84,1\r\n');
  assert.equal(await page.getByTestId('unit').count(), 7);
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '82,79');
  // "1.000" is asked about, beside its cell; the rest still counts.
  await paste(page.getByTestId('unit-score').nth(5), '1.000\n90');
  assert.match(await page.getByTestId('unit').nth(5).getByTestId('field-error').textContent(), /1,000 untuk desimal atau 1000/);
  assert.equal(await page.getByTestId('unit-score').nth(6).inputValue(), '90');
  // One undo takes a whole paste back.
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('unit-score').nth(6).inputValue(), '84,1');
  // An indicator column, from the second picker of the first unit down.
  await page.getByTestId('unit-mode').nth(0).selectOption('indicators');
  const levels = page.getByTestId('unit').nth(0).locator('[data-level]');
  await paste(levels.nth(1), '3\n2\n1\n');
  assert.deepEqual(await levels.evaluateAll((els) => els.slice(0, 5).map((e) => e.value)), ['', '3', '2', '1', '']);
  assert.deepEqual(problems, []);
});
