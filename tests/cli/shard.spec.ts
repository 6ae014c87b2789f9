// Scale-out: --shard I/N splits the page list deterministically, and kanjian merge-reports turns
// the shards' report.json into the same report an unsharded run writes (generatedAt aside).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { buildReport, type BuildReportInput, type KanjianReport } from '../../src/audit/model';
import { BAD, CLIPS, DEMO, kanjian, readReport, reportSchemaErrors, tmpDir } from './helpers';

const PAGES = [
  DEMO,
  CLIPS,
  join(BAD, 'before', 'home.html'),
  join(BAD, 'before', 'news.html'),
  join(BAD, 'before', 'tickets.html'),
  join(BAD, 'after', 'home.html'),
];

/** The report without what differs between runs by design (time of the run). */
/** A report without what is measured rather than found: when it was made, how long each keyboard walk took. */
function comparable(r: KanjianReport): Omit<KanjianReport, 'generatedAt'> {
  const { generatedAt: _generatedAt, ...rest } = r;
  return { ...rest, pages: rest.pages.map((p) => (p.keyboard ? { ...p, keyboard: { ...p.keyboard, ms: 0 } } : p)) };
}

test('three shards merged equal the unsharded run', async () => {
  const dir = tmpDir();
  const whole = await kanjian(['audit', ...PAGES, '--out', join(dir, 'all'), '--format', 'json', '--concurrency', '2']);
  expect(whole.code, whole.stdout + whole.stderr).toBe(1);
  const all = readReport(join(dir, 'all'));
  expect(all.pages).toHaveLength(PAGES.length);

  const shardPages: string[][] = [];
  for (const i of [1, 2, 3]) {
    const run = await kanjian(['audit', ...PAGES, '--shard', `${i}/3`, '--out', join(dir, `shard-${i}`), '--format', 'json', '--concurrency', '2']);
    expect([0, 1], run.stdout + run.stderr).toContain(run.code);
    const shard = readReport(join(dir, `shard-${i}`));
    // Each shard says which it is, and that it ran to the end (merge-reports checks both).
    expect(shard.shard).toEqual({ index: i, total: 3 });
    expect(shard.interrupted).toBe(false);
    expect(reportSchemaErrors(shard)).toEqual([]);
    shardPages.push(shard.pages.map((p) => p.url));
  }
  // Disjoint, balanced, and together the whole list.
  expect(shardPages.map((s) => s.length)).toEqual([2, 2, 2]);
  expect(shardPages.flat().sort()).toEqual(all.pages.map((p) => p.url).sort());

  const merge = await kanjian(['merge-reports', dir.concat('/shard-1'), join(dir, 'shard-2', 'report.json'), join(dir, 'shard-3'), '--out', join(dir, 'merged'), '--format', 'json,junit']);
  expect(merge.code, merge.stdout + merge.stderr).toBe(1);
  const merged = readReport(join(dir, 'merged'));
  expect(reportSchemaErrors(merged)).toEqual([]);
  expect(merged.shard).toBeUndefined();
  expect(comparable(merged)).toEqual(comparable(all));
  // And re-rendered in another format from the merged model.
  const junit = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' }).parse(readFileSync(join(dir, 'merged', 'report.junit.xml'), 'utf8')) as {
    testsuites: { testsuite: unknown[] };
  };
  expect(junit.testsuites.testsuite).toHaveLength(PAGES.length);

  // Reports made with different options are not merged (exit 2).
  const other = readReport(join(dir, 'shard-2'));
  other.options.standard = 'wcag22aa';
  writeFileSync(join(dir, 'other.json'), JSON.stringify(other));
  const bad = await kanjian(['merge-reports', join(dir, 'shard-1'), join(dir, 'other.json'), '--out', join(dir, 'nope')]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/无法合并[\s\S]*cannot merge/);
});

/** A small report.json as `kanjian audit` writes it (no browser needed to test merging). */
function writeShard(dir: string, pages: string[], extra: Partial<BuildReportInput> = {}): string {
  mkdirSync(dir, { recursive: true });
  const report = buildReport({
    pages: pages.map((url) => ({ url, results: { violations: [], incomplete: [], passes: [] } })),
    toolVersion: '0.1.0',
    axeVersion: '4.10.0',
    interrupted: false,
    ...extra,
  });
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  return dir;
}

test('merge-reports refuses shards that do not add up, reports an interrupted shard, and skips its own output', async () => {
  const dir = tmpDir();
  const s1 = writeShard(join(dir, 'shards', 's1'), ['a.html'], { shard: { index: 1, total: 3 } });
  const s2 = writeShard(join(dir, 'shards', 's2'), ['b.html'], { shard: { index: 2, total: 3 } });
  const s3 = writeShard(join(dir, 'shards', 's3'), ['c.html'], { shard: { index: 3, total: 3 } });
  const refusals: Array<[string[], RegExp]> = [
    [[s1, s2], /缺少分片 3\/3[\s\S]*missing shard\(s\) 3\/3/],
    [[s1, s2, s3, writeShard(join(dir, 'again'), ['d.html'], { shard: { index: 2, total: 3 } })], /分片 2\/3 出现了 2 次[\s\S]*shard 2\/3 is given 2 times/],
    [[s1, s2, s3, writeShard(join(dir, 'other'), ['e.html'], { shard: { index: 1, total: 2 } })], /总数不一致[\s\S]*different totals \(3, 2\)/],
    [[writeShard(join(dir, 'u1'), ['a.html', 'x.html']), writeShard(join(dir, 'u2'), ['x.html'])], /页面 x\.html 同时出现在[\s\S]*page x\.html is in both .*u1.*u2/],
  ];
  for (const [inputs, message] of refusals) {
    const run = await kanjian(['merge-reports', ...inputs, '--out', join(dir, 'nope'), '--format', 'json']);
    expect(run.code, inputs.join(' ') + run.stderr).toBe(2);
    expect(run.stderr, inputs.join(' ')).toMatch(message);
  }

  // Merging into a folder inside the input, twice: the second run does not take the first's output as a shard.
  for (const round of [1, 2]) {
    const run = await kanjian(['merge-reports', join(dir, 'shards'), '--out', join(dir, 'shards', 'merged'), '--format', 'json']);
    expect(run.code, `round ${round}: ${run.stdout}${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/已合并 Merged 3 个报告 reports: 3 个页面 pages/);
    expect(readReport(join(dir, 'shards', 'merged')).pages.map((p) => p.url)).toEqual(['a.html', 'b.html', 'c.html']);
  }

  // An interrupted shard: merged, but incomplete (exit 3), and named.
  cpSync(join(dir, 'shards'), join(dir, 'cut'), { recursive: true });
  writeShard(join(dir, 'cut', 's2'), ['b.html'], { shard: { index: 2, total: 3 }, interrupted: true });
  const cut = await kanjian(['merge-reports', join(dir, 'cut', 's1'), join(dir, 'cut', 's2'), join(dir, 'cut', 's3'), '--out', join(dir, 'cut-merged'), '--format', 'json']);
  expect(cut.code, cut.stdout + cut.stderr).toBe(3);
  expect(cut.stderr).toMatch(/报告 .*s2\/report\.json \(2\/3\) 来自被中断的运行[\s\S]*s2\/report\.json \(2\/3\) is from an interrupted run/);
  expect(cut.stdout).toMatch(/exit 3（未完成 INCOMPLETE：被中断的报告 interrupted: .*s2\/report\.json \(2\/3\)）/);
  expect(readReport(join(dir, 'cut-merged')).interrupted).toBe(true);
});
