// The keyboard walk in a plain browser page: an esbuild bundle of src/audit/keyboard that installs
// the in-page API and exposes the emulated walk (the extension's way), and a summary of a walk
// result that both modes (real Tab presses and emulation) must agree on.
import { build } from 'esbuild';
import { REPO_ROOT } from '../support/server.mjs';
import type { WalkResult } from '../../src/audit/keyboard/index';

let bundle: Promise<string> | undefined;

export function keyboardBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents:
        "import { emulatedDriver, installKeyboardApi, showTabStops, walkKeyboard } from './src/audit/keyboard/index';\n" +
        'const api = installKeyboardApi();\n' +
        'Object.assign(globalThis, { kanjianEmulatedWalk: (o: object) => walkKeyboard(emulatedDriver(api), o), kanjianShowTabStops: showTabStops });\n',
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

/** What a person would check: the path (by element id or selector) and the findings. */
export function summary(r: WalkResult): { path: string[]; issues: string[] } {
  const name = (e: { selector: string }) => e.selector.replace(/^.*#/, '#');
  return {
    path: r.stops.map(name),
    issues: r.issues.map((i) => `${i.rule} ${i.outcome} ${name(i.element)} ${String(i.data.messageKey ?? '')}`).sort(),
  };
}

/** The path and findings on each keyboard fixture (tests/fixtures/pages/audit-rules/keyboard/), for every browser and mode. */
export const EXPECTED: Record<string, { path: string[]; issues: string[] }> = {
  trap: {
    path: ['#before', '#bold', '#italic', '#after1', '#after2'],
    issues: ['kanjian-keyboard-trap violation #bold cycle'],
  },
  'focus-invisible': {
    path: ['#skip', '#n1', '#n2', '#ok', '#btn', '#blur'],
    issues: [
      'kanjian-keyboard-focus-visible violation #blur blurred',
      'kanjian-keyboard-focus-visible violation #n1 default',
      'kanjian-keyboard-focus-visible violation #n2 default',
      'kanjian-keyboard-focus-visible violation #skip offscreen',
    ],
  },
  unreachable: {
    path: ['#ok', '#reachable'],
    issues: [
      'kanjian-keyboard-unreachable review #span-button default',
      'kanjian-keyboard-unreachable violation #div-click default',
      'kanjian-keyboard-unreachable violation #minus-one negative',
    ],
  },
  order: {
    path: ['#footer-link', '#home', '#news', '#title', '#body', '#send'],
    issues: ['kanjian-keyboard-order violation #home tabindex'],
  },
  dialog: {
    path: ['#open-notice', '#open-login', '#more'],
    issues: [
      'kanjian-keyboard-dialog violation #login escapes',
      'kanjian-keyboard-dialog violation #login notReturned',
      'kanjian-keyboard-dialog violation #notice noFocus',
    ],
  },
  clean: {
    path: [
      'html > body > a', 'html > body > nav > a:nth-of-type(1)', 'html > body > nav > a:nth-of-type(2)', 'html > body > nav > a:nth-of-type(3)',
      '#t1', '#p1 > p > a', '#q', '#main > form > p > button', '#open',
    ],
    issues: [],
  },
};
