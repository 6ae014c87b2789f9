import { describe, expect, it } from 'vitest';
import { PageConverter } from '../../../src/convert/page/page-converter';
import { MAX_BATCH_CHARS, RemoteConverter } from '../../../src/convert/tab-converters';

/** A stand-in for the top frame's dictionary: a few characters, enough to see what was converted. */
const toTrad = (s: string): string => s.replace(/条/g, '條').replace(/发/g, '發').replace(/头/g, '頭');

function topFrame(): { ask: (req: { texts: string[] }) => Promise<unknown>; batches: string[][] } {
  const batches: string[][] = [];
  return {
    batches,
    ask: async ({ texts }) => {
      batches.push(texts);
      return texts.map(toTrad);
    },
  };
}

describe('a frame converting with the top frame’s dictionary (RemoteConverter)', () => {
  it('converts the page after one round trip and restores it byte for byte', async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    document.body.innerHTML = '<h1 title="头条">新闻发布</h1><p>第一条：头发</p><p>English only</p>';
    const original = document.documentElement.outerHTML;
    const top = topFrame();
    let missing = 0;
    const remote = new RemoteConverter('cn', 'tw', [], top.ask, () => missing++);
    const page = new PageConverter(document, { convert: (t) => remote.convert(t), langTag: 'zh-TW', schedule: (cb) => cb() });
    page.start();
    // Nothing known yet: the page is as it was, and the unknown texts are asked for in one batch.
    expect(document.body.textContent).toBe('新闻发布第一条：头发English only');
    await Promise.resolve();
    expect(missing).toBe(1);
    expect(await remote.fill()).toBe(true);
    expect(top.batches.length).toBe(1);
    expect([...top.batches[0]!].sort()).toEqual(['头条', '新闻发布', '第一条：头发'].sort());
    page.start();
    expect(document.querySelector('h1')!.textContent).toBe('新闻發布');
    expect(document.querySelector('h1')!.title).toBe('頭條');
    expect(document.querySelector('p')!.textContent).toBe('第一條：頭發');
    expect(await remote.fill()).toBe(false);
    page.restore();
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('splits big frames into bounded batches and refuses an answer that does not match', async () => {
    const top = topFrame();
    const remote = new RemoteConverter('cn', 'tw', [], top.ask);
    const long = '发'.repeat(MAX_BATCH_CHARS / 2);
    for (const t of [long + 'a', long + 'b', long + 'c']) remote.convert(t);
    await remote.fill();
    expect(top.batches.map((b) => b.length)).toEqual([1, 1, 1]);
    expect(await remote.convertNow('头')).toBe('頭');
    const liar = new RemoteConverter('cn', 'tw', [], async () => ['only one']);
    liar.convert('头');
    liar.convert('发');
    await expect(liar.fill()).rejects.toThrow();
  });
});
