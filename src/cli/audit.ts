/**
 * `kanjian audit`: accessibility audit of pages for CI, with kanjian's audit library (report model,
 * mappings, exporters, 适老化 rules) and the same page-side runner as the extension. One browser,
 * N pages in parallel, axe loaded once per document in its minified form.
 *
 * Exit codes: 0 pass · 1 violations at or above --fail-on · 2 usage or config error · 3 some pages
 * could not be audited (the others are still reported) · 4 internal error · 130 interrupted (Ctrl-C,
 * SIGTERM, SIGHUP; what was done is written).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import packageJson from '../../package.json';
import { filterNew, makeBaseline, type Baseline } from '../audit/baseline';
import { toCsv, toHtml, toJson, toJunit, toSarif } from '../audit/export/index';
import { getCatalog } from '../audit/localize/catalog';
import { buildReport, meetsFailOn, type KanjianReport } from '../audit/model';
import { ArgsError, parseArgs, type OptionSpec } from './args';
import { resolveSettings, UsageError, type AuditSettings, type Format } from './audit-config';
import { DriverError, openDriver } from './audit-driver';
import { initScript } from './audit-bundle';
import { Progress, summaryText } from './audit-progress';
import { TRANSFORM_RULE_IDS } from './audit-rules';
import { runPages, settleWithin, type PageDone, type RunOutcome, type Target } from './audit-runner';

/** How long closing the browser or the local server may take before the run goes on without it. */
const CLOSE_WAIT_MS = 10_000;
import { isInside, isUrl, resolveTargets, selectShard, TargetError, type TargetInput } from './audit-targets';
import { SitemapError, sitemapPages } from './audit-sitemap';
import { JsonInputError, readJsonFile, checkSchema } from './json-input';
import type { CliIo, Command } from './main';

const VERSION: string = packageJson.version;

export const AUDIT_USAGE = `用法 Usage: kanjian audit [网址|文件|文件夹 URL|FILE|DIR ...] [选项 options]

检测网页的无障碍问题（axe-core + 看见的适老化规则），写出报告，按结果给出退出码，供 CI 使用。
Audits pages for accessibility (axe-core + kanjian's 适老化 rules), writes reports and exits with a
status CI can gate on. Files and folders are served from 127.0.0.1 so relative assets work.

页面 Pages
  网址|文件|文件夹          http(s) 网址按原样打开；文件夹中的所有 .html 都会检测
                            URLs as given; every .html file in a folder
  --sitemap 网址|文件        检测站点地图（含 sitemap index）中的所有页面 / every page of a sitemap
  --crawl 深度 DEPTH         从给出的页面沿链接继续检测 N 层 / follow links N levels deep
  --same-origin              只跟随同源链接（与 --crawl 同用）/ follow same-origin links only
  --config 文件              配置文件（默认 ./kanjian.config.json，如存在）/ config file
检测 Audit
  --level wcag2aa|wcag21aa|wcag22aa|…   标准，默认 wcag21aa / conformance target (default wcag21aa)
  --rules ID,ID              只运行这些 axe 规则（axe 的 runOnly）/ run only these axe rules
  --profile 适老化            同时运行适老化规则 / also run the 适老化 (elder-friendly) rules
  --best-practices           同时运行 axe 最佳实践规则 / also run axe's best-practice rules
  --transforms zoom200,contrast,traditional
                            在工具栏的变换下再检测一次：文字 200%（含重排与截断检查）、高对比度配色、
                            繁体转换（lang 与字形一致性）；由变换引起的问题会标明
                            re-audit with the toolbar's transforms: 200% text (+ reflow and clipping
                            checks), a high-contrast scheme, 繁体 conversion; findings they cause are labelled
  --timeout 秒 SECONDS       每个页面的加载超时，默认 30，最多 86400 / page load timeout (default 30, at most 86400)
报告 Reports
  --format json,junit,sarif,html,csv     默认 json,html / default json,html
  --out 文件夹 DIR           默认 ./kanjian-report / default ./kanjian-report
  --locale zh_CN|zh_TW|en    报告语言，默认 zh_CN / report language (default zh_CN)
CI
  --fail-on critical|serious|moderate|minor|none   违规达到此影响程度时退出码为 1，默认 minor（任何违规）
                            exit 1 on violations of at least this impact (default minor: any violation)
  --baseline 文件            只因基线中没有的新问题而失败 / fail only on findings not in the baseline
  --update-baseline          把当前的问题写入基线文件（默认 ./kanjian-baseline.json）并以 0 退出；
                            有页面无法检测或运行被中断时不写入
                            write the current findings to the baseline file and exit 0 (not written
                            when some page could not be audited or the run was interrupted)
  --shard I/N                只检测第 I 份（共 N 份）；之后用 kanjian merge-reports 合并
                            audit shard I of N; merge the shards with kanjian merge-reports
浏览器 Browser
  --concurrency N            同时检测的页面数，默认为 CPU 核数 / pages in parallel (default: CPU cores)
  --browser chromium|firefox 默认 chromium / default chromium
  --ws-endpoint ws://…       连接远程 Playwright 浏览器服务 / connect to a remote Playwright browser server
  --with-extension           加载 .output/chrome-mv3 中构建好的看见扩展 / load the built kanjian extension
                            Chromium 在沙箱中运行；以 root 运行时（或设置 KANJIAN_NO_SANDBOX=1）沙箱关闭，
                            运行开始时会提示 / Chromium runs in its sandbox; as root (or with
                            KANJIAN_NO_SANDBOX=1) the sandbox is off, and the run says so
  -h, --help                 显示帮助 / show this help

退出码 Exit codes: 0 通过 pass · 1 有违规 violations at/above --fail-on · 2 用法或配置错误 usage or config
error（配置文件、基线不符合其 schema 时指明文件与行号 / a config file or baseline that does not match its
schema: file and line named）· 3 有页面无法检测 some pages could not be audited · 4 内部错误 internal error ·
130 被中断 interrupted (Ctrl-C, SIGTERM, SIGHUP)
`;

const SPEC: Readonly<Record<string, OptionSpec>> = {
  sitemap: { type: 'string' },
  crawl: { type: 'string' },
  'same-origin': { type: 'boolean' },
  config: { type: 'string' },
  level: { type: 'string' },
  rules: { type: 'string' },
  profile: { type: 'string' },
  'best-practices': { type: 'boolean' },
  locale: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  transforms: { type: 'string' },
  concurrency: { type: 'string' },
  shard: { type: 'string' },
  browser: { type: 'string' },
  'ws-endpoint': { type: 'string' },
  'with-extension': { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const REPORT_FILES: Record<Format, string> = {
  json: 'report.json',
  junit: 'report.junit.xml',
  sarif: 'report.sarif',
  html: 'report.html',
  csv: 'report.csv',
};

export interface AuditEnv {
  cwd: string;
  /** Progress bar when true, one line per page otherwise. */
  isTTY: boolean;
  columns?: number;
  /** Aborting writes what is done and exits 130 (SIGINT, SIGTERM, SIGHUP). */
  signal?: AbortSignal;
}

/**
 * Reads a local page's source for the SARIF report (line numbers): the report names a local file by
 * its path relative to the working directory, percent-encoded.
 */
export function localSourceReader(cwd: string): (pageUrl: string) => string | undefined {
  return (pageUrl) => {
    if (isUrl(pageUrl)) return undefined;
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

/** Every rule id a run may name: axe's own, the 适老化 rules and the transform checks. */
function knownRuleIds(): Set<string> {
  return new Set([...Object.keys(getCatalog('en').rules), ...TRANSFORM_RULE_IDS]);
}

function checkRuleIds(settings: AuditSettings, targets: readonly Target[]): void {
  const known = knownRuleIds();
  const named = [
    ...(settings.options.rules?.only ?? []),
    ...(settings.options.rules?.include ?? []),
    ...(settings.options.rules?.exclude ?? []),
    ...targets.flatMap((t) => t.rules ?? []),
  ];
  const unknown = [...new Set(named.filter((id) => !known.has(id)))];
  if (unknown.length) {
    throw new UsageError(`未知的规则 id：${unknown.join('、')}`, `unknown rule ids: ${unknown.join(', ')}`);
  }
}

/**
 * The pages of one --sitemap. A sitemap's content is data from elsewhere: a local path it names (only
 * a local sitemap may name one) must be inside the working directory, as must the sitemap itself
 * when a config file names it.
 */
async function expandSitemap(sm: TargetInput, cwd: string): Promise<TargetInput[]> {
  const confine = (file: string, from: string): void => {
    if (!isInside(file, cwd)) {
      throw new SitemapError(
        `站点地图 ${from} 指向工作目录之外的文件 ${file}；站点地图只能指向工作目录中的文件`,
        `sitemap ${from} names ${file}, outside the working directory; a sitemap may only name files inside the working directory`,
      );
    }
  };
  if (sm.within && !isUrl(sm.ref)) confine(resolve(sm.base, sm.ref), sm.from ?? sm.ref);
  const pages = await sitemapPages(sm.ref, sm.base, { confine });
  return pages.map((p) => ({ ref: p.ref, base: sm.base, ...(isUrl(p.ref) ? {} : { within: cwd, from: `sitemap ${p.from}` }) }));
}

function exitCodeFor(report: KanjianReport, settings: AuditSettings, interrupted: number): number {
  if (interrupted) return 130;
  if (report.pages.some((p) => p.status === 'failed')) return 3;
  if (settings.updateBaseline) return 0;
  return meetsFailOn(report, settings.failOn) ? 1 : 0;
}

export async function runAudit(argv: readonly string[], io: CliIo, env: AuditEnv): Promise<number> {
  const started = Date.now();
  // KANJIAN_DEBUG=1: time of each phase on stderr (where does a slow run spend its time?).
  let mark = started;
  const phase = (name: string): void => {
    if (!process.env.KANJIAN_DEBUG) return;
    const now = Date.now();
    io.stderr(`kanjian audit: [debug] ${name} ${now - mark} ms\n`);
    mark = now;
  };
  let cleanup: Array<() => Promise<void>> = [];
  try {
    const args = parseArgs(argv, SPEC);
    if (args.values.help) {
      io.stdout(AUDIT_USAGE);
      return 0;
    }
    const settings = resolveSettings(args.positionals, args.values, env.cwd);
    const baselineFile = settings.baseline ?? (settings.updateBaseline ? resolve(env.cwd, 'kanjian-baseline.json') : undefined);
    const baseline = settings.baseline && !settings.updateBaseline ? readBaseline(settings.baseline) : undefined;

    const inputs = [...settings.inputs];
    const emptySitemaps: string[] = [];
    for (const sm of settings.sitemaps) {
      const pages = await expandSitemap(sm, env.cwd);
      if (!pages.length) emptySitemaps.push(sm.ref);
      inputs.push(...pages);
    }
    if (!inputs.length) {
      // Only sitemaps can expand to nothing (a folder without HTML is refused by resolveTargets).
      throw new TargetError(
        `没有要检测的页面：站点地图 ${emptySitemaps.join('、')} 中没有任何 <loc> 网址（地址是否正确？返回的是否为 HTML 页面？）`,
        `nothing to audit: no <loc> URLs in sitemap ${emptySitemaps.join(', ')} (is it the right address? did it return an HTML page?)`,
      );
    }
    for (const ref of emptySitemaps) io.stderr(`kanjian audit: 注意：站点地图 ${ref} 中没有 <loc> 网址 / note: sitemap ${ref} has no <loc> URLs\n`);
    const resolved = await resolveTargets(inputs, { cwd: env.cwd, ...(settings.root ? { root: settings.root } : {}) });
    cleanup.push(() => resolved.close());
    checkRuleIds(settings, resolved.targets);
    phase('pages resolved');
    // With a crawl the page list is only known while running: pages are then shared out by a hash of their name.
    const targets = selectShard(resolved.targets, settings.crawl ? undefined : settings.shard);
    if (settings.crawl && !settings.crawl.sameOrigin) {
      io.stderr('kanjian audit: 注意：--crawl 未加 --same-origin，会跟随其他网站的链接 / note: --crawl without --same-origin follows links to other sites\n');
    }
    if (!targets.length && settings.shard) {
      // Allowed: more shards than pages. Its (empty) report still counts for merge-reports.
      const { index, total } = settings.shard;
      const all = selectShard(resolved.targets, undefined).length;
      io.stderr(`kanjian audit: 注意：分片 ${index}/${total} 没有分到页面（共 ${all} 个页面）/ note: shard ${index}/${total} has no pages (${all} pages in all)\n`);
    }

    const init = await initScript();
    phase('init script');
    // No browser for an empty shard.
    const driver = targets.length
      ? await openDriver({
          browser: settings.browser,
          initScript: init.script,
          ...(settings.wsEndpoint ? { wsEndpoint: settings.wsEndpoint } : {}),
          ...(settings.extensionDir ? { extensionDir: settings.extensionDir } : {}),
        })
      : undefined;
    if (driver) {
      cleanup = [() => driver.close(), ...cleanup];
      phase(`browser ${driver.browser} ${driver.version} started`);
      if (driver.sandbox && !driver.sandbox.on) {
        const why = driver.sandbox.why === 'root' ? ['以 root 运行', 'running as root'] : ['按 KANJIAN_NO_SANDBOX / --no-sandbox 的要求', 'as asked by KANJIAN_NO_SANDBOX / --no-sandbox'];
        io.stderr(`kanjian audit: 注意：Chromium 的沙箱已关闭（${why[0]}）/ note: Chromium's sandbox is off (${why[1]})\n`);
      }
    }

    const progress = new Progress({ write: (t) => io.stderr(t), isTTY: env.isTTY, ...(env.columns ? { columns: env.columns } : {}) });
    progress.start(targets.length);
    const plan = {
      targets,
      options: settings.options,
      transforms: settings.transforms,
      contrastScheme: settings.contrastScheme,
      concurrency: settings.concurrency,
      timeoutMs: settings.timeoutMs,
      ...(settings.crawl ? { crawl: { ...settings.crawl, toTarget: (u: string, d: number) => resolved.toTarget(u, d) } } : {}),
      ...(settings.shard ? { shard: settings.shard } : {}),
    };
    const hooks = { onPageDone: (p: PageDone) => progress.page(p), ...(env.signal ? { signal: env.signal } : {}) };
    const outcome: RunOutcome = driver ? await runPages(driver, plan, hooks) : { pages: [], interrupted: 0 };
    progress.finish();
    phase(`${outcome.pages.length} pages audited`);
    for (const c of cleanup) await settleWithin(c(), CLOSE_WAIT_MS);
    cleanup = [];
    phase('browser closed');

    let report = buildReport({
      pages: outcome.pages,
      options: settings.options,
      toolVersion: VERSION,
      axeVersion: init.axeVersion,
      generatedAt: new Date(),
      ...(settings.shard ? { shard: settings.shard } : {}),
      interrupted: outcome.interrupted > 0,
    });
    let baselineWritten: string | undefined;
    if (settings.updateBaseline && baselineFile) {
      // A partial run would drop the known findings of the pages it missed, and the next run would
      // report them all as new: keep the old baseline.
      const failed = report.summary.pages.failed;
      if (outcome.interrupted || failed) {
        const zh = outcome.interrupted ? '运行被中断' : `${failed} 个页面无法检测`;
        const en = outcome.interrupted ? 'the run was interrupted' : `${failed} page(s) could not be audited`;
        io.stderr(`kanjian audit: 基线未更新：${zh}，基线需要完整的运行（${baselineFile}）\nkanjian audit: baseline not updated: ${en}; a baseline needs a complete run (${baselineFile})\n`);
      } else {
        mkdirSync(dirname(baselineFile), { recursive: true });
        writeFileSync(baselineFile, JSON.stringify(makeBaseline(report), null, 2) + '\n');
        baselineWritten = relative(env.cwd, baselineFile) || baselineFile;
      }
    } else if (baseline) {
      report = filterNew(report, baseline);
    }
    const files = writeReports(report, settings.formats, settings.outDir, env.cwd).map((f) => relative(env.cwd, f) || f);
    const code = exitCodeFor(report, settings, outcome.interrupted);
    io.stdout(
      summaryText({
        report,
        files,
        exitCode: code,
        failOn: settings.failOn,
        interrupted: outcome.interrupted,
        elapsedMs: Date.now() - started,
        ...(baselineWritten ? { baselineWritten } : {}),
      }),
    );
    return code;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ArgsError || e instanceof TargetError || e instanceof SitemapError || e instanceof DriverError) {
      io.stderr(`kanjian audit: 错误：${e.zh}\nkanjian audit: error: ${e.en}\n`);
      if (e instanceof ArgsError) io.stderr('（kanjian audit --help 查看用法 / see kanjian audit --help）\n');
      return 2;
    }
    throw e;
  } finally {
    for (const c of cleanup) await settleWithin(c(), CLOSE_WAIT_MS);
  }
}

/**
 * Signals that stop a run the way Ctrl-C does: SIGTERM (GitLab job cancel, `timeout`, docker stop)
 * and SIGHUP (the terminal went away) too.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A stop signal once: stop, write what is done, exit 130. Twice: exit now. */
function stopSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    const again = name === 'SIGINT' ? '再按一次 Ctrl-C 立即退出 / Ctrl-C again to quit now' : '再收到一次信号立即退出 / a second signal quits now';
    process.stderr.write(`\nkanjian audit: 收到 ${name}，正在停止，写出已完成的部分（${again}）/ ${name}: stopping, writing what is done\n`);
    controller.abort();
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of STOP_SIGNALS) process.off(s, onSignal);
    },
  };
}

export const auditCommand: Command = {
  name: 'audit',
  summary: '检测网页无障碍问题，供 CI 使用 / audit pages for accessibility in CI',
  internalErrorExit: 4,
  async run(argv, io) {
    const sig = stopSignal();
    try {
      return await runAudit(argv, io, {
        cwd: process.cwd(),
        isTTY: !!process.stderr.isTTY,
        ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
        signal: sig.signal,
      });
    } finally {
      sig.dispose();
    }
  },
};
