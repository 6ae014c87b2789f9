// Shared pieces of the exporters: escaping and the labels they print, in zh-CN, zh-TW and en.
import { targetToString } from '../fingerprint';
import { lt, pickText, toUiLocale, type AnyLocale, type LocalizedText, type UiLocale } from '../locale';
import { localizeFinding, type LocalizedFinding } from '../localize/localize';
import type { Finding, Impact, KanjianReport } from '../model';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Characters XML 1.0 does not allow at all (C0 controls except tab, LF, CR; lone surrogates; FFFE/FFFF).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attributes, dropping characters XML cannot carry. */
export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, '\uFFFD').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** An http(s) URL safe to put in href, or undefined (javascript:, data: and the like are refused). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Impact names: the same words as the report page's (src/i18n/catalog/audit.ts). */
export const IMPACT_LABEL: Record<Impact, LocalizedText> = {
  critical: lt('严重', '嚴重', 'Critical'),
  serious: lt('较重', '較重', 'Serious'),
  moderate: lt('中等', '中等', 'Moderate'),
  minor: lt('轻微', '輕微', 'Minor'),
};

export const L = {
  reportTitle: lt('看见 kanjian 无障碍检测报告', '看見 kanjian 無障礙檢測報告', 'kanjian accessibility audit report'),
  summary: lt('摘要', '摘要', 'Summary'),
  category: lt('类别', '類別', 'Category'),
  contents: lt('目录', '目錄', 'Contents'),
  generatedAt: lt('生成时间', '產生時間', 'Generated'),
  tool: lt('工具', '工具', 'Tool'),
  standard: lt('检测标准', '檢測標準', 'Standard'),
  bestPractices: lt('最佳实践规则', '最佳實務規則', 'Best-practice rules'),
  elderly: lt('适老化规则', '適老化規則', 'Elder-friendly (适老化) rules'),
  on: lt('开启', '開啟', 'on'),
  off: lt('关闭', '關閉', 'off'),
  verdict: lt('结论', '結論', 'Verdict'),
  pass: lt('通过', '通過', 'Pass'),
  fail: lt('不通过', '不通過', 'Fail'),
  error: lt('未完成（有页面无法检测）', '未完成（有頁面無法檢測）', 'Incomplete (some pages could not be audited)'),
  pages: lt('页面', '頁面', 'Pages'),
  page: lt('页面', '頁面', 'Page'),
  audited: lt('已检测', '已檢測', 'Audited'),
  failedPages: lt('检测失败', '檢測失敗', 'Failed'),
  violations: lt('违规', '違規', 'Violations'),
  incomplete: lt('需复核', '需複核', 'Needs review'),
  passes: lt('通过的规则', '通過的規則', 'Passed rules'),
  rules: lt('规则数', '規則數', 'Rules'),
  elements: lt('元素数', '元素數', 'Elements'),
  impact: lt('影响程度', '影響程度', 'Impact'),
  byImpact: lt('按影响程度统计（元素数）', '按影響程度統計（元素數）', 'By impact (elements)'),
  byPrinciple: lt('按 WCAG 原则统计（违规元素数）', '按 WCAG 原則統計（違規元素數）', 'By WCAG principle (violating elements)'),
  principle: lt('原则', '原則', 'Principle'),
  other: lt('其他（最佳实践、适老化）', '其他（最佳實務、適老化）', 'Other (best practice, elder-friendly)'),
  total: lt('合计', '合計', 'Total'),
  url: lt('网址', '網址', 'URL'),
  title: lt('标题', '標題', 'Title'),
  status: lt('状态', '狀態', 'Status'),
  rule: lt('规则', '規則', 'Rule'),
  element: lt('元素（CSS 选择器）', '元素（CSS 選擇器）', 'Element (CSS selector)'),
  snippet: lt('代码片段', '程式碼片段', 'HTML snippet'),
  howToFix: lt('修复建议', '修復建議', 'How to fix'),
  wcag: lt('WCAG 成功标准', 'WCAG 成功準則', 'WCAG success criteria'),
  gbt: lt('GB/T 37668-2019 条款', 'GB/T 37668-2019 條款', 'GB/T 37668-2019 clauses'),
  derived: lt('推定', '推定', 'derived'),
  elderlyItems: lt('适老化条目', '適老化條目', '适老化 items'),
  transform: lt('变换', '變換', 'Transform'),
  learnMore: lt('了解更多', '瞭解更多', 'Learn more'),
  none: lt('无', '無', 'None'),
  noFindings: lt('没有发现。', '沒有發現。', 'Nothing found.'),
  pageError: lt('无法检测此页面：', '無法檢測此頁面：', 'This page could not be audited: '),
  fingerprint: lt('指纹', '指紋', 'Fingerprint'),
  baseline: lt('已按基线过滤，隐藏已知问题元素', '已按基線過濾，隱藏已知問題元素', 'Filtered against a baseline; known elements hidden'),
  automatedNote: lt(
    '自动检测只能发现部分无障碍问题，“需复核”项需要人工判断。GB/T 37668 条款号为按 WCAG 编号推定，未经标准原文核对。',
    '自動檢測只能發現部分無障礙問題，「需複核」項需要人工判斷。GB/T 37668 條款號為按 WCAG 編號推定，未經標準原文核對。',
    'Automated checks find only part of the accessibility problems; "needs review" items need a person. GB/T 37668 clause numbers are derived from WCAG numbering and were not checked against the standard\'s text.',
  ),
};

export function label(key: keyof typeof L, locale: AnyLocale): string {
  return pickText(L[key], locale);
}

export function impactLabel(impact: Impact | null, locale: AnyLocale): string {
  if (!impact) return '—';
  // A report read back from a file may hold anything here: shown as it is (callers escape it).
  const labels = (IMPACT_LABEL as Partial<Record<string, (typeof IMPACT_LABEL)[Impact]>>)[impact];
  return labels ? pickText(labels, locale) : String(impact);
}

export function standardLabel(std: string): string {
  const m = /^wcag(2|21|22)(a{1,3})$/.exec(std);
  if (!m) return std;
  return `WCAG ${m[1] === '2' ? '2.0' : m[1] === '21' ? '2.1' : '2.2'} ${m[2]!.toUpperCase()}`;
}

export function wcagText(f: Finding, locale: AnyLocale): string {
  return f.wcag.map((w) => `${w.sc} ${pickText(w.name, locale)} (${w.level})`).join('; ');
}

export function gbtText(f: Finding, locale: AnyLocale): string {
  return f.gbt37668.map((g) => `${g.clause}${g.verified ? '' : `（${label('derived', locale)}）`}`).join('; ');
}

export function elderlyText(f: Finding, locale: AnyLocale): string {
  return f.elderly.map((e) => pickText(e.title, locale)).join('; ');
}

export { targetToString };

export type FindingGroup = 'violations' | 'incomplete';

/** Localised texts for a finding in the report's (or the given) locale. */
export function localized(f: Finding, group: FindingGroup, locale: UiLocale): LocalizedFinding {
  return localizeFinding(f, locale, group);
}

export function reportLocale(report: KanjianReport, locale?: AnyLocale): UiLocale {
  return toUiLocale(locale ?? report.options.locale);
}
