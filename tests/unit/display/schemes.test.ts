import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor } from '../../../src/display/color';
import {
  buildSchemeCss,
  inlineOverrides,
  PALETTES,
  SCHEME_IDS,
  SCHEME_SELF_ATTR,
  SCHEME_TREE_ATTR,
  taggedScope,
} from '../../../src/display/schemes';
import { siteFields } from '../../../src/settings/schema';

const ratio = (a: string, b: string) => contrastRatio(parseColor(a)!, parseColor(b)!);

describe('colour scheme palettes', () => {
  it('cover every scheme the settings allow', () => {
    const allowed = ['white-on-black', 'black-on-white', 'yellow-on-black', 'black-on-yellow', 'yellow-on-blue'];
    expect([...SCHEME_IDS].sort()).toEqual(allowed.sort());
    for (const id of allowed) expect(siteFields.colorScheme.parse(id)).toBe(id);
    expect(siteFields.colorScheme.parse('original')).toBe('original');
  });

  for (const id of SCHEME_IDS) {
    it(`${id}: text, links, quiet text and focus ring all reach 7:1 on the background`, () => {
      const p = PALETTES[id];
      for (const colour of [p.fg, p.link, p.dim, p.focus]) expect(ratio(colour, p.bg), `${colour} on ${p.bg}`).toBeGreaterThanOrEqual(7);
      // Links differ from text in colour too (they are also underlined).
      expect(p.link).not.toBe(p.fg);
    });
  }

  it('蓝底黄字 does better than the portals’ 4.4:1', () => {
    const p = PALETTES['yellow-on-blue'];
    expect(ratio(p.fg, p.bg)).toBeGreaterThan(10);
  });

  it('the CSS paints everything important, removes background images, underlines links and rings focus', () => {
    const p = PALETTES['yellow-on-black'];
    const css = buildSchemeCss(p);
    expect(css).toContain(`color:${p.fg}!important`);
    expect(css).toContain(`background-color:${p.bg}!important`);
    expect(css).toContain('background-image:none!important');
    expect(css).toMatch(/a\[href\][^{]*\{[^}]*text-decoration-line:underline!important/);
    expect(css).toContain(`outline:3px solid ${p.focus}!important`);
    expect(css).toContain('color-scheme:dark!important');
    // Every declaration is !important (our layer's important beats the page's important).
    const decls = css.replace(/[^{]*\{([^}]*)\}/g, '$1;').split(';').filter((d) => d.includes(':'));
    for (const d of decls) expect(d, d).toMatch(/!important$/);
  });

  it('inline !important declarations get the scheme inline too, and only those', () => {
    const el = document.createElement('a');
    el.setAttribute('style', 'color: red !important; background: blue !important; width: 10px !important; border-color: pink');
    const p = PALETTES['black-on-yellow'];
    const out = Object.fromEntries(inlineOverrides(el.style, p, true));
    expect(out['color']).toBe(p.link);
    expect(out['background-color']).toBe(p.bg);
    expect(out['background-image']).toBe('none');
    expect(out['width']).toBeUndefined();
    expect(out['border-top-color']).toBeUndefined(); // not important: the stylesheet already wins
    const plain = document.createElement('p');
    plain.setAttribute('style', 'color: red !important');
    expect(Object.fromEntries(inlineOverrides(plain.style, p, false))['color']).toBe(p.fg);
  });

  it('tagged: the same declarations, rule for rule, on a part and what is in it, and on a container alone', () => {
    const p = PALETTES['white-on-black'];
    const blocks = (css: string): string[] => [...css.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
    const page = blocks(buildSchemeCss(p));
    const tagged = blocks(buildSchemeCss(p, taggedScope('white-on-black')));
    expect(tagged).toEqual(page);
    document.body.innerHTML =
      `<div id="box" ${SCHEME_SELF_ATTR}="white-on-black"><p id="own">text</p>` +
      `<section id="part" ${SCHEME_TREE_ATTR}="white-on-black"><a id="link" href="#"><b id="in-link">x</b></a></section>` +
      `<section id="other" ${SCHEME_TREE_ATTR}="yellow-on-black"><p id="other-p">y</p></section></div>`;
    const scope = taggedScope('white-on-black');
    const matches = (id: string, sel: string): boolean => document.getElementById(id)!.matches(sel);
    expect(['box', 'part', 'link', 'in-link'].filter((id) => matches(id, scope.roots))).toEqual(['box', 'part', 'link', 'in-link']);
    // A container's tag is its own: what is under it is its parts' business (or the page's).
    expect(matches('own', scope.roots)).toBe(false);
    expect(matches('other-p', scope.roots)).toBe(false);
    const link = [scope.sel('a[href]'), scope.sel('a[href]', ' *')].join(', ');
    expect(matches('link', link) && matches('in-link', link)).toBe(true);
    // A link too big to be one part (a container): the parts under it and what is in them are links too.
    document.body.insertAdjacentHTML(
      'beforeend',
      `<a id="big-link" href="#" ${SCHEME_SELF_ATTR}="white-on-black"><div id="link-part" ${SCHEME_TREE_ATTR}="white-on-black"><i id="deep">z</i></div></a>`,
    );
    expect(['big-link', 'link-part', 'deep'].filter((id) => matches(id, link))).toEqual(['big-link', 'link-part', 'deep']);
    // Every alternative names one of our tags once, so rules keep their order of specificity; and a
    // container's tag is never followed by a combinator or a pseudo-element its descendants inherit.
    const css = buildSchemeCss(p, scope);
    for (const rule of css.split('}').filter(Boolean)) {
      for (const alt of rule.slice(0, rule.indexOf('{')).split(', ')) {
        expect((alt.match(/\[data-kj-scheme(-self)?="/g) ?? []).length, alt).toBe(1);
        expect(alt, alt).not.toMatch(/-self="[^"]*"\](\s|::selection|::placeholder)/);
      }
    }
    expect(css).toContain(`[${SCHEME_TREE_ATTR}="white-on-black"], [${SCHEME_TREE_ATTR}="white-on-black"] *{color-scheme:dark!important}`);
    document.body.innerHTML = '';
  });
});
