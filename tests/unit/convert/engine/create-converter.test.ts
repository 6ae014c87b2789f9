// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createConverter } from '../../../../src/convert/engine/create-converter';
import { dictFor, opencc, SEED_PATH } from '../helpers';

const seed = readFileSync(SEED_PATH, 'utf8');

describe('createConverter', () => {
  test('returns the very same string when nothing can change', async () => {
    const { convert } = createConverter(await dictFor('cn', 'tw'));
    for (const s of ['', 'plain ASCII text', '  \n\t', '人民']) {
      const out = convert(s);
      expect(out).toBe(s);
    }
  });

  test('keeps a leading BOM, lone surrogates and NUL as they are', async () => {
    const { convert } = createConverter(await dictFor('cn', 'tw'));
    const ref = opencc('cn', 'tw');
    for (const s of ['\ufeff软件发布'.repeat(20), '软件\ud800发布\udc00'.repeat(10), '发\u0000布', '𠀀软件𪚥'.repeat(30)]) {
      expect(convert(s)).toBe(ref(s));
    }
  });

  test('reuses its buffers: big, small, big again', async () => {
    const { convert } = createConverter(await dictFor('tw', 'cn'));
    const ref = opencc('tw', 'cn');
    const big = createConverter(await dictFor('cn', 'tw')).convert(seed.repeat(40));
    expect(convert(big)).toBe(ref(big));
    expect(convert('軟體')).toBe(ref('軟體'));
    expect(convert(big.slice(0, 5000))).toBe(ref(big.slice(0, 5000)));
  });

  test('long runs of ideographic description characters: same as opencc-js, no stack overflow', async () => {
    const { convert } = createConverter(await dictFor('cn', 'tw'));
    const ref = opencc('cn', 'tw');
    // opencc-js takes exponential time on runs of description characters, so the reference only
    // sees short runs; longer inputs of the linear kind still compare.
    for (const n of [1, 2, 3, 10, 20]) {
      for (const s of ['⿰'.repeat(n) + '发', '发' + '⿲'.repeat(n) + '软件', '⿰发'.repeat(n)]) expect(convert(s)).toBe(ref(s));
    }
    for (const n of [501, 2000]) expect(convert('⿰发'.repeat(n))).toBe(ref('⿰发'.repeat(n)));
    // kanjian computes each sequence end once (memo, no recursion): no stack overflow, and a
    // quadratic or exponential walk would not finish within the test timeout.
    const ids = '⿰'.repeat(200_000);
    expect(convert('发' + ids + '发')).toBe('發' + ids + '发');
  });

  test('user phrases win over the dictionaries; the rest is opencc-js', async () => {
    const dict = await dictFor('cn', 'tw');
    const ref = opencc('cn', 'tw');
    const { convert } = createConverter(dict, {
      userPhrases: [
        ['发布', '發佈'],
        ['软件', '軟體'],
        ['乾隆', '乾隆'],
      ],
    });
    expect(convert('软件发布会')).toBe('軟體發佈' + ref('会'));
    expect(convert('新软件将于明天发布。')).toBe(ref('新') + '軟體' + ref('将于明天') + '發佈' + ref('。'));
    expect(convert('乾隆皇帝')).toBe('乾隆' + ref('皇帝'));
    expect(convert('没有用户词的句子，头发很长')).toBe(ref('没有用户词的句子，头发很长'));
    expect(convert('')).toBe('');
    expect(() => createConverter(dict, { userPhrases: [['', '空']] })).toThrow(/原文为空.*source phrase is empty/);
  });
});
