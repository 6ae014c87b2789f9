/**
 * `kanjian audit`: accessibility audit of pages for CI, with kanjian's audit library (report model,
 * mappings, exporters, 适老化 rules). One browser, N pages in parallel, axe loaded once per document in
 * its minified form, in kanjian's own world of every frame. This module is the command: its options,
 * its help, its stop signals; run.ts is the run itself.
 *
 * Exit codes: 0 pass · 1 violations at or above --fail-on · 2 usage or config error · 3 some pages
 * could not be audited (the others are still reported) · 4 internal error · 130 interrupted (Ctrl-C,
 * SIGTERM, SIGHUP; what was done is written).
 */
import { ArgsError, parseArgs, type OptionSpec } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { resolveSettings } from './config';
import { runAuditWith, type AuditEnv } from './run';

export type { AuditEnv };

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
                            配置中的 urls[].steps：点击、填写、等待……并在命名状态下检测（见 docs/cli.md）
                            urls[].steps in the config: click, fill, wait… and audit named states
登录 Sessions（只支持 Chromium / Chromium only）
  --storage-state 文件       Playwright 的 storage state（playwright codegen --save-storage）
  --cookie '名=值; domain=…' 设置 cookie，可重复 / a cookie, repeatable
  --header '名称: 值'        只发给被检测页面所在源的请求头，可重复；值不会写入任何报告或日志
                            a request header for the audited pages' origins only, repeatable; its
                            value is never written to a report or log
                            配置中的 login：登录页、步骤、成功条件；登录失败时退出码为 3
                            login in the config: URL, steps, success check; a failed login exits 3
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
  --no-keyboard              不做键盘检查（默认在 axe 之后按 Tab 走遍页面：键盘陷阱、焦点不可见、
                            无法到达的控件、跳跃的顺序、对话框的焦点）
                            skip the keyboard walk (by default each page is walked with Tab after axe:
                            traps, invisible focus, unreachable controls, jumps in order, dialog focus)
  --timeout 秒 SECONDS       每个页面的加载超时，默认 30，最多 86400 / page load timeout (default 30, at most 86400)
报告 Reports
  --format json,junit,sarif,html,csv     默认 json,html / default json,html
  --out 文件夹 DIR           默认 ./kanjian-report / default ./kanjian-report
  --locale zh_CN|zh_TW|en    报告语言，默认 zh_CN / report language (default zh_CN)
  --screenshots none|violations|pages
                            违规元素的截图（每页每条规则前 3 个，加框），pages 另加整页截图；默认 none
                            screenshots of violating elements (first 3 per rule per page, outlined);
                            pages: the whole page too; default none
  --compare 文件夹|report.json   与上次运行对比：新增、已修复、未变 / compare with an earlier run
  --history 文件夹           保存各次运行的摘要，报告中画出趋势图 / keep run summaries, chart the trend
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
  'no-keyboard': { type: 'boolean' },
  'storage-state': { type: 'string' },
  cookie: { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  screenshots: { type: 'string' },
  compare: { type: 'string' },
  history: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** `kanjian audit ARGS`: resolves to the exit code. */
export async function runAudit(argv: readonly string[], io: CliIo, env: AuditEnv): Promise<number> {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.values.help) {
      io.stdout(AUDIT_USAGE);
      return 0;
    }
    return await runAuditWith(resolveSettings(args.positionals, args.values, env.cwd, args.lists), io, env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kanjian audit: 错误：${e.zh}\nkanjian audit: error: ${e.en}\n`);
      if (e instanceof ArgsError) io.stderr('（kanjian audit --help 查看用法 / see kanjian audit --help）\n');
      return 2;
    }
    throw e;
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
