// Scale-out: --shard I/N splits the page list deterministically, and kanjian merge-reports turns
// the shards' report.json into the same report an unsharded run writes (generatedAt aside).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import type { KanjianReport } from '../../src/audit/model';
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
function comparable(r: KanjianReport): Omit<KanjianReport, 'generatedAt'> {
  const { generatedAt: _generatedAt, ...rest } = r;
  return rest;
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
    shardPages.push(readReport(join(dir, `shard-${i}`)).pages.map((p) => p.url));
  }
  // Disjoint, balanced, and together the whole list.
  expect(shardPages.map((s) => s.length)).toEqual([2, 2, 2]);
  expect(shardPages.flat().sort()).toEqual(all.pages.map((p) => p.url).sort());

  const merge = await kanjian(['merge-reports', dir.concat('/shard-1'), join(dir, 'shard-2', 'report.json'), join(dir, 'shard-3'), '--out', join(dir, 'merged'), '--format', 'json,junit']);
  expect(merge.code, merge.stdout + merge.stderr).toBe(1);
  const merged = readReport(join(dir, 'merged'));
  expect(reportSchemaErrors(merged)).toEqual([]);
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
