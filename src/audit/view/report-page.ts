import type { WxtBrowser as Browser } from 'wxt/browser';
import type { AxeResults } from 'axe-core';
import { autoLocale, translator, type MessageKey, type Translator, type UiLocale } from '../../i18n/messages';
import { sendMessage } from '../../messaging/protocol';
import { sendToPageUi } from '../../messaging/page-ui';
import { AUDIT_STANDARDS, type AuditStandard } from '../../settings/schema';
import { loadSettings, updateGlobal } from '../../settings/store';
import { h } from '../../shared/dom';
import { toCsv, toHtml, toJson } from '../export/index';
import { pickText } from '../locale';
import { localizeFinding } from '../localize/localize';
import { buildReport, type Finding, type FindingNode, type Impact, type KanjianReport } from '../model';
import { targetToString } from '../fingerprint';
import { checkStoredPdfLinks, finishStoredAudit, loadAxe } from '../runner/finish';
import { loadAudit, type StoredAudit } from '../store';
import { withPdfResults } from '../pdf/results';
import { auditFailureText } from '../failure';
import { keyboardRulesFor } from '../keyboard/select';
import { keyboardPathOf, withKeyboardResults } from '../keyboard/to-axe';
import type { KeyboardPath } from '../keyboard/types';
import { TAB_STOPS_PORT, type TabStopsMessage } from '../../content/tab-stops';

const IMPACT_KEY: Record<Impact, MessageKey> = {
  critical: 'impactCritical',
  serious: 'impactSerious',
  moderate: 'impactModerate',
  minor: 'impactMinor',
};
const PRINCIPLE_KEY: Record<string, MessageKey> = {
  perceivable: 'principlePerceivable',
  operable: 'principleOperable',
  understandable: 'principleUnderstandable',
  robust: 'principleRobust',
  other: 'principleOther',
};

export function standardLabel(std: string): string {
  const m = /^wcag(2|21|22)(a{1,3})$/.exec(std);
  if (!m) return std;
  return `WCAG ${m[1] === '2' ? '2.0' : m[1] === '21' ? '2.1' : '2.2'} ${m[2]!.toUpperCase()}`;
}

/** Saves a string as a file through the browser's own download of a blob: no permission, no network. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileStem(report: KanjianReport): string {
  const host = (() => {
    try {
      return new URL(report.pages[0]?.url ?? '').host.replace(/[^\w.-]/g, '_') || 'page';
    } catch {
      return 'page';
    }
  })();
  return `kanjian-audit-${host}-${report.generatedAt.slice(0, 19).replace(/[:T]/g, '-')}`;
}

/**
 * The report page: summary, findings by rule with WCAG / GB/T 37668 / 适老化 references, element
 * highlighting in the audited tab, exports and options. Page content (snippets, selectors, titles,
 * URLs) is only ever set as text.
 */
export async function renderReportPage(root: HTMLElement, browser: Browser): Promise<void> {
  const area = browser.storage.local;
  const { global } = await loadSettings(area, null);
  const locale: UiLocale = global.uiLanguage === 'auto' ? autoLocale(browser.i18n.getUILanguage(), 'zh-CN') : global.uiLanguage;
  const tr = translator(locale);
  document.documentElement.lang = locale;
  document.title = tr('reportTitle');
  const id = new URLSearchParams(location.search).get('id') ?? '';
  const status = h('p', { role: 'status', class: 'status', id: 'status' });
  let stored: StoredAudit | undefined;
  let results: AxeResults | undefined;
  root.replaceChildren(h('main', {}, h('h1', { text: tr('reportTitle') }), h('p', { role: 'status', text: tr('auditStarted') })));
  try {
    // axe is needed only for audits of pages with frames (the others come finished).
    const axe = (): Promise<typeof import('axe-core')> => loadAxe();
    stored = await loadAudit(id);
    if (stored) {
      const [finished, pdfChecks] = await Promise.all([finishStoredAudit(stored, stored.results ? undefined : axe()), checkStoredPdfLinks(stored).catch(() => [])]);
      results = withPdfResults(finished, pdfChecks);
    }
  } catch {
    stored = undefined;
  }
  if (!stored || !results) {
    root.replaceChildren(h('main', {}, h('h1', { text: tr('reportTitle') }), h('p', { text: tr('reportMissing') })));
    return;
  }
  // The keyboard walk's findings join axe's. Without focus on the page its focus styles never showed:
  // that rule is left out rather than guessed.
  const walked = stored.keyboard;
  const keyboardRules = walked ? keyboardRulesFor(stored.options).filter((r) => walked.focused || r !== 'kanjian-keyboard-focus-visible') : [];
  const keyboard = walked ? keyboardPathOf(walked.walk) : undefined;
  const report = buildReport({
    pages: { url: stored.url, title: stored.title, results: walked ? withKeyboardResults(results, walked.walk, keyboardRules) : results, ...(keyboard ? { keyboard } : {}) },
    options: { ...stored.options, locale },
    toolVersion: browser.runtime.getManifest().version,
    generatedAt: stored.startedAt,
    keepRaw: true,
  });
  const page = report.pages[0]!;
  const locate = async (node: FindingNode, button: HTMLButtonElement): Promise<void> => {
    try {
      await browser.tabs.update(stored.tabId, { active: true });
      const res = await sendToPageUi(browser, stored.tabId, () => sendMessage('highlightTarget', { target: node.target as Array<string | string[]> }, { tabId: stored.tabId, frameId: 0 }));
      status.textContent = res.found ? tr('nodeLocated') : tr('nodeNotFound');
    } catch {
      status.textContent = tr('nodeTabGone');
    }
    button.focus();
  };

  const main = h('main', { id: 'main' });
  main.append(
    h('h1', { text: tr('reportTitle') }),
    h(
      'dl',
      { class: 'meta' },
      h('dt', { text: tr('reportPage') }),
      h('dd', {}, h('span', { class: 'page-title', text: page.title ?? '' }), h('br'), h('span', { class: 'url', text: page.url })),
      h('dt', { text: tr('reportWhen') }),
      h('dd', { text: `${new Date(stored.startedAt).toLocaleString(locale)}（${tr('reportDuration', (stored.durationMs / 1000).toFixed(1))}）` }),
      h('dt', { text: tr('reportStandard') }),
      h('dd', { text: standardLabel(report.options.standard) }),
    ),
    verdictBlock(report, tr),
    summaryBlock(report, tr),
    exportBlock(report, tr, locale),
    findingsSection('violations', page.violations, tr, locale, locate),
    findingsSection('incomplete', page.incomplete, tr, locale, locate),
    tabStopsSection(keyboard, walked ? walked.focused : true, tr, browser, stored.tabId, status),
    h('p', { id: 'passes', text: tr('reportPasses', page.passes) }),
    optionsBlock(global, tr, area, browser, stored, status),
  );
  root.replaceChildren(h('a', { href: '#main', class: 'skip', text: tr('skipToReport') }), main, status);
}

function verdictBlock(report: KanjianReport, tr: Translator): HTMLElement {
  const v = report.summary.verdict;
  const std = standardLabel(v.standard);
  const key: MessageKey = v.result === 'pass' ? 'verdictPass' : v.result === 'fail' ? 'verdictFail' : 'verdictError';
  return h('section', { 'aria-labelledby': 'verdict-h', class: `verdict verdict-${v.result}` }, h('h2', { id: 'verdict-h', text: tr('reportVerdict') }), h('p', { id: 'verdict', text: tr(key, std) }));
}

function summaryBlock(report: KanjianReport, tr: Translator): HTMLElement {
  const s = report.summary;
  const impacts: Impact[] = ['critical', 'serious', 'moderate', 'minor'];
  const impactTable = h(
    'table',
    { id: 'by-impact' },
    h('caption', { text: tr('reportByImpact') }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: tr('findingImpact') }), h('th', { scope: 'col', text: tr('reportViolations', '', '').replace(/[（(].*$/, '') }), h('th', { scope: 'col', text: tr('reportIncomplete', '', '').replace(/[（(].*$/, '') }))),
    h('tbody', {}, ...impacts.map((i) => h('tr', {}, h('th', { scope: 'row', text: tr(IMPACT_KEY[i]) }), h('td', { text: String(s.violations.byImpact[i]) }), h('td', { text: String(s.incomplete.byImpact[i]) })))),
  );
  const principles = ['perceivable', 'operable', 'understandable', 'robust', 'other'] as const;
  const principleTable = h(
    'table',
    { id: 'by-principle' },
    h('caption', { text: tr('reportByPrinciple') }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '' }), h('th', { scope: 'col', text: tr('reportNodes') }))),
    h('tbody', {}, ...principles.map((p) => h('tr', {}, h('th', { scope: 'row', text: tr(PRINCIPLE_KEY[p]!) }), h('td', { text: String(s.violations.byPrinciple[p] ?? 0) })))),
  );
  return h('section', { 'aria-labelledby': 'summary-h' }, h('h2', { id: 'summary-h', text: tr('reportSummary') }), h('div', { class: 'tables' }, impactTable, principleTable));
}

function exportBlock(report: KanjianReport, tr: Translator, locale: UiLocale): HTMLElement {
  const stem = fileStem(report);
  const btn = (id: string, key: MessageKey, fn: () => void): HTMLButtonElement => {
    const b = h('button', { type: 'button', id, text: tr(key) });
    b.addEventListener('click', fn);
    return b;
  };
  return h(
    'section',
    { 'aria-labelledby': 'export-h' },
    h('h2', { id: 'export-h', text: tr('reportExport') }),
    h(
      'div',
      { class: 'row' },
      btn('export-json', 'exportJson', () => download(`${stem}.json`, 'application/json', toJson(report, { raw: true }))),
      btn('export-html', 'exportHtml', () => download(`${stem}.html`, 'text/html', toHtml(report, { locale }))),
      btn('export-csv', 'exportCsv', () => download(`${stem}.csv`, 'text/csv', toCsv(report, { locale }))),
    ),
  );
}

function findingsSection(
  group: 'violations' | 'incomplete',
  findings: Finding[],
  tr: Translator,
  locale: UiLocale,
  locate: (n: FindingNode, b: HTMLButtonElement) => Promise<void>,
): HTMLElement {
  const nodes = findings.reduce((n, f) => n + f.nodes.length, 0);
  const heading = tr(group === 'violations' ? 'reportViolations' : 'reportIncomplete', findings.length, nodes);
  const section = h('section', { id: group, 'aria-labelledby': `${group}-h` }, h('h2', { id: `${group}-h`, text: heading }));
  if (!findings.length) {
    section.append(h('p', { text: tr(group === 'violations' ? 'reportNoViolations' : 'reportNoIncomplete') }));
    return section;
  }
  for (const f of findings) {
    const loc = localizeFinding(f, locale, group);
    const article = h('article', { class: 'finding', 'data-rule': f.id, 'aria-labelledby': `${group}-${f.id}` });
    article.append(
      h('h3', { id: `${group}-${f.id}` }, h('span', { class: 'help', text: loc.help }), ' ', h('code', { class: 'rule-id', text: f.id })),
      h('p', { class: 'description', text: loc.description }),
    );
    const refs = h('dl', { class: 'refs' });
    refs.append(h('dt', { text: tr('findingImpact') }), h('dd', { class: `impact impact-${f.impact ?? 'none'}`, text: f.impact ? tr(IMPACT_KEY[f.impact]) : tr('impactNone') }));
    if (f.wcag.length) {
      refs.append(h('dt', { text: tr('findingWcag') }), h('dd', { class: 'wcag', text: f.wcag.map((w) => `${w.sc} ${pickText(w.name, locale)}（${w.level}）`).join('；') }));
    }
    if (f.gbt37668.length) {
      const unverified = f.gbt37668.some((g) => !g.verified);
      refs.append(h('dt', { text: tr('findingGbt') }), h('dd', { class: 'gbt', text: f.gbt37668.map((g) => g.clause).join('；') + (unverified ? ` ${tr('findingGbtUnverified')}` : '') }));
    }
    if (f.elderly.length) {
      refs.append(h('dt', { text: tr('findingElderly') }), h('dd', { class: 'elderly', text: f.elderly.map((e) => pickText(e.title, locale)).join('；') }));
    }
    if (f.transform) refs.append(h('dt', { text: '' }), h('dd', { text: tr('transformLabel', f.transform) }));
    article.append(refs);
    if (/^https:\/\//.test(f.helpUrl)) article.append(h('p', {}, h('a', { href: f.helpUrl, target: '_blank', rel: 'noopener noreferrer', text: tr('findingMore') })));
    const list = h('ol', { class: 'nodes', 'aria-label': tr('findingElements') });
    f.nodes.forEach((n, i) => {
      const summary = loc.nodes[i]?.failureSummary || n.failureSummary;
      const button = h('button', { type: 'button', class: 'locate', text: tr('nodeLocate') });
      button.addEventListener('click', () => void locate(n, button));
      list.append(
        h(
          'li',
          { class: 'node' },
          h('p', {}, h('strong', { text: tr('labelled', tr('nodeSelector'), '') }), h('code', { class: 'selector', text: targetToString(n.target) }), n.target.length > 1 ? h('span', { class: 'frame', text: ` （${tr('frameNote')}）` }) : null),
          h('p', {}, h('strong', { text: tr('labelled', tr('nodeHtml'), '') })),
          h('pre', { class: 'snippet' }, h('code', { text: n.html })),
          summary ? h('p', {}, h('strong', { text: tr('labelled', tr('nodeSummary'), '') })) : null,
          summary ? h('pre', { class: 'summary', text: summary }) : null,
          button,
        ),
      );
    });
    article.append(list);
    section.append(article);
  }
  return section;
}

/**
 * 键盘路径: the path of tab stops as a list, and a switch that draws the numbered stops on the audited
 * tab (through a port to its content script; the browser closes the port with this page, and the
 * drawing goes with it). Only a person's own click turns it on.
 */
function tabStopsSection(path: KeyboardPath | undefined, focused: boolean, tr: Translator, browser: Browser, tabId: number, status: HTMLElement): HTMLElement {
  const section = h('section', { id: 'keyboard', 'aria-labelledby': 'keyboard-h' }, h('h2', { id: 'keyboard-h', text: tr('tabStopsTitle') }));
  if (!path) {
    section.append(h('p', { text: tr('tabStopsSkipped') }));
    return section;
  }
  if (!path.stops.length) {
    section.append(h('p', { text: tr('tabStopsNone') }));
    return section;
  }
  section.append(h('p', { id: 'tab-stops-summary', text: tr('tabStopsSummary', path.stops.length, path.stops.filter((s) => s.problem).length) }));
  if (!path.complete) section.append(h('p', { text: tr('tabStopsIncomplete') }));
  if (!focused) section.append(h('p', { text: tr('tabStopsNotFocused') }));
  const toggle = h('button', { type: 'button', id: 'tab-stops-toggle', 'aria-pressed': 'false', text: tr('tabStopsShow') });
  let port: ReturnType<Browser['tabs']['connect']> | null = null;
  const off = (message: MessageKey | null): void => {
    port?.disconnect();
    port = null;
    toggle.setAttribute('aria-pressed', 'false');
    if (message) status.textContent = tr(message);
  };
  toggle.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    if (port) {
      off('tabStopsHidden');
      return;
    }
    try {
      const p = browser.tabs.connect(tabId, { name: TAB_STOPS_PORT, frameId: 0 });
      port = p;
      p.onDisconnect.addListener(() => {
        if (port === p) off('nodeTabGone');
      });
      p.onMessage.addListener((reply: unknown) => {
        const shown = (reply as { shown?: unknown } | null)?.shown;
        if (typeof shown === 'number') status.textContent = tr('tabStopsShown', shown);
      });
      const message: TabStopsMessage = {
        stops: path.stops.map((s) => ({ index: s.index, target: s.target, rect: s.rect, ...(s.problem ? { problem: true } : {}) })),
        label: tr('tabStopsLabel', path.stops.length),
      };
      p.postMessage(message);
      toggle.setAttribute('aria-pressed', 'true');
      void browser.tabs.update(tabId, { active: true }).catch(() => undefined);
    } catch {
      off('nodeTabGone');
    }
  });
  const list = h('ol', { id: 'tab-stops', class: 'tab-stops', 'aria-label': tr('tabStopsTitle') });
  for (const s of path.stops) {
    list.append(
      h(
        'li',
        { class: s.problem ? 'stop problem' : 'stop' },
        h('span', { class: 'stop-name', text: s.name || s.tag }),
        ' ',
        h('code', { class: 'selector', text: targetToString(s.target) }),
        s.problem ? h('strong', { class: 'stop-problem', text: ` （${tr('tabStopsProblem')}）` }) : null,
      ),
    );
  }
  section.append(h('p', {}, toggle), list);
  return section;
}

function optionsBlock(
  global: Awaited<ReturnType<typeof loadSettings>>['global'],
  tr: Translator,
  area: Browser['storage']['local'],
  browser: Browser,
  stored: StoredAudit,
  status: HTMLElement,
): HTMLElement {
  const std = h('select', { id: 'opt-standard' });
  for (const s of AUDIT_STANDARDS) {
    const o = h('option', { value: s, text: standardLabel(s) });
    o.selected = s === global.auditStandard;
    std.append(o);
  }
  const bp = h('input', { type: 'checkbox', id: 'opt-bp' });
  bp.checked = global.auditBestPractices;
  const elderly = h('input', { type: 'checkbox', id: 'opt-elderly' });
  elderly.checked = global.auditElderly;
  const include = h('input', { type: 'text', id: 'opt-include', value: global.auditRulesInclude.join(', ') });
  const exclude = h('input', { type: 'text', id: 'opt-exclude', value: global.auditRulesExclude.join(', ') });
  const rerun = h('button', { type: 'submit', text: tr('optRerun') });
  const form = h(
    'form',
    { id: 'options' },
    h('p', {}, h('label', { for: 'opt-standard', text: tr('optStandard') }), ' ', std),
    h('p', {}, h('label', {}, bp, ' ', tr('optBestPractices'))),
    h('p', {}, h('label', {}, elderly, ' ', tr('optElderly'))),
    h('p', {}, h('label', { for: 'opt-include', text: tr('optInclude') }), h('br'), include),
    h('p', {}, h('label', { for: 'opt-exclude', text: tr('optExclude') }), h('br'), exclude),
    rerun,
  );
  const ids = (v: string): string[] => v.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      await updateGlobal(area, {
        auditStandard: std.value as AuditStandard,
        auditBestPractices: bp.checked,
        auditElderly: elderly.checked,
        auditRulesInclude: ids(include.value),
        auditRulesExclude: ids(exclude.value),
      });
      status.textContent = tr('reportRerunning');
      try {
        const res = await sendMessage('startAudit', { tabId: stored.tabId });
        location.search = `?id=${res.auditId}`;
      } catch (err) {
        status.textContent = auditFailureText(err, tr);
      }
    })();
  });
  return h('section', { 'aria-labelledby': 'options-h' }, h('h2', { id: 'options-h', text: tr('reportOptions') }), form);
}
