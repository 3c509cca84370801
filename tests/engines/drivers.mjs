// The drivers the smoke flows (flows.mjs) run through: one interface, three engines.
// Chromium goes through Playwright, as the rest of the end-to-end tier does; Firefox
// (geckodriver) and WebKit (WebKitGTK's WebKitWebDriver and MiniBrowser) through
// WebDriver with selenium-webdriver, a maintained client from npm. Each driver server is
// started here on a free port and the client only talks to it (`usingServer`), so
// Selenium Manager never runs and nothing is downloaded.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, Capabilities, Key } from 'selenium-webdriver';
import { dom } from './dom.mjs';
import { ARTIFACTS } from './site.mjs';

const DOM = `return (${dom})(...arguments)`;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** What every flow may ask of a browser; a subclass provides `dom`, `run`, `fill`,
 *  `goto`, `viewport`, `shot` (a screenshot in target/e2e), `fresh` and `quit`. `at` is `{ nth, scope }`. */
class Driver {
  constructor(site) {
    this.site = site;
    this.url = site.url;
    // Console errors and uncaught exceptions, where the driver can hear them (Playwright).
    this.problems = [];
  }

  async call(op, testid, { nth = 0, scope = null } = {}, value = null) {
    const got = await this.dom([op, testid, nth, scope, value]);
    if (got?.missing) throw new Error(`not on the page: ${got.missing}`);
    return got.value;
  }

  text(id, at) { return this.call('text', id, at); }
  value(id, at) { return this.call('value', id, at); }
  count(id, at) { return this.call('count', id, at); }
  click(id, at) { return this.call('click', id, at); }
  pick(id, value, at) { return this.call('select', id, at, value); }
  /** Pastes `text` into field `id` through the browser's clipboard: copied with Ctrl+C
   *  from a scratch field, pasted with Ctrl+V into the focused field. */
  async paste(id, text, at) {
    await this.call('clip', 'body', {}, text);
    await this.keys('c');
    await this.call('unclip', 'body');
    await this.call('focus', id, at);
    await this.keys('v');
  }
  testids(prefix, at) { return this.call('testids', prefix, at); }
  /** `what`: 'open' (a details element) or 'visible'. */
  is(id, what, at) { return this.call(what, id, at); }

  /** Waits until `id` is on the page (inside `at.scope`). */
  async waitFor(id, timeout = 10000, at = {}) {
    await this.until(id, null, timeout, 'count', at);
  }

  /** Waits until `id`'s text (or `read`: 'value', 'count') matches `re` and returns it;
   *  with `id` null, until the page expression `re` is true. */
  async until(id, re, timeout = 5000, read = 'text', at = {}) {
    const deadline = Date.now() + timeout;
    let got;
    for (;;) {
      try {
        got = id === null ? await this.run(re) : await this.call(read, id, at);
      } catch (e) {
        got = new Error(e.message.split('\n')[0]);
      }
      if (id === null ? got === true : read === 'count' ? got > 0 : typeof got === 'string' && re.test(got)) return got;
      if (Date.now() > deadline) throw new Error(`${id ?? re} never matched ${id === null ? 'true' : re ?? 'present'}: last ${got}`);
      await sleep(100);
    }
  }
}

/** Chromium through Playwright: one browser, a context per profile. */
export class PlaywrightDriver extends Driver {
  constructor(site, browser) {
    super(site);
    this.browser = browser;
  }

  async fresh() {
    await this.context?.close();
    this.context = await this.browser.newContext();
    this.page = await this.context.newPage();
    this.page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    this.page.on('console', (m) => { if (m.type() === 'error') this.problems.push(`console: ${m.text()}`); });
  }

  dom(args) { return this.page.evaluate(`(${dom})(...${JSON.stringify(args)})`); }
  run(expr) { return this.page.evaluate(expr); }
  goto(path) { return this.page.goto(this.url + path); }
  viewport(width, height) { return this.page.setViewportSize({ width, height }); }
  shot(name) { return this.page.screenshot({ path: join(ARTIFACTS, `chromium-${name}.png`), fullPage: true }); }
  async fill(id, value, { nth = 0, scope = null } = {}) {
    const within = scope === null ? this.page : this.page.locator('[data-rapor]').nth(scope);
    await within.getByTestId(id).nth(nth).fill(value);
  }
  keys(key) { return this.page.keyboard.press(`Control+${key.toUpperCase()}`); }
  quit() { return this.context?.close(); }
}

/** How each WebDriver engine is started: its driver server and the session's capabilities. */
const ENGINES = {
  firefox: {
    server: (port) => [process.env.GECKODRIVER ?? 'geckodriver', ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr', args: ['-headless'] },
    }),
  },
  webkit: {
    server: (port) => [process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1']],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
  },
};

/** Firefox or WebKit through WebDriver: a driver server per test file, a session per profile. */
export class WebDriverDriver extends Driver {
  constructor(site, engine) {
    super(site);
    this.engine = engine;
  }

  async start() {
    const port = 25000 + Math.floor(Math.random() * 5000);
    const [cmd, args] = ENGINES[this.engine].server(port);
    // The driver's own files (profiles) go to a short temporary folder of its own.
    this.tmp = mkdtempSync(join(tmpdir(), `${this.engine}-`));
    this.server = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: this.tmp } });
    this.server.stderr.on('data', (d) => { this.log = ((this.log ?? '') + d).slice(-4000); });
    this.endpoint = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${this.endpoint}/status`)).ok) return this;
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    throw new Error(`${cmd} did not start: ${this.log ?? ''}`);
  }

  async fresh() {
    await this.session?.quit().catch(() => {});
    this.size = null;
    this.session = await new Builder()
      .usingServer(this.endpoint)
      .withCapabilities(new Capabilities(ENGINES[this.engine].capabilities()))
      .forBrowser(ENGINES[this.engine].capabilities().browserName)
      .build();
    await this.session.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
  }

  dom(args) { return this.session.executeScript(DOM, ...args); }
  // WebDriver waits for a promise the script returns.
  run(expr) { return this.session.executeScript(`return (${expr});`); }
  async goto(path) {
    await this.session.switchTo().defaultContent();
    if (!this.size) return this.session.get(this.url + path);
    // A viewport smaller than the window can get: the page in a frame of that size.
    const { width, height } = this.size;
    await this.session.get(`${this.url}frame.html?w=${width}&h=${height}&src=${encodeURIComponent(this.url + path)}`);
    await this.until(null, `document.querySelector('iframe')?.contentDocument?.readyState === 'complete'`, 15000);
    await this.session.switchTo().frame(0);
  }

  /** Gives the page `width`×`height`: the window's size where it can take it, else a frame. */
  async viewport(width, height) {
    await this.session.manage().window().setRect({ width, height });
    const [w, h] = await this.session.executeScript('return [innerWidth, innerHeight]');
    if (w !== width || h !== height) {
      await this.session.manage().window().setRect({ width: Math.max(width + 200, 1024), height: height + 200 });
      this.size = { width, height };
    }
  }

  async shot(name) {
    writeFileSync(join(ARTIFACTS, `${this.engine}-${name}.png`), await this.session.takeScreenshot(), 'base64');
  }

  /** Types as a user does: the field focused, its text selected, the keys sent. */
  async fill(id, value, { nth = 0, scope = null } = {}) {
    const el = await this.session.executeScript(`return (${dom})('element', ...arguments)`, id, nth, scope, null);
    if (el?.missing) throw new Error(`not on the page: ${el.missing}`);
    await el.clear();
    await el.sendKeys(value);
  }

  keys(key) { return this.session.actions().keyDown(Key.CONTROL).sendKeys(key).keyUp(Key.CONTROL).perform(); }

  async quit() {
    await this.session?.quit().catch(() => {});
    this.server?.kill();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
