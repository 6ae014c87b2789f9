// Finds a browser binary: env var first, then Playwright's cache, then system paths.
// Plain ESM so .ci/run, npm start and the test configs can all use it without a build step.
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

/** Chromium (not branded Chrome: Chrome 137+ ignores --load-extension). */
export function findChromium() {
  const env = process.env.KANJIAN_CHROMIUM;
  if (env) return existsSync(env) ? env : null;
  return (
    fromPlaywrightCache('chromium-', ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-win/chrome.exe']) ??
    (CHROMIUM_PATHS[platform()] ?? []).find((p) => existsSync(p)) ??
    null
  );
}

/** Stock Firefox or Firefox ESR (driven through WebDriver BiDi). */
export function findFirefox() {
  const env = process.env.KANJIAN_FIREFOX;
  if (env) return existsSync(env) ? env : null;
  return (FIREFOX_PATHS[platform()] ?? []).find((p) => existsSync(p)) ?? null;
}

export const INSTALL_HINT = {
  chromium:
    'No Chromium found. Set KANJIAN_CHROMIUM=/path/to/chromium, or install one: Debian/Ubuntu `sudo apt-get install chromium fonts-noto-cjk`; elsewhere `npx playwright install chromium`.',
  firefox:
    'No Firefox found. Set KANJIAN_FIREFOX=/path/to/firefox, or install one: Debian `sudo apt-get install firefox-esr`; elsewhere install Firefox from mozilla.org.',
};

/** Flags that keep Chromium quiet and offline on CI machines. */
export function chromiumArgs(extensionDir) {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ];
}
