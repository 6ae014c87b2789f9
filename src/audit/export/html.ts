// A single self-contained HTML report: no external assets, inline CSS with print styles, landmarks,
// headings and tables with th/scope. Every value from the report (titles, URLs, selectors, HTML
// snippets, messages, impacts, counts: a merged shard report is input like any other) is escaped text,
// never markup, and a CSP meta tag forbids scripts as a second line of defence.
import { pickText, type AnyLocale, type UiLocale } from '../locale';
import { PRINCIPLE_ORDER, principleName } from '../mappings';
import { IMPACT_ORDER, type Finding, type KanjianReport, type PageReport } from '../model';
import {
  escapeHtml as e, gbtText, impactLabel, label, localized, reportLocale, safeHttpUrl, standardLabel, targetToString,
  type FindingGroup,
} from './shared';

export interface HtmlExportOptions {
  locale?: AnyLocale;
  title?: string;
  /**
   * An element screenshot (node.screenshot, relative to the report folder) as a data: URI to show
   * inline (the report stays one self-contained file, and its CSP allows only data: images), or
   * undefined when there is none to show.
   */
  image?: (path: string) => string | undefined;
  /** Extra sections after the summary (already HTML: the CLI's comparison with the last run, the trend chart). */
  extraSections?: readonly string[];
}

const CSS = `
:root{--fg:#1f1f1f;--muted:#4a4a4a;--link:#0645ad;--line:#767676;--bg:#fff;--panel:#f3f4f6}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);font:16px/1.6 system-ui,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
a{color:var(--link)}
a:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
header,main,footer,nav{max-width:75rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem;border-bottom:2px solid var(--fg)}
h1{font-size:1.75rem;margin:.25rem 0 .75rem}
h2{font-size:1.4rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
h4{font-size:1.05rem;margin:1.25rem 0 .25rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
td.num,th.num{text-align:right}
.badge{display:inline-block;padding:0 .45rem;border-radius:.25rem;font-size:.875rem;font-weight:600}
.critical{background:#a50e1e;color:#fff}
.serious{background:#8a3a00;color:#fff}
.moderate{background:#ffe08a;color:#1f1f1f}
.minor{background:#e4e4e4;color:#1f1f1f}
.verdict-pass{background:#1b6e20;color:#fff}
.verdict-fail{background:#a50e1e;color:#fff}
.verdict-error{background:#5c4200;color:#fff}
.transform{background:#dde7ff;color:#1f1f1f}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;background:var(--panel);padding:.25rem .4rem}
.fix{white-space:pre-line;margin:0}
.refs{margin:.25rem 0;color:var(--muted)}
.finding{margin-bottom:1.5rem}
.note{color:var(--muted)}
.shot{display:block;max-width:100%;height:auto;margin-top:.4rem;border:1px solid var(--line)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin-top:3rem;padding:1rem;border-top:1px solid var(--line);color:var(--muted)}
@media print{
  .skip,nav{display:none}
  body{font-size:11pt}
  header,main,footer{max-width:none;padding:0}
  section.page{break-before:page}
  table,tr,pre{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  .badge{border:1px solid #000}
}`;

function badge(cls: string, text: string): string {
  return `<span class="badge ${e(cls)}">${e(text)}</span>`;
}

/** A number from the report, as text (escaped: a merged shard report is input like any other). */
function n(x: unknown): string {
  return e(String(x));
}

function link(url: string | undefined, text: string): string {
  const href = safeHttpUrl(url);
  return href ? `<a href="${e(href)}">${e(text)}</a>` : e(text);
}

function countsTable(report: KanjianReport, locale: UiLocale): string {
  const s = report.summary;
  const head = IMPACT_ORDER.slice().reverse().map((i) => `<th scope="col" class="num">${e(impactLabel(i, locale))}</th>`).join('');
  const row = (key: 'violations' | 'incomplete') => {
    const g = s[key];
    const cells = IMPACT_ORDER.slice().reverse().map((i) => `<td class="num">${n(g.byImpact[i])}</td>`).join('');
    return `<tr><th scope="row">${e(label(key, locale))}</th><td class="num">${n(g.rules)}</td><td class="num">${n(g.nodes)}</td>${cells}</tr>`;
  };
  return (
    `<table><caption>${e(label('byImpact', locale))}</caption><thead><tr><th scope="col">${e(label('category', locale))}</th>` +
    `<th scope="col" class="num">${e(label('rules', locale))}</th><th scope="col" class="num">${e(label('elements', locale))}</th>${head}</tr></thead>` +
    `<tbody>${row('violations')}${row('incomplete')}</tbody></table>`
  );
}

function principleTable(report: KanjianReport, locale: UiLocale): string {
  const by = report.summary.violations.byPrinciple;
  const rows = PRINCIPLE_ORDER.map((p) => `<tr><th scope="row">${e(pickText(principleName(p), locale))}</th><td class="num">${n(by[p])}</td></tr>`).join('');
  return (
    `<table><caption>${e(label('byPrinciple', locale))}</caption><thead><tr><th scope="col">${e(label('principle', locale))}</th>` +
    `<th scope="col" class="num">${e(label('elements', locale))}</th></tr></thead><tbody>${rows}` +
    `<tr><th scope="row">${e(label('other', locale))}</th><td class="num">${n(by.other)}</td></tr></tbody></table>`
  );
}

function findingHtml(f: Finding, group: FindingGroup, locale: UiLocale, id: string, image: HtmlExportOptions['image']): string {
  const loc = localized(f, group, locale);
  const impact = f.impact ? badge(f.impact, impactLabel(f.impact, locale)) : '';
  const transform = f.transform ? ` ${badge('transform', `${label('transform', locale)}: ${f.transform}`)}` : '';
  const refs: string[] = [];
  if (f.wcag.length) {
    refs.push(`${e(label('wcag', locale))}: ${f.wcag.map((w) => link(w.url, `${w.sc} ${pickText(w.name, locale)} (${w.level})`)).join('；')}`);
  }
  if (f.gbt37668.length) refs.push(`${e(label('gbt', locale))}: ${e(gbtText(f, locale))}`);
  if (f.elderly.length) refs.push(`${e(label('elderlyItems', locale))}: ${e(f.elderly.map((x) => pickText(x.title, locale)).join('；'))}`);
  const rows = f.nodes
    .map((node, i) => {
      const summary = loc.nodes[i]?.failureSummary || node.failureSummary;
      return (
        `<tr><th scope="row" class="num">${i + 1}</th><td><code>${e(targetToString(node.target))}</code>${shotHtml(node.screenshot, image, locale)}</td>` +
        `<td><pre><code>${e(node.html)}</code></pre></td><td><p class="fix">${e(summary)}</p></td></tr>`
      );
    })
    .join('');
  return (
    // Plain divs: a labelled <section> per finding would make many region landmarks with equal names.
    `<div class="finding"><h4 id="${id}">${e(loc.help)}</h4>` +
    `<p class="refs"><code>${e(f.id)}</code> ${impact}${transform} · ${link(f.helpUrl, label('learnMore', locale))}</p>` +
    (f.error ? `<p class="refs">${e(f.error)}</p>` : '') +
    refs.map((r) => `<p class="refs">${r}</p>`).join('') +
    `<table><caption class="visually-hidden">${e(loc.help)}</caption><thead><tr><th scope="col" class="num">#</th>` +
    `<th scope="col">${e(label('element', locale))}</th><th scope="col">${e(label('snippet', locale))}</th>` +
    `<th scope="col">${e(label('howToFix', locale))}</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** Only screenshots kanjian writes: screenshots/<hex>.png (the schema says so too; a report is input). */
const SHOT_PATH = /^screenshots\/[0-9a-f]{16}(-[0-9a-z]{1,16})?\.png$/;

function shotHtml(path: string | undefined, image: HtmlExportOptions['image'], locale: UiLocale): string {
  if (!path || !SHOT_PATH.test(path)) return '';
  const uri = image?.(path);
  if (!uri || !/^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(uri)) return '';
  const alt = locale === 'en' ? 'Screenshot of the element (outlined in magenta)' : locale === 'zh-TW' ? '元素截圖（洋紅色框）' : '元素截图（洋红色框）';
  return `<br><img class="shot" src="${uri}" alt="${e(alt)}">`;
}

function pageHtml(p: PageReport, index: number, locale: UiLocale, image: HtmlExportOptions['image']): string {
  const id = `page-${index + 1}`;
  const heading = p.state ? `${p.title || p.url} [${p.state}]` : p.title || p.url;
  let body = `<dl class="meta"><dt>${e(label('url', locale))}</dt><dd><code>${e(p.url)}</code></dd>`;
  if (p.state) body += `<dt>${e(locale === 'en' ? 'State' : locale === 'zh-TW' ? '狀態' : '状态')}</dt><dd>${e(p.state)}</dd>`;
  if (p.screenshot && SHOT_PATH.test(p.screenshot)) body += `<dt>${e(locale === 'en' ? 'Screenshot' : locale === 'zh-TW' ? '截圖' : '截图')}</dt><dd><a href="${e(p.screenshot)}">${e(p.screenshot)}</a></dd>`;
  if (p.title) body += `<dt>${e(label('title', locale))}</dt><dd>${e(p.title)}</dd>`;
  body += `<dt>${e(label('passes', locale))}</dt><dd>${n(p.passes)}</dd></dl>`;
  if (p.status === 'failed') {
    body += `<p>${e(label('pageError', locale))}${e(p.error ?? '')}</p>`;
  } else {
    for (const group of ['violations', 'incomplete'] as const) {
      const findings = p[group];
      const gid = `${id}-${group}`;
      const count = findings.reduce((s, f) => s + f.nodes.length, 0);
      body += `<div class="group"><h3 id="${gid}">${e(label(group, locale))} (${findings.length} / ${count})</h3>`;
      body += findings.length ? findings.map((f, i) => findingHtml(f, group, locale, `${gid}-${i + 1}`, group === 'violations' ? image : undefined)).join('') : `<p>${e(label('noFindings', locale))}</p>`;
      body += '</div>';
    }
  }
  return `<section class="page" aria-labelledby="${id}"><h2 id="${id}">${e(label('page', locale))} ${index + 1}: ${e(heading)}</h2>${body}</section>`;
}

export function toHtml(report: KanjianReport, opts: HtmlExportOptions = {}): string {
  const locale = reportLocale(report, opts.locale);
  const title = opts.title ?? label('reportTitle', locale);
  const v = report.summary.verdict;
  const verdictText = label(v.result === 'pass' ? 'pass' : v.result === 'fail' ? 'fail' : 'error', locale);
  const o = report.options;
  const onOff = (b: boolean) => label(b ? 'on' : 'off', locale);
  const nav = report.pages
    .map((p, i) => `<li><a href="#page-${i + 1}">${e(`${i + 1}. ${p.title || p.url}${p.state ? ` [${p.state}]` : ''}`)}</a></li>`)
    .join('');
  return (
    '<!doctype html>\n' +
    `<html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="kanjian ${e(report.tool.version)}">` +
    `<title>${e(title)}</title><style>${CSS}</style></head><body>` +
    `<a class="skip" href="#main">${e(locale === 'en' ? 'Skip to content' : locale === 'zh-TW' ? '跳到主要內容' : '跳到主要内容')}</a>` +
    `<header><h1>${e(title)}</h1>` +
    `<dl class="meta"><dt>${e(label('verdict', locale))}</dt><dd>${badge(`verdict-${v.result}`, verdictText)} ${e(standardLabel(v.standard))}</dd>` +
    `<dt>${e(label('generatedAt', locale))}</dt><dd>${e(report.generatedAt)}</dd>` +
    `<dt>${e(label('tool', locale))}</dt><dd>kanjian ${e(report.tool.version)} · axe-core ${e(report.tool.axeVersion)}</dd>` +
    `<dt>${e(label('standard', locale))}</dt><dd>${e(standardLabel(o.standard))} · ${e(label('bestPractices', locale))}: ${e(onOff(o.bestPractices))} · ${e(label('elderly', locale))}: ${e(onOff(o.elderlyProfile))}</dd></dl></header>` +
    `<nav aria-label="${e(label('contents', locale))}"><h2>${e(label('contents', locale))}</h2><ul><li><a href="#summary">${e(label('summary', locale))}</a></li>${nav}</ul></nav>` +
    `<main id="main"><section aria-labelledby="summary"><h2 id="summary">${e(label('summary', locale))}</h2>` +
    `<dl class="meta"><dt>${e(label('pages', locale))}</dt><dd>${n(report.summary.pages.total)} (${e(label('audited', locale))} ${n(report.summary.pages.audited)}, ${e(label('failedPages', locale))} ${n(report.summary.pages.failed)})</dd>` +
    `<dt>${e(label('passes', locale))}</dt><dd>${n(report.summary.passes)}</dd></dl>` +
    (report.baseline ? `<p class="note">${e(label('baseline', locale))}: ${n(report.baseline.suppressedNodes)}</p>` : '') +
    countsTable(report, locale) +
    principleTable(report, locale) +
    `<p class="note">${e(label('automatedNote', locale))}</p></section>` +
    (opts.extraSections ?? []).join('') +
    report.pages.map((p, i) => pageHtml(p, i, locale, opts.image)).join('') +
    `</main><footer><p>${e(label('reportTitle', locale))} · kanjian ${e(report.tool.version)}</p></footer></body></html>\n`
  );
}
