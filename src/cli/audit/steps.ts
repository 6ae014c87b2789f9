/**
 * Steps in the config file: what `kanjian audit` does on a page before (and between) its audits, and
 * in the `login` block. A step is one of goto, click, fill, select, press, wait and audit (a named
 * state of the page: 菜单展开, 表单提交后…). Steps are checked before any browser starts (exit 2
 * naming the step); at run time a step that fails fails its page with the step named.
 *
 * A value marked `secret` (or read from an environment variable with `env`) is never written: not in
 * the step's description, not in a message, not in a report (see session.ts, Secrets).
 */
import { UsageError } from '../command';

export type Step =
  | { kind: 'goto'; url: string; spa: boolean }
  | { kind: 'click'; selector: string }
  | { kind: 'fill'; selector: string; value: string; secret: boolean }
  | { kind: 'select'; selector: string; values: string[] }
  | { kind: 'press'; key: string; selector?: string }
  | { kind: 'wait'; selector?: string; url?: string; ms?: number }
  | { kind: 'audit'; name: string };

const ACTIONS = ['goto', 'click', 'fill', 'select', 'press', 'wait', 'audit'] as const;

/** The raw step as the config file's schema allows it. */
export interface RawStep {
  goto?: string;
  spa?: boolean;
  click?: string;
  fill?: string;
  select?: string;
  value?: string | string[];
  env?: string;
  secret?: boolean;
  press?: string;
  selector?: string;
  wait?: { selector?: string; url?: string; ms?: number };
  audit?: string;
}

/** Which keys go with each action (besides the action itself). */
const EXTRA_KEYS: Record<(typeof ACTIONS)[number], readonly string[]> = {
  goto: ['spa'],
  click: [],
  fill: ['value', 'env', 'secret'],
  select: ['value'],
  press: ['selector'],
  wait: [],
  audit: [],
};

/** Where a step is, for messages: `urls[2].steps[3]` and the config file's line. */
export interface StepWhere {
  path: string;
  line: number;
  file: string;
}

export class StepError extends UsageError {}

function fail(where: StepWhere, zh: string, en: string): never {
  throw new StepError(`配置文件 ${where.file} 第 ${where.line} 行：${where.path}：${zh}`, `config file ${where.file}, line ${where.line}: ${where.path}: ${en}`);
}

/**
 * A step's URL: relative to the page the step runs on, or an absolute http(s) URL. Nothing else: a
 * config file comes with the checkout, and `file:`, `javascript:` or `data:` would reach what no page
 * of the run may.
 */
export function checkStepUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  // No scheme: relative to the page (a protocol-relative //host/ keeps the page's http(s)).
  if (scheme === undefined) return true;
  return scheme === 'http' || scheme === 'https';
}

/** Checks one raw step and turns it into a Step. `env` gives fill's environment variables. */
export function parseStep(raw: RawStep, where: StepWhere, env: NodeJS.ProcessEnv): Step {
  const actions = ACTIONS.filter((a) => raw[a] !== undefined);
  if (actions.length !== 1) {
    fail(
      where,
      `每个步骤只能有一个动作（${ACTIONS.join('、')}），这里有 ${actions.length ? actions.join('、') : '0 个'}`,
      `a step has exactly one action (${ACTIONS.join(', ')}); this one has ${actions.length ? actions.join(', ') : 'none'}`,
    );
  }
  const action = actions[0]!;
  const extra = Object.keys(raw).filter((k) => k !== action && !EXTRA_KEYS[action].includes(k));
  if (extra.length) fail(where, `“${action}” 步骤不接受 ${extra.join('、')}`, `a "${action}" step does not take ${extra.join(', ')}`);
  switch (action) {
    case 'goto': {
      const url = raw.goto!;
      if (!checkStepUrl(url)) fail(where, `goto 只接受 http(s) 网址或相对地址（收到 ${url.split(':')[0]}: 网址）`, `goto takes an http(s) URL or a relative address only (got a ${url.split(':')[0]}: URL)`);
      return { kind: 'goto', url, spa: raw.spa === true };
    }
    case 'click':
      return { kind: 'click', selector: raw.click! };
    case 'fill': {
      if ((raw.value === undefined) === (raw.env === undefined)) fail(where, 'fill 需要 value 或 env 之一', 'fill needs one of value or env');
      if (Array.isArray(raw.value)) fail(where, 'fill 的 value 必须是字符串', "fill's value must be a string");
      let value = raw.value as string | undefined;
      if (raw.env !== undefined) {
        value = env[raw.env];
        // The variable's name may be said; its value never is.
        if (value === undefined) fail(where, `环境变量 ${raw.env} 未设置`, `the environment variable ${raw.env} is not set`);
      }
      // A value from the environment is a CI secret unless said otherwise.
      return { kind: 'fill', selector: raw.fill!, value: value!, secret: raw.secret ?? raw.env !== undefined };
    }
    case 'select': {
      if (raw.value === undefined) fail(where, 'select 需要 value（字符串或字符串数组）', 'select needs a value (a string or an array of strings)');
      return { kind: 'select', selector: raw.select!, values: Array.isArray(raw.value) ? raw.value : [raw.value] };
    }
    case 'press': {
      const key = raw.press!;
      // Playwright's key names: "Enter", "Control+A", "a"… never control characters.
      if (!/^[\x21-\x7e\u00a0-\uffff]+(\+[\x21-\x7e\u00a0-\uffff]+)*$/.test(key)) fail(where, `按键名 “${key}” 无效`, `"${key}" is not a key name`);
      return { kind: 'press', key, ...(raw.selector ? { selector: raw.selector } : {}) };
    }
    case 'wait': {
      const w = raw.wait!;
      if (w.url !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(w.url) && !checkStepUrl(w.url)) fail(where, 'wait.url 只接受 http(s) 网址', 'wait.url takes http(s) URLs only');
      return { kind: 'wait', ...w };
    }
    case 'audit':
      return { kind: 'audit', name: raw.audit!.trim() || fail(where, 'audit 的名称不能为空', 'an audit name cannot be blank') };
  }
}

/**
 * Checks a list of steps: each step, and the audit names (unique on one page: each names a state in
 * the report). `lineOf(i)` gives the config line of step i.
 */
export function parseSteps(raw: readonly RawStep[], at: { file: string; path: string; lineOf(i: number): number }, env: NodeJS.ProcessEnv, opts: { audits: boolean }): Step[] {
  const steps = raw.map((r, i) => parseStep(r, { file: at.file, path: `${at.path}[${i}]`, line: at.lineOf(i) }, env));
  const names = new Set<string>();
  steps.forEach((s, i) => {
    if (s.kind !== 'audit') return;
    const where = { file: at.file, path: `${at.path}[${i}]`, line: at.lineOf(i) };
    if (!opts.audits) fail(where, '登录步骤中不能有 audit', 'a login step cannot be an audit');
    if (names.has(s.name)) fail(where, `audit 名称 “${s.name}” 重复（同一页面的每个状态需要不同的名称）`, `the audit name "${s.name}" is used twice (each state of a page needs its own name)`);
    names.add(s.name);
  });
  return steps;
}

/** A step as logs and messages may show it: never a fill value (only its length when not secret). */
export function describeStep(s: Step): string {
  switch (s.kind) {
    case 'goto':
      return `goto ${s.url}${s.spa ? ' (spa)' : ''}`;
    case 'click':
      return `click ${s.selector}`;
    case 'fill':
      return `fill ${s.selector}${s.secret ? ' (secret)' : ''}`;
    case 'select':
      return `select ${s.selector}`;
    case 'press':
      return `press ${s.key}${s.selector ? ` in ${s.selector}` : ''}`;
    case 'wait':
      return s.selector !== undefined ? `wait for ${s.selector}` : s.url !== undefined ? `wait for URL ${s.url}` : `wait ${s.ms} ms`;
    case 'audit':
      return `audit “${s.name}”`;
  }
}

/** What a page offers the steps (driver.ts implements it for Chromium). */
export interface StepHost {
  /** The URL of the page's current document. */
  url(): string;
  goto(url: string, timeoutMs: number): Promise<void>;
  /** An SPA's client-side route: history.pushState + popstate, in kanjian's own world (no reload). */
  route(url: string): Promise<void>;
  click(selector: string, timeoutMs: number): Promise<void>;
  fill(selector: string, value: string, timeoutMs: number): Promise<void>;
  select(selector: string, values: readonly string[], timeoutMs: number): Promise<void>;
  press(key: string, selector: string | undefined, timeoutMs: number): Promise<void>;
  waitForSelector(selector: string, timeoutMs: number): Promise<void>;
  waitForUrl(glob: string, timeoutMs: number): Promise<void>;
}

/** A step that failed at run time: the page fails with this (the step named, never a secret value). */
export class StepFailure extends Error {}

/** First line of a library error, without anything the step's value could be in. */
function reason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]!.replace(/^(page|frame|locator)\.\w+: /, '').trim();
}

/**
 * Runs steps on a page; each `audit` step calls `onAudit(name)`. `redact` scrubs secret values from a
 * library's error message before it is shown.
 */
export async function runSteps(
  host: StepHost,
  steps: readonly Step[],
  opts: { timeoutMs: number; onAudit?(name: string): Promise<void>; redact(text: string): string },
): Promise<void> {
  for (const [i, s] of steps.entries()) {
    try {
      await runStep(host, s, opts.timeoutMs);
    } catch (e) {
      throw new StepFailure(opts.redact(`step ${i + 1} (${describeStep(s)}) failed / 第 ${i + 1} 步失败: ${reason(e)}`));
    }
    if (s.kind === 'audit') await opts.onAudit?.(s.name);
  }
}

async function runStep(host: StepHost, s: Step, timeoutMs: number): Promise<void> {
  switch (s.kind) {
    case 'goto': {
      const url = new URL(s.url, host.url()).href;
      if (!/^https?:/i.test(url)) throw new Error(`not an http(s) URL: ${url}`);
      if (s.spa) {
        if (new URL(url).origin !== new URL(host.url()).origin) throw new Error('an spa route must stay on the same origin / SPA 路由必须同源');
        await host.route(url);
      } else await host.goto(url, timeoutMs);
      return;
    }
    case 'click':
      return host.click(s.selector, timeoutMs);
    case 'fill':
      return host.fill(s.selector, s.value, timeoutMs);
    case 'select':
      return host.select(s.selector, s.values, timeoutMs);
    case 'press':
      return host.press(s.key, s.selector, timeoutMs);
    case 'wait':
      if (s.selector !== undefined) return host.waitForSelector(s.selector, timeoutMs);
      if (s.url !== undefined) return host.waitForUrl(s.url, timeoutMs);
      await new Promise((r) => setTimeout(r, s.ms ?? 0));
      return;
    case 'audit':
      return;
  }
}
