// The audit checks the PDFs a page links to (its own site's only): a scan, a password-protected and a
// tagged Chinese document, as a maintainer reads the report. A link to another site's PDF is never
// fetched: the audit must not be a way to make the user's browser download from elsewhere.
import { join } from 'node:path';
import { auditViaToolbar } from './audit-helpers';
import { expect, test } from './fixtures';
import { REPO_ROOT, startServer } from '../support/server.mjs';

const PDF_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'pdf');

interface Served {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const page = (other: string): string => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政策文件</title></head><body><main>
<h1>政策文件</h1>
<ul>
  <li><a href="/pdf/policy-zh-hans.pdf">2006年政府重点工作（PDF，850 KB）</a></li>
  <li><a href="/pdf/scanned.pdf">会议纪要扫描件（PDF，40 KB）</a></li>
  <li><a href="/pdf/protected.pdf">内部通知（PDF，12 KB）</a></li>
  <li><a href="${other}/pdf/scanned.pdf">外站文件（PDF，40 KB）</a></li>
</ul></main></body></html>`;

test('the report lists what the linked PDFs lack as 需复核, and fetches none from another site', async ({ page: tab, extContext }) => {
  test.setTimeout(120_000);
  const other = (await startServer({ extraRoots: [['/pdf/', PDF_DIR]] })) as Served;
  const site = (await startServer({
    extraRoots: [['/pdf/', PDF_DIR]],
    handler: (_req: unknown, res: { writeHead(s: number, h: Record<string, string>): void; end(b: string): void }, url: URL) => {
      if (url.pathname !== '/files.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(other.url));
      return true;
    },
  })) as Served;
  try {
    await tab.goto(`${site.url}/files.html`);
    const report = await auditViaToolbar(extContext, tab);
    const scan = report.locator('#incomplete article[data-rule="kanjian-pdf-text-layer"]');
    await expect(scan).toContainText('PDF 文档必须有可读出的文字');
    await expect(scan).toContainText('/pdf/scanned.pdf 的前 2 页没有文字层');
    await expect(report.locator('#incomplete article[data-rule="kanjian-pdf-unchecked"]')).toContainText('/pdf/protected.pdf 有密码保护');
    // The tagged document with title and language has nothing to review.
    await expect(report.locator('#incomplete')).not.toContainText('policy-zh-hans.pdf');
    await expect(report.locator('#violations')).not.toContainText('.pdf 没有');
    expect(site.requests.filter((p) => p.startsWith('/pdf/')).sort()).toEqual(['/pdf/policy-zh-hans.pdf', '/pdf/protected.pdf', '/pdf/scanned.pdf']);
    expect(other.requests).toEqual([]);
  } finally {
    await site.close();
    await other.close();
  }
});
