// kanjian audit checks the PDFs a page links to, as the extension does: from inside the page (its own
// origin and session) and opened by pdf.js in Node. A link to another origin is never fetched — a
// page in CI must not be able to aim the auditor at other hosts (e.g. the CI machine's network).
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { kanjian, readReport, reportSchemaErrors, tmpDir, REPO } from './helpers';
import { startServer } from '../support/server.mjs';

const PDF_DIR = join(REPO, 'tests', 'fixtures', 'pdf');

test('linked PDFs: a scan and a locked file need review, a tagged one passes, another origin is never fetched', async () => {
  const other = (await startServer({ extraRoots: [['/pdf/', PDF_DIR]] })) as { url: string; requests: string[]; close(): Promise<void> };
  try {
    const site = tmpDir('kanjian-site-');
    for (const f of ['policy-zh-hans.pdf', 'scanned.pdf', 'protected.pdf']) copyFileSync(join(PDF_DIR, f), join(site, f));
    writeFileSync(
      join(site, 'files.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政策文件</title></head><body><main><h1>政策文件</h1><ul>
<li><a href="policy-zh-hans.pdf">2006年政府重点工作（PDF，850 KB）</a></li>
<li><a href="scanned.pdf">会议纪要扫描件（PDF，40 KB）</a></li>
<li><a href="protected.pdf">内部通知（PDF，12 KB）</a></li>
<li><a href="${other.url}/pdf/scanned.pdf">外站文件（PDF，40 KB）</a></li>
</ul></main></body></html>`,
    );
    const out = tmpDir();
    const run = await kanjian(['audit', 'files.html', '--out', out, '--format', 'json'], { cwd: site });
    expect([0, 1], run.stderr).toContain(run.code);
    const report = readReport(out);
    expect(reportSchemaErrors(report)).toEqual([]);
    const page = report.pages[0]!;
    const review = Object.fromEntries(page.incomplete.filter((f) => f.id.startsWith('kanjian-pdf-')).map((f) => [f.id, f.nodes.map((n) => n.target[0])]));
    expect(review['kanjian-pdf-text-layer']).toEqual([expect.stringContaining('nth-of-type(2)')]);
    expect(review['kanjian-pdf-unchecked']).toHaveLength(1);
    const locked = page.incomplete.find((f) => f.id === 'kanjian-pdf-unchecked')!;
    expect(locked.nodes[0]!.failureSummary).toMatch(/protected\.pdf is password-protected/);
    expect(page.incomplete.find((f) => f.id === 'kanjian-pdf-text-layer')!.wcag.map((w) => w.sc)).toEqual(['1.1.1']);
    expect(JSON.stringify(page.incomplete)).not.toContain('policy-zh-hans.pdf');
    expect(other.requests).toEqual([]);
  } finally {
    await other.close();
  }
});
