// What a page does to the browser around it — dialogs, beforeunload, popups, downloads — is handled
// the same way in Chromium and Firefox, and nothing it starts outlives its page: the run goes on to
// the next page without waiting for a timeout, popups are closed, downloads are refused.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../support/browsers.mjs';
import { startServer } from '../../support/server.mjs';
import { kanjian, readReport, tmpDir } from '../helpers';
import { audit, BROWSERS, page } from './attack';

/** Every file under dir (recursively), for looking for a download that was saved anyway. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full);
    return e.isFile() ? [full] : [];
  });
}

/**
 * A test server with the attack pages. `events` records, in order, what the browser asked for:
 * the slow last page marks "the run has moved on" (`slow requested` … `slow sent`).
 */
async function attackServer(secretDownload: string) {
  const events: string[] = [];
  const server = await startServer({
    handler: (req, res, url) => {
      const html = (body: string): true => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
        return true;
      };
      switch (url.pathname) {
        case '/dialogs.html':
          return html(page('dialogs', '<p>dialogs</p>', `
            alert('alert while parsing'); confirm('confirm?'); prompt('prompt?', 'x');
            addEventListener('load', function () { setTimeout(function () { alert('after load'); confirm('again?'); }, 0); });`));
        case '/beforeunload.html':
          return html(page('beforeunload', '<p>stay</p>', `
            addEventListener('beforeunload', function (e) { e.preventDefault(); e.returnValue = 'stay'; return 'stay'; });`));
        case '/popups.html':
          return html(page('popups', '<p>popups</p>', `
            window.open('/popup.html?1'); window.open('/popup.html?2', '_blank', 'noopener');
            addEventListener('load', function () { window.open('/popup.html?3'); });`));
        case '/popup.html':
          events.push('popup loaded');
          return html(page('popup', '<p>popup</p>', "setInterval(function () { fetch('/ping').catch(function () {}); }, 100);"));
        case '/ping':
          events.push('ping');
          res.writeHead(204).end();
          return true;
        case '/downloads.html':
          return html(page('downloads', '<p>downloads</p>', `
            var a = document.createElement('a'); a.href = '/file.bin'; a.download = 'kanjian-attack.bin'; document.body.appendChild(a); a.click();
            var f = document.createElement('iframe'); f.src = '/attachment.bin'; f.title = 'x'; document.body.appendChild(f);`));
        case '/file.bin':
        case '/attachment.bin': {
          // A slow download: it is still running when the page is done, unless it was refused.
          events.push(`${url.pathname} started`);
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="kanjian-attack.bin"' });
          res.write(secretDownload);
          let n = 0;
          const timer = setInterval(() => {
            if (++n > 100 || res.destroyed) {
              clearInterval(timer);
              res.end();
            } else res.write(secretDownload);
          }, 100);
          res.on('close', () => {
            clearInterval(timer);
            events.push(`${url.pathname} closed`);
          });
          return true;
        }
        case '/z-slow.html':
          // The run's last page, held for 1.5 s: whatever an earlier page started must be gone by now.
          events.push('slow requested');
          setTimeout(() => {
            events.push('slow sent');
            html(page('slow', '<p>slow</p>'));
          }, 1500);
          return true;
        default:
          return false;
      }
    },
  });
  return { server, events };
}

for (const browser of BROWSERS) {
  test(`${browser}: alert/confirm/prompt, beforeunload, popups and downloads neither stall the run nor outlive their page`, async () => {
    const secret = `KANJIAN-DOWNLOAD-${Date.now()}`;
    const { server, events } = await attackServer(secret);
    // The CLI's own home and temp folders, to find any download saved to disk.
    const home = tmpDir('kanjian-home-');
    try {
      const out = tmpDir();
      // (Audited in this order, one tab: the slow page is last.)
      const names = ['beforeunload.html', 'dialogs.html', 'downloads.html', 'popups.html', 'z-slow.html'];
      const run = await audit(browser, [...names.map((n) => `${server.url}/${n}`), '--concurrency', '1', '--timeout', '20', '--out', out, '--format', 'json', '--fail-on', 'none'], {
        env: { HOME: home, TMPDIR: home, XDG_DOWNLOAD_DIR: join(home, 'Downloads') },
      });
      expect(run.stderr).not.toContain('internal error');
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const report = readReport(out);
      // Every page audited, none by running into its timeout.
      expect(report.pages.map((p) => [p.url.split('/').pop(), p.status, p.error ?? ''])).toEqual(names.map((n) => [n, 'audited', '']));
      expect(report.pages.find((p) => p.url.endsWith('dialogs.html'))!.title).toBe('dialogs');

      // Nothing an earlier page started is still running while the last page loads.
      const from = events.indexOf('slow requested');
      const to = events.indexOf('slow sent');
      expect(from).toBeGreaterThanOrEqual(0);
      expect(events.slice(from, to), events.join(', ')).not.toContain('ping');
      for (const file of ['/file.bin', '/attachment.bin']) {
        const closed = events.indexOf(`${file} closed`);
        if (events.includes(`${file} started`)) expect(closed, `${file}: ${events.join(', ')}`).toBeGreaterThanOrEqual(0);
        if (closed >= 0) expect(closed, `${file}: ${events.join(', ')}`).toBeLessThan(to);
      }
      // No download was saved anywhere (the browser's profile and temp folders are gone too).
      const saved = filesUnder(home).filter((f) => statSync(f).size < 10_000_000 && readFileSync(f, 'latin1').includes(secret));
      expect(saved).toEqual([]);
    } finally {
      await server.close();
    }
  });
}

test('a remote Chromium server (--ws-endpoint) runs with popups allowed: kanjian closes every window a page opens', async () => {
  const { server, events } = await attackServer('unused');
  const executablePath = findChromium();
  // Playwright's own defaults, popup blocker off, as on a browser server someone else started.
  const browserServer = await chromium.launchServer({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs(), headless: true });
  try {
    const out = tmpDir();
    const run = await kanjian(['audit', `${server.url}/popups.html`, `${server.url}/z-slow.html`, '--concurrency', '1', '--ws-endpoint', browserServer.wsEndpoint(), '--out', out, '--format', 'json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(events, 'the popups did open here').toContain('popup loaded');
    const from = events.indexOf('slow requested');
    expect(from).toBeGreaterThanOrEqual(0);
    expect(events.slice(from, events.indexOf('slow sent')), events.join(', ')).not.toContain('ping');
  } finally {
    await browserServer.close();
    await server.close();
  }
});
