import type { Variant } from '../engine/variants';

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
