// Merging shard reports of one sharded CI run into one report.
import { comparePages, SCHEMA_VERSION, summarize, type KanjianReport } from './model';

/**
 * Merges reports from sharded runs. The result equals the report of an unsharded run over the same
 * pages, except generatedAt (the latest shard's). Reports must share schema, tool and options.
 */
export function mergeReports(reports: readonly KanjianReport[]): KanjianReport {
  if (!reports.length) throw new Error('mergeReports needs at least one report');
  const first = reports[0]!;
  for (const r of reports) {
    if (r.schemaVersion !== SCHEMA_VERSION) throw new Error(`Cannot merge report with schemaVersion ${r.schemaVersion}`);
    if (JSON.stringify(r.tool) !== JSON.stringify(first.tool)) throw new Error('Cannot merge reports made by different kanjian or axe-core versions');
    if (JSON.stringify(r.options) !== JSON.stringify(first.options)) throw new Error('Cannot merge reports made with different audit options');
  }
  const pages = reports.flatMap((r) => r.pages).sort(comparePages);
  const generatedAt = reports.map((r) => r.generatedAt).sort().at(-1)!;
  const merged: Omit<KanjianReport, 'summary'> = {
    schemaVersion: SCHEMA_VERSION,
    tool: first.tool,
    generatedAt,
    options: first.options,
    pages,
  };
  return { ...merged, summary: summarize(merged) };
}
