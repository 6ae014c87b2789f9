import { describe, expect, it } from 'vitest';
import { planRuleEdits, splitCssRules, type RuleEdit } from '../../../src/display/css-rules';
import { buildSchemeCss, PALETTES } from '../../../src/display/schemes';
import { buildZoomCss } from '../../../src/display/zoom';
import { buildCursorCss } from '../../../src/display/cursor';
import { buildSpacingCss } from '../../../src/display/spacing';
import { buildTextScaleCss } from '../../../src/display/text-size';

function applyEdits(from: readonly string[], edits: RuleEdit[]): string[] {
  const list = [...from];
  for (const e of edits) {
    if (e.op === 'delete') {
      expect(e.at).toBeLessThan(list.length);
      list.splice(e.at, 1);
    } else {
      expect(e.at).toBeLessThanOrEqual(list.length);
      list.splice(e.at, 0, e.rule);
    }
  }
  return list;
}

describe('splitCssRules', () => {
  it('splits rules, at-rule blocks and statements; braces in strings, url() and comments do not count', () => {
    const css = `a{color:red}  @media (min-width:1px){b{color:blue} i{x:y}}@import url("x{.css");
      p::before{content:"}{;"}/* } */q{background:url(data:image/svg+xml,%3Csvg%3E{}%3C/svg%3E)}`;
    expect(splitCssRules(css)).toEqual([
      'a{color:red}',
      '@media (min-width:1px){b{color:blue} i{x:y}}',
      '@import url("x{.css");',
      'p::before{content:"}{;"}',
      'q{background:url(data:image/svg+xml,%3Csvg%3E{}%3C/svg%3E)}',
    ]);
  });

  it('drops an unfinished rule at the end, as the parser would, and gives nothing for empty CSS', () => {
    expect(splitCssRules('a{color:red}b{color:')).toEqual(['a{color:red}']);
    expect(splitCssRules('')).toEqual([]);
    expect(splitCssRules('  \n')).toEqual([]);
  });

  it('an escape outside a string, or a comment marker inside url(), neither ends nor hides a rule', () => {
    expect(splitCssRules(".a\\'b{color:red}.c\\{d{color:blue}")).toEqual([".a\\'b{color:red}", '.c\\{d{color:blue}']);
    expect(splitCssRules('a{background:url(x/*y.png)}b{color:red}')).toEqual(['a{background:url(x/*y.png)}', 'b{color:red}']);
  });

  it('keeps every rule of the aids’ own CSS whole', () => {
    for (const css of [
      buildCursorCss('black'),
      buildCursorCss('white'),
      buildSpacingCss('2', true),
      buildTextScaleCss(['14', '16.5'], ['21'], 125),
    ]) {
      const rules = splitCssRules(css);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.join('')).toBe(css);
    }
    const scheme = buildSchemeCss(PALETTES['yellow-on-black']);
    const rules = splitCssRules(scheme);
    expect(rules.join('')).toBe(scheme);
    expect(rules.length).toBe(scheme.split('}').length - 1);
    expect(splitCssRules(buildZoomCss(150)).join('')).toBe(buildZoomCss(150));
  });
});

describe('planRuleEdits', () => {
  it('only inserts when rules are added, wherever they go', () => {
    const from = ['S', 'a', 'b', 'x', 'y'];
    const to = ['S', 'a', 'b', 'c', 'x', 'y', 'z'];
    const edits = planRuleEdits(from, to);
    expect(edits.every((e) => e.op === 'insert')).toBe(true);
    expect(edits).toHaveLength(2);
    expect(applyEdits(from, edits)).toEqual(to);
  });

  it('only deletes when a section is switched off, and puts it back with inserts alone', () => {
    const on = ['S', 'a1', 'a2', 'b1', 'b2'];
    const off = ['S', 'b1', 'b2'];
    const del = planRuleEdits(on, off);
    expect(del.map((e) => e.op)).toEqual(['delete', 'delete']);
    expect(applyEdits(on, del)).toEqual(off);
    const ins = planRuleEdits(off, on);
    expect(ins.map((e) => e.op)).toEqual(['insert', 'insert']);
    expect(applyEdits(off, ins)).toEqual(on);
  });

  it('swaps a changed section and leaves the others alone', () => {
    const from = ['S', 'scheme-a1', 'scheme-a2', 'zoom'];
    const to = ['S', 'scheme-b1', 'scheme-b2', 'scheme-b3', 'zoom'];
    const edits = planRuleEdits(from, to);
    expect(edits.filter((e) => e.op === 'delete')).toHaveLength(2);
    expect(edits.filter((e) => e.op === 'insert')).toHaveLength(3);
    expect(applyEdits(from, edits)).toEqual(to);
  });

  it('turns any list into any other (duplicates included)', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const from = Array.from({ length: rand(8) }, () => 'r' + rand(5));
      const to = Array.from({ length: rand(8) }, () => 'r' + rand(5));
      expect(applyEdits(from, planRuleEdits(from, to))).toEqual(to);
    }
  });

  it('does nothing when nothing changed', () => {
    expect(planRuleEdits(['S', 'a', 'b'], ['S', 'a', 'b'])).toEqual([]);
  });
});
