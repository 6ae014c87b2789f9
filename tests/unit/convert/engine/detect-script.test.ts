// @vitest-environment node
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { createConverter } from '../../../../src/convert/engine/create-converter';
import { countScriptChars, detectScript } from '../../../../src/convert/engine/detect-script';
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

