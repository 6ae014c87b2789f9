// Shared helpers for the audit tests: the recorded axe results and reports built from them.
import fs from 'node:fs';
import path from 'node:path';
import { buildReport, type AxeResultsLike, type BuildReportInput, type KanjianReport, type PageInput } from '../../../src/audit/index';

export interface RecordedPage {
  file: string;
  url: string;
  title: string;
  ms: number;
  results: AxeResultsLike & { passes: { id: string }[] };
  transforms?: { label: string; results: AxeResultsLike }[];
  unrelatedChange?: { violations: { id: string; targets: string[][] }[] };
  allTargets?: { violations: { id: string; targets: string[][] }[] };
  composedFrames?: boolean;
}

export interface Recording {
  note: string;
  axeVersion: string;
  options: { standard: 'wcag22aa'; bestPractices: boolean; elderlyProfile: boolean };
  pages: RecordedPage[];
}

// Vitest runs from the repository root.
export const REPO = process.cwd();
export const AUDIT_TESTS = path.join(REPO, 'tests/unit/audit');

let cached: Recording | undefined;
export function recording(): Recording {
  cached ??= JSON.parse(fs.readFileSync(path.join(AUDIT_TESTS, 'fixtures/recorded-bad.json'), 'utf8')) as Recording;
  return cached;
}

export function page(file: string): RecordedPage {
  const p = recording().pages.find((x) => x.file === file || x.file.startsWith(file));
  if (!p) throw new Error(`no recorded page ${file}`);
  return p;
}

export const GENERATED_AT = '2025-01-02T03:04:05.000Z';

export function pageInput(p: RecordedPage, withTransforms = false): PageInput {
  const input: PageInput = { url: p.url, title: p.title, results: p.results };
  if (withTransforms && p.transforms) input.transforms = p.transforms;
  return input;
}

export function reportOf(pages: RecordedPage[], extra: Partial<BuildReportInput> = {}): KanjianReport {
  return buildReport({
    pages: pages.map((p) => pageInput(p)),
    options: recording().options,
    toolVersion: '0.1.0',
    generatedAt: GENERATED_AT,
    ...extra,
  });
}

export function fullReport(): KanjianReport {
  return reportOf(recording().pages);
}


