import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chunkPlain, chunkText, measure, splitSentences, spokenText } from '../../../src/speech/chunk';
import { prng } from './helpers';

const texts = (spans: { text: string }[]) => spans.map((s) => s.text);

describe('splitSentences', () => {
  test('splits at Chinese and ASCII sentence punctuation, keeping closing quotes', () => {
    expect(texts(splitSentences('你好。我是谁？真的！“引号。”后面；再来…结束'))).toEqual([
      '你好。', '我是谁？', '真的！', '“引号。”', '后面；', '再来…', '结束',
    ]);
    expect(texts(splitSentences('Hello world. How are you? Fine; thanks!'))).toEqual([
      'Hello world. ', 'How are you? ', 'Fine; ', 'thanks!',
    ]);
  });

  test('does not split decimals, domains or times', () => {
    expect(splitSentences('圆周率约为3.14，网址example.com，时间12:30。')).toHaveLength(1);
  });

  test('source newlines are not sentence ends', () => {
    expect(texts(splitSentences('以加强科技创新,\n  推动经济发展。'))).toEqual(['以加强科技创新,\n  推动经济发展。']);
  });

  test('works without Intl.Segmenter (regex only)', () => {
    expect(texts(splitSentences('甲。乙！丙', { useSegmenter: false }))).toEqual(['甲。', '乙！', '丙']);
  });
});

describe('chunkText', () => {
  test('long sentences split at clause punctuation, packed up to the limit', () => {
    const s = '围绕新材料、电子信息、精密机械三大产业，优化要素配置，以资本技术密集的增量投入带动产能的存量调整和结构升级。';
    const out = chunkText(s, { maxLength: 20 });
    expect(out.map((c) => c.text).join('')).toBe(s);
    for (const c of out) expect(measure(c.text)).toBeLessThanOrEqual(20);
    // Every cut lands right after clause punctuation unless a clause itself was too long.
    expect(out[0]!.text).toBe('围绕新材料、电子信息、精密机械三大产业，');
  });

  test('hard split when there is no punctuation; Latin words are not cut when avoidable', () => {
    const han = '一二三四五六七八九十'.repeat(5);
    const out = chunkText(han, { maxLength: 12 });
    expect(out.map((c) => c.text)).toEqual([han.slice(0, 12), han.slice(12, 24), han.slice(24, 36), han.slice(36, 48), han.slice(48)]);
    const en = 'alpha beta gamma delta epsilon zeta eta theta iota kappa';
    const words = chunkText(en, { maxLength: 16 });
    for (const c of words) {
      expect(measure(c.text)).toBeLessThanOrEqual(16);
      expect(c.text.trim()).toMatch(/^[a-z]+( [a-z]+)*$/);
    }
  });

  test('surrogate pairs are never split', () => {
    const s = '𠀀𠀁𠀂𠀃𠀄𠀅'; // CJK Extension B: two UTF-16 units each
    const out = chunkText(s, { maxLength: 4 });
    expect(out.map((c) => c.text)).toEqual(['𠀀𠀁𠀂𠀃', '𠀄𠀅']);
  });

  test('whitespace-only input gives no chunks; surrounding whitespace stays attached', () => {
    expect(chunkText('   \n\t ')).toEqual([]);
    const out = chunkText('  甲。  乙。  ');
    expect(out.map((c) => c.text).join('')).toBe('  甲。  乙。  ');
    expect(out.map((c) => c.text.trim())).toEqual(['甲。', '乙。']);
  });

  test('default limit is 120 code points', () => {
    const s = '字'.repeat(500);
    const out = chunkText(s);
    expect(out.every((c) => measure(c.text) <= 120)).toBe(true);
    expect(out).toHaveLength(5);
  });

  test('spans are contiguous and index the input', () => {
    const s = '第一句。第二句很长，很长，很长。Third one. ';
    const out = chunkText(s, { maxLength: 6 });
    let at = 0;
    for (const c of out) {
      expect(c.start).toBe(at);
      expect(s.slice(c.start, c.end)).toBe(c.text);
      at = c.end;
    }
    expect(at).toBe(s.length);
  });
});

// Property: over random mixed Chinese/English text, no chunk exceeds the limit, no chunk is blank, chunks
// never split a surrogate pair, and the chunks concatenate back to the input exactly.
describe('chunkText property (seeded)', () => {
  const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
  const PUNCT = ['。', '，', '、', '；', '！', '？', '…', '……', '：', '“', '”', '（', '）', '.', ',', ';', '!', '?', ':', '"'];
  const WORDS = ['speech', 'Chrome', 'utterance', 'kanjian', 'a', 'WCAG', '2.1', '3.14', 'example.com', '12:30', '1,000'];
  const SPACES = [' ', '  ', '\n', '\n  ', '\t', '\u3000'];
  const EXTRA = ['𠀀', '😀', 'é', 'e\u0301', '👍🏽'];

  function randomText(rand: () => number): string {
    const parts: string[] = [];
    const n = Math.floor(rand() * 80);
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.5) {
        const len = 1 + Math.floor(rand() * 40);
        let s = '';
        for (let j = 0; j < len; j++) s += HAN[Math.floor(rand() * HAN.length)];
        parts.push(s);
      } else if (r < 0.7) parts.push(PUNCT[Math.floor(rand() * PUNCT.length)]!);
      else if (r < 0.85) parts.push(WORDS[Math.floor(rand() * WORDS.length)]!);
      else if (r < 0.97) parts.push(SPACES[Math.floor(rand() * SPACES.length)]!);
      else parts.push(EXTRA[Math.floor(rand() * EXTRA.length)]!);
    }
    return parts.join('');
  }

  test('600 random inputs, limits 1..150', () => {
    const rand = prng(20240607);
    for (let i = 0; i < 600; i++) {
      const text = randomText(rand);
      const max = 1 + Math.floor(rand() * 150);
      for (const useSegmenter of [true, false]) {
        const out = chunkText(text, { maxLength: max, useSegmenter });
        const ctx = `case ${i} max ${max} seg ${useSegmenter}: ${JSON.stringify(text)}`;
        if (text.trim() === '') {
          expect(out, ctx).toEqual([]);
          continue;
        }
        expect(out.map((c) => c.text).join(''), ctx).toBe(text);
        for (const c of out) {
          expect(measure(c.text), ctx).toBeLessThanOrEqual(max);
          expect(c.text.trim(), ctx).not.toBe('');
          expect(/^[\udc00-\udfff]/.test(c.text), ctx).toBe(false);
          expect(/[\ud800-\udbff]$/.test(c.text), ctx).toBe(false);
        }
        // Spoken texts hold every non-space character, in order.
        const spoken = out.map((c) => spokenText(c.text)).join('').replace(/\s/g, '');
        expect(spoken, ctx).toBe(text.replace(/\s/g, ''));
      }
    }
  });
});

describe('real page text (seed corpus)', () => {
  // The shared corpus sits beside the checkout (../shared); vite rewrites new URL(…, import.meta.url).
  const seedPath = resolve(process.cwd(), '../shared/corpus/seed/000_d28395905591496d.txt');
  let seed = '';
  try {
    seed = readFileSync(seedPath, 'utf8');
  } catch {
    seed = '';
  }

  test.skipIf(!seed)('the seed page chunks within the limit and back to itself', () => {
    const out = chunkText(seed, { maxLength: 120 });
    expect(out.map((c) => c.text).join('')).toBe(seed);
    expect(Math.max(...out.map((c) => measure(c.text)))).toBeLessThanOrEqual(120);
    // Most chunks are whole sentences: the article is long sentences ended by 。
    const sentenceEnded = out.filter((c) => /[。！？；…]\s*$/.test(c.text)).length;
    expect(sentenceEnded / out.length).toBeGreaterThan(0.5);
  });
});

describe('spokenText', () => {
  test('collapses whitespace; drops source line breaks between CJK characters but keeps spaces', () => {
    expect(spokenText('  以加强\n  科技创新，推动 Chrome \n speech。 ')).toBe('以加强科技创新，推动 Chrome speech。');
    expect(spokenText('网站首页   繁体版')).toBe('网站首页 繁体版');
    expect(spokenText('扶持壮\r\n\r\n大农业')).toBe('扶持壮大农业');
  });

  test('chunkPlain chunks free text without ranges', () => {
    const out = chunkPlain('甲。乙。', { lang: 'zh-CN' });
    expect(out.map((c) => c.text)).toEqual(['甲。', '乙。']);
    expect(out.every((c) => c.ranges.length === 0 && c.lang === 'zh-CN')).toBe(true);
  });
});
