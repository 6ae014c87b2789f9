import { describe, expect, it } from 'vitest';
import { headingLevel, jumpTo, landmarkRole, listRegions, regionLabel } from '../../../src/display/regions';
import { translator } from '../../../src/i18n/messages';

const html = (s: string) => {
  document.body.innerHTML = s;
  return document;
};

describe('regions', () => {
  it('knows which elements are landmarks (ARIA in HTML scoping rules)', () => {
    const doc = html(`
      <header id="h">site</header>
      <nav id="n" aria-label="主导航"></nav>
      <main id="m"><article><header id="ah">a</header><footer id="af">b</footer></article></main>
      <aside id="a"></aside>
      <section id="s1"></section><section id="s2" aria-label="通知"></section>
      <form id="f1"></form><div role="search" id="sr"></div>
      <div role="navigation" id="rn"></div><nav role="presentation" id="np"></nav>
      <footer id="f">foot</footer>`);
    const role = (id: string) => landmarkRole(doc.getElementById(id)!);
    expect(role('h')).toBe('banner');
    expect(role('n')).toBe('navigation');
    expect(role('m')).toBe('main');
    expect(role('ah')).toBeNull();
    expect(role('af')).toBeNull();
    expect(role('a')).toBe('complementary');
    expect(role('s1')).toBeNull();
    expect(role('s2')).toBe('region');
    expect(role('f1')).toBeNull();
    expect(role('sr')).toBe('search');
    expect(role('rn')).toBe('navigation');
    expect(role('np')).toBeNull();
    expect(role('f')).toBe('contentinfo');
  });

  it('lists landmarks and h1–h3 in document order with readable labels', () => {
    const doc = html(`<nav aria-label="主导航">x</nav><main><h1>标题一</h1><h2>小节</h2><h4>太深</h4>
      <div role="heading" aria-level="3">三级</div></main><footer>页脚文字</footer>`);
    const regions = listRegions(doc, () => true);
    const tr = translator('zh-CN');
    expect(regions.map((r) => regionLabel(r, tr))).toEqual(['导航：主导航', '正文', '一级标题：标题一', '二级标题：小节', '三级标题：三级', '页脚']);
    expect(headingLevel(doc.querySelector('h4')!)).toBeNull();
  });

  it('jumps: focuses the target, with tabindex=-1 only until it loses focus', () => {
    const doc = html('<main id="m"><p>x</p></main><button id="b">b</button><a id="a" href="#">a</a>');
    const m = doc.getElementById('m')!;
    m.scrollIntoView = () => undefined;
    jumpTo(m);
    expect(doc.activeElement).toBe(m);
    expect(m.getAttribute('tabindex')).toBe('-1');
    doc.getElementById('b')!.focus();
    expect(m.hasAttribute('tabindex')).toBe(false);
    const a = doc.getElementById('a')!;
    a.scrollIntoView = () => undefined;
    jumpTo(a);
    expect(doc.activeElement).toBe(a);
    expect(a.hasAttribute('tabindex')).toBe(false);
  });
});
