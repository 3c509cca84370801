// The plan at every entry level (issue 17), as the widget words it: seven unit totals,
// five units by dimension, and a pemda entered at mixed levels. Each scenario is
// imported as a file; the plan panel's text is printed as "# …" lines for the closing
// note, and screenshots go to target/e2e/plans-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, axe, open, start, stop, unitMenu, until } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const unit = (name, entry) => ({ name, ...entry });

/** Imports `scenario` as a file and waits for its fresh plan. */
async function load(page, name, scenario) {
  const file = join(ARTIFACTS, `plans-${name}.json`);
  writeFileSync(file, JSON.stringify({ format: 1, ...scenario }));
  await page.getByTestId('import-json').setInputFiles(file);
  await fresh(page);
}

/** Waits until the plan answers for the current entries (its steps can be applied). */
async function fresh(page) {
  await page.locator('[data-testid="plan"][aria-busy="false"]').waitFor();
}

const planText = async (page) => (await page.getByTestId('plan').innerText()).replace(/\n+/g, ' | ');

const steps = (page) => page.getByTestId('plan-step').allInnerTexts();

test('seven totals averaging 84,13: raise the weakest to one level, then a safety margin', async () => {
  const { page, problems } = await open(env);
  // 90 + 85 + 80 + 88 + 75 + 82,91 + 88 = 588,91; / 7 = 84,13 B.
  await load(page, 'seven', {
    ruleset: 'ombudsman-2024',
    units: [['Dinas Kesehatan', '90'], ['Dinas Pendidikan', '85'], ['Dinas Sosial', '80'], ['Disdukcapil', '88'],
      ['Puskesmas 1', '75'], ['Puskesmas 2', '82,91'], ['DPMPTSP', '88']].map(([n, s]) => unit(n, { score: s })),
  });
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '84,13');
  // A needs 87,995 × 7 = 615,965, so +27,055 → +27,06 on the grid: the four units below
  // 87,49 rise to it (4 × 87,49 = 349,96 from 322,91: +27,05), the last 0,01 to the lowest.
  assert.match(await until(page, 'plan-status', /A/), /Untuk mencapai kategori A diperlukan \+3,87 poin/);
  assert.deepEqual((await steps(page)).map((s) => s.replace(/\s*Terapkan$/, '')), [
    'Nilai total: 85 → 87,49 +0,3557',
    'Nilai total: 80 → 87,49 +1,0700',
    'Nilai total: 75 → 87,50 +1,7857',
    'Nilai total: 82,91 → 87,49 +0,6543',
  ]);
  assert.equal(await page.getByTestId('plan-level').textContent(),
    'Naikkan nilai total Dinas Pendidikan, Dinas Sosial, Puskesmas 1 dan Puskesmas 2 ke 87,49–87,50.');
  console.log(`# seven totals (id): ${await planText(page)}`);
  // 87,49 typed may be 87,485: the mean may round to 87,99, B; the panel says so.
  assert.match(await page.getByTestId('plan-uncertain').textContent(), /87,99 \(B\)/);
  await page.screenshot({ path: join(ARTIFACTS, 'plans-seven-1366.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  await page.getByTestId('plan-margin').click();
  await until(page, 'plan-margin-on', /\+0,01/);
  await fresh(page);
  assert.equal(await page.getByTestId('plan-uncertain').count(), 0, 'with the margin the category is certain');
  await page.getByTestId('apply-plan').click();
  assert.equal(await page.getByTestId('whatif-score').textContent(), '88,01');
  assert.equal(await page.getByTestId('whatif-category').textContent(), 'A');
  await page.getByTestId('lang-toggle').click();
  await until(page, 'plan-status', /To reach category A/);
  await fresh(page);
  console.log(`# seven totals (en, margin): ${await planText(page)}`);
  assert.deepEqual(problems, []);
});

test('five units by dimension: the heaviest dimension first, weakest first', async () => {
  const { page, problems } = await open(env);
  const dims = (i, p, o, q) => ({ dimensions: { input: i, proses: p, output: o, pengaduan: q } });
  await load(page, 'dims', {
    ruleset: 'ombudsman-2024',
    units: [unit('Dinas Kesehatan', dims('82,5', '80,1', '79', '85')), unit('Dinas Pendidikan', dims('90', '84,2', '81', '77')),
      unit('Dinas Sosial', dims('75', '78', '88', '70')), unit('Disdukcapil', dims('92', '90', '86', '89')),
      unit('DPMPTSP', dims('85', '83', '80', '82'))],
  });
  await until(page, 'plan-status', /diperlukan \+5,13 poin/);
  // Proses weighs most (32,37 of 100): every unit's Proses rises to one level.
  const all = await steps(page);
  assert.equal(all.length, 5);
  assert.ok(all.every((s) => /^Proses: [\d,]+ → 98,(89|90)/.test(s)), all.join(' / '));
  assert.match(await page.getByTestId('plan-level').textContent(), /^Naikkan proses Dinas Kesehatan, .* dan DPMPTSP ke 98,89–98,90\.$/);
  console.log(`# five units by dimension (id): ${await planText(page)}`);
  // Locking Dinas Sosial's scores from its row menu keeps the plan off it.
  const menu = await unitMenu(page, 2);
  await menu.getByTestId('lock-unit').check();
  await fresh(page);
  const units = await page.locator('.rapor-plan-unit h3').allInnerTexts();
  assert.ok(units.length > 0 && units.every((u) => !u.startsWith('Dinas Sosial')), units.join(' / '));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
});

test('a mixed pemda: indicator steps beside points, at a rate the user sets', async () => {
  const { page, problems } = await open(env);
  const levels = {
    'input.pengetahuan-pelaksana': 2, 'input.perencanaan-partisipatif': 3, 'input.pengawasan-internal': 2, 'input.kompensasi': 3,
    'proses.maladministrasi-pelaksana': 2, 'proses.maladministrasi-pengguna': 3, 'output.data-sekunder': 2,
    'pengaduan.pengelolaan-pengaduan': 3, 'pengaduan.kepatuhan-produk': 2,
  };
  await load(page, 'mixed', {
    ruleset: 'ombudsman-2025',
    units: [unit('Dinas Kesehatan', { trust: '82', indicators: levels }), unit('Disdukcapil', { score: '84,60' }),
      unit('DPMPTSP', { trust: '80', dimensions: { input: '85', proses: '78,5', output: '82', pengaduan: '80' } })],
  });
  await until(page, 'plan-status', /diperlukan \+6,18 poin/);
  // At 1 point a level step, five indicator steps (each worth more than a point of a
  // total, a third of a pemda point) and Disdukcapil's total for the rest.
  const summary = await page.getByTestId('plan').locator('p').nth(1).textContent();
  assert.match(summary, /6 perubahan \(5 indikator, \+4,03 poin\) → nilai 88,00, kategori A/);
  assert.equal(await page.getByTestId('step-points').getAttribute('placeholder'), '1');
  console.log(`# mixed pemda (id): ${await planText(page)}`);
  await page.screenshot({ path: join(ARTIFACTS, 'plans-mixed-1366.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  // At 5 points a step, a level step's 0,42–1,89 no longer beats five points of a total
  // (5 × 1/3 = 1,67 pemda points) everywhere: fewer indicator steps.
  await page.getByTestId('step-points').fill('5');
  await fresh(page);
  const dearer = await steps(page);
  const indicators = dearer.filter((s) => !/^(Nilai total|Input|Proses|Output|Pengaduan):/.test(s)).length;
  assert.ok(indicators < 5, dearer.join(' / '));
  console.log(`# mixed pemda at 5 points a step (id): ${await planText(page)}`);
  // A rate off the grid is named at its field, and nothing typed is lost.
  await page.getByTestId('step-points').fill('0,001');
  await until(page, 'plan-rate', /0,01 sampai 100/);
  assert.equal(await page.getByTestId('step-points').inputValue(), '0,001');
  assert.deepEqual(problems, []);
});
