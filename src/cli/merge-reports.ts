/**
 * `kanjian merge-reports`: merges the report.json of sharded `kanjian audit --shard I/N` runs into one
 * report (equal to an unsharded run's, generatedAt aside), re-renders any format, and exits like
 * `kanjian audit` would have: 0 · 1 (--fail-on) · 2 usage, or shards that do not add up (missing,
 * repeated, of different totals, a page in two reports) · 3 some page failed or some shard was
 * interrupted · 4 internal error.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { filterNew } from '../audit/baseline';
import { MergeError, mergeReports } from '../audit/merge';
import { meetsFailOn, type FailOn, type KanjianReport } from '../audit/model';
import { ArgsError, parseArgs } from './args';
import { UsageError, type CliIo, type Command } from './command';
import { readBaseline, readReportFile } from './json-input';
import { checkOutDir, FAIL_ON, FORMATS, REPORT_FILES, writeReports, type Format } from './reports';


export const MERGE_USAGE = `用法 Usage: kanjian merge-reports <report.json|文件夹 DIR ...> [选项 options]

合并分片（--shard I/N）运行得到的 report.json，重新生成各种格式的报告。文件夹中所有的 report.json
（含子文件夹，--out 文件夹自己的除外）都会合并。缺少分片、分片重复、分片总数不一致或同一页面出现在
两个报告中时拒绝合并（退出码 2）；有分片被中断时退出码为 3。
Merges the report.json files of sharded runs (--shard I/N) and renders the merged report. For a folder,
every report.json inside it (and its subfolders, but not the --out folder's own) is merged. Refuses
(exit 2) a report that does not match its schema (file and line named), a missing or repeated shard,
shards of different totals, or a page in two reports; an interrupted shard makes the result
incomplete (exit 3).

  --format json,junit,sarif,html,csv   默认 json,html / default json,html
  --out 文件夹 DIR                      默认 ./kanjian-report / default ./kanjian-report
  --fail-on critical|serious|moderate|minor|none   同 kanjian audit，默认 minor / as kanjian audit
  --baseline 文件                       只因新问题失败 / fail only on findings not in the baseline
  -h, --help                            显示帮助 / show this help

退出码 Exit codes: 0 通过 pass · 1 有违规 violations · 2 用法错误 usage error · 3 有页面无法检测或分片被中断
some pages failed or a shard was interrupted · 4 内部错误 internal error
`;

/** report.json files to merge: a file as given; a folder's, recursively, except `skip` (the output). */
function reportFiles(ref: string, cwd: string, skip: string): string[] {
  const full = resolve(cwd, ref);
  if (!existsSync(full)) throw new UsageError(`找不到 ${ref}`, `${ref} not found`);
  if (!statSync(full).isDirectory()) return [full];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name));
      // The merged report of an earlier run into a folder inside the input is not a shard.
      else if (e.name === 'report.json' && join(d, e.name) !== skip) out.push(join(d, e.name));
    }
  };
  walk(full);
  if (!out.length) throw new UsageError(`文件夹 ${ref} 中没有 report.json`, `no report.json in folder ${ref}`);
  return out;
}

export async function runMergeReports(argv: readonly string[], io: CliIo, cwd: string): Promise<number> {
  try {
    const args = parseArgs(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      'fail-on': { type: 'string' },
      baseline: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (args.values.help) {
      io.stdout(MERGE_USAGE);
      return 0;
    }
    if (!args.positionals.length) throw new UsageError('请给出要合并的 report.json 或文件夹', 'give the report.json files or folders to merge');
    const fmt = typeof args.values.format === 'string' ? args.values.format.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : ['json', 'html'];
    const bad = fmt.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (bad.length) throw new UsageError(`--format 无效：${bad.join('、')}（可用：${FORMATS.join('、')}）`, `invalid --format: ${bad.join(', ')} (use ${FORMATS.join(', ')})`);
    const failOn = (typeof args.values['fail-on'] === 'string' ? args.values['fail-on'] : 'minor').toLowerCase() as FailOn;
    if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on “${failOn}” 无效，可用：${FAIL_ON.join('、')}`, `--fail-on "${failOn}" is not valid; use ${FAIL_ON.join(', ')}`);
    const outDir = resolve(cwd, typeof args.values.out === 'string' ? args.values.out : 'kanjian-report');
    checkOutDir(outDir);
    const files = [...new Set(args.positionals.flatMap((p) => reportFiles(p, cwd, join(outDir, REPORT_FILES.json))))];
    const names = files.map((f) => relative(cwd, f) || f);
    const reports = files.map((f, i) => readReportFile(f, names[i]!));
    let merged: KanjianReport;
    try {
      merged = mergeReports(reports, names);
    } catch (e) {
      if (e instanceof MergeError) throw new UsageError(`无法合并这些报告：${e.zh}`, `cannot merge these reports: ${e.en}`);
      throw e;
    }
    const interrupted = reports.flatMap((r, i) => (r.interrupted ? [r.shard ? `${names[i]} (${r.shard.index}/${r.shard.total})` : names[i]!] : []));
    for (const name of interrupted) {
      io.stderr(`kanjian merge-reports: 报告 ${name} 来自被中断的运行，缺少部分页面 / ${name} is from an interrupted run: some of its pages are missing\n`);
    }
    if (typeof args.values.baseline === 'string') merged = filterNew(merged, readBaseline(resolve(cwd, args.values.baseline)));
    const written = writeReports(merged, fmt as Format[], outDir, cwd);
    const s = merged.summary;
    const code = s.pages.failed || interrupted.length ? 3 : meetsFailOn(merged, failOn) ? 1 : 0;
    const why = interrupted.length
      ? `（未完成 INCOMPLETE：被中断的报告 interrupted: ${interrupted.join(', ')}）`
      : s.pages.failed
        ? '（未完成 INCOMPLETE：有页面无法检测 some pages could not be audited）'
        : '';
    io.stdout(
      `已合并 Merged ${files.length} 个报告 reports: ${s.pages.total} 个页面 pages, 违规 ${s.violations.nodes} violation nodes, 失败 ${s.pages.failed} failed\n` +
        written.map((f) => `报告 Report: ${relative(cwd, f) || f}\n`).join('') +
        `结果 Result: exit ${code}${why}\n`,
    );
    return code;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ArgsError) {
      io.stderr(`kanjian merge-reports: 错误：${e.zh}\nkanjian merge-reports: error: ${e.en}\n`);
      return 2;
    }
    throw e;
  }
}

export const mergeReportsCommand: Command = {
  name: 'merge-reports',
  summary: '合并分片运行的检测报告 / merge the reports of sharded audit runs',
  internalErrorExit: 4,
  run: (argv, io) => runMergeReports(argv, io, process.cwd()),
};
