// @vitest-environment node
import { beforeAll, describe, expect, test } from 'vitest';
import { findDictDir, loadConverterNode } from '../../../../src/convert/engine/node-loader';
import { DICT_DIR, ensureDicts, opencc } from '../helpers';

beforeAll(ensureDicts, 120_000);

describe('node loader', () => {
  test('finds public/dict and converts like opencc-js', () => {
    expect(findDictDir()).toBe(DICT_DIR);
    const c = loadConverterNode('cn', 'twp');
    expect(c.convert('鼠标和软件')).toBe(opencc('cn', 'twp')('鼠标和软件'));
    expect([c.from, c.to]).toEqual(['cn', 'twp']);
  });

  test('names the problem when a direction or file is missing', () => {
    expect(() => loadConverterNode('tw', 'hk')).toThrow(/不支持.*unsupported/);
    expect(() => loadConverterNode('cn', 'tw', { dictDir: '/nonexistent' })).toThrow(/build-dicts/);
  });

});
