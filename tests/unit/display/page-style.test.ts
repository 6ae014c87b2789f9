import { afterEach, describe, expect, it } from 'vitest';
import { PageStyle } from '../../../src/display/page-style';
import { isOwnUi } from '../../../src/shared/own-ui';

const text = () => document.getElementById('kanjian-styles')?.textContent ?? null;

describe('PageStyle: each aid a section of one kanjian layer', () => {
  const styles: PageStyle[] = [];
  const make = (aid: string) => {
    const s = new PageStyle(document, aid);
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
