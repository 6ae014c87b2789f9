// --transforms: each page is audited again with the toolbar's transforms applied in the page (the
// extension's own text-size, colour-scheme and page-conversion modules), and findings a transform
// causes are labelled with it. kanjian's own checks: kanjian-reflow and kanjian-clipped-text at 200 %
// text, kanjian-lang-script after 繁体 conversion.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Finding, KanjianReport } from '../../src/audit/model';
import { CLIPS, DEMO, kanjian, readReport, reportSchemaErrors, tmpDir } from './helpers';

const CONVERT = 'tests/fixtures/pages/cli/convert-lang.html';

function findings(report: KanjianReport, url: string): Finding[] {
  const page = report.pages.find((p) => p.url === url)!;
  expect(page.status).toBe('audited');
  return [...page.violations, ...page.incomplete];
}

test('zoom200 flags the page that clips and overflows at 200 %; traditional flags lang/script mismatches; contrast runs', async () => {
  const out = tmpDir();
  const run = await kanjian(['audit', CLIPS, CONVERT, DEMO, '--transforms', 'zoom200,contrast,traditional', '--out', out, '--format', 'json,html']);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const report = readReport(out);
  expect(reportSchemaErrors(report)).toEqual([]);

  // clips.html: fine at 100 % (the checks also ran on the plain page and found nothing), broken at 200 %.
  const clips = findings(report, CLIPS);
  const clipped = clips.filter((f) => f.id === 'kanjian-clipped-text');
  expect(clipped.map((f) => f.transform)).toEqual(['zoom-200']);
  expect(clipped[0]!.nodes.map((n) => n.target)).toEqual([['section']]);
  expect(clipped[0]!.nodes[0]!.failureSummary).toMatch(/cuts off the text/);
  expect(clipped[0]!.wcag.map((w) => w.sc)).toEqual(['1.4.4']);
  const reflow = clips.filter((f) => f.id === 'kanjian-reflow');
  expect(reflow.map((f) => f.transform)).toEqual(['zoom-200']);
  expect(reflow[0]!.nodes.length).toBeGreaterThan(0);
  expect(reflow[0]!.nodes.every((n) => /^a\[href="#[a-j]"\]$/.test(String(n.target[0])))).toBe(true);
  expect(reflow[0]!.wcag.map((w) => w.sc)).toEqual(['1.4.10']);
  // The visually hidden text (1 px clip pattern) is not "clipped text".
  expect(clipped[0]!.nodes.some((n) => n.html.includes('sr-only'))).toBe(false);
  // Localised for the report: the zh-CN help comes from kanjian's messages.
  expect(clipped[0]!.help['zh-CN']).toContain('截断');

  // convert-lang.html: #wrong is wrong before any transform (no label); #kept is made wrong by 繁体 conversion.
  const lang = findings(report, CONVERT).filter((f) => f.id === 'kanjian-lang-script');
  const plain = lang.filter((f) => !f.transform).flatMap((f) => f.nodes.map((n) => n.target[0]));
  const converted = lang.filter((f) => f.transform === 'traditional').flatMap((f) => f.nodes.map((n) => n.target[0]));
  expect(plain).toEqual(['#wrong']);
  expect(converted).toEqual(['#kept']);

  // The demo page (Simplified, lang zh-CN) converts cleanly: no lang/script finding.
  expect(findings(report, DEMO).filter((f) => f.id === 'kanjian-lang-script')).toEqual([]);
  // Nothing else is labelled for the demo's zoom: selectors are computed on the untransformed page,
  // so the plain run's findings are recognised under the transform.
  for (const f of findings(report, DEMO).filter((x) => x.transform)) expect(f.id, JSON.stringify(f.nodes.map((n) => n.target))).not.toBe('link-in-text-block');

  const html = readFileSync(join(out, 'report.html'), 'utf8');
  expect(html).toContain('zoom-200');
  expect(html).toContain('kanjian-clipped-text');
});
