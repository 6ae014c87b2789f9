/**
 * `kanjian diff OLD NEW`: what changed between two runs' report.json (or the folders holding them):
 * new, fixed and unchanged violations by the baseline fingerprints, with counts per impact. Both
 * reports are checked against the report schema first (exit 2 naming the file and line). Exit 1
 * when there are new violations at or above --fail-on (default minor), else 0.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IMPACT_ORDER, type FailOn, type KanjianReport } from '../../audit/model';
import { ArgsError, parseArgs } from '../args';
import { UsageError, type Command } from '../command';
import { readReportFile } from '../json-input';
import { FAIL_ON } from '../reports';
import { compareReports, comparisonText, type Comparison } from './compare';

export const DIFF_USAGE = `用法 Usage: kanjian diff 旧 OLD 新 NEW [选项 options]

对比两次运行的 report.json（或其所在文件夹）：新增、已修复、未变的违规，按影响程度计数。
Compares two runs' report.json (or the folders holding them): new, fixed and unchanged violations,
counted by impact, matched by the baseline fingerprints.

  --json                     以 JSON 输出 / print JSON
  --fail-on critical|serious|moderate|minor|none   有达到此影响程度的新增违规时退出码为 1，默认 minor
                            exit 1 when new violations reach this impact (default minor)
  -h, --help                 显示帮助 / show this help

退出码 Exit codes: 0 没有新增 no new violations · 1 有新增 new violations · 2 用法错误或报告无效 usage error or invalid report
`;

/** A report.json, or the folder that holds one. */
export function reportPath(p: string, cwd: string): string {
  const full = resolve(cwd, p);
  return existsSync(full) && statSync(full).isDirectory() ? join(full, 'report.json') : full;
}

export function readReportArg(p: string, cwd: string): KanjianReport {
  const file = reportPath(p, cwd);
  if (!existsSync(file)) throw new UsageError(`找不到报告 ${file}`, `no report at ${file}`);
  return readReportFile(file);
}

export function gate(c: Comparison, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const at = IMPACT_ORDER.indexOf(failOn);
  return c.added.some((f) => IMPACT_ORDER.indexOf(f.impact ?? 'minor') >= at);
}

export const diffCommand: Command = {
  name: 'diff',
  summary: '对比两次运行的报告：新增、已修复、未变 / what changed between two runs',
  internalErrorExit: 4,
  async run(argv, io) {
    try {
      const args = parseArgs(argv, { json: { type: 'boolean' }, 'fail-on': { type: 'string' }, help: { type: 'boolean', short: 'h' } });
      if (args.values.help) {
        io.stdout(DIFF_USAGE);
        return 0;
      }
      if (args.positionals.length !== 2) throw new ArgsError('需要两个报告：旧的和新的', 'two reports are needed: the old one and the new one');
      const failOnRaw = String(args.values['fail-on'] ?? 'minor').toLowerCase();
      if (!(FAIL_ON as readonly string[]).includes(failOnRaw)) throw new ArgsError(`--fail-on “${failOnRaw}” 无效`, `--fail-on "${failOnRaw}" is not valid; use one of ${FAIL_ON.join(', ')}`);
      const cwd = process.cwd();
      const c = compareReports(readReportArg(args.positionals[0]!, cwd), readReportArg(args.positionals[1]!, cwd));
      io.stdout(args.values.json ? JSON.stringify(c, null, 2) + '\n' : comparisonText(c));
      return gate(c, failOnRaw as FailOn) ? 1 : 0;
    } catch (e) {
      if (e instanceof UsageError) {
        io.stderr(`kanjian diff: 错误：${e.zh}\nkanjian diff: error: ${e.en}\n`);
        if (e instanceof ArgsError) io.stderr('（kanjian diff --help 查看用法 / see kanjian diff --help）\n');
        return 2;
      }
      throw e;
    }
  },
};
