// A real WordPress for the end-to-end tier: Debian's `wordpress` (6.1) on PHP's built-in
// server, with a MariaDB of its own — data directory, socket and files in a short
// temporary directory, never under the checkout — and the plugin installed from the zip
// that scripts/package-wordpress.sh writes. scripts/bootstrap.sh installs the packages.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';

const WORDPRESS = '/usr/share/wordpress';

/** Unpacks a zip (stored or deflated entries) into `dir`. */
export function unzip(file, dir) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + skip;
    if (name.includes('..') || name.startsWith('/')) throw new Error(`unsafe name in zip: ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    const out = join(dir, name);
    mkdirSync(dirname(out), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(out, method === 8 ? inflateRawSync(data) : data);
  }
}

function waitFor(check, what, ms = 30000) {
  const end = Date.now() + ms;
  return new Promise((ok, fail) => {
    const tick = async () => {
      try {
        if (await check()) return ok();
      } catch {}
      if (Date.now() > end) return fail(new Error(`WordPress set-up: ${what} did not come up`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

/** Runs PHP code inside the WordPress at `wp` (as WP-CLI would), returning its JSON. */
function php(wp, host, code) {
  const file = join(wp, `rapor-step-${randomBytes(4).toString('hex')}.php`);
  writeFileSync(file, `<?php
$_SERVER['HTTP_HOST'] = ${JSON.stringify(host)};
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
${code}`);
  try {
    // stderr quiet: WordPress tries to mail the new admin, and there is no sendmail here.
    return JSON.parse(execFileSync('php', [file], { encoding: 'utf8', cwd: wp, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop());
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Starts MariaDB and WordPress, installs WordPress, activates the plugin from `zip`,
 * and creates an editor who has no unfiltered_html (`DISALLOW_UNFILTERED_HTML`, as a
 * site admin on a multisite network has none). Returns the site's address, `run` for
 * PHP inside it (as that editor after `asEditor`), the set-up time, and `stop`.
 */
export async function startWordPress(zip) {
  const started = Date.now();
  for (const bin of ['php', 'mariadbd', 'mariadb-install-db', 'mariadb']) {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`]);
    } catch {
      throw new Error(`WordPress test: ${bin} is missing (scripts/bootstrap.sh installs wordpress, mariadb-server, php-cli, php-mysql)`);
    }
  }
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) throw new Error('WordPress test: Debian\'s wordpress package is missing');
  // Short: the socket path must stay under ~100 characters.
  const dir = mkdtempSync('/tmp/rwp.');
  const sock = join(dir, 'db.sock');
  const children = [];
  // Each child leads a process group of its own, killed whole: PHP's server forks its
  // workers, which outlive a parent killed alone.
  const stop = async () => {
    for (const c of children) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {}
    }
    await new Promise((ok) => setTimeout(ok, 300));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/data`, '--auth-root-authentication-method=normal',
      '--skip-test-db', '--user=root'], { stdio: 'ignore' });
    const db = spawn('mariadbd', ['--no-defaults', `--datadir=${dir}/data`, `--socket=${sock}`, '--skip-networking', '--user=root',
      `--pid-file=${dir}/db.pid`, `--log-error=${dir}/db.err`, '--innodb-buffer-pool-size=16M'], { stdio: 'ignore', detached: true });
    children.push(db);
    await waitFor(() => existsSync(sock), 'MariaDB');
    const sql = (q) => execFileSync('mariadb', ['--no-defaults', '-S', sock, '-uroot', '-e', q]);
    await waitFor(() => (sql('SELECT 1'), true), 'MariaDB queries');
    sql("CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';");

    const wp = join(dir, 'wp');
    cpSync(WORDPRESS, wp, { recursive: true, dereference: true });
    const port = 22000 + Math.floor(Math.random() * 2000);
    const host = `127.0.0.1:${port}`;
    const url = `http://${host}/`;
    const salt = () => randomBytes(24).toString('hex');
    writeFileSync(join(wp, 'wp-config.php'), `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${sock}'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => `define('${k}', '${salt()}');`).join('\n')}
$table_prefix = 'wp_';
define('WP_HOME', '${url.slice(0, -1)}'); define('WP_SITEURL', '${url.slice(0, -1)}');
define('DISALLOW_UNFILTERED_HTML', true);
define('AUTOMATIC_UPDATER_DISABLED', true); define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
    unzip(zip, join(wp, 'wp-content', 'plugins'));
    // A hostile theme, as some pemda themes are: styles that would break any widget they
    // could reach (a must-use plugin stands in for the theme's stylesheet).
    mkdirSync(join(wp, 'wp-content', 'mu-plugins'), { recursive: true });
    writeFileSync(join(wp, 'wp-content', 'mu-plugins', 'hostile.php'), `<?php
add_action('wp_head', function () {
  echo '<style>input { display: none !important; } * { font-family: serif !important; } button { background: red !important; } div { padding: 40px !important; }</style>';
});
`);
    // Several workers: PHP's server is otherwise one request at a time, and the widget
    // fetches its module, methods and workers side by side.
    const server = spawn('php', ['-S', host, '-t', wp], { cwd: wp, stdio: 'ignore', detached: true, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
    children.push(server);
    await waitFor(async () => (await fetch(url + 'wp-includes/js/jquery/jquery.min.js')).ok, 'PHP server');
    const installed = php(wp, host, `
define('WP_INSTALLING', true);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_install('Pemda Contoh', 'admin', 'admin@example.org', false, '', 'admin-pass');
switch_theme('twentytwentyone');
$activated = activate_plugin('rapor/rapor.php');
$editor = wp_create_user('opd', 'opd-pass', 'opd@example.org');
(new WP_User($editor))->set_role('editor');
echo json_encode(['activated' => !is_wp_error($activated), 'editor' => $editor]);`);
    if (!installed.activated) throw new Error('WordPress test: the plugin did not activate');
    /** PHP inside the site, as the editor. */
    const asEditor = (code) => php(wp, host, `
require __DIR__ . '/wp-load.php';
wp_set_current_user(${installed.editor});
${code}`);
    return { url, asEditor, seconds: (Date.now() - started) / 1000, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
