/**
 * JSON files that come with a CI run — kanjian.config.json, a --baseline, the shard reports merged by
 * merge-reports — read and checked against their JSON Schemas **before** any page is audited, so a
 * malformed one is a usage error (exit 2) naming the file and the line at fault, never a crash after
 * the audit (exit 4, nothing written).
 *
 * The parser is strict JSON (as JSON.parse) that also remembers where each value starts, so a schema
 * error (ajv's instancePath, a JSON Pointer) can be given a line number.
 */
import { readFileSync } from 'node:fs';
import type { Baseline } from '../audit/baseline';
import type { KanjianReport } from '../audit/model';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import reportSchema from '../audit/report.schema.json' with { type: 'json' };
import baselineSchema from './schemas/baseline.schema.json' with { type: 'json' };
import configSchema from './schemas/kanjian.config.schema.json' with { type: 'json' };
import historySchema from './schemas/history.schema.json' with { type: 'json' };
import storageStateSchema from './schemas/storage-state.schema.json' with { type: 'json' };
import { UsageError } from './command';

export class JsonInputError extends UsageError {
  constructor(
    zh: string,
    en: string,
    /** The JSON Pointer of the value at fault ('' for the whole file or a syntax error). */
    readonly pointer = '',
    readonly line = 0,
  ) {
    super(zh, en);
  }
}

/** Deeper nesting than any kanjian file has: a crafted `[[[[…` is refused instead of overflowing the stack. */
const MAX_DEPTH = 256;

export interface JsonSource {
  value: unknown;
  /** Line (1-based) where the value at this JSON Pointer starts (its key, for an object member). */
  lineOf(pointer: string): number;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Parses JSON text, remembering where each value starts. Throws JsonInputError (with line and column). */
export function parseJsonSource(text: string, name: string): JsonSource {
  const src = text.replace(/^\ufeff/, '');
  const starts = new Map<string, number>();
  let i = 0;
  const lineCol = (at: number): { line: number; column: number } => {
    let line = 1;
    let last = -1;
    for (let k = src.indexOf('\n'); k >= 0 && k < at; k = src.indexOf('\n', k + 1)) {
      line++;
      last = k;
    }
    return { line, column: at - last };
  };
  const fail = (why: string, whyZh: string, at = i): never => {
    const { line, column } = lineCol(at);
    throw new JsonInputError(`${name} 第 ${line} 行第 ${column} 列不是有效的 JSON：${whyZh}`, `${name} is not valid JSON: ${why} at line ${line}, column ${column}`, '', line);
  };
  const ws = (): void => {
    while (i < src.length && (src[i] === ' ' || src[i] === '\t' || src[i] === '\n' || src[i] === '\r')) i++;
  };
  const str = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= src.length) fail('unterminated string', '字符串没有结束');
      const c = src.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character in string', '字符串中有控制字符');
      if (c === 0x5c) {
        const e = src[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) fail('bad \\u escape', '无效的 \\u 转义');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('bad escape', '无效的转义');
      } else i++;
    }
  };
  const value = (pointer: string, depth: number, at?: number): void => {
    ws();
    starts.set(pointer, at ?? i);
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`, `嵌套超过 ${MAX_DEPTH} 层`);
    const c = src[i];
    if (c === '{') {
      i++;
      ws();
      if (src[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (src[i] !== '"') fail('expected a property name', '此处应为属性名');
        const keyAt = i;
        str();
        const key = JSON.parse(src.slice(keyAt, i)) as string;
        ws();
        if (src[i] !== ':') fail("expected ':'", '此处应为 “:”');
        i++;
        value(`${pointer}/${escapePointer(key)}`, depth + 1, keyAt);
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === '}') {
          i++;
          return;
        }
        fail("expected ',' or '}'", '此处应为 “,” 或 “}”');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (src[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${pointer}/${n}`, depth + 1);
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === ']') {
          i++;
          return;
        }
        fail("expected ',' or ']'", '此处应为 “,” 或 “]”');
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)/.exec(src.slice(i, i + 400));
    if (!m) fail(i >= src.length ? 'unexpected end' : `unexpected ${JSON.stringify(src[i])}`, i >= src.length ? '意外结束' : `意外的 ${JSON.stringify(src[i])}`);
    i += m![0].length;
  };
  if (!src.trim()) fail('empty file', '文件为空', 0);
  value('', 0);
  ws();
  if (i < src.length) fail('unexpected text after the JSON value', 'JSON 值之后还有内容');
  const parsed: unknown = JSON.parse(src);
  return {
    value: parsed,
    lineOf(pointer) {
      for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
        const at = starts.get(p);
        if (at !== undefined) return lineCol(at).line;
        if (!p) return 1;
      }
    },
  };
}

export type SchemaName = 'config' | 'baseline' | 'report' | 'storageState' | 'history';

const SCHEMAS: Record<SchemaName, object> = { config: configSchema, baseline: baselineSchema, report: reportSchema, storageState: storageStateSchema, history: historySchema };
const validators = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    v = ajv.compile(SCHEMAS[name]);
    validators.set(name, v);
  }
  return v;
}

/** The error that points furthest into the document (the most specific), ties broken by order. */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length)[0]!;
}

/** The pointer an error is about: for an unknown property, that property. */
export function errorPointer(e: ErrorObject): string {
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  return extra !== undefined ? `${e.instancePath}/${escapePointer(extra)}` : e.instancePath;
}

/** Schema errors of a parsed source: [] when valid. */
export function schemaErrors(source: JsonSource, schema: SchemaName): ErrorObject[] {
  const v = validator(schema);
  return v(source.value) ? [] : [...(v.errors ?? [])];
}

/**
 * Checks a parsed source against a schema; throws a JsonInputError naming `name`, the line and what is
 * wrong with the most specific error. `describe` may word an error better (config keys).
 */
export function checkSchema(source: JsonSource, schema: SchemaName, name: string, describe?: (e: ErrorObject, errors: readonly ErrorObject[]) => { zh: string; en: string } | null): void {
  const errors = schemaErrors(source, schema);
  if (!errors.length) return;
  const e = mostSpecific(errors);
  const pointer = errorPointer(e);
  const line = source.lineOf(pointer);
  const own = describe?.(e, errors);
  const where = pointer ? ` ${pointer}` : '';
  const zh = own?.zh ?? `${where ? `${where.trim()} ` : ''}${e.message ?? '无效'}`;
  const en = own?.en ?? `${where ? `${where.trim()} ` : ''}${e.message ?? 'invalid'}`;
  throw new JsonInputError(`${name} 第 ${line} 行：${zh}`, `${name}, line ${line}: ${en}`, pointer, line);
}

/** Reads a JSON file (a read error is a JsonInputError too). */
export function readJsonFile(file: string, name = file): JsonSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : String(e);
    throw new JsonInputError(`无法读取 ${name}（${code}）`, `cannot read ${name} (${code})`);
  }
  return parseJsonSource(text, name);
}

/**
 * Reads a baseline file (a baseline, a report.json, or a list of fingerprints), checked against its
 * schema: a malformed one is a usage error naming the line, before any page is audited.
 */
export function readBaseline(file: string): Baseline | KanjianReport | string[] {
  try {
    const source = readJsonFile(file);
    const data = source.value;
    const isReport = !!data && typeof data === 'object' && !Array.isArray(data) && 'schemaVersion' in data && 'pages' in data && !('kind' in data);
    const looksLikeBaseline = Array.isArray(data) || (!!data && typeof data === 'object' && 'kind' in data && (data as { kind: unknown }).kind === 'kanjian-baseline');
    if (!isReport && !looksLikeBaseline) {
      throw new UsageError(`${file} 不是看见的基线文件（用 --update-baseline 生成）`, `${file} is not a kanjian baseline (make one with --update-baseline)`);
    }
    checkSchema(source, isReport ? 'report' : 'baseline', file);
    return data as Baseline | KanjianReport | string[];
  } catch (e) {
    if (!(e instanceof JsonInputError)) throw e;
    const cannotRead = e.en.startsWith('cannot read');
    throw new UsageError(cannotRead ? `无法读取基线文件 ${e.zh.replace(/^无法读取 /, '')}` : `基线文件 ${e.zh}`, cannotRead ? `cannot read baseline file ${e.en.replace(/^cannot read /, '')}` : `baseline file ${e.en}`);
  }
}

/** A report.json (a shard's, for merge-reports), checked against report.schema.json. */
export function readReportFile(file: string, name = file): KanjianReport {
  try {
    const source = readJsonFile(file, name);
    checkSchema(source, 'report', name);
    return source.value as KanjianReport;
  } catch (e) {
    if (e instanceof JsonInputError) throw new UsageError(`报告 ${e.zh}（不是有效的看见 report.json）`, `report ${e.en} (not a valid kanjian report.json)`);
    throw e;
  }
}
