# shellcheck shell=bash
# Sourced by scripts/serve.sh and scripts/test.sh: makes sure every tool is present at
# the right version, installing only what is missing, from the package registries only
# (crates.io, npm, Debian). Nothing is ever downloaded from anywhere else, and Trunk is
# configured (Trunk.toml: offline = true) never to fetch tools of its own.
#
#   bootstrap_build   wasm32 target, trunk, wasm-bindgen-cli, npm tools (wasm-opt)
#   bootstrap_test    the above plus the browsers: chromium and chromedriver, firefox-esr
#                     (geckodriver from crates.io), WebKitGTK's WebKitWebDriver under xvfb-run

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

need_cmd() {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"
}

wasm_bindgen_version() {
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "ok: rust target wasm32-unknown-unknown"
  else
    say "installing rust target wasm32-unknown-unknown (rustup)"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
    say "ok: trunk $TRUNK_VERSION"
  else
    say "installing trunk $TRUNK_VERSION from crates.io (about 9 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
  if wasm-bindgen --version 2>/dev/null | grep -qF " $want" &&
     wasm-bindgen-test-runner --version 2>/dev/null | grep -qF " $want"; then
    say "ok: wasm-bindgen-cli $want"
  else
    say "installing wasm-bindgen-cli $want from crates.io (matches Cargo.lock; about 3 minutes)"
    # No --locked: a locked dependency of the CLI can be newer than the registry index.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_npm_tools() {
  need_cmd npm "install Node.js (20 or newer) with npm"
  local stamp="$ROOT/node_modules/.rapor-lock"
  local sum
  sum="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -x "$ROOT/node_modules/.bin/wasm-opt" ]; then
    say "ok: npm tools (binaryen wasm-opt, playwright-core, axe-core, terser, selenium-webdriver)"
  else
    say "installing npm tools from the npm registry (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
    echo "$sum" >"$stamp"
  fi
  wasm-opt --version | grep -q "version 132" || die "wasm-opt on PATH is not binaryen 132 ($(command -v wasm-opt))"
}

# Installs Debian packages with apt-get (as root, or through sudo). `why` names what for.
apt_install() { # why package...
  local why=$1 sudo=""
  shift
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "$why is missing and installing it needs root (apt-get install $*)"
    sudo="sudo"
  fi
  say "installing $* from Debian (apt-get) for $why"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    say "ok: $(chromium --version 2>/dev/null | head -n1), chromedriver"
    return
  fi
  apt_install chromium chromium chromium-driver
  command -v chromium >/dev/null 2>&1 || die "chromium did not install"
}

ensure_firefox() {
  if command -v firefox-esr >/dev/null 2>&1; then
    say "ok: $(firefox-esr --version 2>/dev/null | head -n1)"
  else
    apt_install "Firefox" firefox-esr
    command -v firefox-esr >/dev/null 2>&1 || die "firefox-esr did not install"
  fi
  if geckodriver --version 2>/dev/null | grep -qF "geckodriver $GECKODRIVER_VERSION"; then
    say "ok: geckodriver $GECKODRIVER_VERSION"
  else
    # Mozilla publishes geckodriver on crates.io: built here, never a downloaded binary.
    say "installing geckodriver $GECKODRIVER_VERSION from crates.io (about 3 minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
  GECKODRIVER="$(command -v geckodriver)" FIREFOX="$(command -v firefox-esr)"
  export GECKODRIVER FIREFOX
}

ensure_webkit() {
  if ! command -v WebKitWebDriver >/dev/null 2>&1 || ! command -v xvfb-run >/dev/null 2>&1 ||
     ! command -v xauth >/dev/null 2>&1; then
    apt_install "WebKit" webkit2gtk-driver xvfb xauth
  fi
  # WebKitGTK's MiniBrowser: the browser WebKitWebDriver starts (it has no headless mode,
  # hence xvfb-run).
  MINIBROWSER="$(ls /usr/lib/*/webkit2gtk-4.*/MiniBrowser 2>/dev/null | head -n1)"
  [ -x "$MINIBROWSER" ] || die "WebKitGTK's MiniBrowser not found (apt-get install webkit2gtk-driver)"
  WEBKIT_DRIVER="$(command -v WebKitWebDriver)"
  export MINIBROWSER WEBKIT_DRIVER
  say "ok: WebKitWebDriver, $MINIBROWSER"
}

# A real WordPress for the plugin's end-to-end test (tests/e2e/wordpress.test.mjs):
# Debian's WordPress, a theme, PHP with MySQL support and MariaDB. The test starts the
# database and PHP's server itself, in a temporary directory; nothing runs as a service.
ensure_wordpress() {
  if [ -f /usr/share/wordpress/wp-settings.php ] && [ -d /usr/share/wordpress/wp-content/themes/twentytwentyone ] &&
     command -v php >/dev/null 2>&1 && command -v mariadbd >/dev/null 2>&1 && php -m 2>/dev/null | grep -qi '^mysqli$'; then
    say "ok: WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" /usr/share/wordpress/wp-includes/version.php), $(php -r 'echo "PHP ", PHP_VERSION;'), $(mariadbd --version | awk '{print $3}')"
    return
  fi
  local started=$SECONDS
  apt_install "the WordPress test" --no-install-recommends wordpress wordpress-theme-twentytwentyone mariadb-server php-cli php-mysql
  [ -f /usr/share/wordpress/wp-settings.php ] || die "wordpress did not install"
  say "WordPress, PHP and MariaDB installed in $((SECONDS - started)) s"
}

bootstrap_build() {
  need_cmd cargo "install Rust with rustup (https://rustup.rs)"
  need_cmd rustup "install Rust with rustup (https://rustup.rs)"
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_tools
}

bootstrap_test() {
  bootstrap_build
  ensure_chromium
  ensure_firefox
  ensure_webkit
  ensure_wordpress
}
