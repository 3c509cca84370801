// Keep, share and export (issue 6): autosave, undo/redo, JSON, share links, CSV, report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, FRESH, ROOT, allIndicators, axe, freshContext, open, start, stop, until, settings } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const text = (page, id) => page.getByTestId(id).first().textContent();

/** A scenario with every kind of entry and a changed assumption. */
async function fillMixed(page) {
  await (await settings(page)).getByTestId('pemda-name').fill('Kabupaten Contoh');
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2023');
  await page.getByTestId('unit-score').nth(0).fill('93,34');
  const dpm = page.getByTestId('unit').nth(1);
  await dpm.getByTestId('unit-mode').selectOption('dimensions');
  for (const [d, v] of [['input', '80'], ['proses', '90'], ['output', '85'], ['pengaduan', '70']]) await dpm.getByTestId(`dim-${d}`).fill(v);
  const pk = await allIndicators(page, 5, 2);
  await pk.getByTestId('lock-proses.maklumat').check();
  await (await settings(page)).getByTestId('deduction').fill('1,5');
  await (await settings(page)).getByTestId('assumptions').locator('summary').click();
  await (await settings(page)).getByTestId('weight-input').fill('25');
}

async function snapshotOf(page) {
  return {
    score: await text(page, 'aggregate-score'),
    category: await text(page, 'aggregate-category'),
    table: await page.getByTestId('unit-table').innerText(),
  };
}

test('reload keeps everything, including a field that does not read yet', async () => {
  const { page, problems } = await open(env);
  await fillMixed(page);
  await page.getByTestId('unit-score').nth(2).fill('8x');
  const before = await snapshotOf(page);
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.deepEqual(await snapshotOf(page), before);
  assert.equal(await (await settings(page)).getByTestId('pemda-name').inputValue(), 'Kabupaten Contoh');
  assert.equal(await page.getByTestId('unit-score').nth(2).inputValue(), '8x');
  assert.equal(await page.getByTestId('unit').nth(5).getByTestId('lock-proses.maklumat').isChecked(), true);
  assert.equal(await (await settings(page)).getByTestId('weight-input').inputValue(), '25');
  assert.deepEqual(problems, []);
});

test('two tabs on one widget stay in step: a change in one shows in the other', async () => {
  // Each tab used to save its own form over the other's, silently.
  const ctx = await freshContext(env);
  const one = await open(env, undefined, ctx);
  const two = await open(env, undefined, ctx);
  await one.page.getByTestId('unit-score').nth(0).fill('71,66');
  await until(two.page, 'aggregate-score', /^71,66$/);
  assert.equal(await two.page.getByTestId('unit-score').nth(0).inputValue(), '71,66');
  await two.page.getByTestId('unit-score').nth(1).fill('90');
  // (71,66 + 90) / 2 = 80,83.
  await until(one.page, 'aggregate-score', /^80,83$/);
  await one.page.reload();
  await one.page.getByTestId('unit').first().waitFor();
  assert.equal(await text(one.page, 'aggregate-score'), '80,83');
  assert.deepEqual([...one.problems, ...two.problems], []);
});

test('undo and redo by button and by keyboard', async () => {
  const { page, problems } = await open(env);
  const score = page.getByTestId('unit-score').nth(0);
  // Typing "80" is one step (not one per key); leaving the field ends it.
  await score.pressSequentially('80');
  await score.blur();
  await score.fill('90');
  assert.equal(await text(page, 'aggregate-score'), '90,00');
  await page.getByTestId('undo').click();
  assert.equal(await text(page, 'aggregate-score'), '80,00');
  await page.getByTestId('redo').click();
  assert.equal(await text(page, 'aggregate-score'), '90,00');
  await page.getByTestId('lang-toggle').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await text(page, 'aggregate-score'), '80,00');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await text(page, 'aggregate-score'), '90,00');
  // A new edit after an undo clears redo.
  await page.keyboard.press('Control+z');
  await score.fill('70');
  assert.equal(await page.getByTestId('redo').isDisabled(), true);
  assert.deepEqual(problems, []);
});

test('export then import in a fresh context gives identical results', async () => {
  const { page, problems } = await open(env);
  await fillMixed(page);
  const before = await snapshotOf(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.match(download.suggestedFilename(), /^rapor-kabupaten-contoh-\d{4}-\d\d-\d\d\.json$/);
  const file = join(ARTIFACTS, 'export.json');
  await download.saveAs(file);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(json.format, 1);
  assert.equal(json.ruleset, 'ombudsman-2023');
  assert.deepEqual(json.assumptions, { weights: { input: '25' } });
  const other = await open(env);
  await other.page.getByTestId('import-json').setInputFiles(file);
  await until(other.page, 'alert', /diimpor/);
  assert.deepEqual(await snapshotOf(other.page), before);
  assert.equal(await (await settings(other.page)).getByTestId('pemda-name').inputValue(), 'Kabupaten Contoh');
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('a file saved as Latin-1, or with a byte-order mark, imports with its names right', async () => {
  const { page, problems } = await open(env);
  const scenario = JSON.stringify({ format: 1, ruleset: 'ombudsman-2024', units: [{ name: 'Puskesmas Péngkep', score: '90' }] });
  const file = join(ARTIFACTS, 'latin1.json');
  writeFileSync(file, Buffer.from(scenario, 'latin1'));
  await page.getByTestId('import-json').setInputFiles(file);
  await until(page, 'alert', /diimpor/);
  assert.equal(await page.getByTestId('unit-name').first().inputValue(), 'Puskesmas Péngkep');
  writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(scenario.replace('90', '80'), 'utf8')]));
  await page.getByTestId('import-json').setInputFiles(file);
  await until(page, 'aggregate-score', /^80,00$/);
  assert.equal(await page.getByTestId('unit-name').first().inputValue(), 'Puskesmas Péngkep');
  assert.deepEqual(problems, []);
});

test('a damaged file names the problem and replaces nothing', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('82,84');
  const bad = join(ARTIFACTS, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ruleset: 'ombudsman-2023', units: [{ name: 'A', score: 90 }, { name: 'B', indicators: { 'proses.biaya': [4, 2] } }] }));
  await page.getByTestId('import-json').setInputFiles(bad);
  assert.match(await until(page, 'alert', /tidak dapat diimpor/), /units\[1\]\.indicators\.proses\.biaya\[0\]: 4 melebihi nilai maksimum 3/);
  assert.equal(await text(page, 'aggregate-score'), '82,84');
  writeFileSync(bad, '{"ruleset": "ombudsman-2023", "units": [');
  await page.getByTestId('import-json').setInputFiles(bad);
  // The first file's alert names bad.json too: wait for the second file's problem.
  assert.match(await until(page, 'alert', /line 1 column/), /bad\.json tidak dapat diimpor/);
  assert.equal(await page.getByTestId('unit-score').nth(0).inputValue(), '82,84');
  // A key given twice: JSON readers keep the last silently (the 90 became 10).
  writeFileSync(bad, '{"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90, "score": 10}]}');
  await page.getByTestId('import-json').setInputFiles(bad);
  assert.match(await until(page, 'alert', /diisi dua kali/), /units\[0\]: score diisi dua kali/);
  assert.equal(await page.getByTestId('unit-score').nth(0).inputValue(), '82,84');
  assert.deepEqual(problems, []);
});

test('a share link reproduces the results in a fresh browser', async () => {
  const { page, problems } = await open(env);
  await fillMixed(page);
  const before = await snapshotOf(page);
  await page.getByTestId('share-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  assert.match(url, /#s=2[A-Za-z0-9_-]+$/);
  const other = await open(env, url.slice(env.url.length));
  await until(other.page, 'alert', /dari tautan dibuka/);
  assert.deepEqual(await snapshotOf(other.page), before);
  assert.equal(await other.page.evaluate(() => location.hash), '', 'the fragment is cleared so a reload keeps later edits');
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('a link opened over stored work saves nothing over it until the user chooses', async () => {
  // It used to replace the stored work at once; the old work lived only in that tab's undo.
  const other = await open(env);
  await other.page.getByTestId('unit-score').nth(0).fill('90');
  await other.page.getByTestId('share-link').click();
  const link = (await other.page.getByTestId('share-url').inputValue()).slice(env.url.length);
  const ctx = await freshContext(env);
  const { page, problems } = await open(env, undefined, ctx);
  await page.getByTestId('unit-score').nth(0).fill('71,66');
  await page.waitForTimeout(100);
  const stored = () => page.evaluate(() => localStorage.getItem('rapor:rapor:form'));
  const opened = await open(env, link, ctx);
  assert.match(await until(opened.page, 'alert', /belum disimpan/), /pekerjaan Anda sebelumnya tetap tersimpan/);
  assert.equal(await text(opened.page, 'aggregate-score'), '90,00');
  await opened.page.waitForTimeout(200);
  assert.match(await stored(), /71,66/, 'the stored work is untouched');
  await opened.page.getByTestId('link-back').click();
  assert.equal(await text(opened.page, 'aggregate-score'), '71,66');
  const again = await open(env, link, ctx);
  await until(again.page, 'alert', /belum disimpan/);
  await again.page.getByTestId('link-keep').click();
  await again.page.waitForTimeout(200);
  assert.match(await stored(), /"90"/, 'kept: the link\'s scenario is saved');
  assert.deepEqual([...problems, ...other.problems, ...opened.problems, ...again.problems], []);
});

test('a damaged link says so and keeps the work already there', async () => {
  const ctx = await freshContext(env);
  const { page, problems } = await open(env, '', ctx);
  await page.getByTestId('unit-score').nth(0).fill('71,66');
  await page.waitForTimeout(50);
  const second = await open(env, '#s=1abc$def', ctx);
  assert.match(await until(second.page, 'alert', /Tautan tidak dapat dibuka/), /terpotong|karakter asing/);
  assert.equal(await text(second.page, 'aggregate-score'), '71,66');
  const third = await open(env, '#s=1AAAAAAAAAAA', ctx);
  assert.match(await until(third.page, 'alert', /Tautan tidak dapat dibuka/), /rusak/);
  assert.equal(await text(third.page, 'aggregate-score'), '71,66');
  // A link of this build with one character changed (the review's turned a 90 into a
  // 10 and opened as if whole): its checksum refuses it.
  await page.getByTestId('share-link').click();
  const link = (await page.getByTestId('share-url').inputValue()).split('#')[1];
  const i = Math.floor(link.length / 2);
  const changed = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
  const fourth = await open(env, `#${changed}`, ctx);
  assert.match(await until(fourth.page, 'alert', /Tautan tidak dapat dibuka/), /rusak/);
  assert.equal(await text(fourth.page, 'aggregate-score'), '71,66');
  assert.deepEqual([...problems, ...second.problems, ...third.problems, ...fourth.problems], []);
});

test('damaged storage is kept aside, reported, and never overwritten until the user chooses', async () => {
  const ctx = await freshContext(env);
  const { page, problems } = await open(env, '', ctx);
  await page.evaluate(() => localStorage.setItem('rapor:rapor:form', '{"rapor":"form","version":1,"form":{"units": [tr'));
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.match(await text(page, 'alert'), /Data tersimpan rusak/);
  // Typing now must not overwrite the damaged data.
  await page.getByTestId('unit-score').nth(0).fill('50');
  await page.waitForTimeout(50);
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  assert.equal(stored['rapor:rapor:form'], '{"rapor":"form","version":1,"form":{"units": [tr');
  const kept = Object.keys(stored).filter((k) => k.startsWith('rapor:rapor:kept-aside:'));
  assert.equal(kept.length, 1);
  assert.equal(stored[kept[0]], '{"rapor":"form","version":1,"form":{"units": [tr');
  // Reloading again adds no second copy of the same data (copies piled up until full).
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':kept-aside:')).length), 1);
  // Another version's data gets its own message.
  await page.evaluate(() => localStorage.setItem('rapor:rapor:form', '{"rapor":"form","version":7,"form":{}}'));
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.match(await text(page, 'alert'), /versi Rapor lain \(format 7\)/);
  // A form for a ruleset this version does not ship is kept aside too.
  await page.evaluate(() => localStorage.setItem('rapor:rapor:form', '{"rapor":"form","version":1,"lang":"id","form":{"ruleset":"ombudsman-2031","units":[],"deduction":"","trust":"","followed_up":false,"weights":{},"scale_max":""}}'));
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.match(await text(page, 'alert'), /Data tersimpan rusak/);
  await page.getByTestId('start-fresh').click();
  await page.getByTestId('unit-score').nth(0).fill('60');
  await page.waitForTimeout(50);
  assert.match(await page.evaluate(() => localStorage.getItem('rapor:rapor:form')), /"version":1/);
  assert.deepEqual(problems, []);
});

test('damaged data that cannot be kept aside (storage full) is offered as a download before anything else', async () => {
  const ctx = await freshContext(env);
  const { page, problems } = await open(env, '', ctx);
  await page.evaluate(() => localStorage.setItem('rapor:rapor:form', '{"rapor":"form","version":1,"form":{"units": [tr'));
  // From the reload on the browser refuses every copy set aside, as a full storage does.
  await ctx.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).includes(':kept-aside:')) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.match(await text(page, 'alert'), /tidak dapat disalin terpisah.*Unduh data itu dulu/);
  // Starting fresh would overwrite the only copy: it waits for the download.
  assert.equal(await page.getByTestId('start-fresh').isDisabled(), true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-kept').click()]);
  const file = join(ARTIFACTS, 'kept-refused.json');
  await download.saveAs(file);
  assert.equal(readFileSync(file, 'utf8'), '{"rapor":"form","version":1,"form":{"units": [tr');
  assert.equal(await page.getByTestId('start-fresh').isDisabled(), false);
  assert.deepEqual(problems, []);
});

test('storage blocked: the widget starts and computes, says once that nothing is saved, and offers the JSON file', async () => {
  // As with cookies blocked (a cross-site iframe in Incognito): asking for localStorage throws.
  const context = await freshContext(env);
  await context.addInitScript(() => Object.defineProperty(window, 'localStorage', {
    configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  }));
  const { page, problems } = await open(env, undefined, context);
  await page.getByTestId('unit-score').nth(0).fill('82,84');
  assert.equal(await text(page, 'aggregate-category'), 'B');
  assert.match(await until(page, 'alert', /tidak tersimpan otomatis/), /Simpan sebagai file JSON/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notice-export-json').click()]);
  const file = join(ARTIFACTS, 'storage-blocked.json');
  await download.saveAs(file);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(json.ruleset, 'ombudsman-2024');
  assert.deepEqual(json.units[0], { name: json.units[0].name, score: '82.84' });
  // Said once: dismissed, later changes do not bring it back.
  await page.getByTestId('dismiss').click();
  await page.getByTestId('unit-score').nth(1).fill('90');
  await page.waitForTimeout(200);
  assert.equal((await text(page, 'alert')).trim(), '');
  assert.deepEqual(problems, []);
});

test('CSV export of the summary, and the printable report', async () => {
  const { page, problems } = await open(env);
  await (await settings(page)).getByTestId('pemda-name').fill('Kota Magelang');
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2022');
  for (const [i, v] of [[0, '100'], [1, '100'], [2, '80,19'], [3, '92,92']]) await page.getByTestId('unit-score').nth(i).fill(v);
  // A name that a spreadsheet would run as a formula stays text (a leading ').
  await page.getByTestId('unit-name').nth(1).fill('=1+1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const file = join(ARTIFACTS, 'summary.csv');
  await download.saveAs(file);
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'Unit;Nilai;Kategori;Opini;Zona');
  assert.equal(lines[1], 'Pemda (agregat);93,28;A;Kualitas Tertinggi;hijau');
  assert.equal(lines[4], 'Dinas Kesehatan;80,19;B;;hijau');
  assert.equal(lines[3], "'=1+1;100,00;A;;hijau");
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('report-head').isVisible(), true);
  assert.match(await page.getByTestId('report-head').innerText(), /Kota Magelang[\s\S]*Tanggal: [\s\S]*Penilaian Kepatuhan 2022/);
  assert.equal(await page.getByTestId('export-json').isVisible(), false);
  await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4' });
  assert.deepEqual(problems, []);
});

test('share-link length for the default 7-unit scenario at each level', async () => {
  const { page, problems } = await open(env);
  const lengths = {};
  const units = page.getByTestId('unit');
  for (let i = 0; i < 7; i++) await page.getByTestId('unit-score').nth(i).fill(String(80 + i) + ',5');
  await page.getByTestId('share-link').click();
  lengths.total = (await page.getByTestId('share-url').inputValue()).length;
  for (let i = 0; i < 7; i++) {
    await units.nth(i).getByTestId('unit-mode').selectOption('dimensions');
    for (const [d, v] of [['input', '80'], ['proses', '90,25'], ['output', '85'], ['pengaduan', '70']]) await units.nth(i).getByTestId(`dim-${d}`).fill(v);
  }
  await page.getByTestId('share-link').click();
  lengths.dimensions = (await page.getByTestId('share-url').inputValue()).length;
  for (let i = 0; i < 7; i++) {
    const unit = await allIndicators(page, i, 2);
    // Vary some levels so the link is not just one repeated value.
    const sels = await unit.locator('select[data-testid^="ind-"]').all();
    for (let k = i; k < sels.length; k += 5) await sels[k].selectOption(String((k + i) % 4));
  }
  await page.getByTestId('share-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  lengths.indicators = url.length;
  lengths.flagged_over_2000 = await page.getByTestId('long-link').count() > 0;
  writeFileSync(join(ARTIFACTS, 'share-lengths.json'), JSON.stringify(lengths));
  console.log(`# share-link length (7 units): total ${lengths.total}, dimensions ${lengths.dimensions}, indicators ${lengths.indicators}`);
  assert.ok(lengths.total < lengths.dimensions && lengths.dimensions < lengths.indicators);
  assert.equal(lengths.flagged_over_2000, lengths.indicators > 2000);
  const other = await open(env, url.slice(env.url.length));
  await until(other.page, 'alert', /dari tautan dibuka/);
  assert.equal(await text(other.page, 'aggregate-score'), await text(page, 'aggregate-score'));
  assert.deepEqual(problems, []);
});

test('Excel export: summary, a sheet per unit, the plan; numbers stored as numbers', async () => {
  const { createRequire } = await import('node:module');
  const XLSX = createRequire(import.meta.url)('xlsx');
  const { page, problems } = await open(env);
  await (await settings(page)).getByTestId('pemda-name').fill('Kota Magelang');
  await (await settings(page)).getByTestId('ruleset-select').selectOption('ombudsman-2022');
  for (const [i, v] of [[0, '100'], [1, '100'], [2, '80,19'], [3, '92,92']]) await page.getByTestId('unit-score').nth(i).fill(v);
  await allIndicators(page, 5, 2);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId('export-xlsx').click()]);
  assert.match(download.suggestedFilename(), /^rapor-kota-magelang-\d{4}-\d\d-\d\d\.xlsx$/);
  const file = join(ARTIFACTS, 'export.xlsx');
  await download.saveAs(file);
  const book = XLSX.read(readFileSync(file), { cellNF: true });
  assert.deepEqual(book.SheetNames, [
    'Ringkasan', '1 Disdukcapil', '2 DPMPTSP', '3 Dinas Kesehatan', '4 Dinas Pendidikan', '6 Puskesmas 1', 'Rencana', 'Unit', 'Indikator',
  ]);
  const sum = book.Sheets['Ringkasan'];
  const rows = XLSX.utils.sheet_to_json(sum, { header: 1 });
  const value = (label) => rows.find((r) => r[0] === label)?.[1];
  assert.equal(value('Pemda'), 'Kota Magelang');
  // (100 + 100 + 80,19 + 92,92 + 66,67) / 5: the Puskesmas at 2 of 3 everywhere scores 66,666…;
  // 439,776… / 5 = 87,955… → 87,96 (B).
  const scoreCell = Object.entries(sum).find(([, c]) => c && c.v === value('Nilai'))[1];
  assert.equal(scoreCell.t, 'n', 'the score is a number, not text');
  assert.equal(scoreCell.z, '0.00');
  assert.equal(value('Nilai'), 87.96);
  assert.equal(value('Kategori'), 'B');
  assert.equal(value('Zona'), 'hijau');
  const dinkes = rows.find((r) => r[0] === 'Dinas Kesehatan');
  assert.deepEqual(dinkes.slice(0, 4), ['Dinas Kesehatan', 80.19, 'B', 'hijau']);
  const pk = XLSX.utils.sheet_to_json(book.Sheets['6 Puskesmas 1'], { header: 1 });
  assert.equal(pk[1][1], 66.67);
  assert.ok(pk.some((r) => r[1] === 'Biaya/tarif' && r[2] === 2 && r[3] === 2 && r[4] === 3), 'indicator rows with product, level and max');
  const plan = XLSX.utils.sheet_to_json(book.Sheets['Rencana'], { header: 1 });
  assert.equal(plan[1][1], 'A');
  assert.ok(plan.length > 8 && typeof plan[8][5] === 'number', 'steps with numeric gains');
  assert.deepEqual(problems, []);
});

test("a user's own method file is checked, used at once, kept on reload and carried by a link", async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('89');
  // 2024: A from 88.
  assert.equal(await text(page, 'aggregate-category'), 'A');
  // "Next year's method": the 2024 file as `rapor ruleset` prints it, with A from 90.
  const method = JSON.parse(readFileSync(join(ROOT, 'dist', 'ruleset-ombudsman-2024.json'), 'utf8'));
  Object.assign(method, { id: 'contoh-2026', title: 'Contoh metode 2026', title_en: 'Example method 2026' });
  method.bands[0].min = '90';
  const file = join(ARTIFACTS, 'contoh-2026.json');
  // First with a band edge finer than the rounding: refused, the place named, nothing changed.
  writeFileSync(file, JSON.stringify({ ...method, bands: method.bands.map((b, i) => (i === 1 ? { ...b, min: '78.125' } : b)) }));
  await (await settings(page)).getByTestId('ruleset-file').setInputFiles(file);
  // Named at its place, in the page's language: no English sentence in the Indonesian widget.
  assert.match(await until(page, 'alert', /contoh-2026\.json tidak dapat diimpor/), /bands\[1\]\.min: 78,125 memiliki lebih banyak desimal daripada pembulatan/);
  assert.equal(await (await settings(page)).getByTestId('ruleset-select').inputValue(), 'ombudsman-2024');
  assert.equal(await text(page, 'aggregate-category'), 'A');
  // Under a built-in id it would stand in the picker as the official method: refused at its id.
  writeFileSync(file, JSON.stringify({ ...method, id: 'ombudsman-2024' }));
  await (await settings(page)).getByTestId('ruleset-file').setInputFiles(file);
  assert.match(await until(page, 'alert', /id: "ombudsman-2024" adalah id metode bawaan/), /tidak dapat diimpor/);
  assert.equal(await text(page, 'aggregate-category'), 'A');
  writeFileSync(file, JSON.stringify(method));
  await (await settings(page)).getByTestId('ruleset-file').setInputFiles(file);
  await until(page, 'alert', /Contoh metode 2026/);
  // 89 < 90: B under the user's method, at once, and the score typed stays.
  await until(page, 'aggregate-category', /^B$/);
  assert.equal(await (await settings(page)).getByTestId('ruleset-select').inputValue(), 'contoh-2026');
  assert.equal(await page.getByTestId('unit-score').nth(0).inputValue(), '89');
  // The plan is worked out under the user's method too: a unit entered as a total can
  // only be told the points it needs, 90 − 89 = +1,00.
  await until(page, 'plan-alternatives', /Disdukcapil: \+1,00/);
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.equal(await (await settings(page)).getByTestId('ruleset-select').inputValue(), 'contoh-2026');
  assert.equal(await text(page, 'aggregate-category'), 'B');
  await page.getByTestId('share-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await open(env, url.slice(env.url.length));
  await until(other.page, 'alert', /dari tautan dibuka/);
  assert.equal(await (await settings(other.page)).getByTestId('ruleset-select').inputValue(), 'contoh-2026');
  assert.equal(await text(other.page, 'aggregate-category'), 'B');
  // Removed: back to the default method (Opini 2025), where a total of 89 is A again.
  await (await settings(page)).getByTestId('ruleset-file-remove').click();
  assert.equal(await (await settings(page)).getByTestId('ruleset-select').inputValue(), 'ombudsman-2025');
  assert.equal(await text(page, 'aggregate-category'), 'A');
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});


test('sampling risk: chances per category, worst sample, weakest links, live as scores change', async () => {
  const { page, problems } = await open(env);
  // Disdukcapil 100 always in; 12 Puskesmas (1–3 at 40, the rest at 100), two drawn:
  // 66 samples — both good 100 A (36), one weak 80 B (27), both weak 60 C (3)
  // (tests/risk.rs works these out).
  await page.getByTestId('import-json').setInputFiles(join(ROOT, 'tests', 'data', 'twelve-puskesmas.json'));
  await until(page, 'risk-reach', /^Peluang mencapai B: 95,5 % \(66 kemungkinan sampel, dihitung semua\)\.$/);
  assert.match(await text(page, 'risk-prob-A'), /A54,5 %/);
  assert.match(await text(page, 'risk-prob-B'), /B40,9 %/);
  assert.match(await text(page, 'risk-prob-C'), /C4,5 %/);
  assert.equal(await text(page, 'risk-worst'), 'Sampel terburuk: 60,00 C — Disdukcapil, Puskesmas 1, Puskesmas 2');
  // A weak one drawn: 9 of its 11 samples reach B, 9/11 − 63/66 = −13,6 points.
  assert.match(await text(page, 'risk-weakest'), /^Puskesmas 1: −13,6 poin persen/);
  assert.equal(await page.getByTestId('sampling-puskesmas').inputValue(), '2');
  // Puskesmas 1 fixed: 2 weak left, C(2, 2) = 1 sample of 66 falls to C: 65/66 = 98,5 %.
  await page.getByTestId('unit-score').nth(1).fill('100');
  await until(page, 'risk-reach', /^Peluang mencapai B: 98,5 %/);
  await page.getByTestId('sampling-puskesmas').fill('13');
  await until(page, 'risk', /13 melebihi nilai maksimum 12/);
  await page.getByTestId('sampling-puskesmas').fill('2');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('risk').screenshot({ path: join(ARTIFACTS, 'risk-panel.png') });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('offline, a sampling risk never used before says it must be downloaded once', async () => {
  const { page, problems, context } = await open(env);
  for (const [i, v] of ['90', '80', '70'].entries()) await page.getByTestId('unit-score').nth(i).fill(v);
  await page.getByTestId('plan-step').first().waitFor();
  // The risk's worker (rapor-io) was never fetched, so it was never kept for offline use.
  await context.setOffline(true);
  await page.getByTestId('unit-menu').nth(1).locator('summary').click();
  await page.getByTestId('unit-sector').first().fill('puskesmas');
  await until(page, 'risk-error', /^bagian ini perlu diunduh sekali, dan peramban sedang luring; sambungkan ke internet lalu coba lagi/);
  // Online again, the next change asks again and the risk comes.
  await context.setOffline(false);
  await page.getByTestId('unit-score').nth(1).fill('81');
  await until(page, 'risk-reach', /^Peluang mencapai/);
  // Only the failed fetch itself, told by the browser, is in the console.
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load/.test(p)), []);
});

test('the robust plan in the widget holds for every sample and says how sure it is', async () => {
  const { page, problems } = await open(env);
  // IKM, two of three Puskesmas drawn (87,50, 87,50, 75,00): the cheapest robust plan
  // is 29 + 29 + 479 = 537 steps of +0,01 (hand-computed in tests/risk.rs), found exactly.
  await page.getByTestId('import-json').setInputFiles(join(ROOT, 'tests', 'data', 'robust-ikm.json'));
  await until(page, 'risk-robust', /\(537 langkah\) → sampel terburuk 88,31, kategori A\./, 10000);
  assert.match(await text(page, 'risk-robust'), /Tidak ada rencana tangguh yang lebih murah\./);
  assert.match(await text(page, 'risk-robust'), /Puskesmas A, Persyaratan: 3,5 → 3,79/);
  assert.deepEqual(problems, []);
});

test('a CSV table from Indonesian or English Excel: its units in, a bad cell named, the export read back', async () => {
  const { page, problems } = await open(env);
  await (await settings(page)).getByTestId('pemda-name').fill('Kota Magelang');
  // Kota Magelang 2022 (pre-evaluation) under the 2024 method: 100, 100, 80,19, 92,92 → 93,28 A.
  const id = join(ARTIFACTS, 'magelang-id.csv');
  writeFileSync(id, '\uFEFFRekap nilai unit;;\r\nNama unit;Nilai total\r\nDisdukcapil;100\r\nDPMPTSP;100\r\nDinas Kesehatan;80,19\r\nPuskesmas;92,92\r\n');
  await page.getByTestId('import-file').setInputFiles(id);
  await until(page, 'alert', /magelang-id\.csv diimpor/);
  assert.equal(await text(page, 'aggregate-score'), '93,28');
  assert.equal(await page.getByTestId('unit').count(), 4);
  assert.equal(await (await settings(page)).getByTestId('pemda-name').inputValue(), 'Kota Magelang');
  // English Excel: commas between cells, a decimal point; by dimension.
  const en = join(ARTIFACTS, 'dims-en.csv');
  writeFileSync(en, 'Unit name,Input,Proses,Output,Pengaduan\nDPMPTSP,80,90,85,70\n');
  await page.getByTestId('import-file').setInputFiles(en);
  await until(page, 'alert', /dims-en\.csv diimpor/);
  // 21,85·80 + 32,37·90 + 24,24·85 + 21,54·70 = 82,295 → 82,30.
  assert.equal(await text(page, 'aggregate-score'), '82,30');
  // A bad cell: named as the spreadsheet names it, and nothing replaced.
  writeFileSync(en, 'Unit name,Input,Proses,Output,Pengaduan\nDPMPTSP,80,90,185,70\n');
  await page.getByTestId('import-file').setInputFiles(en);
  await until(page, 'alert', /dims-en\.csv tidak dapat diimpor.*D2: 185 melebihi nilai maksimum 100/);
  assert.equal(await text(page, 'aggregate-score'), '82,30');
  // The widget's own CSV export reads back (its aggregate row skipped).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const back = join(ARTIFACTS, 'back.csv');
  await download.saveAs(back);
  await page.getByTestId('import-file').setInputFiles(back);
  await until(page, 'alert', /back\.csv diimpor/);
  // Now as the unit's total, which the export holds.
  assert.equal(await page.getByTestId('unit-score').first().inputValue(), '82,30');
  assert.equal(await text(page, 'aggregate-score'), '82,30');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('Excel: the template for the method in force, filled in and imported; an export imports back; a bad cell named by sheet and cell', async () => {
  const { createRequire } = await import('node:module');
  const XLSX = createRequire(import.meta.url)('xlsx');
  const { page, problems } = await open(env, FRESH);
  // The template of the 2025 method: its three-unit sample, a column per dimension.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId('download-template').click()]);
  assert.equal(download.suggestedFilename(), 'templat-rapor.xlsx');
  const file = join(ARTIFACTS, 'templat.xlsx');
  await download.saveAs(file);
  const book = XLSX.read(readFileSync(file));
  assert.deepEqual(book.SheetNames, ['Unit', 'Indikator']);
  const units = XLSX.utils.sheet_to_json(book.Sheets.Unit, { header: 1, defval: '' });
  assert.deepEqual(units[3], ['Nama unit', 'Nilai total', 'Input', 'Proses', 'Output', 'Pengaduan', 'Kepercayaan masyarakat', 'Sektor', 'Nilai tahun lalu']);
  assert.deepEqual(units.slice(4).map((r) => r[0]), ['Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Sosial']);
  // Filled in as a user would: totals, one as text with a decimal comma; Dinas Sosial by
  // dimension with its trust. By hand: 21,85·80 + 32,37·90 + 24,24·85 + 21,54·70 = 82,295,
  // × 0,7 = 57,6065, + 75 × 0,3 = 80,1065; (90 + 82,5 + 80,1065) / 3 = 84,2022 → 84,20.
  const set = (sheet, ref, v) => { book.Sheets[sheet][ref] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v }; };
  set('Unit', 'B5', 90);
  set('Unit', 'B6', '82,5');
  for (const [ref, v] of [['C7', 80], ['D7', 90], ['E7', 85], ['F7', 70], ['G7', 75]]) set('Unit', ref, v);
  const filled = join(ARTIFACTS, 'templat-isi.xlsx');
  XLSX.writeFile(book, filled);
  await page.getByTestId('import-file').setInputFiles(filled);
  await until(page, 'alert', /templat-isi\.xlsx diimpor/, 60000);
  assert.equal(await text(page, 'aggregate-score'), '84,20');
  // A level above its scale on the indicator sheet: named, and nothing replaced.
  set('Indikator', 'F5', 4);
  const bad = join(ARTIFACTS, 'templat-salah.xlsx');
  XLSX.writeFile(book, bad);
  await page.getByTestId('import-file').setInputFiles(bad);
  await until(page, 'alert', /templat-salah\.xlsx tidak dapat diimpor.*Indikator!F5: 4 melebihi nilai maksimum 3/);
  assert.equal(await text(page, 'aggregate-score'), '84,20');
  // A damaged workbook (cut in half) says so.
  const cut = join(ARTIFACTS, 'rusak.xlsx');
  const whole = readFileSync(filled);
  writeFileSync(cut, whole.subarray(0, whole.length >> 1));
  await page.getByTestId('import-file').setInputFiles(cut);
  await until(page, 'alert', /rusak\.xlsx tidak dapat diimpor.*bukan buku kerja Excel/);
  assert.equal(await text(page, 'aggregate-score'), '84,20');
  // The workbook export imports back to the same result, in a fresh context.
  const [exported] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId('export-xlsx').click()]);
  const back = join(ARTIFACTS, 'kembali.xlsx');
  await exported.saveAs(back);
  const other = await open(env, FRESH);
  await other.page.getByTestId('import-file').setInputFiles(back);
  await until(other.page, 'alert', /kembali\.xlsx diimpor/, 60000);
  assert.equal(await text(other.page, 'aggregate-score'), '84,20');
  assert.equal(await other.page.getByTestId('unit').count(), 3);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test("merge: another OPD's file adds its units, a name clash asks first, one undo takes it back, another method is named", async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('80');
  await page.getByTestId('unit-score').nth(1).fill('90');
  assert.equal(await text(page, 'aggregate-score'), '85,00');
  // Two Puskesmas from their own file: (80 + 90 + 70 + 60) / 4 = 75,00.
  const pkm = join(ARTIFACTS, 'puskesmas.csv');
  writeFileSync(pkm, 'Nama unit;Nilai total\r\nPuskesmas Kota;70\r\nPuskesmas Desa;60\r\n');
  await page.getByTestId('merge-file').setInputFiles(pkm);
  await until(page, 'alert', /puskesmas\.csv digabungkan: 2 ditambahkan, 0 diganti/);
  assert.equal(await page.getByTestId('unit').count(), 9);
  assert.equal(await text(page, 'aggregate-score'), '75,00');
  await page.getByTestId('notice-undo').click();
  assert.equal(await page.getByTestId('unit').count(), 7);
  assert.equal(await text(page, 'aggregate-score'), '85,00');
  // A unit of the same name: asked, nothing changed until the answer.
  const opd = join(ARTIFACTS, 'opd.csv');
  writeFileSync(opd, 'Nama unit;Nilai total\nDisdukcapil;100\nPuskesmas Baru;90\n');
  await page.getByTestId('merge-file').setInputFiles(opd);
  await until(page, 'alert', /opd\.csv memuat unit yang namanya sudah ada: Disdukcapil/);
  assert.equal(await page.getByTestId('unit').count(), 7);
  assert.deepEqual(await axe(page), []);
  // Replace: Disdukcapil 80 → 100, in its row; (100 + 90 + 90) / 3 = 93,33.
  await page.getByTestId('merge-replace').click();
  await until(page, 'alert', /1 ditambahkan, 1 diganti/);
  assert.equal(await page.getByTestId('unit-score').nth(0).inputValue(), '100');
  assert.equal(await text(page, 'aggregate-score'), '93,33');
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('unit-score').nth(0).inputValue(), '80');
  assert.equal(await text(page, 'aggregate-score'), '85,00');
  // Keep both: the file's comes in beside it, named apart.
  await page.getByTestId('merge-file').setInputFiles(opd);
  await page.getByTestId('merge-keep-both').click();
  await until(page, 'alert', /2 ditambahkan, 0 diganti/);
  assert.equal(await page.getByTestId('unit-name').nth(7).inputValue(), 'Disdukcapil (2)');
  // A scenario file under another method: said which, nothing merged.
  const other = join(ARTIFACTS, 'metode-lain.json');
  writeFileSync(other, JSON.stringify({ ruleset: 'ombudsman-2022', units: [{ name: 'X', score: 90 }] }));
  await page.getByTestId('merge-file').setInputFiles(other);
  await until(page, 'alert', /metode-lain\.json tidak dapat diimpor.*memakai metode "Ombudsman RI — Penilaian Kepatuhan 2022" \(ombudsman-2022\)/);
  assert.equal(await page.getByTestId('unit').count(), 9);
  assert.deepEqual(problems, []);
});

test('last year beside this year: the change shows for the pemda and the unit, is kept across reload and a link, and clears', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('84,13');
  // Last year's result: Disdukcapil 80 alone, so the pemda's 80,00.
  const last = join(ARTIFACTS, 'hasil-tahun-lalu.csv');
  writeFileSync(last, 'Nama unit;Nilai total\nDisdukcapil;80\n');
  await page.getByTestId('baseline-file').setInputFiles(last);
  await until(page, 'alert', /hasil-tahun-lalu\.csv dipakai sebagai pembanding/);
  // 84,13 − 80,00 = +4,13.
  assert.equal(await text(page, 'baseline-delta'), '+4,13 dari 80,00');
  assert.match(await text(page, 'unit-baseline-delta'), /\+4,13 dari 80,00/);
  await page.getByTestId('unit-score').nth(0).fill('78,8');
  assert.equal(await text(page, 'baseline-delta'), '−1,20 dari 80,00');
  // Kept on reload, and carried by a share link to a fresh browser.
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.equal(await text(page, 'baseline-delta'), '−1,20 dari 80,00');
  await page.getByTestId('share-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await open(env, url.slice(env.url.length));
  await until(other.page, 'alert', /dari tautan dibuka/);
  assert.equal(await text(other.page, 'baseline-delta'), '−1,20 dari 80,00');
  // In English, with a decimal point.
  await page.getByTestId('lang-toggle').click();
  assert.equal(await text(page, 'baseline-delta'), '−1.20 from 80.00');
  await page.getByTestId('lang-toggle').click();
  assert.deepEqual(await axe(page), []);
  // Cleared: gone, and gone after a reload.
  await page.getByTestId('baseline-clear').click();
  assert.equal(await page.getByTestId('baseline-delta').count(), 0);
  await page.reload();
  await page.getByTestId('unit').first().waitFor();
  assert.equal(await page.getByTestId('baseline-delta').count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

/** Decodes the QR code drawn by the SVG inside `testid` with jsQR (npm), in the page. */
async function decodeQr(page, testid) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'jsqr', 'dist', 'jsQR.js') });
  const svg = await page.getByTestId(testid).first().locator('svg').evaluate((e) => e.outerHTML);
  return page.evaluate(async (markup) => {
    const img = new Image();
    img.src = 'data:image/svg+xml;base64,' + btoa(markup);
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(data.data, canvas.width, canvas.height)?.data ?? null;
  }, svg);
}

test('the share link as a QR code: beside the link and on the stage, decoding to the same link', async () => {
  const { page, problems } = await open(env);
  for (const [i, v] of ['93,34', '80', '71,66'].entries()) await page.getByTestId('unit-score').nth(i).fill(v);
  await page.getByTestId('share-link').click();
  await page.getByTestId('share-qr').locator('svg').waitFor();
  const url = await page.getByTestId('share-url').inputValue();
  assert.equal(await decodeQr(page, 'share-qr'), url);
  // Large enough to scan from a projector (the SVG's own size: 320 px or more).
  const box = await page.getByTestId('share-qr').locator('svg').boundingBox();
  assert.ok(box.width >= 200, `QR ${box.width} px wide`);
  await page.getByTestId('present-toggle').click();
  await page.getByTestId('present-qr').locator('svg').waitFor();
  assert.equal(await decodeQr(page, 'present-qr'), url);
  await page.getByTestId('present-toggle').click();
  // A link too long for a code that scans: said, with the JSON file offered instead.
  // Every unit by indicator (about 1 040 characters for seven units).
  for (let i = 0; i < 7; i++) await allIndicators(page, i, 1 + (i % 3));
  await page.getByTestId('share-link').click();
  await until(page, 'share-qr-none', /terlalu panjang untuk kode QR/);
  assert.equal(await page.getByTestId('share-qr-json').count(), 1);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test("a share link keeps the host page's own query and drops the trackers a visitor came with", async () => {
  // WordPress pages are often addressed by their query (?page_id=12): a link without it
  // would open a page with no widget; utm_* and fbclid are not the page.
  const { page, problems } = await open(env, '?ruleset=ombudsman-2024&page_id=12&utm_source=whatsapp&fbclid=abc');
  await page.getByTestId('unit-score').first().fill('82,84');
  await page.getByTestId('share-link').click();
  const url = new URL(await page.getByTestId('share-url').inputValue());
  assert.deepEqual([...url.searchParams.keys()], ['ruleset', 'page_id']);
  assert.match(url.hash, /^#s=2/);
  assert.deepEqual(problems, []);
});
