// End-to-end: the release build in Chromium, as a user drives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, FRESH, allIndicators, axe, open, pickMethod, start, stop, until, settings, unitMenu } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const text = (page, id) => page.getByTestId(id).first().textContent();

test('Magelang 2022 totals give 93,28 A hijau, live on every keystroke', async () => {
  const { page, problems } = await open(env);
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2022');
  const scores = page.getByTestId('unit-score');
  // Kota Magelang 2022 pre-evaluation: 100, 100, 80.19, 92.92 → mean 93.2775 → 93,28.
  await scores.nth(0).fill('100');
  assert.equal(await text(page, 'aggregate-score'), '100,00');
  await scores.nth(1).fill('100');
  await scores.nth(2).fill('80,19');
  await scores.nth(3).fill('92,92');
  assert.equal(await text(page, 'aggregate-score'), '93,28');
  assert.equal(await text(page, 'aggregate-category'), 'A');
  assert.equal(await text(page, 'aggregate-opini'), 'Kualitas Tertinggi');
  assert.match((await text(page, 'aggregate-zone')).toLowerCase(), /hijau/);
  assert.match(await text(page, 'excluded-note'), /3 unit.*Dinas Sosial, Puskesmas 1, Puskesmas 2/);
  for (const [w, h] of [[1280, 900], [360, 740], [1920, 1080]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(ARTIFACTS, `magelang-${w}.png`), fullPage: true });
  }
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('the result panel under the strip is there only when it has more to say', async () => {
  const { page, problems } = await open(env);
  const scores = page.getByTestId('unit-score');
  // Seven whole totals: (90 + 85 + 80 + 88 + 75 + 82 + 88) / 7 = 588 / 7 = 84,00. The
  // strip says it all (no range, no unit left out, no note): no empty box under it.
  for (const [i, v] of ['90', '85', '80', '88', '75', '82', '88'].entries()) await scores.nth(i).fill(v);
  assert.equal(await text(page, 'aggregate-score'), '84,00');
  assert.equal(await page.getByTestId('result').count(), 0);
  // A unit left empty: the panel is back, naming it.
  await scores.nth(6).fill('');
  assert.match(await text(page, 'excluded-note'), /Puskesmas 2/);
  assert.equal(await page.getByTestId('result').count(), 1);
  assert.deepEqual(problems, []);
});

test('a bad score is flagged beside the field and the last result stays', async () => {
  const { page, problems } = await open(env);
  const scores = page.getByTestId('unit-score');
  await scores.nth(0).fill('82,84');
  assert.equal(await text(page, 'aggregate-category'), 'B');
  await scores.nth(1).fill('120');
  assert.equal(await scores.nth(1).getAttribute('aria-invalid'), 'true');
  assert.match(await text(page, 'field-error'), /120 melebihi nilai maksimum 100/);
  assert.equal(await text(page, 'aggregate-score'), '82,84');
  assert.match(await text(page, 'errors-note'), /hasil terakhir yang sah/);
  await scores.nth(1).fill('abc');
  assert.match(await text(page, 'field-error'), /"abc" bukan angka/);
  await scores.nth(1).fill('1.234,5');
  assert.match(await text(page, 'field-error'), /lebih dari satu pemisah desimal/);
  await scores.nth(1).fill('');
  assert.equal(await page.getByTestId('field-error').count(), 0);
  assert.equal(await scores.nth(1).getAttribute('aria-invalid'), 'false');
  assert.deepEqual(problems, []);
});

test('English is one click away; numbers, labels and errors follow the language', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('71,66');
  await page.getByTestId('unit-score').nth(1).fill('x');
  await page.getByTestId('lang-toggle').click();
  assert.equal(await text(page, 'aggregate-score'), '71.66');
  assert.equal(await text(page, 'aggregate-opini'), 'Medium quality');
  assert.match(await text(page, 'aggregate-zone'), /Yellow zone/);
  assert.match(await text(page, 'field-error'), /"x" is not a number/);
  assert.equal(await page.locator('.rapor').getAttribute('lang'), 'en');
  // English users type points; both separators are read.
  await page.getByTestId('unit-score').nth(1).fill('70.5');
  assert.equal(await text(page, 'aggregate-score'), '71.08');
  await page.getByTestId('lang-toggle').click();
  assert.equal(await text(page, 'aggregate-score'), '71,08');
  assert.deepEqual(problems, []);
});

test('indicator entry: levels per product, a score per unit, dimensions contribute', async () => {
  const { page, problems } = await open(env);
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2023');
  const unit = await allIndicators(page, 0, 3);
  // Everything at the top of the scale scores 100.
  assert.equal(await text(page, 'aggregate-score'), '100,00');
  // Proses product 2 all at 2: proses = 100·(33 + 22)/66 = 83,33…; unit = 100 − 32,37/6 = 94,605 → 94,61.
  for (const sel of await unit.locator('select[data-testid^="ind-proses."][data-testid$="-p2"]').all()) await sel.selectOption('2');
  assert.equal(await text(page, 'aggregate-score'), '94,61');
  // A third product: its 11 entries are empty and count as 0 until filled in.
  await unit.getByTestId('add-product').click();
  assert.equal(await unit.locator('select[data-testid$="-p3"]').count(), 11);
  // proses = 100·(33 + 22 + 0)/99 = 55,55…; unit = 67,63 + 32,37·5/9 = 85,613… → 85,61.
  assert.equal(await text(page, 'aggregate-score'), '85,61');
  await unit.getByTestId('remove-product').click();
  assert.equal(await text(page, 'aggregate-score'), '94,61');
  // The per-unit table shows each dimension's contribution: input 21,85.
  assert.match(await page.getByTestId('unit-table').innerText(), /21,85/);
  await page.screenshot({ path: join(ARTIFACTS, 'indicators-1280.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('switching a unit to dimensions and back keeps what was typed', async () => {
  const { page, problems } = await open(env);
  const unit = page.getByTestId('unit').nth(1);
  await unit.getByTestId('unit-score').fill('90');
  await unit.getByTestId('unit-mode').selectOption('dimensions');
  for (const [d, v] of [['input', '80'], ['proses', '90'], ['output', '85'], ['pengaduan', '70']]) await unit.getByTestId(`dim-${d}`).fill(v);
  // 21,85·80 + 32,37·90 + 24,24·85 + 21,54·70 = 8229,5 → 82,295 → 82,30.
  assert.equal(await text(page, 'aggregate-score'), '82,30');
  await unit.getByTestId('unit-mode').selectOption('score');
  assert.equal(await unit.getByTestId('unit-score').inputValue(), '90');
  assert.equal(await text(page, 'aggregate-score'), '90,00');
  assert.deepEqual(problems, []);
});

test('applying the plan raises the category as a what-if beside the baseline; undo restores', async () => {
  const { page, problems } = await open(env);
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2023');
  const scores = page.getByTestId('unit-score');
  for (const [i, v] of [[0, '90'], [1, '88'], [2, '86'], [3, '85'], [4, '84']]) await scores.nth(i).fill(v);
  await allIndicators(page, 5, 2);
  await allIndicators(page, 6, 2);
  const before = await text(page, 'aggregate-category');
  assert.equal(before, 'B');
  await until(page, 'plan', /Untuk mencapai kategori A diperlukan \+\d+,\d\d poin/);
  const steps = await page.getByTestId('plan-step').count();
  assert.ok(steps > 0);
  // One step applied alone, then the whole plan.
  await page.getByTestId('apply-step').first().click();
  assert.equal(await page.getByTestId('whatif-score').count(), 1);
  await page.getByTestId('apply-plan').click();
  assert.equal(await text(page, 'whatif-category'), 'A');
  assert.equal(await text(page, 'aggregate-category'), 'B', 'the baseline stays beside the what-if');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(ARTIFACTS, 'plan-whatif-1280.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('whatif-score').count(), 0);
  assert.deepEqual(problems, []);
});

test('at the top category and when unreachable the plan says so plainly', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('95');
  await until(page, 'plan-status', /sudah berada di kategori tertinggi/);
  // Six totals at 70, locked (the plan may not raise them), and one unit with every
  // indicator at 2 (66,67): (420 + 66,67) / 7 = 69,52 (C). Even that unit at 100 gives
  // (420 + 100) / 7 = 74,29 — never B (78).
  for (let i = 0; i < 6; i++) {
    await page.getByTestId('unit-score').nth(i).fill('70');
    const row = await unitMenu(page, i);
    await row.getByTestId('lock-unit').check();
    await row.getByTestId('unit-menu').locator('summary').click();
  }
  await allIndicators(page, 6, 2);
  assert.equal(await text(page, 'aggregate-score'), '69,52');
  await until(page, 'plan-status', /tidak tercapai.*74,29/);
  assert.deepEqual(problems, []);
});

test('units: add, rename, reorder, duplicate, remove', async () => {
  const { page, problems } = await open(env);
  const names = async () => Promise.all((await page.getByTestId('unit-name').all()).map((n) => n.inputValue()));
  assert.deepEqual(await names(), ['Disdukcapil', 'DPMPTSP', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Sosial', 'Puskesmas 1', 'Puskesmas 2']);
  await page.getByTestId('unit-name').nth(5).fill('Puskesmas Kintamani');
  await page.getByTestId('unit-score').nth(5).fill('77');
  await (await unitMenu(page, 5)).getByRole('button', { name: 'Naikkan Puskesmas Kintamani' }).click();
  assert.equal((await names())[4], 'Puskesmas Kintamani');
  await (await unitMenu(page, 4)).getByTestId('duplicate-unit').click();
  assert.equal((await names())[5], 'Puskesmas Kintamani (salinan)');
  assert.equal(await page.getByTestId('unit-score').nth(5).inputValue(), '77');
  await page.getByTestId('add-unit').click();
  assert.equal(await page.getByTestId('unit').count(), 9);
  await (await unitMenu(page, 5)).getByTestId('remove-unit').click();
  assert.equal(await page.getByTestId('unit').count(), 8);
  // Removing says so, and one Undo (from the notice) brings the unit back.
  assert.match(await page.getByTestId('alert').innerText(), /dihapus/);
  await page.getByTestId('notice-undo').click();
  assert.equal(await page.getByTestId('unit').count(), 9);
  await (await unitMenu(page, 5)).getByTestId('remove-unit').click();
  assert.equal(await text(page, 'aggregate-score'), '77,00');
  assert.deepEqual(problems, []);
});

test('assumptions: a changed weight is marked, applied and can be reset', async () => {
  const { page, problems } = await open(env);
  const unit = page.getByTestId('unit').nth(0);
  await unit.getByTestId('unit-mode').selectOption('dimensions');
  await unit.getByTestId('dim-input').fill('100');
  assert.equal(await text(page, 'aggregate-score'), '21,85');
  await (await settings(page)).getByTestId('assumptions').locator('summary').click();
  await (await settings(page)).getByTestId('weight-input').fill('50');
  // 50·100 / 128,15 = 39,0168… → 39,02.
  assert.equal(await text(page, 'aggregate-score'), '39,02');
  assert.match(await (await settings(page)).getByTestId('assumptions').innerText(), /diubah dari nilai terbitan \(terbitan 21,85\)/);
  assert.equal(await page.getByTestId('changed-note').count(), 1);
  await (await settings(page)).getByTestId('reset-assumptions').click();
  assert.equal(await text(page, 'aggregate-score'), '21,85');
  assert.equal(await page.getByTestId('changed-note').count(), 0);
  assert.deepEqual(problems, []);
});

test('a new visitor gets the 2025 method: three units, both labels, trust per unit, the range of rounded figures', async () => {
  const { page, problems } = await open(env, FRESH);
  assert.equal(await (await settings(page)).getByTestId('ruleset-select').inputValue(), 'ombudsman-2025');
  const names = await page.getByTestId('unit-name').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names, ['Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Sosial']);
  // A total already holds its trust: no trust field beside it.
  assert.equal(await page.getByTestId('unit').nth(0).getByTestId('trust').count(), 0);
  // Published 2025: "nilai 65,98 dengan kategori kualitas pelayanan Cukup".
  await page.getByTestId('unit-score').nth(0).fill('65,98');
  assert.equal(await text(page, 'aggregate-category'), 'C');
  assert.equal(await text(page, 'aggregate-opini'), 'Kualitas Sedang');
  assert.equal(await text(page, 'aggregate-quality'), 'Cukup');
  assert.equal(await text(page, 'unit-quality'), 'Cukup');
  // No black zone: the informal 2022–2024 colour, marked as an assumption.
  assert.match(await page.getByTestId('result-strip').innerText(), /asumsi/i);
  // Unit 2 by dimension 90 with its own trust 70: 0,7·90 + 0,3·70 = 84,00;
  // pemda (65,98 + 84) / 2 = 74,99 → C.
  const u2 = page.getByTestId('unit').nth(1);
  await u2.getByTestId('unit-mode').selectOption('dimensions');
  for (const d of ['input', 'proses', 'output', 'pengaduan']) await u2.getByTestId(`dim-${d}`).fill('90');
  assert.match(await text(page, 'trust-note'), /dihitung 0/);
  await u2.getByTestId('trust').fill('70');
  assert.equal(await page.getByTestId('trust-note').count(), 0);
  assert.equal(await text(page, 'aggregate-score'), '74,99');
  // 65,98 stands for [65,975; 65,985): the pemda for [74,9875; 74,9925) → 74,99 only.
  assert.equal(await page.getByTestId('aggregate-range').count(), 0);
  // Weighted points: switching converts 90 to 90 · 21,85 % = 19,665 and back exactly.
  await u2.getByTestId('unit-mode').selectOption('points');
  assert.equal(await u2.getByTestId('pts-input').inputValue(), '19,665');
  assert.equal(await text(page, 'aggregate-score'), '74,99');
  await u2.getByTestId('unit-mode').selectOption('dimensions');
  assert.equal(await u2.getByTestId('dim-input').inputValue(), '90');
  // Followed up: the opini gains "Tanpa Maladministrasi".
  await (await settings(page)).getByTestId('followed-up').check();
  assert.equal(await text(page, 'aggregate-opini'), 'Kualitas Sedang Tanpa Maladministrasi');
  // A grade that depends on unpublished digits: 87,99 and 88,00 → 88,00 A, but 87,99–88,00.
  await page.getByTestId('unit-score').nth(0).fill('87,99');
  await u2.getByTestId('unit-mode').selectOption('score');
  await u2.getByTestId('unit-score').fill('88,00');
  assert.equal(await text(page, 'aggregate-score'), '88,00');
  assert.equal(await text(page, 'aggregate-quality'), 'Sangat Baik');
  assert.match(await text(page, 'aggregate-range'), /87,99–88,00/);
  assert.match(await text(page, 'range-note'), /bergantung pada angka yang tidak dibulatkan/);
  await page.getByTestId('lang-toggle').click();
  assert.equal(await text(page, 'aggregate-quality'), 'Very good');
  assert.match(await text(page, 'range-note'), /depends on the unrounded figures/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('switching methods swaps the sample only on a page without data', async () => {
  const { page, problems } = await open(env, FRESH);
  // 2024 is fetched on first use: its seven units appear when it has arrived.
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2024');
  await page.getByTestId('unit').nth(6).waitFor();
  assert.equal(await page.getByTestId('unit').count(), 7);
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2025');
  await page.getByTestId('unit').nth(3).waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('unit').count(), 3);
  await page.getByTestId('unit-score').nth(0).fill('80');
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2024');
  assert.equal(await page.getByTestId('unit').count(), 3);
  assert.equal(await page.getByTestId('unit-score').nth(0).inputValue(), '80');
  assert.deepEqual(problems, []);
});

test('an old 2025 link with one pemda-level trust opens, spread to the units, told once', async () => {
  // Written before trust moved to the units: {"ruleset": "ombudsman-2025", "trust": "60",
  // "units": [{"name": "Dinas Sosial", "dimensions": 80 each}, {"name": "Dinas Kesehatan", "score": 80}]}.
  const { page, problems } = await open(env, FRESH);
  const old = { ruleset: 'ombudsman-2025', trust: '60', units: [
    { name: 'Dinas Sosial', dimensions: { input: '80', proses: '80', output: '80', pengaduan: '80' } },
    { name: 'Dinas Kesehatan', score: '80' }] };
  const link = await page.evaluate(async (json) => {
    const bytes = new TextEncoder().encode(json);
    const cs = new CompressionStream('deflate-raw');
    const w = cs.writable.getWriter(); w.write(bytes); w.close();
    const out = new Uint8Array(await new Response(cs.readable).arrayBuffer());
    let bin = ''; for (const b of out) bin += String.fromCharCode(b);
    return '#s=1' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, JSON.stringify(old));
  const other = await open(env, FRESH + link);
  // 0,7·80 + 0,3·60 = 74 and the total 80: pemda 77,00 → C.
  await until(other.page, 'aggregate-score', /^77,00$/);
  assert.match(await text(other.page, 'trust-spread-note'), /satu nilai Kepercayaan Masyarakat \(60\)/);
  assert.equal(await other.page.getByTestId('unit').nth(0).getByTestId('trust').inputValue(), '60');
  // Told once: the next edit clears it, and the work is saved without it.
  await other.page.getByTestId('unit').nth(0).getByTestId('trust').fill('70');
  assert.equal(await other.page.getByTestId('trust-spread-note').count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('a keyboard-only path: enter a score, switch a unit to indicators, apply the plan', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).focus();
  await page.keyboard.type('85');
  // Each key is its own input event and render: wait for the second one's.
  await until(page, 'aggregate-score', /^85,00$/);
  // Shift+Tab back to the unit's level picker, choose indicators with the arrow keys.
  await page.getByTestId('unit-mode').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByTestId('unit-mode').nth(1).inputValue(), 'indicators');
  await page.locator('select[data-testid="ind-input.pengetahuan-standar"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await text(page, 'aggregate-score'), '85,00');
  // The plan for the new levels comes from the worker; until it does the button waits
  // (disabled), and Enter on it would do nothing.
  await page.waitForFunction(() => document.querySelector('[data-testid="apply-plan"]')?.disabled === false);
  await page.getByTestId('apply-plan').focus();
  const focused = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focused, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('whatif-score').count(), 1);
  await page.getByTestId('add-unit').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('unit').count(), 8);
  assert.deepEqual(problems, []);
});

test('presentation mode enlarges, print shows results and plan without controls', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('82,84');
  await page.getByTestId('unit-name').nth(0).fill('Dinas Pendidikan');
  await page.getByTestId('unit-name').nth(1).fill('Dinas Penanaman Modal dan PTSP');
  await page.getByTestId('unit-score').nth(1).fill('82,84');
  const size = async () => page.getByTestId('aggregate-score').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const normal = await size();
  await page.getByTestId('present-toggle').click();
  assert.ok((await size()) > normal * 1.4, 'presentation mode enlarges the score');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(ARTIFACTS, 'presentation-1920.png') });
  // The chart's unit names, at the stage's larger type, start inside the chart (130
  // units of room clipped the "D" of "Dinas Pendidikan"); a longer one is cut, with "…".
  const labels = async () => page.locator('[data-testid=chart] .rapor-bar text:first-of-type')
    .evaluateAll((els) => els.map((e) => ({ text: e.textContent, x: e.getBBox().x })));
  await page.waitForFunction(() => document.querySelector('[data-testid=chart]')?.textContent.includes('Dinas Pendidikan'));
  const drawn = await labels();
  assert.deepEqual(drawn.filter((l) => l.x < 0), [], 'a unit name clipped at the chart\'s left edge');
  assert.ok(drawn.some((l) => l.text === 'Dinas Penanaman…'), JSON.stringify(drawn));
  await page.getByTestId('present-toggle').click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('add-unit').isVisible(), false);
  assert.equal(await page.getByTestId('aggregate-score').isVisible(), true);
  assert.equal(await page.getByTestId('plan').isVisible(), true);
  await page.pdf({ path: join(ARTIFACTS, 'print.pdf'), format: 'A4' });
  assert.deepEqual(problems, []);
});

test('SAKIP criteria are picked by letter, counted per sub-component, and planned letter by letter', async () => {
  const { page, problems } = await open(env);
  await pickMethod(page, 'sakip-2021', 'ind-perencanaan-keberadaan.k1');
  // Every criterion at B (70): each sub-component is 70 % of its weight, 70,00 in all,
  // and BB needs more than 70 (the bands' lower bounds are exclusive), so B.
  const unit = await allIndicators(page, 0, 70);
  const pick = unit.getByTestId('ind-perencanaan-keberadaan.k1');
  // Only the eight letters (and "not entered"), never 0–100 one by one.
  assert.equal(await pick.locator('option').count(), 9);
  assert.match(await pick.locator('option:checked').textContent(), /^B \(70\)/);
  assert.equal(await text(page, 'aggregate-score'), '70,00');
  assert.equal(await text(page, 'aggregate-category'), 'B');
  // One letter up anywhere is enough (the smallest, weight 3 of 5 criteria: +10 × 3/5 % = +0,06).
  await until(page, 'plan-step', /B → BB/);
  assert.equal(await page.getByTestId('plan-step').count(), 1);
  await page.getByTestId('apply-plan').click();
  assert.equal(await text(page, 'whatif-category'), 'BB');
  // Criteria per sub-component are an assumption: 3, then 6 for Perencanaan–Keberadaan.
  await (await settings(page)).getByTestId('assumptions').locator('summary').click();
  const criteria = (await settings(page)).getByTestId('criteria-perencanaan-keberadaan');
  assert.equal(await criteria.inputValue(), '5');
  await criteria.fill('3');
  assert.equal(await unit.locator('select[data-testid^="ind-perencanaan-keberadaan."]').count(), 3);
  assert.equal(await text(page, 'aggregate-score'), '70,00');
  // A sixth criterion, not entered, counts as E (0): that sub-component (weight 6) falls
  // from 70 % to 5 × 70 / 6 = 58,33 %, so 70 − 6 × 70 / 6 / 100 = 69,30.
  await criteria.fill('6');
  assert.equal(await text(page, 'aggregate-score'), '69,30');
  assert.equal(await (await settings(page)).getByTestId('scale').count(), 0, 'letters have a fixed scale');
  await criteria.fill('0');
  await until(page, 'field-error', /0/);
  assert.equal(await text(page, 'aggregate-score'), '69,30', 'the last result stays');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('IKM unsur are entered as means or as answer counts, and the plan counts respondents', async () => {
  const { page, problems } = await open(env);
  await pickMethod(page, 'ikm-2017', 'ind-unsur.waktu');
  const unit = page.getByTestId('unit').nth(0);
  for (const field of await unit.locator('input[data-testid^="ind-unsur."]').all()) await field.fill('3');
  // All nine at 3: IKM = 25 × 3 = 75,00, mutu C.
  assert.equal(await text(page, 'aggregate-score'), '75,00');
  await unit.getByTestId('counts-unsur.waktu').check();
  await unit.getByTestId('resp-unsur.waktu-4').fill('10');
  // Ten answers of 4: waktu 4, so 25 × (8 × 3 + 4) / 9 = 77,777… → 77,78, mutu B (from 76,61).
  assert.equal(await text(page, 'mean-unsur.waktu'), 'rata-rata 4,00 · n = 10');
  assert.equal(await text(page, 'aggregate-score'), '77,78');
  assert.equal(await text(page, 'aggregate-category'), 'B');
  await unit.getByTestId('resp-unsur.waktu-2').fill('2x');
  await until(page, 'unit', /"2x" bukan jumlah responden \(bilangan bulat 0–1000000\)/);
  assert.equal(await text(page, 'aggregate-score'), '77,78', 'the last result stays');
  await unit.getByTestId('resp-unsur.waktu-2').fill('');
  await unit.getByTestId('resp-unsur.waktu-4').fill('');
  await unit.getByTestId('resp-unsur.waktu-3').fill('10');
  assert.equal(await text(page, 'aggregate-score'), '75,00');
  // To B (76,61, i.e. 76,605 before rounding) from 75,00: one respondent moved from 3 to
  // 4 adds 25 × 0,1 / 9 = 0,2778, a +0,01 on a mean 0,0278; five steps give at most
  // 1,389 < 1,605, and six respondents give 1,667: 0/0/10/0 → 0/0/4/6, 76,67.
  await until(page, 'plan-step', /6 responden menjawab 4 \(0\/0\/10\/0 → 0\/0\/4\/6\)/);
  assert.equal(await page.getByTestId('plan-step').count(), 1);
  // Or one unsur's mean alone: Σ means ≥ 76,605 × 9 / 25 = 27,5778, so 3 → 3,58.
  assert.match(await text(page, 'plan-alternatives'), /Persyaratan, rata-rata yang diperlukan 3,58/);
  await unit.screenshot({ path: join(ARTIFACTS, 'ikm-counts.png') });
  await page.getByTestId('plan').screenshot({ path: join(ARTIFACTS, 'ikm-plan.png') });
  await page.getByTestId('apply-plan').click();
  assert.equal(await text(page, 'whatif-score'), '76,67');
  // Back to the mean: the counts stay for later, and the mean "3" counts again.
  await unit.getByTestId('counts-unsur.waktu').uncheck();
  assert.equal(await unit.getByTestId('ind-unsur.waktu').inputValue(), '3');
  await unit.getByTestId('counts-unsur.waktu').check();
  assert.equal(await unit.getByTestId('resp-unsur.waktu-3').inputValue(), '10');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('IPP indicators are scored 0–5 and aspects may have another number of indicators', async () => {
  const { page, problems } = await open(env);
  await pickMethod(page, 'ipp-2022', 'ind-kebijakan.i1');
  // Every indicator at 4 of 5: every aspect at 80 %, the index 4,00 (of 5), B (A- from 4,01).
  const unit = await allIndicators(page, 0, 4);
  assert.equal(await unit.getByTestId('ind-kebijakan.i1').locator('option').count(), 7, 'not entered, 0 … 5');
  assert.equal(await text(page, 'aggregate-score'), '4,00');
  assert.equal(await text(page, 'aggregate-category'), 'B');
  // Any one indicator up one level is enough for 4,01: the least, Konsultasi (10 %, two
  // indicators), adds 10 % × 5 × 1/5 / 2 = 0,05.
  await until(page, 'plan-step', /4 → 5/);
  assert.equal(await page.getByTestId('plan-step').count(), 1);
  // Inovasi with two indicators instead of one: the new one, not entered, counts 0, so
  // Inovasi (12 %) falls from 80 % to 40 %: 4,00 − 12 % × 5 × 0,4 = 3,76.
  await (await settings(page)).getByTestId('assumptions').locator('summary').click();
  await (await settings(page)).getByTestId('criteria-inovasi').fill('2');
  assert.equal(await unit.locator('select[data-testid^="ind-inovasi."]').count(), 2);
  assert.equal(await text(page, 'aggregate-score'), '3,76');
  assert.deepEqual(problems, []);
});

test('SAKIP, IPP and IKM are picked like any method, fetched on first use, graded without zones', async () => {
  const { page, problems } = await open(env);
  const score = page.getByTestId('unit-score').nth(0);
  // methodology.md §4–6: Klungkung SAKIP 62,72 = B; IPP 4,51 = A; IKM 75,00 = C.
  for (const [id, value, category, opini] of [
    ['sakip-2021', '62,72', 'B', 'Baik'],
    ['ipp-2022', '4,51', 'A', 'Pelayanan Prima'],
    ['ikm-2017', '75', 'C', 'Kurang Baik'],
  ]) {
    await (await settings(page)).getByTestId('ruleset-select').selectOption(id);
    await score.fill(value);
    await until(page, 'aggregate-category', new RegExp(`^${category}$`));
    assert.equal(await text(page, 'aggregate-opini'), opini);
    assert.equal(await page.getByTestId('aggregate-zone').count(), 0, `${id} has no zones`);
  }
  // IPP's scale is 0–5: IKM's 75 no longer reads there, nor does 5,2; both are
  // refused beside the field and the last result stays.
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ipp-2022');
  await until(page, 'field-error', /75 melebihi nilai maksimum 5/);
  await score.fill('5,2');
  await until(page, 'field-error', /5,2 melebihi nilai maksimum 5/);
  assert.deepEqual(problems, []);
});
