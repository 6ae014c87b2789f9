import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { normalizeGlyphText } from '../../../src/pdf/glyph-text';

describe('glyph text normalisation', () => {
  it('turns radicals that PDFs write for ideographs back into the ideographs', () => {
    // As Chromium/Skia writes them with Noto CJK: ⼯ (Kangxi) and ⻔ ⻓ ⻰ (Radicals Supplement).
    expect(normalizeGlyphText('⼯作⼊⻔，⻓期⽀持⻰头企业，⺠⽣')).toBe('工作入门，长期支持龙头企业，民生');
    expect(normalizeGlyphText('⾨⻑⿓⾒⾵', false)).toBe('門長龍見風');
  });

  it('reads ⼾ as 户 in a Simplified document and 戶 in a Traditional one', () => {
    expect(normalizeGlyphText('⼾籍', true)).toBe('户籍');
    expect(normalizeGlyphText('⼾籍', false)).toBe('戶籍');
  });

  it('leaves everything else exactly as it is (full-width punctuation, Latin, compatibility forms it has no reason to fold)', () => {
    const text = '（一）ＡＢＣ，abc；“引号”——破折号…１２３';
    expect(normalizeGlyphText(text)).toBe(text);
    expect(normalizeGlyphText('2―3个')).toBe('2—3个');
  });

  it('makes the text convertible: OpenCC converts 门 but not ⻔', () => {
    const s2t = OpenCC.Converter({ from: 'cn', to: 'tw' });
    expect(s2t('⻔槛')).not.toBe('門檻');
    expect(s2t(normalizeGlyphText('⻔槛'))).toBe('門檻');
  });
});
