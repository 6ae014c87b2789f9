import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { AxeResults, Result } from 'axe-core';
import { axeRunOptions, elderlyProfile, localizeFinding, type ResultGroup } from '../../../src/audit/index';
import { KANJIAN_CHECK_TEXT, KANJIAN_RULE_TEXT, kanjianCheckMessages } from '../../../src/audit/rules/messages';
import { LOCALE_SUPPLEMENT } from '../../../src/audit/localize/catalog';
import { REPO, recording } from './helpers';

// axe locale JSON is walked by property here: loosely typed on purpose.
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const axeSource = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.js'), 'utf8');
const localeJson = (name: string) => JSON.parse(fs.readFileSync(path.join(REPO, `node_modules/axe-core/locales/${name}.json`), 'utf8'));
const corpusFile = (rel: string) => path.resolve(REPO, '../shared/corpus/bad', rel);

describe('localizeFinding on recorded results', () => {
  test('English reproduces every recorded check message and failure summary exactly', () => {
    let checked = 0;
    for (const p of recording().pages) {
      for (const group of ['violations', 'incomplete'] as const) {
        for (const r of p.results[group]) {
          const loc = localizeFinding(r, 'en', group);
          expect(loc.help).toBe(r.help);
          r.nodes.forEach((n, i) => {
            for (const k of ['any', 'all', 'none'] as const) {
              (n[k] ?? []).forEach((c, j) => {
                expect(loc.nodes[i]![k][j]!.message, `${p.file} ${r.id} ${c.id}`).toBe(c.message);
                checked++;
              });
            }
            expect(loc.nodes[i]!.failureSummary, `${p.file} ${r.id}`).toBe(n.failureSummary);
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  test('zh_CN and zh_TW pick the locale texts (no English left for rules the locale covers)', () => {
    const p = recording().pages.find((x) => x.file === 'before/survey.html')!;
    const label = p.results.violations.find((r) => r.id === 'label')!;
    const cn = localizeFinding(label, 'zh_CN');
    const tw = localizeFinding(label, 'zh-TW');
    expect(cn.help).toBe(localeJson('zh_CN').rules.label.help);
    expect(tw.help).toBe(localeJson('zh_TW').rules.label.help);
    expect(cn.nodes[0]!.failureSummary.startsWith('修复以下任一问题：')).toBe(true);
    expect(tw.nodes[0]!.failureSummary).toMatch(/^修正以下任何一項：|^修[復正]/);
    expect(cn.nodes[0]!.failureSummary).not.toMatch(/Fix any|Element /);
    // Checks axe's zh files lack are filled by kanjian's supplement instead of showing English.
    const errored = recording().pages.flatMap((x) => x.results.incomplete).find((r) => r.error)!;
    expect(localizeFinding(errored, 'zh_CN', 'incomplete').nodes[0]!.failureSummary).toContain('axe 运行出错');
    // A kanjian rule is localised from kanjian's own catalogue.
    const fs16 = p.results.incomplete.find((r) => r.id === 'kanjian-font-size')!;
    const loc = localizeFinding(fs16, 'zh_CN', 'incomplete');
    expect(loc.help).toBe(KANJIAN_RULE_TEXT['kanjian-font-size']!.help['zh-CN']);
    expect(loc.nodes[0]!.any[0]!.message).toMatch(/^文字大小 [\d.]+px 小于推荐的 16px/);
  });

  test('reviewOnFail rules use the fail message in "needs review"', () => {
    const r = {
      id: 'no-autoplay-audio',
      nodes: [{ any: [], all: [], none: [{ id: 'no-autoplay-audio', data: null, message: '' }] }],
    };
    const loc = localizeFinding(r, 'en', 'incomplete');
    expect(loc.nodes[0]!.none[0]!.variant).toBe('fail');
  });

  test('kanjian messages exist in all three languages and use only ${data} placeholders', () => {
    for (const id of Object.keys(KANJIAN_CHECK_TEXT)) {
      for (const l of ['zh-CN', 'zh-TW', 'en'] as const) {
        const m = kanjianCheckMessages(id, l);
        const all = JSON.stringify(m);
        expect(all).not.toMatch(/\{\{/);
        expect(m.pass && m.fail).toBeTruthy();
      }
    }
  });
});

// The reference: axe itself, configured with the locale (allowed in jsdom, where new Function works).
async function runAxe(html: string, url: string, locale?: Record<string, unknown>): Promise<AxeResults> {
  const dom = new JSDOM(html, { url, runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: new VirtualConsole() });
  const win = dom.window as unknown as Window & { eval(s: string): void; axe: typeof import('axe-core') };
  win.eval(axeSource);
  win.axe.configure({ rules: elderlyProfile.rules, checks: elderlyProfile.checks });
  if (locale) win.axe.configure({ locale });
  const res = await win.axe.run(win.document, axeRunOptions({ standard: 'wcag22aa', bestPractices: true, elderlyProfile: true }));
  dom.window.close();
  return res;
}

function withKanjian(locale: Record<string, Loose>, l: 'zh-CN' | 'zh-TW'): Record<string, unknown> {
  // Give axe kanjian's messages (and the supplement for checks axe's zh files lack) too, so the
  // reference covers everything kanjian renders.
  const checks = { ...LOCALE_SUPPLEMENT[l].checks, ...locale.checks };
  for (const id of Object.keys(KANJIAN_CHECK_TEXT)) checks[id] = kanjianCheckMessages(id, l);
  const rules = { ...LOCALE_SUPPLEMENT[l].rules, ...locale.rules };
  for (const [id, t] of Object.entries(KANJIAN_RULE_TEXT)) rules[id] = { description: t.description[l], help: t.help[l] };
  return { ...locale, checks, rules };
}

function compare(en: AxeResults, ref: AxeResults, locale: 'zh_CN' | 'zh_TW'): number {
  let compared = 0;
  for (const group of ['violations', 'incomplete'] as const) {
    for (const r of en[group]) {
      const want = ref[group].find((x: Result) => x.id === r.id);
      expect(want, `${group} ${r.id}`).toBeTruthy();
      const got = localizeFinding(r, locale, group as ResultGroup);
      expect(got.help).toBe(want!.help);
      r.nodes.forEach((_n, i) => {
        const wn = want!.nodes[i]!;
        for (const k of ['any', 'all', 'none'] as const) {
          wn[k].forEach((c, j) => {
            const mine = got.nodes[i]![k][j]!.message;
            // axe leaves locale typos such as "${data .minSize }" unrendered; kanjian renders them.
            if (c.message.includes('${')) expect(mine).not.toContain('${');
            else expect(mine, `${r.id} ${c.id}`).toBe(c.message);
            compared++;
          });
        }
        if (!wn.failureSummary!.includes('${')) expect(got.nodes[i]!.failureSummary).toBe(wn.failureSummary);
      });
    }
  }
  return compared;
}

describe('localizeFinding matches axe.configure({ locale }) output', () => {
  test('before/survey.html in zh_CN and zh_TW', async () => {
    const html = fs.readFileSync(corpusFile('before/survey.html'), 'utf8');
    const url = 'https://corpus.kanjian.test/bad/before/survey.html';
    const en = await runAxe(html, url);
    const cn = await runAxe(html, url, withKanjian(localeJson('zh_CN'), 'zh-CN'));
    const tw = await runAxe(html, url, withKanjian(localeJson('zh_TW'), 'zh-TW'));
    expect(compare(en, cn, 'zh_CN')).toBeGreaterThan(50);
    expect(compare(en, tw, 'zh_TW')).toBeGreaterThan(50);
  }, 90_000);
});
