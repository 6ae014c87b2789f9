import type { Variant } from '../engine/variants';

/** The BCP 47 tag a page shown in this variant should carry. */
export function langTagFor(variant: Variant): string {
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

/** Is this lang attribute Chinese (so it should follow the conversion)? */
export function isChineseLang(tag: string): boolean {
  return /^(zh|cmn|yue|lzh)(-|$)/i.test(tag.trim());
}

/** The source variant of a Traditional page, from its language tag (default Taiwan). */
export function traditionalSourceFor(lang: string | null | undefined): Variant {
  const t = (lang ?? '').toLowerCase();
  if (/-(hk|mo)\b/.test(t)) return 'hk';
  return 'tw';
}
