/**
 * The reports kanjian writes (report.json, JUnit, SARIF, HTML, CSV), shared by `kanjian audit` and
 * `kanjian merge-reports`: the formats, where they go, and writing them.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { toCsv, toHtml, toJson, toJunit, toSarif } from '../audit/export/index';
import type { FailOn, KanjianReport } from '../audit/model';
import { UsageError } from './command';

export const FORMATS = ['json', 'junit', 'sarif', 'html', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON: readonly FailOn[] = ['critical', 'serious', 'moderate', 'minor', 'none'];

export const REPORT_FILES: Record<Format, string> = {
  json: 'report.json',
  junit: 'report.junit.xml',
  sarif: 'report.sarif',
  html: 'report.html',
  csv: 'report.csv',
};

/**
 * --out must be a folder or not exist yet: a file there (or a file where a parent folder should be)
 * would only fail after every page was audited.
 */
export function checkOutDir(outDir: string, flag = '--out'): void {
  for (let dir = outDir; ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) {
        const what = dir === outDir ? '' : `（${dir} 是文件）`;
        const whatEn = dir === outDir ? '' : ` (${dir} is a file)`;
        throw new UsageError(`${flag} ${outDir} 不是文件夹${what}`, `${flag} ${outDir} is not a folder${whatEn}`);
      }
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

/** Whether a report names a page by URL (http/https) rather than a local file's path. */
function isPageUrl(name: string): boolean {
  return /^https?:\/\//i.test(name);
}

/**
 * Reads a local page's source for the SARIF report (line numbers): the report names a local file by
 * its path relative to the working directory, percent-encoded.
 */
export function localSourceReader(cwd: string): (pageUrl: string) => string | undefined {
  return (pageUrl) => {
    if (isPageUrl(pageUrl)) return undefined;
    let path = pageUrl;
    try {
      path = decodeURI(pageUrl);
    } catch {
      // kept as it is
    }
    const file = resolve(cwd, path);
    try {
      return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * Writes the asked-for formats into outDir; returns the files written. `cwd` is where local pages'
 * names are relative to (SARIF reads them for line numbers).
 */
export function writeReports(report: KanjianReport, formats: readonly Format[], outDir: string, cwd?: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const f of formats) {
    const text =
      f === 'json'
        ? toJson(report)
        : f === 'junit'
          ? toJunit(report)
          : f === 'sarif'
            ? toSarif(report, cwd !== undefined ? { readSource: localSourceReader(cwd) } : {})
            : f === 'html'
              ? toHtml(report)
              : toCsv(report);
    const file = join(outDir, REPORT_FILES[f]);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

