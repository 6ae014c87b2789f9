// --screenshots: cropped pictures of violating elements, outlined, referenced from report.json, shown
// in report.html and attached in JUnit and SARIF. The pixels are checked: the outline's colour around
// the element, the element's own colour inside.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { decodePng, type Image } from '../../src/cli/audit/png';
import { kanjian, readReport, reportSchemaErrors, sarifSchemaErrors, tmpDir } from './helpers';

/** Five empty buttons (button-name) in green, two of them far down the page. */
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>截图</title>
<style>button{position:absolute;width:120px;height:40px;background:#0a7d3b;border:0}</style></head>
<body><main><h1>截图</h1>
<button id="b1" style="top:200px;left:100px"></button>
<button id="b2" style="top:200px;left:400px"></button>
<button id="b3" style="top:3000px;left:300px"></button>
<button id="b4" style="top:3200px;left:300px"></button>
<button id="b5" style="top:3400px;left:300px"></button>
<div style="height:3600px"></div></main></body></html>`;

function pixel(img: Image, x: number, y: number): [number, number, number] {
  const o = (y * img.width + x) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
}

test('--screenshots violations: the first 3 elements of a rule, cropped and outlined, in every report', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'shots.html'), PAGE);
  const out = join(dir, 'out');
  const run = await kanjian(['audit', 'shots.html', '--screenshots', 'violations', '--rules', 'button-name', '--out', out, '--format', 'json,html,junit,sarif'], { cwd: dir });
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const report = readReport(out);
  expect(reportSchemaErrors(report)).toEqual([]);
  const nodes = report.pages[0]!.violations.find((f) => f.id === 'button-name')!.nodes;
  expect(nodes).toHaveLength(5);
  const shots = nodes.filter((n) => n.screenshot);
  expect(shots).toHaveLength(3);
  expect(readdirSync(join(out, 'screenshots')).sort()).toEqual(shots.map((n) => `${n.fingerprint}.png`).sort());
  for (const n of shots) {
    expect(n.screenshot).toBe(`screenshots/${n.fingerprint}.png`);
    const img = decodePng(readFileSync(join(out, n.screenshot!)));
    // 120×40 element + 24 px around it on each side.
    expect([img.width, img.height]).toEqual([168, 88]);
    // The outline: magenta, just outside the element's box (24 - 2 - 3 = 19 px in), on all four sides.
    for (const [x, y] of [[19, 44], [148, 44], [84, 19], [84, 68]] as const) expect(pixel(img, x, y), `${x},${y}`).toEqual([255, 0, 255]);
    // The element itself, untouched: its green.
    expect(pixel(img, 84, 44)).toEqual([10, 125, 59]);
    // Around the outline: the page's white.
    expect(pixel(img, 2, 2)).toEqual([255, 255, 255]);
  }
  // report.html: the pictures inline (data: URIs, the report stays one file), with alt text.
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  expect(html.match(/<img class="shot" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="元素截图（洋红色框）">/g)).toHaveLength(3);
  // JUnit: [[ATTACHMENT|path]] (Jenkins, GitLab), the path from the working directory.
  const junit = readFileSync(join(out, 'report.junit.xml'), 'utf8');
  expect(XMLValidator.validate(junit)).toBe(true);
  for (const n of shots) expect(junit).toContain(`[[ATTACHMENT|out/${n.screenshot}]]`);
  // SARIF: result.attachments, valid against the 2.1.0 schema.
  const sarif = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8'));
  expect(sarifSchemaErrors(sarif)).toEqual([]);
  const attached = sarif.runs[0].results.flatMap((r: { attachments?: Array<{ artifactLocation: { uri: string } }> }) => (r.attachments ?? []).map((a) => a.artifactLocation.uri));
  expect(attached.sort()).toEqual(shots.map((n) => `out/${n.screenshot}`).sort());
});

test('--screenshots pages: also the whole page; none: no pictures', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'shots.html'), PAGE);
  const run = await kanjian(['audit', 'shots.html', '--screenshots', 'pages', '--rules', 'button-name', '--out', 'a', '--format', 'json,html'], { cwd: dir });
  expect(run.code, run.stderr).toBe(1);
  const page = readReport(join(dir, 'a')).pages[0]!;
  expect(page.screenshot).toMatch(/^screenshots\/[0-9a-f]{16}-page\.png$/);
  const img = decodePng(readFileSync(join(dir, 'a', page.screenshot!)));
  expect(img.width).toBe(1280);
  expect(img.height).toBeGreaterThanOrEqual(3600);
  expect(pixel(img, 160, 220)).toEqual([10, 125, 59]);
  expect(readFileSync(join(dir, 'a', 'report.html'), 'utf8')).toContain(`<a href="${page.screenshot}">`);

  const none = await kanjian(['audit', 'shots.html', '--rules', 'button-name', '--out', 'b', '--format', 'json'], { cwd: dir });
  expect(none.code).toBe(1);
  expect(existsSync(join(dir, 'b', 'screenshots'))).toBe(false);
  expect(JSON.stringify(readReport(join(dir, 'b')))).not.toContain('screenshot');
});
