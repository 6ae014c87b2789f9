import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageStyle } from '../../../src/display/page-style';
import { isOwnUi } from '../../../src/shared/own-ui';

const text = () => document.getElementById('kanjian-styles')?.textContent ?? null;

describe('PageStyle: each aid a section of one kanjian layer', () => {
  const styles: PageStyle[] = [];
  const make = (_name: string) => {
    const s = new PageStyle(document);
    styles.push(s);
    return s;
  };
  afterEach(() => {
    for (const s of styles.splice(0)) s.remove();
    document.body.innerHTML = '';
  });

  it('one element, first in <html>, ours, hiding itself; the newest section first', () => {
    const before = document.documentElement.outerHTML;
    const a = make('a');
    const b = make('b');
    a.set('p{color:red!important}');
    b.set('h1{color:blue!important} h2{color:blue!important}');
    expect(document.querySelectorAll('style')).toHaveLength(1);
    const el = document.getElementById('kanjian-styles')!;
    expect(document.documentElement.firstElementChild).toBe(el);
    expect(isOwnUi(el)).toBe(true);
    expect(text()).toBe('@layer kanjian{#kanjian-styles{display:none!important}h1{color:blue!important}h2{color:blue!important}p{color:red!important}}');
    a.remove();
    expect(text()).toBe('@layer kanjian{#kanjian-styles{display:none!important}h1{color:blue!important}h2{color:blue!important}}');
    b.remove();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('switched off for a measure, the section leaves the layer and comes back in its place; the element stays', () => {
    const a = make('a');
    const b = make('b');
    a.set('p{color:red!important}');
    b.set('h1{color:blue!important}');
    const all = text();
    b.setDisabled(true);
    expect(text()).not.toContain('h1');
    a.setDisabled(true);
    expect(document.getElementById('kanjian-styles')).not.toBeNull();
    a.setDisabled(false);
    b.setDisabled(false);
    expect(text()).toBe(all);
  });

  it('an aid with no rules adds nothing to the page', () => {
    make('zoom').set('');
    expect(document.getElementById('kanjian-styles')).toBeNull();
  });

  it('puts back an element the page removed or rewrote on the next set, once', () => {
    const a = make('a');
    a.set('p{color:red!important}');
    const all = text();
    document.getElementById('kanjian-styles')!.remove();
    a.set('p{color:red!important}');
    expect(text()).toBe(all);
    document.getElementById('kanjian-styles')!.textContent = 'p{color:green}';
    a.set('p{color:red!important}');
    expect(text()).toBe(all);
    expect(document.querySelectorAll('style')).toHaveLength(1);
  });
});

/**
 * The browser's path (a layer block edited through CSSOM) in a DOM without it: a stand-in sheet
 * whose layer block keeps rule objects, refuses rules the way a parser does (SyntaxError) and
 * throws IndexSizeError on a bad index, as Chromium and Firefox do.
 */
describe('PageStyle through CSSOM (a stand-in for the browser’s layer block)', () => {
  type FakeRule = { cssText: string };
  // Keyed by the element's text node: setting textContent (even to the same text) makes a new sheet.
  const sheets = new WeakMap<Node, { text: Node | null; sheet: { disabled: boolean; cssRules: unknown[] } }>();
  const domError = (name: string) => Object.assign(new Error(name), { name });
  const makeSheet = (text: string) => {
    const inner: FakeRule[] = [];
    const block = {
      cssRules: inner,
      insertRule(rule: string, at: number) {
        if (at > inner.length) throw domError('IndexSizeError');
        if (rule.startsWith('x:unknown') || !/^[^{]+\{[^}]*\}$/.test(rule)) throw domError('SyntaxError');
        inner.splice(at, 0, { cssText: rule });
        return at;
      },
      deleteRule(at: number) {
        if (at >= inner.length) throw domError('IndexSizeError');
        inner.splice(at, 1);
      },
    };
    return { disabled: false, cssRules: text === '@layer kanjian{}' ? [block] : [{ cssText: text }] };
  };
  const original = Object.getOwnPropertyDescriptor(HTMLStyleElement.prototype, 'sheet');
  const styles: PageStyle[] = [];
  const make = (_name: string) => {
    const s = new PageStyle(document);
    styles.push(s);
    return s;
  };
  const layer = () => {
    const el = document.getElementById('kanjian-styles') as HTMLStyleElement | null;
    return (el?.sheet?.cssRules[0] as { cssRules?: FakeRule[]; insertRule?: (r: string, i: number) => number; deleteRule?: (i: number) => void }) ?? null;
  };
  const rules = () => layer()?.cssRules?.map((r) => r.cssText) ?? null;
  const S = '#kanjian-styles{display:none!important}';

  beforeEach(() => {
    Object.defineProperty(HTMLStyleElement.prototype, 'sheet', {
      configurable: true,
      get(this: HTMLStyleElement) {
        if (!this.isConnected) return null;
        const cur = sheets.get(this);
        if (cur && cur.text === this.firstChild) return cur.sheet;
        const sheet = makeSheet(this.textContent ?? '');
        sheets.set(this, { text: this.firstChild, sheet });
        return sheet;
      },
    });
  });
  afterEach(() => {
    for (const s of styles.splice(0)) s.remove();
    if (original) Object.defineProperty(HTMLStyleElement.prototype, 'sheet', original);
  });

  it('edits rule by rule, newest section first; refused rules are dropped and the rest stay in place', () => {
    const a = make('a');
    const b = make('b');
    a.set('a1{x:1}a2{x:2}');
    const kept = layer()!.cssRules![1];
    b.set('b1{x:1}x:unknown{x:1}b2{x:2}');
    expect(rules()).toEqual([S, 'b1{x:1}', 'b2{x:2}', 'a1{x:1}', 'a2{x:2}']);
    expect(layer()!.cssRules![3]).toBe(kept); // a1 was never taken out and put back
    b.setDisabled(true);
    expect(rules()).toEqual([S, 'a1{x:1}', 'a2{x:2}']);
    b.set('b3{x:1}');
    expect(rules()).toEqual([S, 'a1{x:1}', 'a2{x:2}']);
    b.setDisabled(false);
    expect(rules()).toEqual([S, 'b3{x:1}', 'a1{x:1}', 'a2{x:2}']);
    a.remove();
    b.set('x:unknown{}');
    // Nothing of ours left that the browser takes: no element either.
    expect(document.getElementById('kanjian-styles')).toBeNull();
  });

  it('a page that slips a rule in, takes one out, disables or renames the sheet gets it rebuilt at the next change', () => {
    const a = make('a');
    a.set('a1{x:1}a2{x:2}');
    const tamper = [
      () => {
        layer()!.insertRule!('evil{x:1}', layer()!.cssRules!.length);
        layer()!.deleteRule!(1);
      },
      () => ((document.getElementById('kanjian-styles') as HTMLStyleElement).sheet!.disabled = true),
      () => (document.getElementById('kanjian-styles')!.id = 'renamed'),
      () => document.querySelector('style')!.setAttribute('media', 'print'),
    ];
    for (const [i, attack] of tamper.entries()) {
      attack();
      a.set(`a1{x:1}a2{x:${i}}`);
      const el = document.querySelector('style') as HTMLStyleElement;
      expect(el.id).toBe('kanjian-styles');
      expect(el.hasAttribute('media')).toBe(false);
      expect(el.sheet!.disabled).toBe(false);
      expect(rules()).toEqual([S, 'a1{x:1}', `a2{x:${i}}`]);
    }
    expect(document.querySelectorAll('style')).toHaveLength(1);
  });

  it('random sets, switches and removals always leave exactly the sections’ rules', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const aids = [0, 1, 2, 3].map((i) => make('r' + i));
    type Model = { rules: string[]; takes: boolean; on: boolean; order: number } | null;
    const model: Model[] = [null, null, null, null];
    let clock = 0;
    for (let step = 0; step < 2000; step++) {
      const k = rand(4);
      const op = rand(10);
      if (op < 6) {
        const css = Array.from({ length: rand(5) }, () => (rand(6) === 0 ? 'x:unknown{}' : `r${rand(4)}{v:${k}}`));
        aids[k]!.set(css.join(''));
        const prev = model[k];
        model[k] = { rules: css.filter((c) => !c.startsWith('x:')), takes: css.some((c) => !c.startsWith('x:')), on: prev?.on ?? true, order: prev?.order ?? clock++ };
      } else if (op < 9) {
        aids[k]!.setDisabled(op === 7);
        if (model[k]) model[k]!.on = op !== 7;
      } else {
        aids[k]!.remove();
        model[k] = null;
      }
      const live = model.filter((m): m is NonNullable<Model> => !!m).sort((x, y) => y.order - x.order);
      const want = live.some((m) => m.takes) ? [S, ...live.filter((m) => m.on).flatMap((m) => m.rules)] : null;
      expect(rules(), `step ${step}`).toEqual(want);
    }
  });
});
