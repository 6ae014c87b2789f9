/**
 * kanjian/playwright — accessibility checks in Playwright Test, with kanjian's audit (axe-core in its
 * minified form, loaded once per document, plus kanjian's 适老化 rules and transforms).
 *
 *   import { test, expect } from 'kanjian/playwright';
 *
 *   test('首页无障碍', async ({ page, kanjian }) => {
 *     await page.goto('https://example.gov.cn/');
 *     const report = await kanjian.audit({ level: 'wcag21aa', profile: '适老化' });
 *     expect(report).toHaveNoViolations({ failOn: 'serious' });
 *   });
 *
 * `test.use({ kanjianExtension: true })` runs the test's page with the built kanjian extension
 * loaded (Chromium, persistent context, .output/chrome-mv3 or a path), to check the toolbar on a site.
 */
import { test as base, expect as baseExpect, type BrowserContext, type Frame, type JSHandle, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { filterNew, type Baseline } from '../../audit/baseline';
import { buildReport, IMPACT_ORDER, type FailOn, type Finding, type KanjianReport } from '../../audit/model';
import { IMPACT_LABEL } from '../../audit/export/shared';
import type { AuditOptionsInput } from '../../audit/options';
import { tagsInScope } from '../../audit/mappings';
import { WCAG_STANDARDS, type WcagStandard } from '../../audit/standards';
import type { SchemeId } from '../../display/schemes';
import { initScript, kanjianVersion, readAxe } from '../audit/bundle';
import { chromiumFlags } from '../audit/driver';
import { CALL_FUNCTION, FRAME_ELEMENT_FUNCTION, PageReplyError, parseReply, type FrameRealm } from '../audit/frames';
import { CdpPage, type CdpSession } from '../audit/realm-cdp';
import { auditLoaded, type TransformName } from '../audit/runner';

export type { KanjianReport, Finding, FailOn, Baseline, TransformName, WcagStandard };

export interface KanjianAuditOptions {
  /** Conformance target, default wcag21aa. */
  level?: WcagStandard;
  /** Run only these axe rule ids (axe's runOnly). */
  rules?: string[];
  /** Rule ids to switch on or off besides the level's. */
  include?: string[];
  exclude?: string[];
  /** '适老化' (or 'elderly'): also run kanjian's elder-friendly rules. */
  profile?: '适老化' | '適老化' | 'elderly' | 'none';
  bestPractices?: boolean;
  /** Language of rendered reports (zh-CN default). */
  locale?: 'zh-CN' | 'zh-TW' | 'en' | 'zh_CN' | 'zh_TW';
  /** Re-audit with the toolbar's transforms (findings they cause are labelled). */
  transforms?: TransformName[];
  contrastScheme?: SchemeId;
}

export interface KanjianFixture {
  /** Audits the test's page as it is now (all frames); returns kanjian's report model. */
  audit(options?: KanjianAuditOptions): Promise<KanjianReport>;
}

export interface NoViolationsOptions {
  /** Count only violations within this conformance level (a WCAG level tag on the rule). */
  level?: WcagStandard;
  /** Least impact that fails, default 'minor' (any violation); 'none' never fails. */
  failOn?: FailOn;
  /** Ignore findings this baseline knows (a baseline object, a report, fingerprints, or a file path). */
  baseline?: Baseline | KanjianReport | readonly string[] | string;
  /** Options for the audit when the received value is a Page. */
  audit?: KanjianAuditOptions;
}

function toInput(o: KanjianAuditOptions = {}): AuditOptionsInput {
  if (o.level && !WCAG_STANDARDS.includes(o.level)) throw new Error(`kanjian: unknown level "${o.level}" (use ${WCAG_STANDARDS.join(', ')})`);
  return {
    ...(o.level ? { standard: o.level } : {}),
    bestPractices: !!o.bestPractices,
    elderlyProfile: o.profile !== undefined && o.profile !== 'none',
    ...(o.locale ? { locale: o.locale } : {}),
    rules: { include: o.include ?? [], exclude: o.exclude ?? [], ...(o.rules?.length ? { only: o.rules } : {}) },
  };
}

const script = async (): Promise<string> => (await initScript()).script;

/**
 * The frame's main world, for browsers without CDP (Playwright's Firefox and WebKit): kanjian's code
 * is then within the page's reach. Chromium pages get kanjian's own world instead (see auditPage).
 */
function mainWorld(frame: Frame): FrameRealm {
  const callIn = (method: string, arg: unknown): Promise<unknown> => frame.evaluate(`(${CALL_FUNCTION})(${JSON.stringify(method)}, ${JSON.stringify(JSON.stringify(arg))})`);
  return {
    async call(method, arg) {
      let reply = parseReply(await callIn(method, arg));
      if (reply.missing) {
        await frame.evaluate(await script());
        reply = parseReply(await callIn(method, arg));
        if (reply.missing) throw new PageReplyError('kanjian: could not load axe into the page / 无法在页面中加载 axe');
      }
      return reply.value;
    },
    async child(selector) {
      const handle: JSHandle = await frame.evaluateHandle(`(${FRAME_ELEMENT_FUNCTION})(${JSON.stringify(JSON.stringify(selector))})`);
      const el = handle.asElement();
      const child = el ? await el.contentFrame() : null;
      await handle.dispose();
      return child ? mainWorld(child) : null;
    },
  };
}

/** Audits a loaded Playwright page (all its frames) and returns kanjian's report. */
export async function auditPage(page: Page, options: KanjianAuditOptions = {}): Promise<KanjianReport> {
  const input = toInput(options);
  let cdp: CdpPage<Frame> | null = null;
  try {
    cdp = await CdpPage.attach<Frame>({ frames: () => page.frames(), newSession: (t) => page.context().newCDPSession(t === 'page' ? page : t) as Promise<CdpSession> }, script);
  } catch {
    cdp = null; // not Chromium
  }
  try {
    const top = cdp ? await cdp.top() : mainWorld(page.mainFrame());
    const pageInput = await auditLoaded(top, page.url(), input, options.transforms ?? [], options.contrastScheme ?? 'white-on-black');
    return buildReport({ pages: [pageInput], options: input, toolVersion: kanjianVersion(), axeVersion: readAxe().version, generatedAt: new Date() });
  } finally {
    await cdp?.detach();
  }
}

function loadBaseline(b: NonNullable<NoViolationsOptions['baseline']>): Baseline | KanjianReport | readonly string[] {
  if (typeof b !== 'string') return b;
  return JSON.parse(readFileSync(resolve(b), 'utf8')) as Baseline | KanjianReport | string[];
}

function isPage(x: unknown): x is Page {
  return !!x && typeof x === 'object' && typeof (x as Page).evaluate === 'function' && typeof (x as Page).mainFrame === 'function';
}


/** The violations that count: within the level, at or above failOn. */
export function countedViolations(report: KanjianReport, o: Pick<NoViolationsOptions, 'level' | 'failOn'>): Array<{ url: string; finding: Finding }> {
  const failOn = o.failOn ?? 'minor';
  if (failOn === 'none') return [];
  const min = IMPACT_ORDER.indexOf(failOn);
  const out: Array<{ url: string; finding: Finding }> = [];
  for (const p of report.pages) {
    for (const f of p.violations) {
      if (o.level && !tagsInScope(f.tags, o.level)) continue;
      const nodes = f.nodes.filter((n) => {
        const i = n.impact ?? f.impact;
        return i !== null && IMPACT_ORDER.indexOf(i) >= min;
      });
      if (nodes.length) out.push({ url: p.url, finding: { ...f, nodes } });
    }
  }
  return out;
}

/** The readable failure message, Chinese then English. */
export function violationsMessage(found: ReturnType<typeof countedViolations>, o: Pick<NoViolationsOptions, 'level' | 'failOn'>): string {
  const nodes = found.reduce((s, x) => s + x.finding.nodes.length, 0);
  const scope = `${o.level ? `${o.level}, ` : ''}--fail-on ${o.failOn ?? 'minor'}`;
  const lines = [`期望没有无障碍违规（${scope}），但发现 ${found.length} 条规则、${nodes} 处：`, `Expected no accessibility violations (${scope}), found ${found.length} rule(s), ${nodes} node(s):`, ''];
  for (const { url, finding: f } of found) {
    const impact = f.impact ? `${IMPACT_LABEL[f.impact]['zh-CN']} ${f.impact}` : '未分级 unknown';
    lines.push(`✗ ${f.id} [${impact}]${f.transform ? ` (${f.transform})` : ''} ${f.help['zh-CN']} / ${f.help.en}`);
    lines.push(`  ${url}${f.wcag.length ? `  WCAG ${f.wcag.map((w) => w.sc).join(', ')}` : ''}  ${f.helpUrl}`);
    for (const n of f.nodes.slice(0, 5)) lines.push(`    ${n.target.map((t) => (typeof t === 'string' ? t : t.join(' >> '))).join(' >>> ')}`);
    if (f.nodes.length > 5) lines.push(`    …另有 ${f.nodes.length - 5} 处 / ${f.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

interface MatcherResult { pass: boolean; name: string; message: () => string; expected?: unknown; actual?: unknown }

function judge(received: unknown, options: NoViolationsOptions): MatcherResult {
  const name = 'toHaveNoViolations';
  if (!received || typeof received !== 'object' || !Array.isArray((received as KanjianReport).pages)) {
    return { pass: false, name, message: () => 'kanjian: toHaveNoViolations expects a kanjian report or a Playwright page / 需要看见的报告或 Playwright 页面' };
  }
  let report = received as KanjianReport;
  if (options.baseline !== undefined) report = filterNew(report, loadBaseline(options.baseline));
  const found = countedViolations(report, options);
  const pass = found.length === 0;
  return {
    pass,
    name,
    expected: 0,
    actual: found.length,
    message: () =>
      pass ? `期望有无障碍违规，但没有发现 / expected accessibility violations, found none (${report.pages.length} page(s))` : violationsMessage(found, options),
  };
}

export const expect = baseExpect.extend({
  /**
   * On a report: synchronous (`expect(report).toHaveNoViolations()`). On a Page: audits it first, so
   * await it (`await expect(page).toHaveNoViolations()`).
   */
  toHaveNoViolations(received: KanjianReport | Page, options: NoViolationsOptions = {}) {
    if (isPage(received)) {
      return auditPage(received, { ...options.audit, ...(options.level ? { level: options.level } : {}) }).then((r) => judge(r, options));
    }
    return judge(received, options);
  },
});

interface TestFixtures {
  kanjian: KanjianFixture;
  /** Default options for kanjian.audit() (test.use({ kanjianOptions: { … } })). */
  kanjianOptions: KanjianAuditOptions;
  /**
   * true, or the path of an unpacked Chromium build (default .output/chrome-mv3): run the test's page
   * in a persistent Chromium context with the kanjian extension loaded.
   */
  kanjianExtension: boolean | string;
}

export const test = base.extend<TestFixtures>({
  kanjianExtension: [false, { option: true }],
  kanjianOptions: [{}, { option: true }],
  context: async ({ context, kanjianExtension, launchOptions, viewport, locale }, use) => {
    if (!kanjianExtension) {
      await use(context);
      return;
    }
    const dir = resolve(typeof kanjianExtension === 'string' ? kanjianExtension : join('.output', 'chrome-mv3'));
    const userDataDir = mkdtempSync(join(tmpdir(), 'kanjian-pw-'));
    const { chromium } = await import('@playwright/test');
    const ext: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
      ...launchOptions,
      headless: launchOptions.headless ?? true,
      args: [...(launchOptions.args ?? []), ...chromiumFlags(dir)],
      viewport: viewport ?? { width: 1280, height: 800 },
      ...(locale ? { locale } : {}),
    });
    await use(ext);
    await ext.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  kanjian: async ({ page, kanjianOptions }, use) => {
    await use({ audit: (options) => auditPage(page, { ...kanjianOptions, ...options }) });
  },
});
