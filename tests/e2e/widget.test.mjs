// End-to-end: the release build in Chromium, as a user drives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, open, start, stop } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

test('Magelang 2022 totals give 93,28 A hijau, live on every keystroke', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('ruleset-select').selectOption('ombudsman-2022');
  const scores = page.getByTestId('unit-score');
  // Kota Magelang 2022 pre-evaluation: 100, 100, 80.19, 92.92 → mean 93.2775 → 93,28.
  await scores.nth(0).fill('100');
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '100,00');
  await scores.nth(1).fill('100');
  await scores.nth(2).fill('80,19');
  await scores.nth(3).fill('92,92');
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '93,28');
  assert.equal(await page.getByTestId('aggregate-category').textContent(), 'A');
  assert.equal(await page.getByTestId('aggregate-opini').textContent(), 'Kualitas Tertinggi');
  assert.match((await page.getByTestId('aggregate-zone').textContent()).toLowerCase(), /hijau/);
  assert.match(await page.getByTestId('excluded-note').textContent(), /Dinas Sosial/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(ARTIFACTS, 'magelang-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(ARTIFACTS, 'magelang-360.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('a bad score is flagged beside the field and the last result stays', async () => {
  const { page, problems } = await open(env);
  const scores = page.getByTestId('unit-score');
  await scores.nth(0).fill('82,84');
  assert.equal(await page.getByTestId('aggregate-category').textContent(), 'B');
  await scores.nth(1).fill('120');
  assert.equal(await scores.nth(1).getAttribute('aria-invalid'), 'true');
  assert.match(await page.getByTestId('field-error').textContent(), /120 melebihi nilai maksimum 100/);
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '82,84');
  assert.deepEqual(problems, []);
});

test('English is one click away and numbers follow the language', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('unit-score').nth(0).fill('71,66');
  await page.getByTestId('lang-toggle').click();
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '71.66');
  assert.equal(await page.getByTestId('aggregate-opini').textContent(), 'Medium quality');
  assert.match(await page.getByTestId('aggregate-zone').textContent(), /Yellow zone/);
  assert.deepEqual(problems, []);
});

test('units can be added and removed with the keyboard alone', async () => {
  const { page, problems } = await open(env);
  await page.getByTestId('add-unit').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('unit').count(), 8);
  const last = page.getByTestId('unit').last();
  await last.getByTestId('unit-score').focus();
  await page.keyboard.type('46,37');
  assert.equal(await page.getByTestId('aggregate-score').textContent(), '46,37');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // the focused "remove" button of that unit
  assert.equal(await page.getByTestId('unit').count(), 7);
  assert.equal(await page.getByTestId('aggregate-score').count(), 0);
  assert.deepEqual(problems, []);
});
