import { afterEach, describe, expect, it } from 'vitest';
import { SchemeTags } from '../../../src/display/scheme-tags';
import { SCHEME_SELF_ATTR as SELF, SCHEME_TREE_ATTR as TREE, type SchemeId } from '../../../src/display/schemes';

const page = { doc: document, win: window };

/** body > header (a part) + main (too big for one part: a container of 30 sections, each a part). */
function bigPage(): void {
  const section = `<section><h2>标题</h2><ul>${'<li><a href="#">链接</a><span>说明</span></li>'.repeat(6)}</ul></section>`;
  document.body.innerHTML = `<header><nav><a href="#">首页</a></nav></header><main>${section.repeat(30)}</main>`;
}

function tagger(): { tags: SchemeTags; rules: Array<readonly SchemeId[]> } {
  const rules: Array<readonly SchemeId[]> = [];
  return { tags: new SchemeTags(page, (ids) => rules.push([...ids])), rules };
}

const tagged = (attr: string): Element[] => [...document.querySelectorAll(`[${attr}]`)];

describe('配色 part by part (SchemeTags)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    for (const el of [document.documentElement, document.body]) el.removeAttribute(SELF);
  });

  it('tags every part and container, the rules going in before any tag and the root keeping its background alone', async () => {
    bigPage();
    const { tags, rules } = tagger();
    // Every tag written names a scheme whose rules the page already has.
    const written: string[] = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (name === TREE || name === SELF) written.push(`${value}: ${rules.at(-1)?.includes(value.replace(/-bg$/, '') as SchemeId)}`);
      return setAttribute.call(this, name, value);
    };
    try {
      expect(await tags.goTo('yellow-on-black')).toBe(true);
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((w) => !w.endsWith('true'))).toEqual([]);
    expect(rules[0]).toEqual(['yellow-on-black']);
    const sections = [...document.querySelectorAll('section')];
    expect(sections.every((s) => s.getAttribute(TREE) === 'yellow-on-black')).toBe(true);
    expect(document.querySelector('header')!.getAttribute(TREE)).toBe('yellow-on-black');
    // Only the parts' roots: what is inside them is covered by the selector, not tagged one by one.
    expect(tagged(TREE)).toHaveLength(31);
    expect(document.querySelector('main')!.getAttribute(SELF)).toBe('yellow-on-black');
    expect(document.body.getAttribute(SELF)).toBe('yellow-on-black');
    expect(document.documentElement.getAttribute(SELF)).toBe('yellow-on-black-bg');
    tags.clear();
  });

  it('switching scheme leaves only the new one, and going back to the original leaves the page exact', async () => {
    bigPage();
    const before = document.documentElement.outerHTML;
    const { tags, rules } = tagger();
    await tags.goTo('yellow-on-black');
    const switching = tags.goTo('white-on-black');
    // Both schemes' rules while parts carry either.
    expect(rules.at(-1)).toEqual(['yellow-on-black', 'white-on-black']);
    // A container whose parts all have a scheme of their own takes the new one at once.
    expect(document.body.getAttribute(SELF)).toBe('white-on-black');
    expect(await switching).toBe(true);
    expect(rules.at(-1)).toEqual(['white-on-black']);
    expect(tagged(TREE).every((el) => el.getAttribute(TREE) === 'white-on-black')).toBe(true);
    expect(await tags.goTo(null)).toBe(true);
    expect(rules.at(-1)).toEqual([]);
    expect(tags.active).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a run overtaken by another stops, and the last one decides', async () => {
    bigPage();
    const before = document.documentElement.outerHTML;
    const { tags } = tagger();
    const first = tags.goTo('black-on-yellow');
    const second = tags.goTo(null);
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('on the way off, containers lose their colour first and their background last', async () => {
    bigPage();
    const { tags } = tagger();
    await tags.goTo('yellow-on-blue');
    const off = tags.goTo(null);
    expect(document.body.getAttribute(SELF)).toBe('yellow-on-blue-bg');
    await off;
    expect(document.body.hasAttribute(SELF)).toBe(false);
  });

  it('a new child of a container becomes a part; content added inside a part needs no tag', async () => {
    bigPage();
    const { tags } = tagger();
    await tags.goTo('white-on-black');
    const main = document.querySelector('main')!;
    const added = document.createElement('section');
    added.innerHTML = '<p>后来的内容</p>';
    main.append(added);
    const inner = document.createElement('p');
    document.querySelector('section')!.append(inner);
    tags.onMutations([
      { type: 'childList', target: main, addedNodes: [added], removedNodes: [] } as unknown as MutationRecord,
      { type: 'childList', target: inner.parentElement!, addedNodes: [inner], removedNodes: [] } as unknown as MutationRecord,
    ]);
    expect(added.getAttribute(TREE)).toBe('white-on-black');
    expect(inner.hasAttribute(TREE)).toBe(false);
    tags.clear();
    expect(tagged(TREE)).toHaveLength(0);
    expect(tagged(SELF)).toHaveLength(0);
  });

  it('a tag the page takes away comes back, three times at most (no tug of war with a page script)', async () => {
    bigPage();
    const { tags } = tagger();
    await tags.goTo('white-on-black');
    const section = document.querySelector('section')!;
    const strip = (): void => {
      section.removeAttribute(TREE);
      tags.onMutations([{ type: 'attributes', target: section, attributeName: TREE } as unknown as MutationRecord]);
    };
    for (let i = 0; i < 3; i++) {
      strip();
      expect(section.getAttribute(TREE)).toBe('white-on-black');
    }
    strip();
    expect(section.hasAttribute(TREE)).toBe(false);
    // A container's own tag likewise.
    document.body.setAttribute(SELF, 'x');
    tags.onMutations([{ type: 'attributes', target: document.body, attributeName: SELF } as unknown as MutationRecord]);
    expect(document.body.getAttribute(SELF)).toBe('white-on-black');
    tags.clear();
  });

  it('a part taken out and put back after a switch, or during 原始配色, carries no scheme whose rules are gone', async () => {
    bigPage();
    const before = document.documentElement.outerHTML;
    const { tags } = tagger();
    const watch = new MutationObserver((records) => tags.onMutations(records));
    watch.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: [TREE, SELF] });
    await tags.goTo('yellow-on-black');
    const main = document.querySelector('main')!;
    const panel = document.querySelector('section')!;
    panel.remove(); // a tab panel or a recycled row, taken out for a while
    await Promise.resolve();
    await tags.goTo('white-on-black');
    main.prepend(panel);
    await Promise.resolve();
    expect(panel.getAttribute(TREE)).toBe('white-on-black');
    const other = document.querySelectorAll('section')[3]!;
    const off = tags.goTo(null);
    other.remove();
    await off;
    main.append(other);
    await Promise.resolve();
    watch.disconnect();
    expect(tagged(TREE)).toEqual([]);
    expect(tagged(SELF)).toEqual([]);
    other.remove();
    main.insertBefore(other, document.querySelectorAll('section')[3]!);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a feed that keeps replacing its rows does not grow what kanjian holds', async () => {
    bigPage();
    const { tags } = tagger();
    const watch = new MutationObserver((records) => tags.onMutations(records));
    watch.observe(document, { subtree: true, childList: true });
    await tags.goTo('white-on-black');
    const main = document.querySelector('main')!;
    const held = (): number => (tags as unknown as { wanted: Map<Element, unknown> }).wanted.size;
    const start = held();
    for (let i = 0; i < 200; i++) {
      const row = document.createElement('section');
      main.append(row);
      await Promise.resolve();
      expect(row.getAttribute(TREE)).toBe('white-on-black');
      row.remove();
      await Promise.resolve();
    }
    watch.disconnect();
    expect(held()).toBe(start);
    tags.clear();
  });

  it('after document.open() (a new <html>), the next switch plans the new page', async () => {
    bigPage();
    const { tags } = tagger();
    await tags.goTo('white-on-black');
    const oldRoot = document.documentElement;
    const newRoot = document.createElement('html');
    newRoot.innerHTML = `<head></head><body><main>${`<section>${'<p>新的页面</p>'.repeat(20)}</section>`.repeat(30)}</main></body>`;
    oldRoot.remove();
    document.append(newRoot);
    try {
      await tags.goTo('yellow-on-black');
      expect(newRoot.querySelectorAll(`[${TREE}="yellow-on-black"]`).length).toBeGreaterThan(0);
      expect(oldRoot.querySelectorAll(`[${TREE}], [${SELF}]`)).toHaveLength(0);
      tags.clear();
    } finally {
      newRoot.remove();
      document.append(oldRoot);
    }
  });

  it('once the scheme is off and on again, a tag the page took away three times is put back again', async () => {
    bigPage();
    const { tags } = tagger();
    await tags.goTo('white-on-black');
    const section = document.querySelector('section')!;
    for (let i = 0; i < 4; i++) {
      section.removeAttribute(TREE);
      tags.onMutations([{ type: 'attributes', target: section, attributeName: TREE } as unknown as MutationRecord]);
    }
    expect(section.hasAttribute(TREE)).toBe(false);
    await tags.goTo(null);
    await tags.goTo('white-on-black');
    section.removeAttribute(TREE);
    tags.onMutations([{ type: 'attributes', target: section, attributeName: TREE } as unknown as MutationRecord]);
    expect(section.getAttribute(TREE)).toBe('white-on-black');
    tags.clear();
  });
});
