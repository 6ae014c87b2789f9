// @vitest-environment node
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { createConverter } from '../../../../src/convert/engine/create-converter';
import { countScriptChars, detectScript, PAGE_TEXT_SAMPLE, scriptOfCounts, scriptOfLang, scriptOfPage } from '../../../../src/convert/engine/detect-script';
import { dictFor, SEED_PATH } from '../helpers';

const seed = readFileSync(SEED_PATH, 'utf8');

describe('detectScript', () => {
  test('the seed page is Simplified; its Traditional conversions are Traditional', async () => {
    expect(detectScript(seed)).toBe('simplified');
    for (const to of ['tw', 'twp', 'hk', 't'] as const) {
      expect(detectScript(createConverter(await dictFor('cn', to)).convert(seed)), to).toBe('traditional');
    }
  });

  test('short samples, shared characters, other languages', () => {
    expect(detectScript('这个软件')).toBe('simplified');
    expect(detectScript('這個軟體')).toBe('traditional');
    // 台 干 后 里 面 are written the same in both scripts (台灣, 干涉, 皇后, 公里, 方面).
    expect(countScriptChars('台干后里面')).toEqual({ simplified: 0, traditional: 0 });
    expect(detectScript('台灣的方面')).toBe('traditional');
    expect(detectScript('Hello, world')).toBe('unknown');
    expect(detectScript('')).toBe('unknown');
    expect(detectScript('这這')).toBe('unknown');
    expect(detectScript('人口')).toBe('unknown');
  });

  test('reads at most the limit', () => {
    expect(detectScript('a'.repeat(100) + '这个', 50)).toBe('unknown');
    expect(countScriptChars('这这这這', 3)).toEqual({ simplified: 3, traditional: 0 });
  });

  test('agrees with opencc-js on what converts', () => {
    // Every Simplified-only character changes under cn→t; every Traditional-only one under t→cn.
    const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
    const sample = '这个们国说时对发会经学还没问题';
    for (const ch of sample) expect(s2t(ch), ch).not.toBe(ch);
  });
});

describe('scriptOfCounts', () => {
  test('a 3-to-1 majority of at least `minimum` script-only characters', () => {
    expect(scriptOfCounts({ simplified: 3, traditional: 1 })).toBe('simplified');
    expect(scriptOfCounts({ simplified: 2, traditional: 1 })).toBe('unknown');
    expect(scriptOfCounts({ simplified: 0, traditional: 1 })).toBe('traditional');
    expect(scriptOfCounts({ simplified: 0, traditional: 0 })).toBe('unknown');
    // A stray character is not enough where a minimum is asked for.
    expect(scriptOfCounts({ simplified: 0, traditional: 2 }, 3)).toBe('unknown');
    expect(scriptOfCounts({ simplified: 1, traditional: 3 }, 3)).toBe('traditional');
  });
});

describe('scriptOfLang', () => {
  test('Chinese tags that name a script or region; anything else is null', () => {
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-Hant-HK', 'zh-HK', 'zh-MO', 'zh_TW', 'yue-HK', 'cmn-Hant-TW', ' ZH-tw ']) {
      expect(scriptOfLang(tag), tag).toBe('traditional');
    }
    for (const tag of ['zh-CN', 'zh-Hans', 'zh-SG', 'zh-MY', 'zh_cn', 'cmn-Hans']) expect(scriptOfLang(tag), tag).toBe('simplified');
    // Plain zh says nothing about the script; other languages' regions are not Chinese scripts.
    for (const tag of ['zh', 'yue', 'en-TW', 'en-HK', 'ja', 'zhx-hant', '', null, undefined]) expect(scriptOfLang(tag), String(tag)).toBeNull();
  });
});

describe('scriptOfPage', () => {
  test('the text decides when it can, confidently', () => {
    expect(scriptOfPage('這個軟體的說明', 'zh-CN')).toEqual({ script: 'traditional', confident: true });
    expect(scriptOfPage(seed, 'zh-TW')).toEqual({ script: 'simplified', confident: true });
  });

  test('else the lang attribute, else Simplified; neither is confident', () => {
    expect(scriptOfPage('Hello 人口', 'zh-Hant')).toEqual({ script: 'traditional', confident: false });
    expect(scriptOfPage('这這', 'zh-HK')).toEqual({ script: 'traditional', confident: false });
    expect(scriptOfPage('', 'zh-CN')).toEqual({ script: 'simplified', confident: false });
    expect(scriptOfPage('Hello', 'en-TW')).toEqual({ script: 'simplified', confident: false });
    expect(scriptOfPage('Hello')).toEqual({ script: 'simplified', confident: false });
  });

  test('reads only the first PAGE_TEXT_SAMPLE code units of the text', () => {
    const late = 'a'.repeat(PAGE_TEXT_SAMPLE) + '這個軟體';
    expect(scriptOfPage(late, 'zh-CN')).toEqual({ script: 'simplified', confident: false });
    expect(scriptOfPage(late.slice(4), 'zh-CN')).toEqual({ script: 'traditional', confident: true });
  });
});
