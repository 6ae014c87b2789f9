// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createConverter } from '../../../../src/convert/engine/create-converter';
import { canFuse, compileDict, compilePlan, type DirectionStages } from '../../../../src/convert/engine/dict-compile';
import { parseDict } from '../../../../src/convert/engine/dict-format';
import { trieEntries } from '../../../../src/convert/engine/trie';
import { dictFor } from '../helpers';

const source = { package: 'test', version: '0' };

describe('canFuse', () => {
  test('fuses segmentation only when it is provably the same', () => {
    const seg: Array<[string, string]> = [['软件', '軟件']];
    expect(canFuse(seg, [['软件', '軟件'], ['软', '軟']])).toBe(true);
    expect(canFuse(seg, [['软', '軟']])).toBe(false); // a segmentation key missing from the group
    expect(canFuse(seg, [['软件', '軟件'], ['件事', '件事']])).toBe(false); // a longer non-segmentation key
    expect(canFuse([['⿰氵去', 'x']], [['⿰氵去', 'x']])).toBe(false); // a key starting an IDS
    expect(canFuse(seg, [['软件', '軟件'], ['⿰', 'x']])).toBe(false);
  });

  test('the shipped Simplified→Traditional regional directions are fused', async () => {
    for (const to of ['tw', 'twp', 'hk'] as const) expect((await dictFor('cn', to)).fused, `cn-${to}`).toBe(true);
    // tw→cn's segmentation (TSPhrases) has keys its first chain group lacks: kept apart.
    const twcn = await dictFor('tw', 'cn');
    expect(twcn.fused).toBe(false);
    expect(twcn.segment).not.toBeNull();
  });
});

describe('compilePlan / compileDict', () => {
  const fusable: DirectionStages = {
    config: 's2tw',
    normalization: [[['兀', '兀']]],
    segmentation: [['软件', '']],
    chain: [
      [
        ['软件', '軟件'],
        ['软', '軟'],
        ['发', '發'],
      ],
      [['軟件', '軟體']],
    ],
  };

  test('fused: the first chain trie carries the segmentation keys as its seg bit', () => {
    const plan = compilePlan('cn', 'tw', fusable);
    expect(plan.fused).toBe(true);
    expect(plan.segment).toBeNull();
    const d = parseDict(compileDict('cn', 'tw', fusable, source));
    const first = d.chain[0]!;
    expect(trieEntries(first).filter(([, , seg]) => seg).map(([k]) => k)).toEqual(['软件']);
    expect(createConverter(d).convert('软件发')).toBe('軟體發');
  });

  test('not fusable: a segmentation trie of its own, with empty values', () => {
    const stages: DirectionStages = { ...fusable, segmentation: [['件事', '']] };
    const plan = compilePlan('cn', 'tw', stages);
    expect(plan.fused).toBe(false);
    const d = parseDict(compileDict('cn', 'tw', stages, source));
    expect(trieEntries(d.segment!)).toEqual([['件事', '', true]]);
  });

  test('the same dictionary group becomes one built trie, shared through the cache', () => {
    const cache = new Map();
    const a = compilePlan('cn', 'tw', fusable, cache);
    const b = compilePlan('cn', 'twp', { ...fusable, config: 's2twp' }, cache);
    expect(b.tries[b.chain[1]!]).toBe(a.tries[a.chain[1]!]);
    expect(compileDict('cn', 'tw', fusable, source)).toEqual(compileDict('cn', 'tw', fusable, source, cache));
  });
});
