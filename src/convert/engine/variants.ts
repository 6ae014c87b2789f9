/**
 * Chinese variants kanjian converts between, in opencc-js's locale names:
 * cn = Simplified (Mainland), tw = Traditional (Taiwan), twp = Taiwan with Taiwanese vocabulary
 * (软件→軟體), hk = Traditional (Hong Kong), t = OpenCC standard Traditional.
 */
export type Variant = 'cn' | 'tw' | 'twp' | 'hk' | 't';

export const VARIANTS: readonly Variant[] = ['cn', 'tw', 'twp', 'hk', 't'];

/**
 * Directions with a compiled dictionary, as [from, to]. The first eight are the product's
 * (简→繁 and 繁→简); the last four are OpenCC's Traditional-to-Traditional configs.
 * scripts/build-dicts.mjs compiles exactly these.
 */
export const SUPPORTED_PAIRS: ReadonlyArray<readonly [Variant, Variant]> = [
  ['cn', 'tw'],
  ['cn', 'twp'],
  ['cn', 'hk'],
  ['cn', 't'],
  ['tw', 'cn'],
  ['twp', 'cn'],
  ['hk', 'cn'],
  ['t', 'cn'],
  ['t', 'tw'],
  ['tw', 't'],
  ['t', 'hk'],
  ['hk', 't'],
];

export function isVariant(x: unknown): x is Variant {
  return typeof x === 'string' && (VARIANTS as readonly string[]).includes(x);
}

export function isSupportedPair(from: string, to: string): boolean {
  return SUPPORTED_PAIRS.some(([f, t]) => f === from && t === to);
}

/** BCP 47 tag for text written in a variant (what `lang` should say after converting to it). */
export function langTagOf(variant: Variant): string {
  switch (variant) {
    case 'cn':
      return 'zh-CN';
    case 'tw':
    case 'twp':
      return 'zh-TW';
    case 'hk':
      return 'zh-HK';
    case 't':
      return 'zh-Hant';
  }
}
