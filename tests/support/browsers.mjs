// Finds a browser binary: env var first, then Playwright's cache, then system paths.
// Plain ESM so .ci/run, npm start and the test configs can all use it without a build step.
import { chromiumFlags, findChromium, findFirefox } from '../../src/cli/browsers.mjs';

// Where browsers are found, and Chromium's flags, are defined once, with the CLI (src/cli/browsers.mjs).
export { findChromium, findFirefox };

export const INSTALL_HINT = {
  chromium:
    'No Chromium found. Set KANJIAN_CHROMIUM=/path/to/chromium, or install one: Debian/Ubuntu `sudo apt-get install chromium fonts-noto-cjk`; elsewhere `npx playwright install chromium`.',
  firefox:
    'No Firefox found. Set KANJIAN_FIREFOX=/path/to/firefox, or install one: Debian `sudo apt-get install firefox-esr`; elsewhere install Firefox from mozilla.org.',
};

/**
 * Flags that keep Chromium quiet and offline on CI machines: the CLI's own (without the sandbox, as
 * the suites have always run, as root in CI), plus no QUIC and no lookups of any host but 127.0.0.1.
 */
/**
 * Chromium in a given UI language. On Linux the flag alone is not enough (the language also comes from
 * the environment), and the language's resources must be installed: Debian's `chromium` has en-US
 * only, the others are in `chromium-l10n` (without it the browser silently stays English; the suite's
 * first test checks the language it really got).
 */
export function browserLanguageArgs(lang) {
  return [`--lang=${lang}`];
}

export function browserLanguageEnv(lang) {
  return { LANGUAGE: lang.replace('-', '_') };
}

export function chromiumArgs(extensionDir) {
  return [...chromiumFlags({ extensionDir, sandbox: false }), '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
}
