// Schema validators shared by the unit and CLI tests: kanjian's report.json schema and the official
// SARIF 2.1.0 schema (shipped by the @microsoft/jest-sarif devDependency, or KANJIAN_SARIF_SCHEMA).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// Both runners start in the repository root (vitest's DOM environments give import.meta.url a
// non-file scheme, so the root is not derived from this module's URL).
const REPO_ROOT = process.cwd();

/** Where the SARIF 2.1.0 schema is, or null (the SARIF schema tests are then skipped with a reason). */
export const SARIF_SCHEMA_PATH: string | null =
  [process.env.KANJIAN_SARIF_SCHEMA ?? '', join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json')].find(
    (p) => p && existsSync(p),
  ) ?? null;

let reportValidator: ValidateFunction | null = null;
let sarifValidator: ValidateFunction | null = null;

/** ajv's errors for a report.json against src/audit/report.schema.json (empty when valid). */
export function reportSchemaErrors(report: unknown): unknown[] {
  if (!reportValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    reportValidator = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'src', 'audit', 'report.schema.json'), 'utf8')));
  }
  return reportValidator(report) ? [] : (reportValidator.errors ?? ['invalid']);
}

/** ajv's errors for a SARIF log against the official 2.1.0 schema (empty when valid). */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!sarifValidator) {
    if (!SARIF_SCHEMA_PATH) throw new Error('no SARIF 2.1.0 schema: install devDependencies or set KANJIAN_SARIF_SCHEMA');
    const raw = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8'));
    // The schema is draft-04: adapt its two draft-04 spellings for Ajv's draft-07 dialect.
    delete raw.$schema;
    raw.$id = raw.id;
    delete raw.id;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(raw);
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? ['invalid']);
}
