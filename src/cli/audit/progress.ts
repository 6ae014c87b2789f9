// What `kanjian audit` prints while it runs and when it is done. On a terminal: one progress bar
// line redrawn in place (pages done / total, violations so far); otherwise (CI logs): one plain line
// per page. Chinese first, then English.
import { IMPACT_LABEL } from '../../audit/export/shared';
import type { KanjianReport } from '../../audit/model';
import type { PageDone } from './runner';

export interface ProgressOut {
  write(text: string): void;
  isTTY: boolean;
  columns?: number;
}

export function progressBar(done: number, total: number, width = 24): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const full = Math.round(ratio * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}]`;
}

export class Progress {
  private violations = 0;
  private failed = 0;
  private lastLen = 0;

  constructor(private readonly out: ProgressOut) {}

  start(total: number): void {
    if (this.out.isTTY) this.draw(0, total);
    else this.out.write(`kanjian audit: 开始检测 ${total} 个页面 / auditing ${total} page(s)\n`);
  }

  page(p: PageDone): void {
    this.violations += p.violations;
    if (p.input.error !== undefined) this.failed++;
    if (this.out.isTTY) {
      this.draw(p.done, p.total);
      return;
    }
    const n = `[${p.done}/${p.total}]`;
    const what =
      p.input.error !== undefined
        ? `✗ 无法检测 failed: ${String(p.input.error)}`
        : p.violations
          ? `✗ ${p.violations} 处违规 violation(s)`
          : '✓ 无违规 no violations';
    this.out.write(`${n} ${what}  ${p.target.display}\n`);
  }

  private draw(done: number, total: number): void {
    const pct = total ? Math.floor((done / total) * 100) : 0;
    let line = `${progressBar(done, total)} ${done}/${total} 页 pages ${pct}% · 违规 violations ${this.violations}`;
    if (this.failed) line += ` · 失败 failed ${this.failed}`;
    const cols = this.out.columns ?? 100;
    if (line.length > cols - 1) line = line.slice(0, cols - 1);
    this.out.write(`\r${line}${' '.repeat(Math.max(0, this.lastLen - line.length))}`);
    this.lastLen = line.length;
  }

  /** Ends the progress line (TTY). */
  finish(): void {
    if (this.out.isTTY && this.lastLen) this.out.write('\n');
    this.lastLen = 0;
  }
}


export interface SummaryInput {
  report: KanjianReport;
  files: string[];
  exitCode: number;
  failOn: string;
  interrupted: number;
  baselineWritten?: string;
  elapsedMs: number;
}

/** The closing summary: counts, verdict, written files and why the exit code is what it is. */
export function summaryText(s: SummaryInput): string {
  const r = s.report;
  const sum = r.summary;
  const lines: string[] = [];
  const secs = (s.elapsedMs / 1000).toFixed(1);
  const ppm = s.elapsedMs > 0 ? Math.round((sum.pages.audited / s.elapsedMs) * 60_000) : 0;
  lines.push(
    `页面 Pages: ${sum.pages.total}（已检测 audited ${sum.pages.audited}，失败 failed ${sum.pages.failed}）· ${secs} s · ${ppm} 页/分钟 pages/min`,
  );
  const byImpact = (['critical', 'serious', 'moderate', 'minor'] as const)
    .map((i) => `${IMPACT_LABEL[i]['zh-CN']} ${i} ${sum.violations.byImpact[i]}`)
    .join(' · ');
  lines.push(`违规 Violations: ${sum.violations.nodes} 处 nodes / ${sum.violations.rules} 条规则 rules（${byImpact}）`);
  lines.push(`需复核 Needs review: ${sum.incomplete.nodes} 处 nodes / ${sum.incomplete.rules} 条规则 rules`);
  if (r.baseline) lines.push(`基线 Baseline: 已隐藏 ${r.baseline.suppressedNodes} 处已知问题 known nodes hidden (${r.baseline.entries} entries)`);
  for (const p of r.pages.filter((x) => x.status === 'failed')) lines.push(`  ✗ 无法检测 could not audit: ${p.url} — ${p.error ?? ''}`);
  if (s.interrupted) lines.push(`已中断 Interrupted: ${s.interrupted} 个页面未检测 page(s) not audited; 已写出已完成的部分 wrote what was done`);
  if (s.baselineWritten) lines.push(`基线已写入 Baseline written: ${s.baselineWritten}`);
  for (const f of s.files) lines.push(`报告 Report: ${f}`);
  const why =
    s.exitCode === 0
      ? `通过 PASS（--fail-on ${s.failOn}）`
      : s.exitCode === 1
        ? `不通过 FAIL：有影响程度不低于 ${s.failOn} 的违规 / violations at or above --fail-on ${s.failOn}`
        : s.exitCode === 3
          ? '未完成 INCOMPLETE：有页面无法检测 / some pages could not be audited'
          : s.exitCode === 130
            ? '已中断 INTERRUPTED'
            : `退出码 exit ${s.exitCode}`;
  lines.push(`结果 Result: ${why} → exit ${s.exitCode}`);
  return lines.join('\n') + '\n';
}
