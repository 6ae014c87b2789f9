// Where the pages run: a remote Playwright browser server (--ws-endpoint), Chromium with the built
// extension (--with-extension), Firefox (--browser firefox); and Ctrl-C writing what is done.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { chromiumArgs, findChromium, findFirefox } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';
import { ACT, BAD, DEMO, kanjian, readReport, REPO, tmpDir } from './helpers';

test('--ws-endpoint audits in a remote Playwright browser server', async () => {
  const executablePath = findChromium();
  const server = await chromium.launchServer({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs(), headless: true });
  try {
    const out = tmpDir();
    const run = await kanjian(['audit', DEMO, join(BAD, 'after', 'home.html'), '--ws-endpoint', server.wsEndpoint(), '--out', out, '--format', 'json']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(readReport(out).pages.map((p) => p.status)).toEqual(['audited', 'audited']);
  } finally {
    await server.close();
  }
});

test('Ctrl-C (SIGINT) stops, writes the pages already audited and exits 130', async () => {
  // Enough pages that the run is surely still going when it is interrupted.
  const cases = (JSON.parse(readFileSync(join(ACT, 'expected-axe-subset.json'), 'utf8')) as { testcases: Array<{ relativePath: string; tier: string }> }).testcases
    .filter((c) => c.tier === 'core' && c.relativePath.endsWith('.html'))
    .slice(0, 80);
  const server = await startServer();
  try {
    const dir = tmpDir();
    writeFileSync(join(dir, 'pages.json'), JSON.stringify({ urls: cases.map((c) => `${server.url}/WAI/content-assets/wcag-act-rules/${c.relativePath}`) }));
    let sent = false;
    const run = await kanjian(['audit', '--config', join(dir, 'pages.json'), '--concurrency', '1', '--out', join(dir, 'out'), '--format', 'json'], {
      onStderr(chunk, child) {
        if (!sent && /\[3\/80\]/.test(chunk)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code, run.stdout + run.stderr).toBe(130);
    expect(run.stdout).toMatch(/已中断 Interrupted: \d+ 个页面未检测/);
    const report = readReport(join(dir, 'out'));
    expect(report.pages.length).toBeGreaterThanOrEqual(3);
    expect(report.pages.length).toBeLessThan(80);
    expect(report.pages.every((p) => p.status === 'audited')).toBe(true);
  } finally {
    await server.close();
  }
});

test('--with-extension runs the pages with the built kanjian extension loaded', async () => {
  test.skip(!existsSync(join(REPO, '.output', 'chrome-mv3', 'manifest.json')), 'build the extension first: npm run build');
  const out = tmpDir();
  const run = await kanjian(['audit', join(BAD, 'after', 'home.html'), '--with-extension', '--out', out, '--format', 'json']);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  // The extension's launcher is on the page but is kanjian's own UI: never part of the audit.
  const page = readReport(out).pages[0]!;
  expect(page.status).toBe('audited');
  expect(JSON.stringify(page.violations)).not.toContain('kanjian-toolbar');
});

test('--browser firefox audits in Firefox (WebDriver BiDi)', async () => {
  test.skip(!findFirefox(), 'no Firefox on this machine');
  const out = tmpDir();
  const run = await kanjian(['audit', DEMO, '--browser', 'firefox', '--out', out, '--format', 'json'], { env: { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' } });
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const page = readReport(out).pages[0]!;
  expect(page.status).toBe('audited');
  expect(page.violations.map((f) => f.id)).toContain('link-in-text-block');
});
