import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConvertFeature } from '../../../../src/convert/page/feature';
import type { TabFrames } from '../../../../src/content/feature';

/** The page's script is one decision for the whole tab: the top frame's, from every frame's text. */
const noDict = () => Promise.reject(new Error('no dictionaries here'));
const SIMPLIFIED = '这里是政务服务的办事指南，请到区政府服务中心办理发布手续。';
const TRADITIONAL = '這裡是政務服務的辦事指南，請到區政府服務中心辦理發佈手續。';
const NEUTRAL = '中文 2006 年';

function tab(over: Partial<TabFrames>): TabFrames {
  return { isTop: false, askTop: () => Promise.resolve(null), frameTexts: () => Promise.resolve([]), relay: () => Promise.resolve(null), ...over };
}

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
});

describe('ConvertFeature: the page script across frames', () => {
  it('a frame follows the top frame’s decision, even against its own text', async () => {
    document.body.textContent = SIMPLIFIED;
    const askTop = vi.fn(() => Promise.resolve('traditional'));
    const f = new ConvertFeature(document, noDict, () => undefined, tab({ askTop }));
    expect(await f.tabScript()).toBe('traditional');
    expect(f.state().pageScript).toBe('traditional');
    expect(askTop).toHaveBeenCalledWith({ kind: 'pageScript' });
  });

  it('a frame whose top frame cannot answer decides from its own text', async () => {
    document.body.textContent = TRADITIONAL;
    const f = new ConvertFeature(document, noDict, () => undefined, tab({ askTop: () => Promise.reject(new Error('no top')) }));
    expect(await f.tabScript()).toBe('traditional');
  });

  it('the top frame with too little text of its own reads every frame’s text', async () => {
    document.documentElement.lang = 'zh-CN';
    document.body.innerHTML = `<p>${NEUTRAL}</p><iframe></iframe>`;
    const frameTexts = vi.fn(() => Promise.resolve([TRADITIONAL, NEUTRAL]));
    const f = new ConvertFeature(document, noDict, () => undefined, tab({ isTop: true, frameTexts }));
    expect(await f.tabScript()).toBe('traditional');
    expect(frameTexts).toHaveBeenCalledTimes(1);
  });

  it('the top frame whose own text is enough never asks the frames', async () => {
    document.body.innerHTML = `<p>${SIMPLIFIED}</p><iframe></iframe>`;
    const frameTexts = vi.fn(() => Promise.resolve([TRADITIONAL]));
    const f = new ConvertFeature(document, noDict, () => undefined, tab({ isTop: true, frameTexts }));
    expect(await f.tabScript()).toBe('simplified');
    expect(frameTexts).not.toHaveBeenCalled();
  });
});
