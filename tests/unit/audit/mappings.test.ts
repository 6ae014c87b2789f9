import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import {
  criteriaFromTags, criterionInScope, ELDERLY_ITEMS, ELDERLY_RULE_IDS, GBT_CLAUSES, getCriterion, KANJIAN_RULE_IDS, levelTagsFor, scFromTag,
  tagsInScope, WCAG_CRITERIA, WCAG_STANDARDS, elderlyProfile,
} from '../../../src/audit/index';
import { KEYBOARD_RULE_IDS } from '../../../src/audit/keyboard/index';
import { REPO } from './helpers';

function axeRules(): { ruleId: string; tags: string[] }[] {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only' });
  const win = dom.window as unknown as { eval(s: string): void; axe: typeof import('axe-core') };
  win.eval(fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.js'), 'utf8'));
  return win.axe.getRules();
}

describe('data files', () => {
  test('every data file names its source', () => {
    const dir = path.join(REPO, 'src/audit/data');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['elderly.json', 'gbt37668.json', 'wcag22.json']);
    for (const f of files) {
      const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      expect(typeof d.source, f).toBe('string');
      expect(d.source.length, f).toBeGreaterThan(40);
    }
  });

  test('WCAG 2.2 table: 87 criteria with the right counts per version and level', () => {
    expect(WCAG_CRITERIA).toHaveLength(87);
    const count = (v: string, l: string) => WCAG_CRITERIA.filter((c) => c.introduced === v && c.level === l).length;
    expect([count('2.0', 'A'), count('2.0', 'AA'), count('2.0', 'AAA')]).toEqual([25, 13, 23]);
    expect([count('2.1', 'A'), count('2.1', 'AA'), count('2.1', 'AAA')]).toEqual([5, 7, 5]);
    expect([count('2.2', 'A'), count('2.2', 'AA'), count('2.2', 'AAA')]).toEqual([2, 4, 3]);
    for (const c of WCAG_CRITERIA) {
      expect(c.name['zh-CN'] && c.name['zh-TW'] && c.name.en, c.sc).toBeTruthy();
      expect(c.principle).toBe(['perceivable', 'operable', 'understandable', 'robust'][Number(c.sc[0]) - 1]);
      expect(c.understanding).toMatch(/^https:\/\/www\.w3\.org\/WAI\/WCAG22\/Understanding\/[a-z-]+\.html$/);
    }
    expect(getCriterion('2.5.8')).toMatchObject({ level: 'AA', introduced: '2.2' });
    expect(getCriterion('4.1.1')?.removedIn).toBe('2.2');
  });

  test('GB/T 37668: one derived clause per WCAG 2.0 criterion, all marked unverified', () => {
    expect(GBT_CLAUSES).toHaveLength(61);
    for (const g of GBT_CLAUSES) {
      expect(g.verified).toBe(false);
      const [p, gl, sc] = g.wcag.split('.');
      expect(g.clause).toBe(`${Number(p) + 4}.${gl}.${sc}`);
      expect(getCriterion(g.wcag)?.introduced).toBe('2.0');
    }
  });

  test('适老化 items point at rules that exist', () => {
    const known = new Set(axeRules().map((r) => r.ruleId));
    for (const item of ELDERLY_ITEMS) {
      for (const r of item.axeRules) expect(known.has(r), `${item.id}: ${r}`).toBe(true);
      for (const r of item.kanjianRules) expect([...KANJIAN_RULE_IDS, ...KEYBOARD_RULE_IDS]).toContain(r);
      for (const sc of item.wcag) expect(getCriterion(sc), sc).toBeTruthy();
    }
    for (const id of ELDERLY_RULE_IDS) expect(ELDERLY_ITEMS.some((i) => i.kanjianRules.includes(id)), id).toBe(true);
  });
});

describe('WCAG tags', () => {
  test('parsing success-criterion tags', () => {
    expect(scFromTag('wcag143')).toBe('1.4.3');
    expect(scFromTag('wcag1410')).toBe('1.4.10');
    expect(scFromTag('wcag2411')).toBe('2.4.11');
    expect(scFromTag('wcag21aa')).toBeUndefined();
    expect(scFromTag('wcag2a')).toBeUndefined();
    expect(criteriaFromTags(['cat.color', 'wcag2aa', 'wcag143', 'wcag143', 'EN-9.1.4.3'])).toEqual(['1.4.3']);
  });

  test("every axe-core rule's criteria are in the table and its level tags agree with them", () => {
    const rules = [...axeRules(), ...elderlyProfile.rules.map((r) => ({ ruleId: r.id, tags: r.tags ?? [] }))];
    let checked = 0;
    for (const r of rules) {
      const scs = criteriaFromTags(r.tags);
      const levelTags = r.tags.filter((t) => /^wcag2\d?a{1,3}$/.test(t)).sort();
      for (const sc of scs) expect(getCriterion(sc), `${r.ruleId} ${sc}`).toBeTruthy();
      if (!scs.length || r.tags.includes('experimental') || r.tags.includes('deprecated')) continue;
      const derived = [...new Set(scs.map((sc) => {
        const c = getCriterion(sc)!;
        return `wcag${c.introduced === '2.0' ? '2' : c.introduced.replace('.', '')}${c.level.toLowerCase()}`;
      }))].sort();
      // axe tags a rule with the level of its lowest criterion only (scrollable-region-focusable cites
      // 2.1.1 A and 2.1.3 AAA but is tagged wcag2a), so its level tags are a non-empty subset.
      expect(levelTags.length, r.ruleId).toBeGreaterThan(0);
      for (const t of levelTags) expect(derived, r.ruleId).toContain(t);
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  });

  test('conformance scope', () => {
    expect(levelTagsFor('wcag2aa')).toEqual(['wcag2a', 'wcag2aa']);
    expect(levelTagsFor('wcag22aa')).toEqual(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']);
    expect(WCAG_STANDARDS).toHaveLength(9);
    expect(criterionInScope('2.5.8', 'wcag21aa')).toBe(false);
    expect(criterionInScope('2.5.8', 'wcag22aa')).toBe(true);
    expect(criterionInScope('1.4.6', 'wcag22aa')).toBe(false);
    expect(tagsInScope(['wcag2aaa', 'wcag146'], 'wcag22aa')).toBe(false);
    expect(tagsInScope(['wcag21aa', 'wcag1410'], 'wcag2aa')).toBe(false);
    expect(tagsInScope(['wcag21aa', 'wcag1410'], 'wcag21aa')).toBe(true);
    expect(tagsInScope(['best-practice'], 'wcag22aaa')).toBe(false);
  });
});
