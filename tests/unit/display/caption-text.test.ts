import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { fitFontSize, hasHan, normalizeText, pinyinSegments, sentenceAt, sentences } from '../../../src/display/caption-text';

describe('caption text', () => {
  it('splits Chinese and Western sentences, keeping their punctuation', () => {
    expect(sentences('加快产业优化升级。按照“强二兴三”总体思路，强化产业引导！对吗？好')).toEqual([
      '加快产业优化升级。',
      '按照“强二兴三”总体思路，强化产业引导！',
      '对吗？',
      '好',
    ]);
    expect(sentences('It works. Version 2.5 is out! Yes')).toEqual(['It works.', 'Version 2.5 is out!', 'Yes']);
    expect(sentences('他说：“走吧。”然后走了。')).toEqual(['他说：“走吧。”', '然后走了。']);
  });

  it('finds the sentence under a character offset', () => {
    const text = '第一句。第二句很长。第三句';
    expect(sentenceAt(text, 0)).toBe('第一句。');
    expect(sentenceAt(text, 5)).toBe('第二句很长。');
    expect(sentenceAt(text, 11)).toBe('第三句');
    expect(sentenceAt(text, 999)).toBe('第三句');
  });

  it('fits the largest size between 30 and 80 px', () => {
    expect(fitFontSize(() => true)).toBe(80);
    expect(fitFontSize(() => false)).toBe(30);
    expect(fitFontSize((px) => px <= 47)).toBe(47);
    let calls = 0;
    fitFontSize((px) => (calls++, px <= 61));
    expect(calls).toBeLessThanOrEqual(8);
  });

  it('gives pinyin with tone marks per character, in context', () => {
    const segs = pinyinSegments('钟楼', pinyin);
    expect(segs).toEqual([
      { base: '钟', ruby: 'zhōng' },
      { base: '楼', ruby: 'lóu' },
    ]);
    expect(pinyinSegments('重庆', pinyin).map((s) => s.ruby)).toEqual(['chóng', 'qìng']);
    expect(pinyinSegments('重点', pinyin).map((s) => s.ruby)).toEqual(['zhòng', 'diǎn']);
    // Other text stays as one run.
    expect(pinyinSegments('2006年GDP', pinyin)).toEqual([
      { base: '2006', ruby: null },
      { base: '年', ruby: 'nián' },
      { base: 'GDP', ruby: null },
    ]);
  });

  it('normalises whitespace and recognises Han text', () => {
    expect(normalizeText('  a \n\t b ')).toBe('a b');
    expect(hasHan('abc')).toBe(false);
    expect(hasHan('abc钟')).toBe(true);
  });
});
