// CSV: one row per element (and one per page that could not be audited). RFC 4180 quoting, CRLF line
// ends, and a UTF-8 BOM so Excel opens Chinese text correctly.
import { pickText, type AnyLocale } from '../locale';
import type { KanjianReport } from '../model';
import { elderlyText, gbtText, impactLabel, localized, reportLocale, targetToString, wcagText } from './shared';

export interface CsvExportOptions {
  locale?: AnyLocale;
  /**
   * Prefix cells that start with = + - @ (or a tab/CR) with an apostrophe so spreadsheet programs do not
   * run page content as a formula. On by default.
   */
  protectFormulas?: boolean;
  /** Include the UTF-8 byte order mark (on by default). */
  bom?: boolean;
}

// Header names stay English snake_case so scripts can read the file in any locale.
export const CSV_COLUMNS = [
  'page_url', 'page_title', 'page_status', 'group', 'rule_id', 'impact', 'help', 'wcag', 'gbt37668', 'elderly',
  'transform', 'target', 'html', 'failure_summary', 'fingerprint', 'help_url',
] as const;

function protect(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The rows (header first) exactly as toCsv writes them, before quoting. */
export function csvRows(report: KanjianReport, opts: CsvExportOptions = {}): string[][] {
  const locale = reportLocale(report, opts.locale);
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const p of report.pages) {
    if (p.status === 'failed') {
      rows.push([p.url, p.title ?? '', p.status, 'error', '', '', '', '', '', '', '', '', '', p.error ?? '', '', '']);
      continue;
    }
    for (const group of ['violations', 'incomplete'] as const) {
      for (const f of p[group]) {
        const loc = localized(f, group, locale);
        f.nodes.forEach((n, i) => {
          rows.push([
            p.url, p.title ?? '', p.status, group === 'violations' ? 'violation' : 'needs-review', f.id,
            impactLabel(n.impact ?? f.impact, locale), pickText(f.help, locale), wcagText(f, locale), gbtText(f, locale),
            elderlyText(f, locale), f.transform ?? '', targetToString(n.target), n.html,
            loc.nodes[i]?.failureSummary || n.failureSummary, n.fingerprint, f.helpUrl,
          ]);
        });
      }
    }
  }
  if (opts.protectFormulas ?? true) {
    for (const row of rows.slice(1)) for (let i = 0; i < row.length; i++) row[i] = protect(row[i]!);
  }
  return rows;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(report: KanjianReport, opts: CsvExportOptions = {}): string {
  const body = csvRows(report, opts).map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return (opts.bom ?? true ? '\uFEFF' : '') + body;
}
