// The smoke suite in Chromium: the flows Firefox and WebKit run (tests/engines/flows.mjs),
// through Playwright, so each flow is written once for every engine. Here any console
// error or uncaught exception fails the flow too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { FLOWS } from '../engines/flows.mjs';
import { PlaywrightDriver } from '../engines/drivers.mjs';
import { site } from '../engines/site.mjs';

let web, browser, driver;
before(async () => {
  web = await site('chromium');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  driver = new PlaywrightDriver(web, browser);
});
after(async () => {
  await driver?.quit();
  await browser?.close();
  await web?.close();
});

for (const [name, flow] of FLOWS) {
  test(`chromium: ${name}`, async () => {
    driver.problems = [];
    await driver.fresh();
    await flow(driver);
    assert.deepEqual(driver.problems, []);
  });
}
