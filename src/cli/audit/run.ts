/**
 * One `kanjian audit` run, in its stages: the pages to audit (targets, sitemaps, shard), the browser,
 * the pages themselves, the baseline, and the reports. A mistake found by any stage is a UsageError
 * (exit 2; the command says it); the browser and the local servers are always closed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import packageJson from '../../../package.json';
import { filterNew, makeBaseline, type Baseline } from '../../audit/baseline';
import { getCatalog } from '../../audit/localize/catalog';
import { buildReport, meetsFailOn, type KanjianReport, type PageInput } from '../../audit/model';
import { UsageError, type CliIo } from '../command';
import { readBaseline } from '../json-input';
import { reportLocale } from '../../audit/export/shared';
import { readReportArg } from '../diff/command';
import { compareReports, comparisonText } from '../diff/compare';
import { appendHistory, readHistory, runSummary, type History } from '../diff/history';
import { comparisonSection, trendSection } from '../diff/html';
import { writeReports } from '../reports';
import { initScript } from './bundle';
import type { AuditSettings } from './config';
import { openDriver, type ContextSession, type Driver, type DriverPage } from './driver';
import { contextSession, runLogin, sessionOrigins } from './login';
import { captureScreenshots, prepareScreenshotDir } from './screenshots';
import { LoginFailure, type Secrets } from './session';
import { Progress, summaryText } from './progress';
import { runPages, settleWithin, type PageDone, type RunOutcome, type Target } from './runner';
import { SitemapError, sitemapPages } from './sitemap';
import { isInside, isUrl, resolveTargets, selectShard, TargetError, type ResolvedTargets, type TargetInput } from './targets';
import { TRANSFORM_RULE_IDS } from './transform-rules';

const VERSION: string = packageJson.version;

/** How long closing the browser or the local server may take before the run goes on without it. */
const CLOSE_WAIT_MS = 10_000;

export interface AuditEnv {
  cwd: string;
  /** Progress bar when true, one line per page otherwise. */
  isTTY: boolean;
  columns?: number;
  /** Aborting writes what is done and exits 130 (SIGINT, SIGTERM, SIGHUP). */
  signal?: AbortSignal;
}

/** Notes and debug timings on stderr. */
interface Log {
  note(zh: string, en: string): void;
  /** KANJIAN_DEBUG=1: the time since the last phase (where does a slow run spend its time?). */
  phase(name: string): void;
}

function logTo(io: CliIo): Log {
  let mark = Date.now();
  return {
    note: (zh, en) => io.stderr(`kanjian audit: 注意：${zh} / note: ${en}\n`),
    phase(name) {
      if (!process.env.KANJIAN_DEBUG) return;
      const now = Date.now();
      io.stderr(`kanjian audit: [debug] ${name} ${now - mark} ms\n`);
      mark = now;
    },
  };
}

export async function runAuditWith(settings: AuditSettings, rawIo: CliIo, env: AuditEnv): Promise<number> {
  const started = Date.now();
  // Nothing kanjian says may carry a secret (a header, a cookie, a password the page echoes).
  const io = redactingIo(rawIo, settings.secrets);
  const log = logTo(io);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async (): Promise<void> => {
    for (const c of closers.splice(0).reverse()) await settleWithin(c(), CLOSE_WAIT_MS);
  };
  try {
    // Read before anything starts: a broken baseline is a usage error now, not after the audit.
    const baseline = settings.baseline && !settings.updateBaseline ? readBaseline(settings.baseline) : undefined;
    const earlier = settings.compare ? readReportArg(settings.compare, env.cwd) : undefined;
    const history = settings.history ? readHistory(settings.history) : undefined;
    if (settings.screenshots !== 'none') prepareScreenshotDir(settings.outDir);
    const pages = await pagesToAudit(settings, env.cwd, log);
    closers.push(() => pages.resolved.close());
    const browser = await startBrowser(settings, pages.targets.length, log, pages.targets.map((t) => t.url));
    if (browser.driver) {
      const driver = browser.driver;
      closers.push(() => driver.close());
      try {
        await runLogin(driver, settings.session, settings.secrets, settings.timeoutMs);
      } catch (e) {
        if (!(e instanceof LoginFailure)) throw e;
        io.stderr(`kanjian audit: 登录失败：${e.zh}\nkanjian audit: login failed: ${e.en}\n`);
        return 3;
      }
      if (settings.session.login) log.phase('logged in');
    }
    const outcome = await auditPages(browser.driver, settings, pages, io, env);
    log.phase(`${outcome.pages.length} pages audited`);
    await closeAll();
    log.phase('browser closed');
    const built = buildReport({
      pages: outcome.pages,
      options: settings.options,
      toolVersion: VERSION,
      axeVersion: browser.axeVersion,
      generatedAt: new Date(),
      ...(settings.shard ? { shard: settings.shard } : {}),
      interrupted: outcome.interrupted > 0,
    });
    const report = settings.secrets.redactDeep(built);
    const judged = applyBaseline(report, settings, outcome, baseline, env.cwd, io);
    const sections = changeSections(report, earlier, history, settings, outcome.interrupted > 0, io);
    const files = writeReports(judged.report, settings.formats, settings.outDir, env.cwd, { htmlSections: sections }).map((f) => relative(env.cwd, f) || f);
    const code = exitCodeFor(judged.report, settings, outcome.interrupted);
    io.stdout(
      summaryText({
        report: judged.report,
        files,
        exitCode: code,
        failOn: settings.failOn,
        interrupted: outcome.interrupted,
        elapsedMs: Date.now() - started,
        ...(judged.baselineWritten ? { baselineWritten: judged.baselineWritten } : {}),
      }),
    );
    return code;
  } finally {
    await closeAll();
  }
}

// ---- stage 1: the pages ---------------------------------------------------------------------

interface Pages {
  resolved: ResolvedTargets;
  /** This run's part (its shard) of the pages, sorted by name. */
  targets: Target[];
}

/** Expands sitemaps, resolves URLs, files and folders (starting the local servers), takes the shard. */
async function pagesToAudit(settings: AuditSettings, cwd: string, log: Log): Promise<Pages> {
  const inputs = [...settings.inputs];
  const emptySitemaps: string[] = [];
  for (const sm of settings.sitemaps) {
    const pages = await expandSitemap(sm, cwd);
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
  for (const ref of emptySitemaps) log.note(`站点地图 ${ref} 中没有 <loc> 网址`, `sitemap ${ref} has no <loc> URLs`);
  const resolved = await resolveTargets(inputs, { cwd, ...(settings.root ? { root: settings.root } : {}) });
  try {
    checkRuleIds(settings, resolved.targets);
  } catch (e) {
    await resolved.close();
    throw e;
  }
  log.phase('pages resolved');
  // With a crawl the page list is only known while running: pages are then shared out by a hash of their name.
  const targets = selectShard(resolved.targets, settings.crawl ? undefined : settings.shard);
  if (settings.crawl && !settings.crawl.sameOrigin) log.note('--crawl 未加 --same-origin，会跟随其他网站的链接', '--crawl without --same-origin follows links to other sites');
  if (!targets.length && settings.shard) {
    // Allowed: more shards than pages. Its (empty) report still counts for merge-reports.
    const { index, total } = settings.shard;
    const all = selectShard(resolved.targets, undefined).length;
    log.note(`分片 ${index}/${total} 没有分到页面（共 ${all} 个页面）`, `shard ${index}/${total} has no pages (${all} pages in all)`);
  }
  return { resolved, targets };
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

// ---- stage 2: the browser -------------------------------------------------------------------

/** The browser (none for an empty shard), with axe and kanjian's page side ready for every frame. */
async function startBrowser(settings: AuditSettings, pages: number, log: Log, urls: readonly string[]): Promise<{ driver: Driver | undefined; axeVersion: string }> {
  const init = await initScript();
  log.phase('init script');
  if (!pages) return { driver: undefined, axeVersion: init.axeVersion };
  const driver = await openDriver({
    browser: settings.browser,
    initScript: init.script,
    ...(settings.wsEndpoint ? { wsEndpoint: settings.wsEndpoint } : {}),
    ...(settings.extensionDir ? { extensionDir: settings.extensionDir } : {}),
    ...sessionOption(settings, urls),
  });
  log.phase(`browser ${driver.browser} ${driver.version} started`);
  if (driver.sandbox && !driver.sandbox.on) {
    const why = {
      root: ['以 root 运行', 'running as root'],
      asked: ['按 KANJIAN_NO_SANDBOX / --no-sandbox 的要求', 'as asked by KANJIAN_NO_SANDBOX / --no-sandbox'],
      unavailable: ['此机器无法启动沙箱：没有可用的用户命名空间', 'it cannot start on this machine: no usable user namespaces'],
    }[driver.sandbox.why ?? 'asked'];
    log.note(`Chromium 的沙箱已关闭（${why[0]}）`, `Chromium's sandbox is off (${why[1]})`);
  }
  return { driver, axeVersion: init.axeVersion };
}

function sessionOption(settings: AuditSettings, urls: readonly string[]): { session?: ContextSession } {
  const session = contextSession(settings.session, sessionOrigins(settings.session, urls));
  return session ? { session } : {};
}

function redactingIo(io: CliIo, secrets: Secrets): CliIo {
  if (!secrets.size) return io;
  return { ...io, stdout: (t) => io.stdout(secrets.redact(t)), stderr: (t) => io.stderr(secrets.redact(t)) };
}

// ---- stage 3: the pages themselves ----------------------------------------------------------

async function auditPages(driver: Driver | undefined, settings: AuditSettings, pages: Pages, io: CliIo, env: AuditEnv): Promise<RunOutcome> {
  const progress = new Progress({ write: (t) => io.stderr(t), isTTY: env.isTTY, ...(env.columns ? { columns: env.columns } : {}) });
  progress.start(pages.targets.length);
  const plan = {
    targets: pages.targets,
    options: settings.options,
    transforms: settings.transforms,
    contrastScheme: settings.contrastScheme,
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutMs,
    keyboard: settings.keyboard,
    ...(settings.crawl ? { crawl: { ...settings.crawl, toTarget: (u: string, d: number) => pages.resolved.toTarget(u, d) } } : {}),
    ...(settings.shard ? { shard: settings.shard } : {}),
    redact: (t: string) => settings.secrets.redact(t),
    ...(settings.screenshots !== 'none'
      ? { afterAudit: (page: DriverPage, input: PageInput) => captureScreenshots(page, input, { mode: settings.screenshots, outDir: settings.outDir, timeoutMs: settings.timeoutMs }) }
      : {}),
  };
  const hooks = { onPageDone: (p: PageDone) => progress.page(p), ...(env.signal ? { signal: env.signal } : {}) };
  const outcome: RunOutcome = driver ? await runPages(driver, plan, hooks) : { pages: [], interrupted: 0 };
  progress.finish();
  return outcome;
}

// ---- stage 4: the baseline ------------------------------------------------------------------

/** --update-baseline writes the baseline (only from a complete run); --baseline hides known findings. */
function applyBaseline(
  report: KanjianReport,
  settings: AuditSettings,
  outcome: RunOutcome,
  baseline: Baseline | KanjianReport | string[] | undefined,
  cwd: string,
  io: CliIo,
): { report: KanjianReport; baselineWritten?: string } {
  if (settings.updateBaseline) {
    const file = settings.baseline ?? resolve(cwd, 'kanjian-baseline.json');
    // A partial run would drop the known findings of the pages it missed, and the next run would
    // report them all as new: keep the old baseline.
    const failed = report.summary.pages.failed;
    if (outcome.interrupted || failed) {
      const zh = outcome.interrupted ? '运行被中断' : `${failed} 个页面无法检测`;
      const en = outcome.interrupted ? 'the run was interrupted' : `${failed} page(s) could not be audited`;
      io.stderr(`kanjian audit: 基线未更新：${zh}，基线需要完整的运行（${file}）\nkanjian audit: baseline not updated: ${en}; a baseline needs a complete run (${file})\n`);
      return { report };
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(makeBaseline(report), null, 2) + '\n');
    return { report, baselineWritten: relative(cwd, file) || file };
  }
  return { report: baseline ? filterNew(report, baseline) : report };
}

// ---- stage 5: what changed ------------------------------------------------------------------

/**
 * --compare: this run against an earlier report (new, fixed, unchanged), on stdout and in report.html.
 * --history: this run added to the series (not an interrupted one: its counts would dip), and its
 * trend chart in report.html.
 */
function changeSections(
  report: KanjianReport,
  earlier: KanjianReport | undefined,
  history: History | undefined,
  settings: AuditSettings,
  interrupted: boolean,
  io: CliIo,
): string[] {
  const locale = reportLocale(report);
  const sections: string[] = [];
  if (earlier) {
    const c = compareReports(earlier, report);
    io.stdout(comparisonText(c));
    sections.push(comparisonSection(c, locale));
  }
  if (history && settings.history) {
    const series = interrupted ? history : appendHistory(settings.history, history, runSummary(report));
    if (series.runs.length) sections.push(trendSection(series, locale));
  }
  return sections;
}

// ---- stage 6: the verdict -------------------------------------------------------------------

function exitCodeFor(report: KanjianReport, settings: AuditSettings, interrupted: number): number {
  if (interrupted) return 130;
  if (report.pages.some((p) => p.status === 'failed')) return 3;
  if (settings.updateBaseline) return 0;
  return meetsFailOn(report, settings.failOn) ? 1 : 0;
}
