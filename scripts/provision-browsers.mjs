// Finds Chromium and Firefox; where missing, installs them where it can (Debian/Ubuntu as root: apt),
// else tries Playwright's installer for Chromium, else says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { platform } from 'node:os';
import { findChromium, findFirefox, INSTALL_HINT } from '../tests/support/browsers.mjs';

function canApt() {
  return platform() === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

function apt(packages) {
  console.log(`Installing ${packages.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

export function ensureBrowsers() {
  let chromium = findChromium();
  let firefox = findFirefox();
  const missing = [];
  if (!chromium) missing.push('chromium');
  if (!firefox) missing.push('firefox-esr');
  if (missing.length && canApt()) {
    apt([...missing, 'fonts-noto-cjk']);
    chromium = findChromium();
    firefox = findFirefox();
  }
  if (!chromium && !canApt()) {
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
