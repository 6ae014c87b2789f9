// Shared parts of the attack tests (tests/cli/security): each test plays a hostile page, sitemap or
// CI input against the built CLI and checks what the defence promises (docs/security.md). Run them
// against another build with KANJIAN_CLI=/path/to/kanjian.mjs to see them fail without a defence.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFirefox } from '../../support/browsers.mjs';
import { kanjian, tmpDir, type CliRun, type RunOptions } from '../helpers';

export type Browser = 'chromium' | 'firefox';

/** The browsers an attack runs in: Chromium always, Firefox when installed. */
export const BROWSERS: Browser[] = findFirefox() ? ['chromium', 'firefox'] : ['chromium'];

/** `kanjian audit …` in the given browser. */
export function audit(browser: Browser, args: readonly string[], opts: RunOptions = {}): Promise<CliRun> {
  return kanjian(['audit', ...args, '--browser', browser], {
    ...opts,
    env: { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', ...opts.env },
  });
}

/** A fake secret, unique per test, in a file outside every folder the test serves. */
export function secretFile(): { file: string; secret: string; dir: string } {
  const dir = tmpDir('kanjian-secret-');
  const secret = `FAKE-SECRET-${randomBytes(8).toString('hex')}`;
  const file = join(dir, 'secret.txt');
  writeFileSync(file, `CI_TOKEN=${secret}\n`);
  return { file, secret, dir };
}

/** A small page (lang, title, a heading) with `body` and an optional inline script. */
export function page(title: string, body = '', script = ''): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><main><h1>${title}</h1>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`
  );
}

/**
 * A script that reads `paths` from its own server, synchronously (before the load event), and puts
 * what it got into the document title, which every report shows: a leak is visible in report.json.
 */
export function readIntoTitle(paths: readonly string[]): string {
  return `document.title = ${JSON.stringify(paths)}.map(function (p) {
    try { var x = new XMLHttpRequest(); x.open('GET', p, false); x.send(); return p + '=' + x.status + ':' + x.responseText; }
    catch (e) { return p + '=error'; }
  }).join(' | ');`;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
