// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser), the release build served on 127.0.0.1, and a page that
// fails the test on any console error or uncaught exception.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './server.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const ARTIFACTS = join(ROOT, 'target', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function start() {
  const port = 18000 + Math.floor(Math.random() * 2000);
  const server = await serve(join(ROOT, 'dist'), port);
  const profile = mkdtempSync(join(ROOT, 'target', 'e2e', 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: FLAGS,
  });
  return { server, context, url: `http://127.0.0.1:${port}/` };
}

export async function stop(env) {
  await env?.context?.close();
  await new Promise((ok) => (env?.server ? env.server.close(ok) : ok()));
}

/** Opens the widget and collects problems: any console error or page error fails the test. */
export async function open(env, query = '') {
  const page = await env.context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(env.url + query);
  await page.getByTestId('unit').first().waitFor();
  return { page, problems };
}
