/**
 * The reports kanjian writes (report.json, JUnit, SARIF, HTML, CSV), shared by `kanjian audit` and
 * `kanjian merge-reports`: the formats, where they go, and writing them.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

/** What the CLI adds to the reports besides the report itself. */
export interface ReportExtras {
  /** Sections for report.html (the comparison with an earlier run, the trend chart). */
  htmlSections?: string[];
}

/** Largest screenshot shown inline in report.html. */
const MAX_INLINE_SHOT = 2 * 1024 * 1024;

/**
 * A screenshot of the report folder as a data: URI for report.html: only a regular file (not a
 * symbolic link) at the path kanjian writes, inside `outDir/screenshots`.
 */
export function screenshotReader(outDir: string): (path: string) => string | undefined {
  return (path) => {
    if (!/^screenshots\/[0-9a-f]{16}(-[0-9a-z]{1,16})?\.png$/.test(path)) return undefined;
    const file = join(outDir, path);
    try {
      const st = lstatSync(file);
      if (!st.isFile() || st.size > MAX_INLINE_SHOT) return undefined;
      return `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    } catch {
      return undefined;
    }
  };
}

/**
 * Writes the asked-for formats into outDir; returns the files written. `cwd` is where local pages'
 * names are relative to (SARIF reads them for line numbers).
 */
export function writeReports(report: KanjianReport, formats: readonly Format[], outDir: string, cwd?: string, extras: ReportExtras = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  // Screenshots are named relative to the report folder; JUnit and SARIF consumers read paths from
  // where the CI job runs (the working directory).
  const fromCwd = (p: string): string => (cwd !== undefined ? relative(cwd, join(outDir, p)).split(sep).join('/') : p);
  for (const f of formats) {
    const text =
      f === 'json'
        ? toJson(report)
        : f === 'junit'
          ? toJunit(report, { screenshotPath: fromCwd })
          : f === 'sarif'
            ? toSarif(report, { ...(cwd !== undefined ? { readSource: localSourceReader(cwd) } : {}), screenshotUri: fromCwd })
            : f === 'html'
              ? toHtml(report, { image: screenshotReader(outDir), ...(extras.htmlSections ? { extraSections: extras.htmlSections } : {}) })
              : toCsv(report);
    const file = join(outDir, REPORT_FILES[f]);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

