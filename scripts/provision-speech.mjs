// Finds the real speech engine of the read-aloud browser tests (speech-dispatcher + espeak-ng + PulseAudio,
// started privately by tests/support/speech.mjs); where missing, installs it where it can (Debian/Ubuntu:
// apt-get as root or with passwordless sudo), else says exactly what to install. Without it those tests are
// skipped, and `npm test` says so in its summary.
import { findSpeechEngine, SPEECH_PACKAGES, SPEECH_PACKAGES_NO_RECOMMENDS, speechInstallCommand } from '../tests/support/speech.mjs';
import { aptAccess, aptInstall } from './apt.mjs';

/**
 * @returns {{ available: boolean, installed: string[], note: string }} note: what was installed, or why
 *   the engine is not there and how to install it.
 */
export function ensureSpeech() {
  if (process.platform !== 'linux') return { available: false, installed: [], note: `real-engine read-aloud tests run on Linux only` };
  if (process.env.KANJIAN_NO_SPEECH) return { available: false, installed: [], note: 'KANJIAN_NO_SPEECH is set' };
  const before = findSpeechEngine().missing;
  if (before.length === 0) return { available: true, installed: [], note: '' };
  if (aptAccess()) {
    if (before.some((p) => !SPEECH_PACKAGES_NO_RECOMMENDS.includes(p))) aptInstall(SPEECH_PACKAGES);
    const lean = before.filter((p) => SPEECH_PACKAGES_NO_RECOMMENDS.includes(p));
    if (lean.length) aptInstall(lean, { noRecommends: true });
  }
  const missing = findSpeechEngine().missing;
  const installed = before.filter((p) => !missing.includes(p));
  if (missing.length === 0) return { available: true, installed, note: `installed ${installed.join(', ')} with apt-get` };
  const note = `not installed: ${missing.join(', ')} (${speechInstallCommand(missing)})`;
  console.error(`No speech engine for the read-aloud browser tests, ${note}: they will be skipped.`);
  return { available: false, installed, note };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = ensureSpeech();
  console.log(JSON.stringify(found));
  process.exit(found.available ? 0 : 1);
}
