// Finds Chromium and Firefox; where missing, installs them where it can (Debian/Ubuntu: apt-get as root or
// with passwordless sudo), else tries Playwright's installer for Chromium, else says exactly what to install.
import { spawnSync } from 'node:child_process';
import { findChromium, findFirefox, INSTALL_HINT } from '../tests/support/browsers.mjs';
import { aptAccess, aptInstall } from './apt.mjs';

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
  if (!chromium) console.error(INSTALL_HINT.chromium);
  if (!firefox) console.error(INSTALL_HINT.firefox);
  return { chromium, firefox };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = ensureBrowsers();
  console.log(JSON.stringify(found));
  process.exit(found.chromium && found.firefox ? 0 : 1);
}
