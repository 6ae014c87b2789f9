/**
 * `--history DIR`: a small JSON series of run summaries (DIR/kanjian-history.json: when, pages, the
 * violations by impact), read and checked against its schema before the run, one entry added after
 * it. The folder usually comes back from a CI cache or artifact, so it is input like any other: a
 * malformed file is exit 2 naming the line, and the file is replaced (a new file renamed over it),
 * never written through a symbolic link planted there.
 */
import { lstatSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImpactCounts, KanjianReport } from '../../audit/model';
import { UsageError } from '../command';
import { checkSchema, JsonInputError, readJsonFile } from '../json-input';

export const HISTORY_FILE = 'kanjian-history.json';
/** Runs kept: enough for a trend, small enough to read at a glance. */
export const MAX_RUNS = 50;

export interface HistoryRun {
  generatedAt: string;
  label?: string;
  pages: number;
  failedPages?: number;
  violations: ImpactCounts;
}

export interface History {
  kind: 'kanjian-history';
  schemaVersion: '1.0.0';
  runs: HistoryRun[];
}

function historyFile(dir: string): string {
  return join(dir, HISTORY_FILE);
}

/** The series so far (empty when the folder or file does not exist yet). */
export function readHistory(dir: string): History {
  const file = historyFile(dir);
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return { kind: 'kanjian-history', schemaVersion: '1.0.0', runs: [] };
  }
  if (!st.isDirectory()) throw new UsageError(`--history ${dir} 不是文件夹${st.isSymbolicLink() ? '（是符号链接）' : ''}`, `--history ${dir} is not a folder${st.isSymbolicLink() ? ' (it is a symbolic link)' : ''}`);
  try {
    st = lstatSync(file);
  } catch {
    return { kind: 'kanjian-history', schemaVersion: '1.0.0', runs: [] };
  }
  if (!st.isFile()) throw new UsageError(`--history：${file} 不是普通文件${st.isSymbolicLink() ? '（是符号链接）' : ''}`, `--history: ${file} is not a regular file${st.isSymbolicLink() ? ' (it is a symbolic link)' : ''}`);
  try {
    const source = readJsonFile(file);
    checkSchema(source, 'history', file);
    return source.value as History;
  } catch (e) {
    if (e instanceof JsonInputError) throw new UsageError(`--history ${e.zh}`, `--history ${e.en}`);
    throw e;
  }
}

export function runSummary(report: KanjianReport): HistoryRun {
  return {
    generatedAt: report.generatedAt,
    pages: report.summary.pages.total,
    failedPages: report.summary.pages.failed,
    violations: { ...report.summary.violations.byImpact },
  };
}

/** Adds a run (keeping the last MAX_RUNS) and writes the series; returns it. */
export function appendHistory(dir: string, history: History, run: HistoryRun): History {
  const next: History = { ...history, runs: [...history.runs, run].slice(-MAX_RUNS) };
  mkdirSync(dir, { recursive: true });
  const file = historyFile(dir);
  const tmp = join(dir, `.${HISTORY_FILE}.${process.pid}.tmp`);
  const text = JSON.stringify(next, null, 2) + '\n';
  try {
    // wx: never through whatever is already at that name (a link left in a cached folder)…
    writeFileSync(tmp, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // …which is removed (the link itself, not its target) before trying once more.
    unlinkSync(tmp);
    writeFileSync(tmp, text, { flag: 'wx' });
  }
  renameSync(tmp, file);
  return next;
}
