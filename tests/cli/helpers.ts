// Shared helpers for the `kanjian audit` end-to-end tests: run the built CLI as a user would, read
// its reports, validate them against their schemas.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { findChromium } from '../support/browsers.mjs';
import { REPO_ROOT, SHARED } from '../support/server.mjs';
import type { KanjianReport } from '../../src/audit/model';

export const REPO = REPO_ROOT;
export const CLI = join(REPO, 'dist', 'cli', 'kanjian.mjs');
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

/** Validates a report.json against src/audit/report.schema.json; returns ajv's errors (empty when valid). */
export function reportSchemaErrors(report: unknown): unknown[] {
  const schema = JSON.parse(readFileSync(join(REPO, 'src', 'audit', 'report.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(report) ? [] : (validate.errors ?? ['invalid']);
}

/** Validates a SARIF log against the official SARIF 2.1.0 schema (shipped by @microsoft/jest-sarif). */
export function sarifSchemaErrors(log: unknown): unknown[] {
  const raw = JSON.parse(readFileSync(join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema is draft-04: adapt its two draft-04 spellings for Ajv's draft-07 dialect.
  delete raw.$schema;
  raw.$id = raw.id;
  delete raw.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(raw);
  return validate(log) ? [] : (validate.errors ?? ['invalid']);
}

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
