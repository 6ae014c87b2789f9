// kanjian's code runs in its own world of every frame, out of the page's reach: a page that replaces
// kanjian's in-page API, axe, or the builtins they use (Array.prototype.map, JSON.stringify,
// Promise.prototype.then) gets audited like its clean twin, and the run still writes its reports.
// Each frame is audited on its own (axe.runPartial), so no result crosses the page's postMessage: a
// page cannot read what kanjian finds in a cross-origin frame it embeds.
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import type { KanjianReport } from '../../../src/audit/model';
import { startServer } from '../../support/server.mjs';
import { readReport, tmpDir } from '../helpers';
import { audit, BROWSERS, page, writeFiles } from './attack';

/** The same findings: rule ids with their elements, violations and needs-review. */
function findings(p: KanjianReport['pages'][number]): string[] {
  return [...p.violations, ...p.incomplete].map((f) => `${f.id}: ${f.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`).sort();
}

const CONTENT = '<img src="a.png"><form><input id="q" name="q"></form><p style="color:#bbb;background:#fff">浅色文字 low contrast</p><a href="two.html">two</a>';

const ATTACKS: Record<string, string> = {
  // Everything kanjian ever put on the page's global object, and axe itself, replaced by liars.
  'replace-api.html': `
    var liar = { version: 1, audit: async function () { return {}; }, links: function () { return null; }, pageScript: function () { return 42; },
      convertibleStrings: function () { return null; }, partial: async function () { return {}; }, title: function () { return null; } };
    var key = Symbol.for('kanjian.cli');
    var old = globalThis[key];
    if (old) for (var k in liar) try { old[k] = liar[k]; } catch (e) {}
    globalThis[key] = liar;
    globalThis.kanjianPage = liar;
    window.axe = { run: async function () { return {}; }, runPartial: async function () { return {}; }, utils: {}, configure: function () {}, version: 'x' };`,
  // The builtins any in-page code leans on.
  'poison.html': `
    Array.prototype.map = function () { return null; };
    Array.prototype.filter = function () { return null; };
    JSON.stringify = function () { return '{}'; };
    JSON.parse = function () { return {}; };
    Promise.prototype.then = function () { return this; };
    Object.keys = function () { return []; };`,
};

for (const browser of BROWSERS) {
  test(`${browser}: pages that replace kanjian's in-page API, axe and the builtins are audited like their clean twin; the run writes its reports`, async () => {
    const site = tmpDir('kanjian-site-');
    writeFiles(site, { 'clean.html': page('clean', CONTENT), 'two.html': page('two', '<p>second page</p>') });
    for (const [name, script] of Object.entries(ATTACKS)) writeFiles(site, { [name]: page('clean', CONTENT, script) });
    const out = tmpDir();
    // --crawl: the links of every page are asked for too (a null there ended the run with exit 4).
    const run = await audit(browser, [site, '--crawl', '1', '--out', out, '--format', 'json,html', '--transforms', 'zoom200']);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = readReport(out);
    const byName = new Map(report.pages.map((p) => [p.url.split('/').pop()!, p]));
    expect([...byName.keys()].sort()).toEqual(['clean.html', 'poison.html', 'replace-api.html', 'two.html']);
    const clean = byName.get('clean.html')!;
    expect(clean.status).toBe('audited');
    expect(findings(clean)).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt: /), expect.stringMatching(/^label: /)]));
    for (const name of Object.keys(ATTACKS)) {
      const p = byName.get(name)!;
      expect(p.status, `${name}: ${p.error ?? ''}`).toBe('audited');
      expect(p.title, name).toBe('clean');
      expect(findings(p), name).toEqual(findings(clean));
      expect(p.passes, name).toBe(clean.passes);
    }
  });
}

test('a page that never gives the CPU back is reported as failed, and the other pages are still reported', async () => {
  const site = tmpDir('kanjian-site-');
  writeFiles(site, {
    'a-busy.html': page('busy', CONTENT, "addEventListener('load', function () { setTimeout(function () { for (;;) {} }, 0); });"),
    'b-fine.html': page('fine', CONTENT),
  });
  const out = tmpDir();
  const run = await audit('chromium', [site, '--timeout', '3', '--concurrency', '1', '--out', out, '--format', 'json']);
  expect(run.stderr).not.toContain('internal error');
  expect(run.code, run.stdout + run.stderr).toBe(3);
  const pages = readReport(out).pages;
  expect(pages.map((p) => [p.url.split('/').pop(), p.status])).toEqual([
    ['a-busy.html', 'failed'],
    ['b-fine.html', 'audited'],
  ]);
  expect(pages[0]!.error).toMatch(/timeout|crash/i);
});

/** A server on 127.0.0.2: another site than 127.0.0.1, so its pages are cross-origin frames (another process). */
function otherSite(html: string): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.2', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ url: `http://127.0.0.2:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

for (const browser of BROWSERS) {
  test(`${browser}: a page that embeds a cross-origin frame reads nothing of the frame's audit over postMessage; the frame is still audited`, async () => {
    const secrets = ['S3CRET-INPUT-VALUE', 'S3CRET-PAGE-TEXT'];
    const frame = await otherSite(page('account', `<p>${secrets[1]}</p><img src="logo.png"><input id="token" value="${secrets[0]}">`));
    const leaks: string[] = [];
    const server = await startServer({
      handler: (req, res, url) => {
        if (url.pathname === '/spy.html') {
          // Everything that reaches the page's own message listeners is sent home.
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
            page('spy', `<iframe src="${frame.url}" title="account" width="600" height="300"></iframe>`, `
              addEventListener('message', function (e) {
                var x = new XMLHttpRequest(); x.open('POST', '/leak', false);
                x.send(typeof e.data === 'string' ? e.data : JSON.stringify(e.data));
              }, true);`),
          );
          return true;
        }
        if (url.pathname === '/leak') {
          let body = '';
          req.setEncoding('utf8').on('data', (c: string) => (body += c));
          req.on('end', () => {
            leaks.push(body);
            res.writeHead(204).end();
          });
          return true;
        }
        return false;
      },
    });
    try {
      const out = tmpDir();
      const run = await audit(browser, [`${server.url}/spy.html`, '--out', out, '--format', 'json']);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(leaks.filter((l) => secrets.some((s) => l.includes(s)))).toEqual([]);
      // The frame was audited all the same: its image without alt and its unlabelled input.
      const p = readReport(out).pages[0]!;
      const inFrame = p.violations.flatMap((f) => f.nodes.filter((n) => n.target.length === 2).map((n) => `${f.id} ${n.html}`));
      expect(inFrame).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt <img src="logo.png">/), expect.stringMatching(new RegExp(`^label <input id="token" value="${secrets[0]}">`))]));
    } finally {
      await server.close();
      await frame.close();
    }
  });
}
