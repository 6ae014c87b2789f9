// @vitest-environment node
/**
 * scripts/build-dicts.mjs: what it compiles out of opencc-js, and that the generated files in the
 * tree are what it makes now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dictFileName } from '../../../src/convert/engine/dict-format';
import { trieEntries } from '../../../src/convert/engine/trie';
import { SUPPORTED_PAIRS } from '../../../src/convert/engine/variants';
import { DICT_DIR, dictFor, ensureDicts, loadCompiler } from './helpers';

const byKey = (xs: ReadonlyArray<readonly [string, string, ...unknown[]]>): Array<[string, string]> =>
  xs.map(([k, v]): [string, string] => [k, v]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe('build-dicts', () => {
  test('every compiled trie holds exactly the key/value pairs of the trie opencc-js builds', async () => {
    const compiler = await loadCompiler();
    for (const [f, t] of SUPPORTED_PAIRS) {
      const d = await dictFor(f, t);
      const ref = compiler.directionStages(f, t);
      expect(d.normalize.length).toBe(ref.normalization.length);
      d.normalize.forEach((trie, i) => expect(byKey(trieEntries(trie))).toEqual(byKey(ref.normalization[i]!)));
      expect(d.chain.length).toBe(ref.chain.length);
      d.chain.forEach((trie, i) => expect(byKey(trieEntries(trie))).toEqual(byKey(ref.chain[i]!)));
      const segKeys = (ref.segmentation ?? []).map(([k]) => k).sort();
      if (d.fused) {
        // Fused: the segmentation keys are exactly the first chain trie's keys with the seg bit.
        const flagged = trieEntries(d.chain[0]!).filter(([, , seg]) => seg).map(([k]) => k).sort();
        expect(flagged).toEqual(segKeys);
      } else if (d.segment) {
        expect(trieEntries(d.segment).map(([k]) => k).sort()).toEqual(segKeys);
      } else {
        expect(segKeys).toEqual([]);
      }
    }
  });

  test('public/dict holds what the compiler makes now, byte for byte', async () => {
    await ensureDicts();
    const compiler = await loadCompiler();
    // A fused, a segmented and a small direction; `npm run check:dicts` compares all twelve.
    for (const [f, t] of [['cn', 'hk'], ['tw', 'cn'], ['t', 'tw']] as const) {
      const onDisk = readFileSync(join(DICT_DIR, dictFileName(f, t)));
      expect(Buffer.compare(compiler.compileDirection(f, t), onDisk), `${f}-${t}`).toBe(0);
    }
  });

  test('src/convert/engine/script-chars.ts is what the compiler generates', async () => {
    const compiler = await loadCompiler();
    expect(readFileSync(compiler.SCRIPT_CHARS_PATH, 'utf8')).toBe(compiler.scriptCharsModule());
  });
});
