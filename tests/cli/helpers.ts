// Shared helpers for the `kanjian audit` end-to-end tests: run the built CLI as a user would, read
// its reports, validate them against their schemas.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../support/browsers.mjs';
import { REPO_ROOT, SHARED } from '../support/server.mjs';
import type { KanjianReport } from '../../src/audit/model';

export const REPO = REPO_ROOT;
/**
 * The CLI under test: the build of this checkout, or KANJIAN_CLI (e.g. an older build, to see an
 * attack test in tests/cli/security fail without its defence).
 */
export const CLI = process.env.KANJIAN_CLI ?? join(REPO, 'dist', 'cli', 'kanjian.mjs');
export const BAD = join(SHARED, 'corpus', 'bad');
export const ACT = join(SHARED, 'corpus', 'act');
export const DEMO = 'tests/fixtures/pages/zhonglou-2006.html';
export const CLIPS = 'tests/fixtures/pages/cli/clips.html';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Called with each chunk of stderr (e.g. to send SIGINT after some progress). */
  onStderr?(chunk: string, child: ReturnType<typeof spawn>): void;
}

/** Runs `node dist/cli/kanjian.mjs …args`. */
export function kanjian(args: readonly string[], opts: RunOptions = {}): Promise<CliRun> {
  const chromium = findChromium();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? REPO,
      env: { ...process.env, ...(chromium ? { KANJIAN_CHROMIUM: chromium } : {}), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      opts.onStderr?.(c, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

export function tmpDir(prefix = 'kanjian-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function readReport(dir: string): KanjianReport {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as KanjianReport;
}

export { reportSchemaErrors, sarifSchemaErrors } from '../support/schemas';

/** Node count of a page's findings. */
export function nodeCount(findings: ReadonlyArray<{ nodes: readonly unknown[] }>): number {
  return findings.reduce((s, f) => s + f.nodes.length, 0);
}

/** RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
