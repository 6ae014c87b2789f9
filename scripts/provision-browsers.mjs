// Finds Chromium and Firefox; where missing, installs them where it can (Debian/Ubuntu: apt-get as root or
// with passwordless sudo), else tries Playwright's installer for Chromium, else says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, findFirefox, INSTALL_HINT } from '../tests/support/browsers.mjs';
import { aptAccess, aptInstall } from './apt.mjs';

/**
 * Debian's browsers speak en-US only: the suites run them in zh-CN (and the Firefox build's UI in
 * Chinese), whose resources are separate packages. Without them the browsers silently stay English.
 */
const DEBIAN_LANGUAGES = [
  { pkg: 'chromium-l10n', needed: (found) => found.chromium === '/usr/bin/chromium' && !existsSync('/usr/lib/chromium/locales/zh-CN.pak') },
  {
    pkg: 'firefox-esr-l10n-zh-cn',
    needed: (found) => found.firefox === '/usr/bin/firefox-esr' && !existsSync('/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi'),
  },
];

export function ensureBrowsers() {
  let chromium = findChromium();
  let firefox = findFirefox();
  const missing = [];
  if (!chromium) missing.push('chromium');
  if (!firefox) missing.push('firefox-esr');
  if (missing.length && aptAccess()) {
    aptInstall([...missing, 'fonts-noto-cjk']);
    chromium = findChromium();
    firefox = findFirefox();
  }
  if (!chromium && !aptAccess() && !process.env.KANJIAN_NO_INSTALL) {
    console.log('Trying `npx playwright install chromium` …');
    spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    chromium = findChromium();
  }
  const languages = DEBIAN_LANGUAGES.filter((l) => l.needed({ chromium, firefox })).map((l) => l.pkg);
  if (languages.length && !aptInstall(languages)) console.error(`The browsers will stay English without: sudo apt-get install ${languages.join(' ')}`);
  if (!chromium) console.error(INSTALL_HINT.chromium);
  if (!firefox) console.error(INSTALL_HINT.firefox);
  return { chromium, firefox };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = ensureBrowsers();
  console.log(JSON.stringify(found));
  process.exit(found.chromium && found.firefox ? 0 : 1);
}
