import type { Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './fixtures';
import { PAGES, REPO_ROOT, startServer } from '../support/server.mjs';

/** Shared by the PDF reader specs: a server for the test PDFs and the demo page with an attachment link. */
export const PDF_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'pdf');
export const ATTACHMENT = '/pdf/policy-zh-hans.pdf';
/** The demo page with an attachment link, as 政策文件 pages carry them (served, the fixture is untouched). */
export const DEMO_WITH_PDF = '/demo-with-attachment.html';
const DEMO_HTML = readFileSync(join(PAGES, 'zhonglou-2006.html'), 'utf8')
  .replace('href="zhonglou-2006.css"', 'href="/zhonglou-2006.css"')
  .replace('</article>', `<p class="attachment">附件：<a id="pdf-link" href="${ATTACHMENT}">2006年政府重点工作（PDF，850 KB）</a></p></article>`);

interface Served {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

let pdfServer: Served;

/** Starts the server for the file's tests (call at the top of a spec). */
export function usePdfServer(): void {
  test.beforeAll(async () => {
    pdfServer = (await startServer({
      extraRoots: [['/pdf/', PDF_DIR]],
      handler: (_req: unknown, res: { writeHead(s: number, h: Record<string, string>): void; end(b: string): void }, url: URL) => {
        if (url.pathname !== DEMO_WITH_PDF && url.pathname !== '/attack.html') return false;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(url.pathname === DEMO_WITH_PDF ? DEMO_HTML : ATTACK_HTML);
        return true;
      },
    })) as Served;
  });
  test.afterAll(async () => {
    await pdfServer.close();
  });
}

/** A hostile page: it tries to press 用看见阅读 by script and to open the reader itself. */
const ATTACK_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>攻击页</title></head><body>
<p><a id="pdf-link" href="/pdf/policy-zh-hans.pdf">附件.pdf</a></p>
<script>
window.attack = async (readerUrl) => {
  const out = {};
  const host = document.querySelector('kanjian-pdf-link');
  out.control = !!host;
  const btn = host && host.shadowRoot && host.shadowRoot.querySelector('button');
  if (btn) { btn.click(); btn.dispatchEvent(new MouseEvent('click', { bubbles: true })); }
  try { const r = await fetch(readerUrl); out.fetched = r.ok ? await r.text() : 'status ' + r.status; } catch (e) { out.fetched = 'error'; }
  return out;
};
</script></body></html>`;

export const pdfSite = (): string => `http://127.0.0.1:${pdfServer.port}`;

export async function store(sw: Worker, items: Record<string, unknown>): Promise<void> {
  await sw.evaluate((i) => chrome.storage.local.set(i), items);
}

export function readerUrl(extensionId: string, file: string): string {
  return `chrome-extension://${extensionId}/reader.html?file=${encodeURIComponent(pdfSite() + '/pdf/' + file)}`;
}

/** Waits until the reader has finished (ready or error) and returns its state. */
export async function readerState(page: Page): Promise<{ state: string; error: string | null; view: string; numPages: number; firstTextMs: number | null; check: Array<{ id: string; passed: boolean }> | null }> {
  await page.waitForFunction(() => {
    const r = (window as unknown as { __kanjianReader?: { state: string } }).__kanjianReader;
    return !!r && r.state !== 'loading';
  }, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const r = (window as unknown as { __kanjianReader: { state: string; error: string | null; view: string; numPages: number; firstTextMs: number | null; check: Array<{ id: string; passed: boolean }> | null } }).__kanjianReader;
    return { state: r.state, error: r.error, view: r.view, numPages: r.numPages, firstTextMs: r.firstTextMs, check: r.check };
  });
}

