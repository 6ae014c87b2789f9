// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { buildTrie, trieEntries, verifyTrie } from '../../../../src/convert/engine/trie';
import { MAX_PHRASE_KEY, MAX_PHRASES, validateUserPhrases } from '../../../../src/convert/engine/user-phrases';

describe('validateUserPhrases', () => {
  test('accepts tab, spaces, =, → and ideographic space separators; skips blanks and comments', () => {
    const { ok, errors } = validateUserPhrases('\ufeff# 我的词表\n发布\t發佈\r\n\n软件 = 軟體\n网络→網路\n鼠标\u3000滑鼠\n  信息   資訊  \n');
    expect(errors).toEqual([]);
    expect(ok).toEqual([
      ['发布', '發佈'],
      ['软件', '軟體'],
      ['网络', '網路'],
      ['鼠标', '滑鼠'],
      ['信息', '資訊'],
    ]);
  });

  test('reports each bad line with its number, in Chinese and English', () => {
    const long = '长'.repeat(MAX_PHRASE_KEY + 1);
    const { ok, errors } = validateUserPhrases(['发布 發佈', '没有分隔符', '= 值', '键 =', `${long} x`, '发布 發表', '控\u0007制 x', '孤\ud800 x', 'ok 好']);
    expect(ok).toEqual([
      ['发布', '發佈'],
      ['ok', '好'],
    ]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).toMatch(/分隔符/);
    expect(errors[0]!.messageEn).toMatch(/separator/);
    expect(errors[1]!.messageEn).toMatch(/source phrase is empty/);
    expect(errors[2]!.messageEn).toMatch(/replacement is empty/);
    expect(errors[3]!.messageEn).toMatch(/too long/);
    expect(errors[4]!.message).toMatch(/发布.*重复/);
    expect(errors[4]!.messageTw).toMatch(/重複/);
    expect(errors[5]!.messageEn).toMatch(/control/);
    expect(errors[6]!.messageEn).toMatch(/surrogate/);
  });

  test('pairs: whitespace-only or whitespace-containing keys, non-strings', () => {
    const { ok, errors } = validateUserPhrases([['  ', 'x'], ['a b', 'x'], ['好', 'x y'], ['好', '好'], [1, 'x'], ['只有一个']]);
    expect(ok).toEqual([['好', '好']]);
    expect(errors.map((e) => [e.line, e.messageEn])).toEqual([
      [1, 'The source phrase is empty'],
      [2, 'The source phrase must not contain whitespace'],
      [3, 'The replacement must not contain whitespace'],
      [5, 'Each entry must be two strings [source, target]'],
      [6, 'Each entry must be two strings [source, target]'],
    ]);
  });

  test('caps the table size', () => {
    const lines = Array.from({ length: MAX_PHRASES + 5 }, (_, i) => `词${i} 詞${i}`);
    const { ok, errors } = validateUserPhrases(lines);
    expect(ok.length).toBe(MAX_PHRASES);
    expect(errors.length).toBe(1);
    expect(errors[0]!.line).toBe(MAX_PHRASES + 1);
  });

  test('a table too large for its trie (long keys over tens of thousands of characters) keeps what fits, says so, and converts', () => {
    // 10,000 keys of 32 different CJK characters each: 320,000 key units over 20,000 characters.
    const cjk = (n: number): string => String.fromCharCode(0x4e00 + (n % 20000));
    const lines = Array.from({ length: MAX_PHRASES }, (_, i) => `${Array.from({ length: MAX_PHRASE_KEY }, (_, j) => cjk(i * 7 + j * 613)).join('')} 值`);
    const { ok, errors } = validateUserPhrases(lines);
    expect(ok.length).toBeGreaterThan(1000);
    expect(ok.length).toBeLessThan(MAX_PHRASES);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(ok.length + 1);
    expect(errors[0]!.message).toContain('词表过大');
    const t = buildTrie(ok);
    verifyTrie(t);
    expect(trieEntries(t)).toHaveLength(ok.length);
  });
});

