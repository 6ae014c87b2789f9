// Merging shard reports of one sharded CI run into one report.
import { comparePages, SCHEMA_VERSION, summarize, type KanjianReport } from './model';

/** Why reports cannot be merged, in Simplified Chinese and English (message: the English). */
export class MergeError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'MergeError';
  }
}

/**
 * Checks that reports are the pieces of one run: same schema, tool and options; reports that name
 * a shard agree on the total, and every shard 1..N is there exactly once; no page is in two reports
 * (a report counted twice, or overlapping runs). `names` (e.g. file paths) are used in the messages.
 */
export function checkMergeable(reports: readonly KanjianReport[], names: readonly string[] = []): void {
  if (!reports.length) throw new MergeError('没有要合并的报告', 'mergeReports needs at least one report');
  const name = (i: number): string => names[i] ?? `#${i + 1}`;
  const first = reports[0]!;
  for (const r of reports) {
    if (r.schemaVersion !== SCHEMA_VERSION) {
      throw new MergeError(`无法合并 schemaVersion 为 ${r.schemaVersion} 的报告`, `Cannot merge report with schemaVersion ${r.schemaVersion}`);
    }
    if (JSON.stringify(r.tool) !== JSON.stringify(first.tool)) {
      throw new MergeError('这些报告由不同版本的看见或 axe-core 生成', 'Cannot merge reports made by different kanjian or axe-core versions');
    }
    if (JSON.stringify(r.options) !== JSON.stringify(first.options)) {
      throw new MergeError('这些报告的检测选项不同', 'Cannot merge reports made with different audit options');
    }
  }

  const sharded = reports.map((r, i) => ({ shard: r.shard, i })).filter((x): x is { shard: NonNullable<KanjianReport['shard']>; i: number } => !!x.shard);
  if (sharded.length) {
    const totals = [...new Set(sharded.map((x) => x.shard.total))];
    if (totals.length > 1) {
      const list = sharded.map((x) => `${name(x.i)} (${x.shard.index}/${x.shard.total})`).join(', ');
      throw new MergeError(`分片的总数不一致（${totals.join('、')}）：${list}`, `shards of different totals (${totals.join(', ')}): ${list}`);
    }
    const total = totals[0]!;
    const byIndex = new Map<number, number[]>();
    for (const x of sharded) byIndex.set(x.shard.index, [...(byIndex.get(x.shard.index) ?? []), x.i]);
    for (const [index, at] of [...byIndex].sort((a, b) => a[0] - b[0])) {
      if (at.length > 1) {
        const list = at.map(name).join(', ');
        throw new MergeError(`分片 ${index}/${total} 出现了 ${at.length} 次：${list}`, `shard ${index}/${total} is given ${at.length} times: ${list}`);
      }
    }
    const missing = Array.from({ length: total }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
    if (missing.length) {
      const list = missing.map((k) => `${k}/${total}`).join(', ');
      throw new MergeError(`缺少分片 ${missing.map((k) => `${k}/${total}`).join('、')}`, `missing shard(s) ${list}`);
    }
  }

  const seen = new Map<string, number>();
  for (const [i, r] of reports.entries()) {
    for (const p of r.pages) {
      const j = seen.get(p.url);
      if (j !== undefined && j !== i) {
        throw new MergeError(`页面 ${p.url} 同时出现在 ${name(j)} 和 ${name(i)} 中`, `page ${p.url} is in both ${name(j)} and ${name(i)}`);
      }
      seen.set(p.url, i);
    }
  }
}

/**
 * Merges reports from sharded runs. The result equals the report of an unsharded run over the same
 * pages, except generatedAt (the latest shard's). Throws a MergeError when checkMergeable refuses.
 * The merged report is interrupted when any input was.
 */
export function mergeReports(reports: readonly KanjianReport[], names: readonly string[] = []): KanjianReport {
  checkMergeable(reports, names);
  const first = reports[0]!;
  const pages = reports.flatMap((r) => r.pages).sort(comparePages);
  const generatedAt = reports.map((r) => r.generatedAt).sort().at(-1)!;
  const merged: Omit<KanjianReport, 'summary'> = {
    schemaVersion: SCHEMA_VERSION,
    tool: first.tool,
    generatedAt,
    // Reports written by kanjian audit say whether they were interrupted; keep that in the whole.
    ...(reports.some((r) => r.interrupted !== undefined) ? { interrupted: reports.some((r) => r.interrupted === true) } : {}),
    options: first.options,
    pages,
  };
  return { ...merged, summary: summarize(merged) };
}
