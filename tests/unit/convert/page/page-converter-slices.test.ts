import { beforeEach, describe, expect, it } from 'vitest';
import { ConversionPlan, ONE_GO_ELEMENTS, PageConverter } from '../../../../src/convert/page/page-converter';

/** A stand-in for the dictionary: a few characters, enough to see what was converted. */
const toTrad = (s: string): string => s.replace(/条/g, '條').replace(/发/g, '發').replace(/头/g, '頭');

const ITEMS = ONE_GO_ELEMENTS;

function bigPage(): string {
  const li: string[] = [];
  for (let i = 0; i < ITEMS; i++) li.push(`<li title="第${i}条">第${i}条：头发<b>发布</b></li>`);
  return `<main><h1>新闻发布</h1><ul id="list">${li.join('')}</ul><p id="last">最后一条</p><pre>发</pre></main>`;
}

let original = '';
beforeEach(() => {
  document.documentElement.setAttribute('lang', 'zh-CN');
  document.body.innerHTML = bigPage();
  original = document.documentElement.outerHTML;
});

/** Every text node and title attribute, in order. */
function textAndTitles(): string[] {
  const out: string[] = [];
  const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n.nodeType === 3 ? n.nodeValue! : ((n as Element).getAttribute('title') ?? ''));
  return out;
}

const converter = (): PageConverter => new PageConverter(document, { convert: toTrad, langTag: 'zh-TW', schedule: (cb) => setTimeout(cb, 0) });
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('converting a big page in slices', () => {
  it('ends with the same text and attributes as converting in one go, lang on the pieces, and restores byte for byte', async () => {
    const once = converter();
    once.start();
    const expected = textAndTitles();
    expect(document.documentElement.lang).toBe('zh-TW');
    once.restore();
    expect(document.documentElement.outerHTML).toBe(original);

    const c = converter();
    const run = c.startInSlices();
    await run.visible;
    expect(await run.done).toBe(true);
    expect(textAndTitles()).toEqual(expected);
    // <html>'s lang stays (changing it restyles the whole page at once); the converted pieces carry it.
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.querySelector('li')!.getAttribute('lang')).toBe('zh-TW');
    expect(document.querySelector('#last')!.getAttribute('lang')).toBe('zh-TW');
    expect(document.querySelector('pre')!.hasAttribute('lang')).toBe(false);
    expect(document.querySelector('#last')!.textContent).toBe('最后一條');
    expect(document.querySelector('pre')!.textContent).toBe('发');
    expect(await c.restoreInSlices().done).toBe(true);
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('a restore issued mid-conversion stops it and gives back the exact original', async () => {
    const c = converter();
    const run = c.startInSlices();
    await run.visible;
    const restoring = c.restoreInSlices();
    expect(await run.done).toBe(false);
    expect(await restoring.done).toBe(true);
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('switching on again mid-restore ends fully converted', async () => {
    const c = converter();
    expect(await c.startInSlices().done).toBe(true);
    const converted = document.documentElement.outerHTML;
    const restoring = c.restoreInSlices();
    await restoring.visible;
    const again = c.startInSlices();
    expect(await restoring.done).toBe(false);
    expect(await again.done).toBe(true);
    await settle();
    expect(document.documentElement.outerHTML).toBe(converted);
    c.restore();
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('a plan made while the dictionary loads: what the page adds meanwhile is converted, what it removes is left alone', async () => {
    const plan = ConversionPlan.of(document)!;
    expect(plan).not.toBeNull();
    // Meanwhile the page changes: children of split containers (<main>, the list) that no planned piece holds.
    const added = Object.assign(document.createElement('li'), { textContent: '新增一条' });
    document.querySelector('#list')!.prepend(added);
    const footer = Object.assign(document.createElement('footer'), { textContent: '页脚头条' });
    document.querySelector('main')!.append(footer);
    const removed = document.querySelector('#list > li:last-child')!;
    removed.remove();
    await settle(); // the page's changes come in other tasks than the plan's and the start's
    document.querySelector('#list')!.append(Object.assign(document.createElement('li'), { textContent: '又一条' }));
    const c = converter();
    const run = c.startInSlices(plan);
    await run.visible;
    expect(await run.done).toBe(true);
    await settle();
    expect(added.textContent).toBe('新增一條');
    expect(footer.textContent).toBe('页脚頭條');
    expect(document.querySelector('#list > li:last-child')!.textContent).toBe('又一條');
    expect(document.querySelector('#last')!.textContent).toBe('最后一條');
    expect(removed.textContent).toBe(`第${ITEMS - 1}条：头发发布`); // not the page's any more: not touched
    await c.restoreInSlices().done;
    expect(added.textContent).toBe('新增一条');
    expect(footer.textContent).toBe('页脚头条');
  });

  it('a small page is done in one go: nothing to plan ahead', () => {
    document.body.innerHTML = '<p>头发</p>';
    expect(ConversionPlan.of(document)).toBeNull();
  });

  it('content the page adds and changes while slices run is converted too, and restored', async () => {
    const c = converter();
    const run = c.startInSlices();
    await run.visible;
    const added = Object.assign(document.createElement('li'), { textContent: '新增一条' });
    document.querySelector('#list')!.prepend(added);
    document.querySelector('#last')!.firstChild!.nodeValue = '页面改成头条';
    await run.done;
    await settle();
    expect(added.textContent).toBe('新增一條');
    expect(document.querySelector('#last')!.textContent).toBe('页面改成頭條');
    await c.restoreInSlices().done;
    expect(added.textContent).toBe('新增一条');
    expect(document.querySelector('#last')!.textContent).toBe('页面改成头条');
  });

  it('what the page changes just before a slice begins, its record not yet delivered, is converted too', async () => {
    // The page's microtask runs first in the checkpoint where the next slice begins: its record is
    // still queued (delivery comes after the slice's start), and must not be lost with the observer's pause.
    let changed: Text | null = null;
    const win = window as unknown as { scheduler?: { yield(): Promise<void> } };
    const before = win.scheduler;
    win.scheduler = {
      yield: () => {
        const p = Promise.resolve();
        const first = document.querySelector('#list li')!.firstChild as Text;
        // Once the first item is converted (so no later slice would reach it again).
        if (!changed && first.nodeValue!.includes('條')) {
          void p.then(() => {
            changed = first;
            changed.nodeValue = '页面改成头条';
          });
        }
        return p;
      },
    };
    try {
      const c = converter();
      await c.startInSlices().done;
      await settle();
      expect(changed).not.toBeNull();
      expect(changed!.nodeValue).toBe('页面改成頭條');
    } finally {
      if (before) win.scheduler = before;
      else delete win.scheduler;
    }
  });
});

