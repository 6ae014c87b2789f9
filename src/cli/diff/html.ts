/**
 * The sections `kanjian audit` adds to report.html: the comparison with an earlier run (--compare)
 * and the trend over the runs of --history, drawn as an inline SVG chart (no script, no external
 * asset: the report's CSP allows neither), with the numbers in a table too (a chart alone is not
 * accessible). Every value is escaped text; the chart's coordinates are numbers computed here.
 */
import type { UiLocale } from '../../audit/locale';
import { IMPACT_ORDER, type Impact } from '../../audit/model';
import { escapeHtml as e, impactLabel } from '../../audit/export/shared';
import type { ChangedFinding, Comparison } from './compare';
import type { History } from './history';

type Words = Record<'impact' | 'compareTitle' | 'added' | 'fixed' | 'unchanged' | 'total' | 'rule' | 'page' | 'element' | 'none' | 'trendTitle' | 'run' | 'when' | 'pages' | 'chartLabel' | 'since', string>;

const WORDS: Record<UiLocale, Words> = {
  'zh-CN': {
    impact: '影响程度', compareTitle: '与上次运行的对比', added: '新增', fixed: '已修复', unchanged: '未变', total: '合计', rule: '规则', page: '页面', element: '元素',
    none: '无', trendTitle: '趋势', run: '运行', when: '时间', pages: '页面数', chartLabel: '各次运行按影响程度统计的违规元素数', since: '对比的报告生成于',
  },
  'zh-TW': {
    impact: '影響程度', compareTitle: '與上次執行的對比', added: '新增', fixed: '已修復', unchanged: '未變', total: '合計', rule: '規則', page: '頁面', element: '元素',
    none: '無', trendTitle: '趨勢', run: '執行', when: '時間', pages: '頁面數', chartLabel: '各次執行依影響程度統計的違規元素數', since: '對比的報告產生於',
  },
  en: {
    impact: 'Impact', compareTitle: 'Compared with the last run', added: 'New', fixed: 'Fixed', unchanged: 'Unchanged', total: 'Total', rule: 'Rule', page: 'Page', element: 'Element',
    none: 'None', trendTitle: 'Trend', run: 'Run', when: 'When', pages: 'Pages', chartLabel: 'Violating elements by impact, run by run', since: 'Compared with the report generated at',
  },
};

/** The chart's colours, as the report's impact badges. */
const COLOURS: Record<Impact, string> = { critical: '#a50e1e', serious: '#8a3a00', moderate: '#b58900', minor: '#6b6b6b' };
const DASHES: Record<Impact, string> = { critical: '', serious: '6 3', moderate: '2 3', minor: '8 3 2 3' };

function findingsTable(list: readonly ChangedFinding[], caption: string, w: Words, locale: UiLocale): string {
  if (!list.length) return `<p>${e(caption)}: ${e(w.none)}</p>`;
  const rows = list
    .map((f) => `<tr><td>${e(impactLabel(f.impact, locale))}</td><td><code>${e(f.rule)}</code></td><td><code>${e(f.url)}</code>${f.state ? ` [${e(f.state)}]` : ''}</td><td><code>${e(f.target)}</code></td></tr>`)
    .join('');
  return `<table><caption>${e(caption)} (${list.length})</caption><thead><tr><th scope="col">${e(w.impact)}</th><th scope="col">${e(w.rule)}</th><th scope="col">${e(w.page)}</th><th scope="col">${e(w.element)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function comparisonSection(c: Comparison, locale: UiLocale): string {
  const w = WORDS[locale];
  const head = IMPACT_ORDER.slice().reverse().map((i) => `<th scope="col" class="num">${e(impactLabel(i, locale))}</th>`).join('');
  const row = (name: string, counts: Record<Impact, number>, id: string): string => {
    const sum = IMPACT_ORDER.reduce((s, i) => s + counts[i], 0);
    return `<tr id="${id}"><th scope="row">${e(name)}</th>${IMPACT_ORDER.slice().reverse().map((i) => `<td class="num">${counts[i]}</td>`).join('')}<td class="num">${sum}</td></tr>`;
  };
  return (
    `<section aria-labelledby="comparison"><h2 id="comparison">${e(w.compareTitle)}</h2>` +
    `<p class="note">${e(w.since)} ${e(c.old.generatedAt)}</p>` +
    `<table><caption>${e(w.compareTitle)}</caption><thead><tr><th scope="col"></th>${head}<th scope="col" class="num">${e(w.total)}</th></tr></thead><tbody>` +
    row(w.added, c.counts.added, 'compare-added') + row(w.fixed, c.counts.fixed, 'compare-fixed') + row(w.unchanged, c.counts.unchanged, 'compare-unchanged') +
    '</tbody></table>' +
    findingsTable(c.added, w.added, w, locale) +
    findingsTable(c.fixed, w.fixed, w, locale) +
    '</section>'
  );
}

const WIDTH = 640;
const HEIGHT = 240;
const M = { left: 48, right: 16, top: 16, bottom: 40 };

/** The trend chart: one line per impact over the runs (oldest left), with axes and a legend. */
export function trendSvg(history: History, locale: UiLocale): string {
  const w = WORDS[locale];
  const runs = history.runs;
  const max = Math.max(1, ...runs.flatMap((r) => IMPACT_ORDER.map((i) => r.violations[i])));
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const x = (k: number): number => M.left + (runs.length > 1 ? (k * plotW) / (runs.length - 1) : plotW / 2);
  const y = (v: number): number => M.top + plotH - (v * plotH) / max;
  const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();
  const lines = IMPACT_ORDER.slice()
    .reverse()
    .map((i) => {
      const points = runs.map((r, k) => `${fmt(x(k))},${fmt(y(r.violations[i]))}`).join(' ');
      const dash = DASHES[i] ? ` stroke-dasharray="${DASHES[i]}"` : '';
      return `<polyline data-impact="${i}" fill="none" stroke="${COLOURS[i]}" stroke-width="2"${dash} points="${points}"/>`;
    })
    .join('');
  const ticks = [0, max / 2, max].map((v) => `<text x="${M.left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end" font-size="11">${Math.round(v)}</text><line x1="${M.left}" x2="${WIDTH - M.right}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#ddd"/>`).join('');
  const xLabels = runs.map((_r, k) => `<text x="${fmt(x(k))}" y="${HEIGHT - M.bottom + 16}" text-anchor="middle" font-size="11">${k + 1}</text>`).join('');
  const legend = IMPACT_ORDER.slice()
    .reverse()
    .map((i, k) => `<g transform="translate(${M.left + k * 120},${HEIGHT - 8})"><line x1="0" x2="20" y1="-4" y2="-4" stroke="${COLOURS[i]}" stroke-width="2"${DASHES[i] ? ` stroke-dasharray="${DASHES[i]}"` : ''}/><text x="26" y="0" font-size="11">${e(impactLabel(i, locale))}</text></g>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="trend-chart-title">` +
    `<title id="trend-chart-title">${e(w.chartLabel)}</title>` +
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}" stroke="#1f1f1f"/>` +
    `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${M.top + plotH}" y2="${M.top + plotH}" stroke="#1f1f1f"/>` +
    ticks + xLabels + lines + legend +
    '</svg>'
  );
}

export function trendSection(history: History, locale: UiLocale): string {
  const w = WORDS[locale];
  const head = IMPACT_ORDER.slice().reverse().map((i) => `<th scope="col" class="num">${e(impactLabel(i, locale))}</th>`).join('');
  const rows = history.runs
    .map((r, k) => `<tr><th scope="row" class="num">${k + 1}</th><td>${e(r.generatedAt)}</td><td class="num">${r.pages}</td>${IMPACT_ORDER.slice().reverse().map((i) => `<td class="num">${r.violations[i]}</td>`).join('')}</tr>`)
    .join('');
  return (
    `<section aria-labelledby="trend"><h2 id="trend">${e(w.trendTitle)}</h2>` +
    `<figure>${trendSvg(history, locale)}<figcaption>${e(w.chartLabel)}</figcaption></figure>` +
    `<table><caption>${e(w.chartLabel)}</caption><thead><tr><th scope="col" class="num">${e(w.run)}</th><th scope="col">${e(w.when)}</th><th scope="col" class="num">${e(w.pages)}</th>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    '</section>'
  );
}
