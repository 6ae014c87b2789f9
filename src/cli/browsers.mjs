// The browsers kanjian drives, found and flagged in one place: the `kanjian audit` CLI (bundled by
// esbuild) and the repository's test harness (tests/support/browsers.mjs, plain ESM without a build
// step) both use this module. Plain JavaScript for that reason; types in browsers.d.mts.
import { existsSync, readdirSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

function playwrightCacheDirs() {
  const dirs = [];
  if (process.env.PLAYWRIGHT_BROWSERS_PATH) dirs.push(process.env.PLAYWRIGHT_BROWSERS_PATH);
  const home = homedir();
  if (platform() === 'darwin') dirs.push(join(home, 'Library', 'Caches', 'ms-playwright'));
  else if (platform() === 'win32') dirs.push(join(process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright'));
  else dirs.push(join(home, '.cache', 'ms-playwright'));
  return dirs;
}

function fromPlaywrightCache(prefix, relPaths) {
  for (const dir of playwrightCacheDirs()) {
    if (!existsSync(dir)) continue;
    const builds = readdirSync(dir).filter((d) => d.startsWith(prefix)).sort().reverse();
    for (const b of builds) {
      for (const rel of relPaths) {
        const p = join(dir, b, rel);
        if (existsSync(p)) return p;
      }
    }
  }
  return null;
}

const CHROMIUM_PATHS = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-for-testing'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'],
  win32: ['C:\\Program Files\\Chromium\\Application\\chrome.exe'],
};
const FIREFOX_PATHS = {
  linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/snap/bin/firefox'],
  darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
  win32: ['C:\\Program Files\\Mozilla Firefox\\firefox.exe'],
};

/**
 * Chromium (not branded Chrome: Chrome 137+ ignores --load-extension): $KANJIAN_CHROMIUM, Playwright's
 * browser cache, then system paths.
 */
export function findChromium() {
  const env = process.env.KANJIAN_CHROMIUM;
  if (env) return existsSync(env) ? env : null;
  return (
    fromPlaywrightCache('chromium-', ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-win/chrome.exe']) ??
    (CHROMIUM_PATHS[platform()] ?? []).find((p) => existsSync(p)) ??
    null
  );
}

/** Stock Firefox or Firefox ESR (driven through WebDriver BiDi): $KANJIAN_FIREFOX, then system paths. */
export function findFirefox() {
  const env = process.env.KANJIAN_FIREFOX;
  if (env) return existsSync(env) ? env : null;
  return (FIREFOX_PATHS[platform()] ?? []).find((p) => existsSync(p)) ?? null;
}

/**
 * Chromium flags for unattended runs: no sync, no first-run UI, no background traffic; the extension
 * when asked; `--no-sandbox` only when `sandbox` is false.
 */
export function chromiumFlags({ extensionDir, sandbox }) {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...(sandbox ? [] : ['--no-sandbox']),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
