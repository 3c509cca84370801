// The WordPress plugin in a real WordPress (issue 22): Debian's WordPress and MariaDB,
// the plugin installed from the zip scripts/package-wordpress.sh makes, a page written by
// an editor who has no unfiltered_html, and the widget driven on it in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, ROOT } from './harness.mjs';
import { startWordPress } from './wordpress.mjs';

let site, browser, page1, page2;

before(async () => {
  const zip = join(ARTIFACTS, 'rapor-wordpress.zip');
  execFileSync('bash', [join(ROOT, 'scripts', 'package-wordpress.sh'), join(ROOT, 'dist'), zip], { stdio: 'ignore' });
  site = await startWordPress(zip);
  console.log(`# WordPress set-up: ${site.seconds.toFixed(1)} s`);
  // The editor writes the pages: a shortcode and a block; a <script> and an <iframe>
  // pasted beside them are what the editor's filter removes for such a user.
  const made = site.asEditor(`
$can = current_user_can('unfiltered_html');
$content = '<p>Kalkulator pemda.</p>'
  . '[rapor ruleset="ombudsman-2022" lang="id" units="Disdukcapil|DPMPTSP|Dinas Kesehatan|Puskesmas" instance="kalkulator"]'
  . '<script>window.pasted = 1;</script><iframe src="https://example.org/"></iframe>'
  . '<!-- wp:rapor/kalkulator {"ruleset":"ombudsman-2025","lang":"en","instance":"blok"} /-->';
$one = wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Kalkulator', 'post_content' => $content]);
$hostile = '[rapor ruleset=\\'x" onclick="window.hit=1\\' units=\\'Dinas "Satu" & Co|B\\' accent="red;}" instance="a b"]';
$two = wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Uji', 'post_content' => $hostile]);
echo json_encode(['unfiltered' => $can, 'one' => $one, 'two' => $two, 'stored' => get_post($one)->post_content]);`);
  assert.equal(made.unfiltered, false, 'the editor has no unfiltered_html');
  assert.doesNotMatch(made.stored, /<script|<iframe/, 'the filter took the pasted script and iframe out');
  [page1, page2] = [made.one, made.two];
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
after(async () => { await browser?.close(); await site?.stop(); });

function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // WordPress's own missing /favicon.ico (the theme sets none) is the site's, not ours.
  page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`${m.text()} ${m.location().url}`); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
  return problems;
}

test('WordPress: the shortcode and the block, placed by an editor without unfiltered_html, run the widget (Magelang 2022 → 93,28 A)', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = watch(page);
  await page.goto(`${site.url}?page_id=${page1}`);
  const [short, block] = [page.locator('[data-rapor]').nth(0), page.locator('[data-rapor]').nth(1)];
  await short.getByTestId('unit').first().waitFor({ timeout: 30000 });
  await block.getByTestId('unit').first().waitFor();
  assert.equal(await page.locator('script[src*="rapor/build/embed.js"]').count(), 1, 'embed.js once, from the plugin');
  assert.equal(await page.evaluate(() => window.pasted), undefined, 'no pasted script ran');
  assert.equal(await short.getByTestId('ruleset-select').inputValue(), 'ombudsman-2022');
  assert.equal(await short.getByTestId('unit').count(), 4);
  // The theme's hostile `input { display: none }` does not reach in.
  assert.equal(await short.getByTestId('unit-score').first().isVisible(), true);
  // Kota Magelang 2022 as published: 100, 100, 80,19, 92,92 → 93,28 A.
  for (const [i, v] of [[0, '100'], [1, '100'], [2, '80,19'], [3, '92,92']]) await short.getByTestId('unit-score').nth(i).fill(v);
  assert.equal(await short.getByTestId('aggregate-score').textContent(), '93,28');
  assert.equal(await short.getByTestId('aggregate-category').textContent(), 'A');
  // The block: its own method and language, its own storage name.
  assert.equal(await block.getByTestId('ruleset-select').inputValue(), 'ombudsman-2025');
  assert.equal(await block.getByTestId('lang-toggle').textContent(), 'Bahasa Indonesia');
  await page.waitForTimeout(100);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), ['rapor:blok:form', 'rapor:kalkulator:form']);
  // Downloads and printing work from the shortcode's widget.
  const [download] = await Promise.all([page.waitForEvent('download'), short.getByTestId('export-json').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await short.getByTestId('print-report').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.screenshot({ path: join(ARTIFACTS, 'wordpress.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('WordPress: hostile shortcode attributes stay text, and a page without the widget loads nothing of it', async () => {
  const page = await (await browser.newContext()).newPage();
  const problems = watch(page);
  await page.goto(`${site.url}?page_id=${page2}`);
  const w = page.locator('[data-rapor]');
  await w.getByTestId('unit').first().waitFor({ timeout: 30000 });
  // Quotes in an attribute stay inside it: no onclick on the element.
  assert.equal(await page.locator('[data-rapor]').evaluate((e) => e.hasAttribute('onclick')), false);
  await w.locator('.rapor').click();
  assert.equal(await page.evaluate(() => window.hit), undefined);
  // A name with quotes and an ampersand is the text it was.
  assert.equal(await w.getByTestId('unit-name').first().inputValue(), 'Dinas "Satu" & Co');
  // An id that is not one is ignored: the default method.
  assert.equal(await w.getByTestId('ruleset-select').inputValue(), 'ombudsman-2025');
  await page.goto(site.url);
  assert.equal(await page.locator('script[src*="rapor"]').count(), 0, 'the home page loads nothing of Rapor');
  assert.deepEqual(problems, []);
});

test('WordPress: the block is registered for the editor, and Settings → Rapor says how the server serves the widget', async () => {
  const out = site.asEditor(`
require_once ABSPATH . 'wp-admin/includes/plugin.php';
ob_start(); rapor_settings_page(); $html = ob_get_clean();
$block = WP_Block_Type_Registry::get_instance()->get_registered('rapor/kalkulator');
echo json_encode(['html' => $html, 'block' => $block ? $block->editor_script_handles : null,
  'script' => wp_scripts()->registered['rapor-block']->src ?? null]);`);
  assert.deepEqual(out.block, ['rapor-block']);
  assert.match(out.script, /\/rapor\/block\.js$/);
  assert.match(out.html, /\[rapor ruleset=&quot;ombudsman-2025&quot;|\[rapor ruleset="ombudsman-2025"/);
  // PHP's server sends application/wasm, and the page says so.
  assert.match(out.html, /sebagai <code>application\/wasm<\/code>: baik/);
  assert.match(out.html, /wasm-unsafe-eval/);
});
