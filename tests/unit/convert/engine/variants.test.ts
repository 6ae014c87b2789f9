// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { isSupportedPair, isVariant, langTagOf, SUPPORTED_PAIRS, VARIANTS } from '../../../../src/convert/engine/variants';

describe('variants', () => {
  test('supported directions: 简→繁, 繁→简 and OpenCC’s Traditional-to-Traditional ones only', () => {
    expect(isSupportedPair('cn', 'twp')).toBe(true);
    expect(isSupportedPair('twp', 'cn')).toBe(true);
    expect(isSupportedPair('t', 'hk')).toBe(true);
    expect(isSupportedPair('tw', 'hk')).toBe(false);
    expect(isSupportedPair('cn', 'cn')).toBe(false);
    expect(isSupportedPair('cn', 'jp')).toBe(false);
    expect(SUPPORTED_PAIRS.length).toBe(12);
    for (const [f, t] of SUPPORTED_PAIRS) expect(isVariant(f) && isVariant(t)).toBe(true);
  });

  test('variant names and the lang tag each one writes', () => {
    expect(VARIANTS.every(isVariant)).toBe(true);
    expect(isVariant('hkp')).toBe(false);
    expect(isVariant(7)).toBe(false);
    expect(VARIANTS.map(langTagOf)).toEqual(['zh-CN', 'zh-TW', 'zh-TW', 'zh-HK', 'zh-Hant']);
  });
});
