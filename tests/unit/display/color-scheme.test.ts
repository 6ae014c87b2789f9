import { afterEach, describe, expect, it, vi } from 'vitest';
import { colorSchemeAid } from '../../../src/display/color-scheme';
import { PALETTES } from '../../../src/display/schemes';

const page = { doc: document, win: window };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('colour scheme aid on a page', () => {
  afterEach(() => {
    colorSchemeAid.remove(page);
    document.body.innerHTML = '';
  });

  it("puts its rules in kanjian's layer, first in <html>, once, and removes them exactly", () => {
    document.body.innerHTML = '<p>text</p>';
    const before = document.documentElement.outerHTML;
    colorSchemeAid.apply(page, 'white-on-black');
    const style = document.getElementById('kanjian-styles')!;
    expect(style.parentElement).toBe(document.documentElement);
    expect(document.documentElement.firstElementChild).toBe(style);
    expect(style.textContent).toMatch(/^@layer kanjian\{/);
    const css = style.textContent;
    expect(css).toContain(`color:${PALETTES['white-on-black'].fg}!important`);
    colorSchemeAid.apply(page, 'white-on-black'); // idempotent
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(style.textContent).toBe(css);
    colorSchemeAid.apply(page, 'original');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('overrides inline !important colours and gives back the style attribute byte for byte', () => {
    const original = 'color:  #777 !important ;background: url(x.png) #eee !important; width: 3px';
    document.body.innerHTML = `<div id="x" style="${original}">grey</div><a href="#" id="l" style="color: #aaa !important">link</a>`;
    colorSchemeAid.apply(page, 'yellow-on-black');
    const p = PALETTES['yellow-on-black'];
    const x = document.getElementById('x')!;
    expect(x.style.getPropertyValue('color')).toBe(p.fg);
    expect(x.style.getPropertyPriority('color')).toBe('important');
    expect(x.style.getPropertyValue('background-image')).toBe('none');
    expect(x.style.getPropertyValue('width')).toBe('3px');
    expect(document.getElementById('l')!.style.getPropertyValue('color')).toBe(p.link);
    // Switching scheme re-paints from the original values.
    colorSchemeAid.apply(page, 'black-on-white');
    expect(x.style.getPropertyValue('color')).toBe(PALETTES['black-on-white'].fg);
    colorSchemeAid.apply(page, 'original');
    expect(x.getAttribute('style')).toBe(original);
    expect(document.getElementById('l')!.getAttribute('style')).toBe('color: #aaa !important');
  });

  it('covers content added later, and stops watching once removed', async () => {
    colorSchemeAid.apply(page, 'white-on-black');
    const late = document.createElement('span');
    late.setAttribute('style', 'color: #333 !important');
    document.body.append(late);
    await flush();
    expect(late.style.getPropertyValue('color')).toBe(PALETTES['white-on-black'].fg);
    // The page restyles an element later on.
    late.setAttribute('style', 'color: #444 !important; font-weight: bold');
    await flush();
    expect(late.style.getPropertyValue('color')).toBe(PALETTES['white-on-black'].fg);
    colorSchemeAid.apply(page, 'original');
    expect(late.getAttribute('style')).toBe('color: #444 !important; font-weight: bold');
    const after = document.createElement('span');
    after.setAttribute('style', 'color: #555 !important');
    document.body.append(after);
    await flush();
    expect(after.getAttribute('style')).toBe('color: #555 !important');
  });

  it('when the page changes an overridden element meanwhile, only our declarations are taken back', () => {
    document.body.innerHTML = '<div id="y" style="color: red !important">y</div>';
    colorSchemeAid.apply(page, 'white-on-black');
    const y = document.getElementById('y')!;
    y.style.setProperty('margin-top', '5px');
    colorSchemeAid.apply(page, 'original');
    expect(y.style.getPropertyValue('color')).toBe('red');
    expect(y.style.getPropertyPriority('color')).toBe('important');
    expect(y.style.getPropertyValue('margin-top')).toBe('5px');
  });

  it('a big page loaded: part by part through tags, a second scheme mid-way wins, and 原始配色 leaves the page exact', async () => {
    const section = `<section>${'<p>政府信息公开 <a href="#">链接</a></p>'.repeat(10)}</section>`;
    document.body.innerHTML = `<main>${section.repeat(400)}</main>`;
    expect(document.getElementsByTagName('*').length).toBeGreaterThan(8000);
    const before = document.documentElement.outerHTML;
    const sections = [...document.querySelectorAll('section')];
    colorSchemeAid.apply(page, 'white-on-black');
    const css = () => document.getElementById('kanjian-styles')?.textContent ?? '';
    expect(css()).toContain('[data-kj-scheme="white-on-black"] *');
    expect(css()).not.toContain('body *');
    colorSchemeAid.apply(page, 'yellow-on-black');
    await vi.waitFor(() => expect(sections.every((s) => s.getAttribute('data-kj-scheme') === 'yellow-on-black')).toBe(true));
    await vi.waitFor(() => expect(css()).not.toContain('white-on-black'));
    expect(document.body.getAttribute('data-kj-scheme-self')).toBe('yellow-on-black');
    colorSchemeAid.apply(page, 'original');
    await vi.waitFor(() => expect(document.documentElement.outerHTML).toBe(before));
    expect(document.getElementById('kanjian-styles')).toBeNull();
  });

  it('a one-rule scheme on a page grown big is taken over part by part: its rule stays until every part has the new scheme', async () => {
    document.body.innerHTML = '<main><section><p>小页面</p></section></main>';
    const original = document.documentElement.outerHTML;
    colorSchemeAid.apply(page, 'white-on-black');
    const css = () => document.getElementById('kanjian-styles')?.textContent ?? '';
    expect(css()).toContain('body *');
    // The page grows past the size where a scheme goes on part by part.
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', `<section>${'<p>政府信息公开 <a href="#">链接</a></p>'.repeat(10)}</section>`.repeat(400));
    const grown = document.documentElement.outerHTML.replace(/<style id="kanjian-styles">.*?<\/style>/, '');
    const sections = [...document.querySelectorAll('section')];
    colorSchemeAid.apply(page, 'yellow-on-black');
    // Meanwhile the one rule (white-on-black) and the tagged rules (yellow-on-black) are both there.
    expect(css()).toContain('body *');
    expect(css()).toContain('[data-kj-scheme="yellow-on-black"] *');
    await vi.waitFor(() => expect(sections.every((s) => s.getAttribute('data-kj-scheme') === 'yellow-on-black')).toBe(true));
    await vi.waitFor(() => expect(css()).not.toContain('body *'));
    expect(css()).not.toContain('#c8c8c8'); // white-on-black's quiet text: its rule is gone
    colorSchemeAid.apply(page, 'original');
    await vi.waitFor(() => expect(document.getElementById('kanjian-styles')).toBeNull());
    expect(document.documentElement.outerHTML).toBe(grown);
    expect(original).not.toBe(grown);
  });
});
