// report.json: the report as JSON, following report.schema.json.
import type { KanjianReport } from '../model';

export interface JsonExportOptions {
  /** Include each page's raw axe results under pages[].raw (when buildReport kept them). */
  raw?: boolean;
  /** Indentation; 2 by default, 0 for one line. */
  indent?: number;
}

export function toJson(report: KanjianReport, opts: JsonExportOptions = {}): string {
  const pages = report.pages.map((p) => {
    if (opts.raw || !('raw' in p)) return p;
    const { raw: _raw, ...rest } = p;
    return rest;
  });
  return JSON.stringify({ ...report, pages }, null, opts.indent ?? 2) + '\n';
}
