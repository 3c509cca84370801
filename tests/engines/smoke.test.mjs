// The smoke suite in Firefox or WebKit (RAPOR_ENGINE=firefox|webkit), through WebDriver:
// the same flows the end-to-end tier runs in Chromium (tests/e2e/smoke.test.mjs), each on
// a fresh profile. scripts/test.sh runs this file once per engine, WebKit under xvfb-run.
import { test, before, after } from 'node:test';
import { FLOWS } from './flows.mjs';
import { WebDriverDriver } from './drivers.mjs';
import { site } from './site.mjs';

const ENGINE = process.env.RAPOR_ENGINE;
if (!['firefox', 'webkit'].includes(ENGINE)) throw new Error('set RAPOR_ENGINE to firefox or webkit');

let web, driver;
before(async () => {
  web = await site(ENGINE);
  driver = await new WebDriverDriver(web, ENGINE).start();
});
after(async () => {
  await driver?.quit();
  await web?.close();
});

for (const [name, flow] of FLOWS) {
  test(`${ENGINE}: ${name}`, async () => {
    await driver.fresh();
    await flow(driver);
  });
}
