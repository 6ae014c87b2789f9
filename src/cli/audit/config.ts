/**
 * Settings of `kanjian audit`: the config file (kanjian.config.json) and the command-line flags,
 * which win. Every mistake is a UsageError (exit 2) that says what is wrong in Chinese and English.
 * The format is documented in docs/cli.md ("配置文件 Config file").
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import type { FailOn } from '../../audit/model';
import type { AuditOptionsInput } from '../../audit/options';
import { WCAG_STANDARDS, type WcagStandard } from '../../audit/standards';
import { SCHEME_IDS, type SchemeId } from '../../display/schemes';
import type { BrowserName } from './driver';
import { TRANSFORMS, type TransformName } from './runner';
import { isInside, parseShard, realPathOf, type TargetInput } from './targets';
import type { ErrorObject } from 'ajv';
import { UsageError } from '../command';
import { checkSchema, JsonInputError, readJsonFile } from '../json-input';
import { checkOutDir, FAIL_ON, FORMATS, type Format } from '../reports';
import { collectSecrets, parseCookie, parseHeader, readStorageState, type Secrets, type SessionSettings } from './session';
import { checkStepUrl, parseSteps, type RawStep } from './steps';
import { SCREENSHOT_MODES, type ScreenshotMode } from './screenshots';
import { reportPath } from '../diff/command';

export { UsageError };

export const DEFAULT_CONFIG_FILE = 'kanjian.config.json';

/** The config file's shape (all keys optional; paths relative to the file). */
export interface ConfigFile {
  urls?: Array<string | { url: string; rules?: string[]; steps?: RawStep[] }>;
  sitemap?: string | string[];
  crawl?: number;
  sameOrigin?: boolean;
  maxPages?: number;
  level?: string;
  rules?: string[] | string;
  include?: string[];
  exclude?: string[];
  bestPractices?: boolean;
  profile?: string;
  locale?: string;
  format?: string[] | string;
  out?: string;
  failOn?: string;
  baseline?: string;
  transforms?: string[] | string;
  concurrency?: number;
  shard?: string;
  browser?: string;
  wsEndpoint?: string;
  withExtension?: boolean;
  extensionDir?: string;
  timeout?: number;
  root?: string;
  /** false: no keyboard walk (as --no-keyboard). */
  keyboard?: boolean;
  storageState?: string;
  login?: { url: string; steps: RawStep[]; success: { selector?: string; url?: string } };
  screenshots?: ScreenshotMode;
  compare?: string;
  history?: string;
}

const CONFIG_KEYS: ReadonlyArray<keyof ConfigFile> = [
  'urls', 'sitemap', 'crawl', 'sameOrigin', 'maxPages', 'level', 'rules', 'include', 'exclude', 'bestPractices', 'profile',
  'locale', 'format', 'out', 'failOn', 'baseline', 'transforms', 'concurrency', 'shard', 'browser', 'wsEndpoint',
  'withExtension', 'extensionDir', 'timeout', 'root', 'keyboard', 'storageState', 'login', 'screenshots', 'compare', 'history',
];

export interface AuditSettings {
  inputs: TargetInput[];
  sitemaps: TargetInput[];
  crawl?: { depth: number; sameOrigin: boolean; maxPages: number };
  options: AuditOptionsInput;
  formats: Format[];
  outDir: string;
  failOn: FailOn;
  baseline?: string;
  updateBaseline: boolean;
  transforms: TransformName[];
  contrastScheme: SchemeId;
  concurrency: number;
  shard?: { index: number; total: number };
  browser: BrowserName;
  wsEndpoint?: string;
  extensionDir?: string;
  timeoutMs: number;
  /** Walk each page with Tab after its axe run (default true). */
  keyboard: boolean;
  root?: string;
  configFile?: string;
  /** Storage state, cookies, headers, login (session.ts). */
  session: SessionSettings;
  /** Values never to be written anywhere (session.ts). */
  secrets: Secrets;
  screenshots: ScreenshotMode;
  /** A previous report.json to compare this run with (diff/). */
  compare?: string;
  /** The folder keeping the series of run summaries (diff/history.ts). */
  history?: string;
}



/** The flags as parsed by args.ts. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;
/** The options given several times (--cookie, --header). */
export type ListFlags = Readonly<Record<string, readonly string[]>>;

function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  const parts = Array.isArray(v) ? v : [v];
  return parts.flatMap((p) => p.split(',')).map((s) => s.trim()).filter(Boolean);
}

function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** How each config key must be written, for messages (the schema, src/cli/schemas/kanjian.config.schema.json, checks it). */
const KEY_RULES: Record<string, { zh: string; en: string }> = {
  urls: { zh: '必须是数组，元素为网址/路径字符串或 { "url": …, "rules": [规则 id…] }', en: 'must be an array of URL/path strings or { "url": …, "rules": [rule ids…] }' },
  crawl: { zh: '必须是不小于 0 的整数', en: 'must be an integer of at least 0' },
  timeout: { zh: '必须是数字', en: 'must be a number' },
  ...Object.fromEntries(['maxPages', 'concurrency'].map((k) => [k, { zh: '必须是不小于 1 的整数', en: 'must be an integer of at least 1' }])),
  ...Object.fromEntries(['sitemap', 'rules', 'format', 'transforms'].map((k) => [k, { zh: '必须是字符串或字符串数组', en: 'must be a string or an array of strings' }])),
  ...Object.fromEntries(['include', 'exclude'].map((k) => [k, { zh: '必须是字符串数组', en: 'must be an array of strings' }])),
  ...Object.fromEntries(['sameOrigin', 'bestPractices', 'withExtension', 'keyboard'].map((k) => [k, { zh: '必须是 true 或 false', en: 'must be true or false' }])),
  login: { zh: '必须是 { "url": …, "steps": [步骤…], "success": { "selector" 或 "url" } }', en: 'must be { "url": …, "steps": [steps…], "success": { "selector" and/or "url" } }' },
  screenshots: { zh: '必须是 none、violations 或 pages', en: 'must be none, violations or pages' },
  ...Object.fromEntries(
    ['level', 'profile', 'locale', 'out', 'failOn', 'baseline', 'shard', 'browser', 'wsEndpoint', 'extensionDir', 'root', 'storageState', 'compare', 'history', '$schema'].map((k) => [k, { zh: '必须是字符串', en: 'must be a string' }]),
  ),
};

/** Words a config schema error the way a person reads it: the key and what it must be. */
function describeConfigError(e: ErrorObject): { zh: string; en: string } | null {
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  if (extra !== undefined && e.instancePath === '') {
    return { zh: `未知的键：${extra}（可用：${CONFIG_KEYS.join(', ')}）`, en: `unknown keys: ${extra} (known: ${CONFIG_KEYS.join(', ')})` };
  }
  if (e.instancePath === '') return { zh: '必须是一个 JSON 对象', en: 'must be a JSON object' };
  const step = /^\/(?:urls\/(\d+)|login)\/steps\/(\d+)/.exec(e.instancePath);
  if (step) {
    const at = `${step[1] !== undefined ? `urls[${step[1]}]` : 'login'}.steps[${step[2]}]`;
    return {
      zh: `${at}：步骤是只有一个动作的对象：goto、click、fill（value 或 env，可加 secret）、select（value）、press（可加 selector）、wait（{ selector | url | ms }）、audit（名称）`,
      en: `${at}: a step is an object with one action: goto, click, fill (value or env, optionally secret), select (value), press (optionally selector), wait ({ selector | url | ms }), audit (a name)`,
    };
  }
  const key = e.instancePath.split('/')[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
  const rule = KEY_RULES[key];
  return rule ? { zh: `“${key}” ${rule.zh}`, en: `"${key}" ${rule.en}` } : null;
}

function loadConfig(file: string): { config: ConfigFile; lineOf(pointer: string): number } {
  try {
    const source = readJsonFile(file);
    checkSchema(source, 'config', file, describeConfigError);
    return { config: source.value as ConfigFile, lineOf: (p) => source.lineOf(p) };
  } catch (e) {
    if (e instanceof JsonInputError) throw new UsageError(`配置文件 ${e.zh}`, `config file ${e.en}`);
    throw e;
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: { zh: string; en: string }): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what.zh} “${value}” 无效，可用：${allowed.join('、')}`, `${what.en} "${value}" is not valid; use one of ${allowed.join(', ')}`);
}

function standardOf(v: string): WcagStandard {
  const s = v.trim().toLowerCase().replace(/[.\s_-]/g, '').replace(/^wcag20/, 'wcag2');
  return oneOf(s, WCAG_STANDARDS, { zh: '--level', en: '--level' });
}

function localeOf(v: string): 'zh-CN' | 'zh-TW' | 'en' {
  const s = v.trim().replace('_', '-').toLowerCase();
  if (s === 'zh-cn' || s === 'zh' || s === 'zh-hans') return 'zh-CN';
  if (s === 'zh-tw' || s === 'zh-hant' || s === 'zh-hk') return 'zh-TW';
  if (s === 'en' || s.startsWith('en-')) return 'en';
  throw new UsageError(`--locale “${v}” 无效，可用：zh_CN、zh_TW、en`, `--locale "${v}" is not valid; use zh_CN, zh_TW or en`);
}

function profileOf(v: string): boolean {
  const s = v.trim().toLowerCase();
  if (['适老化', '適老化', 'elderly', 'shilaohua'].includes(s)) return true;
  if (['none', 'off', ''].includes(s)) return false;
  throw new UsageError(`--profile “${v}” 无效，可用：适老化（或 elderly）、none`, `--profile "${v}" is not valid; use 适老化 (or elderly) or none`);
}

function intOf(v: string | number, flag: string, min: number, max?: number): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} 必须是不小于 ${min} 的整数（收到 “${v}”）`, `${flag} must be an integer of at least ${min} (got "${v}")`);
  if (max !== undefined && n > max) throw new UsageError(`${flag} 不能大于 ${max}（收到 “${v}”）`, `${flag} must be at most ${max} (got "${v}")`);
  return n;
}

/**
 * Longest --timeout: one day. A page gets twice the timeout, and setTimeout fires at once for delays
 * above 2^31-1 ms (24.8 days), which would fail every page.
 */
export const MAX_TIMEOUT_SECONDS = 86_400;

const RULE_ID = /^[a-z0-9][a-z0-9-]*$/i;
function ruleIds(ids: string[], flag: string): string[] {
  const bad = ids.filter((id) => !RULE_ID.test(id));
  if (bad.length) throw new UsageError(`${flag} 中的规则 id 无效：${bad.join('、')}`, `invalid rule ids in ${flag}: ${bad.join(', ')}`);
  return ids;
}

/** Combines the config file (given, or ./kanjian.config.json when present) with the flags. */
export function resolveSettings(positionals: readonly string[], flags: Flags, cwd: string, lists: ListFlags = {}, env: NodeJS.ProcessEnv = process.env): AuditSettings {
  const given = str(flags, 'config');
  const configFile = given ? resolve(cwd, given) : existsSync(resolve(cwd, DEFAULT_CONFIG_FILE)) ? resolve(cwd, DEFAULT_CONFIG_FILE) : undefined;
  const loaded = configFile ? loadConfig(configFile) : { config: {} as ConfigFile, lineOf: () => 0 };
  const c: ConfigFile = loaded.config;
  const stepsAt = (pointer: string, path: string) => ({ file: configFile ?? '', path, lineOf: (i: number) => loaded.lineOf(`${pointer}/${i}`) });
  const base = configFile ? dirname(configFile) : cwd;
  // A config file is data from the checkout: every path it names stays inside the working directory.
  const within = { within: cwd, from: configFile ?? '' };
  const fromConfig = (p: string | undefined, key?: string): string | undefined => {
    if (p === undefined) return undefined;
    const full = resolve(base, p);
    if (key && !isInside(full, cwd)) {
      throw new UsageError(
        `配置文件 ${configFile}：“${key}” ${p} 在工作目录 ${cwd} 之外（符号链接已解析为 ${realPathOf(full)}）；配置文件只能指向工作目录中的文件`,
        `config file ${configFile}: "${key}" ${p} is outside the working directory ${cwd} (symbolic links resolved: ${realPathOf(full)}); a config file may only name files inside the working directory`,
      );
    }
    return full;
  };
  const fromCwd = (p: string | undefined): string | undefined => (p === undefined ? undefined : resolve(cwd, p));

  // Pages: the command line's, else the config's.
  let inputs: TargetInput[];
  if (positionals.length) inputs = positionals.map((ref) => ({ ref, base: cwd }));
  else {
    inputs = (c.urls ?? []).map((u, i) => {
      if (typeof u === 'string') return { ref: u, base, ...within };
      const steps = u.steps ? parseSteps(u.steps, stepsAt(`/urls/${i}/steps`, `urls[${i}].steps`), env, { audits: true }) : undefined;
      return { ref: u.url, base, ...within, ...(u.rules ? { rules: ruleIds(u.rules, 'urls[].rules') } : {}), ...(steps?.length ? { steps } : {}) };
    });
  }
  const sitemaps: TargetInput[] = str(flags, 'sitemap') !== undefined ? list(str(flags, 'sitemap')).map((ref) => ({ ref, base: cwd })) : list(c.sitemap).map((ref) => ({ ref, base, ...within }));
  if (!inputs.length && !sitemaps.length) {
    throw new UsageError(
      '没有要检测的页面：请给出网址、文件或文件夹，或用 --sitemap、--config 指定',
      'nothing to audit: give URLs, files or folders, or use --sitemap or --config',
    );
  }

  const crawlFlag = str(flags, 'crawl');
  const crawlDepth = crawlFlag !== undefined ? intOf(crawlFlag, '--crawl', 0) : c.crawl !== undefined ? intOf(c.crawl, 'crawl', 0) : 0;
  const sameOrigin = flags['same-origin'] === true || c.sameOrigin === true;
  const maxPages = c.maxPages !== undefined ? intOf(c.maxPages, 'maxPages', 1) : 500;
  if (sameOrigin && !crawlDepth) throw new UsageError('--same-origin 只能与 --crawl 一起使用', '--same-origin only goes with --crawl');

  const levelRaw = str(flags, 'level') ?? c.level;
  const standard = levelRaw !== undefined ? standardOf(levelRaw) : undefined;
  const only = ruleIds(list(str(flags, 'rules') ?? c.rules), '--rules');
  const profileRaw = str(flags, 'profile') ?? c.profile;
  const localeRaw = str(flags, 'locale') ?? c.locale;
  const options: AuditOptionsInput = {
    ...(standard ? { standard } : {}),
    bestPractices: flags['best-practices'] === true || c.bestPractices === true,
    elderlyProfile: profileRaw !== undefined ? profileOf(profileRaw) : false,
    locale: localeRaw !== undefined ? localeOf(localeRaw) : 'zh-CN',
    rules: { include: ruleIds(c.include ?? [], 'include'), exclude: ruleIds(c.exclude ?? [], 'exclude'), ...(only.length ? { only } : {}) },
  };

  const formatList = list(str(flags, 'format') ?? c.format);
  const formats = (formatList.length ? formatList : ['json', 'html']).map((f) => oneOf(f.toLowerCase(), FORMATS, { zh: '--format', en: '--format' }));
  const outDir = str(flags, 'out') !== undefined ? fromCwd(str(flags, 'out'))! : (fromConfig(c.out, 'out') ?? resolve(cwd, 'kanjian-report'));
  checkOutDir(outDir);
  const failOn = oneOf((str(flags, 'fail-on') ?? c.failOn ?? 'minor').toLowerCase(), FAIL_ON, { zh: '--fail-on', en: '--fail-on' });
  const baseline = str(flags, 'baseline') !== undefined ? fromCwd(str(flags, 'baseline')) : fromConfig(c.baseline, 'baseline');
  const updateBaseline = flags['update-baseline'] === true;

  let contrastScheme: SchemeId = 'white-on-black';
  const transforms: TransformName[] = [];
  for (const t of list(str(flags, 'transforms') ?? c.transforms)) {
    const [name, arg] = t.split(':') as [string, string | undefined];
    const n = oneOf(name.toLowerCase(), TRANSFORMS, { zh: '--transforms', en: '--transforms' });
    if (n === 'contrast' && arg) contrastScheme = oneOf(arg, SCHEME_IDS, { zh: 'contrast 配色', en: 'contrast scheme' });
    if (!transforms.includes(n)) transforms.push(n);
  }

  const concRaw = str(flags, 'concurrency') ?? c.concurrency;
  const concurrency = concRaw !== undefined ? intOf(concRaw, '--concurrency', 1) : Math.max(1, Math.min(8, availableParallelism()));
  const shardRaw = str(flags, 'shard') ?? c.shard;
  let shard: AuditSettings['shard'];
  if (shardRaw !== undefined) {
    const s = parseShard(shardRaw);
    if (!s) throw new UsageError(`--shard “${shardRaw}” 无效，格式为 I/N，例如 2/4（1 ≤ I ≤ N）`, `--shard "${shardRaw}" is not valid; use I/N, e.g. 2/4 (1 ≤ I ≤ N)`);
    shard = s;
  }
  const browser = oneOf((str(flags, 'browser') ?? c.browser ?? 'chromium').toLowerCase(), ['chromium', 'firefox'] as const, { zh: '--browser', en: '--browser' });
  const wsEndpoint = str(flags, 'ws-endpoint') ?? c.wsEndpoint;
  const withExtension = flags['with-extension'] === true || c.withExtension === true;
  const extensionDir = withExtension ? (fromConfig(c.extensionDir, 'extensionDir') ?? resolve(cwd, '.output', 'chrome-mv3')) : undefined;
  if (withExtension && wsEndpoint) throw new UsageError('--with-extension 不能与 --ws-endpoint 同用（扩展需要本机启动的浏览器）', '--with-extension cannot be used with --ws-endpoint (the extension needs a locally launched browser)');
  if (withExtension && browser === 'firefox') throw new UsageError('--with-extension 目前只支持 --browser chromium', '--with-extension works with --browser chromium only for now');
  // kanjian runs in its own world of each frame, which a remote Playwright server gives (CDP) for Chromium only.
  if (wsEndpoint && browser === 'firefox') throw new UsageError('--ws-endpoint 只支持 Chromium 浏览器服务（--browser chromium）', '--ws-endpoint works with Chromium browser servers only (--browser chromium)');
  const timeoutRaw = str(flags, 'timeout') ?? c.timeout;
  const timeoutMs = timeoutRaw !== undefined ? intOf(timeoutRaw, '--timeout', 1, MAX_TIMEOUT_SECONDS) * 1000 : 30_000;

  const keyboard = flags['no-keyboard'] !== true && c.keyboard !== false;
  // Sessions: command-line values win over the config's storage state; cookies and headers only come
  // from the command line (a secret does not belong in a file of the checkout).
  const session: SessionSettings = {
    cookies: (lists.cookie ?? []).map((t, i) => parseCookie(t, i)),
    headers: Object.fromEntries((lists.header ?? []).map((t, i) => parseHeader(t, i))),
  };
  const storageFile = str(flags, 'storage-state') !== undefined ? fromCwd(str(flags, 'storage-state')) : fromConfig(c.storageState, 'storageState');
  if (storageFile) session.storageState = readStorageState(storageFile);
  if (c.login) {
    if (!checkStepUrl(c.login.url) || !/^https?:\/\//i.test(c.login.url)) {
      throw new UsageError(`配置文件 ${configFile} 第 ${loaded.lineOf('/login/url')} 行：login.url 必须是 http(s) 网址`, `config file ${configFile}, line ${loaded.lineOf('/login/url')}: login.url must be an http(s) URL`);
    }
    session.login = { url: c.login.url, steps: parseSteps(c.login.steps, stepsAt('/login/steps', 'login.steps'), env, { audits: false }), success: c.login.success };
  }
  const hasSession = !!(session.storageState || session.cookies.length || Object.keys(session.headers).length || session.login);
  const hasSteps = inputs.some((i) => i.steps?.length);
  const screenshots = oneOf((str(flags, 'screenshots') ?? c.screenshots ?? 'none').toLowerCase(), SCREENSHOT_MODES, { zh: '--screenshots', en: '--screenshots' });
  if (browser === 'firefox' && (hasSession || hasSteps || screenshots !== 'none')) {
    throw new UsageError(
      '--storage-state、--cookie、--header、login、步骤（steps）和 --screenshots 目前只支持 --browser chromium',
      '--storage-state, --cookie, --header, login, steps and --screenshots work with --browser chromium only for now',
    );
  }
  const compare = str(flags, 'compare') !== undefined ? fromCwd(str(flags, 'compare')) : fromConfig(c.compare, 'compare');
  // A config's compare folder stays inside, and so does the report.json in it (not a link to elsewhere).
  if (c.compare !== undefined && str(flags, 'compare') === undefined) fromConfig(relative(base, reportPath(compare!, cwd)), 'compare');
  const history = str(flags, 'history') !== undefined ? fromCwd(str(flags, 'history')) : fromConfig(c.history, 'history');

  const settings: AuditSettings = {
    inputs, sitemaps, options, formats, outDir, failOn, updateBaseline, transforms, contrastScheme, concurrency, browser, timeoutMs, keyboard,
    session, secrets: collectSecrets(session, inputs.map((i) => i.steps ?? [])), screenshots,
  };
  if (compare) settings.compare = compare;
  if (history) settings.history = history;
  if (crawlDepth) settings.crawl = { depth: crawlDepth, sameOrigin, maxPages };
  if (baseline) settings.baseline = baseline;
  if (shard) settings.shard = shard;
  if (wsEndpoint) settings.wsEndpoint = wsEndpoint;
  if (extensionDir) settings.extensionDir = extensionDir;
  if (c.root) settings.root = fromConfig(c.root, 'root')!;
  if (configFile) settings.configFile = configFile;
  return settings;
}
