// @vitest-environment node
/**
 * The correctness contract of pipeline.ts (through createConverter, no user phrases): for every
 * input, kanjian's output equals opencc-js 1.4.x OpenCC.Converter({from, to}). Any difference is
 * an engine bug.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createConverter, type Converter } from '../../../../src/convert/engine/create-converter';
import { trieEntries } from '../../../../src/convert/engine/trie';
import { SUPPORTED_PAIRS, type Variant } from '../../../../src/convert/engine/variants';
import { dictFor, firstDiff, opencc, prng, readShared, SEED_PATH, SHARED } from '../helpers';

const converters = new Map<string, Converter>();
beforeAll(async () => {
  for (const [f, t] of SUPPORTED_PAIRS) converters.set(`${f}-${t}`, createConverter(await dictFor(f, t)));
}, 120_000);
const kanjian = (f: Variant, t: Variant): Converter => converters.get(`${f}-${t}`)!;

/** Compares every input; reports the first few differences with their position. */
function expectSame(from: Variant, to: Variant, inputs: readonly string[]): void {
  const ref = opencc(from, to);
  const conv = kanjian(from, to);
  const diffs: string[] = [];
  for (const input of inputs) {
    const got = conv.convert(input);
    const want = ref(input);
    if (got !== want && diffs.length < 5) diffs.push(`${JSON.stringify(input.slice(0, 80))} ${firstDiff(got, want)}`);
  }
  expect(diffs, `${from}→${to}`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// OpenCC's published test cases

/** OpenCC config name → opencc-js {from, to}, for every config kanjian compiles. */
const CONFIG_MAP: Record<string, [Variant, Variant]> = {
  s2t: ['cn', 't'],
  s2tw: ['cn', 'tw'],
  s2twp: ['cn', 'twp'],
  s2hk: ['cn', 'hk'],
  t2s: ['t', 'cn'],
  tw2s: ['tw', 'cn'],
  tw2sp: ['twp', 'cn'],
  hk2s: ['hk', 'cn'],
  t2tw: ['t', 'tw'],
  tw2t: ['tw', 't'],
  t2hk: ['t', 'hk'],
  hk2t: ['hk', 't'],
};
/** Configs in the corpus that kanjian does not compile, and why. */
const SKIPPED_CONFIGS: Record<string, string> = {
  jp2t: 'Japanese Shinjitai (jp) is not a kanjian variant: kanjian converts Chinese pages',
  t2jp: 'Japanese Shinjitai (jp) is not a kanjian variant: kanjian converts Chinese pages',
  s2hkp: 'hkp (Hong Kong vocabulary) is not a kanjian variant; hk covers Hong Kong characters',
  hk2sp: 'hkp (Hong Kong vocabulary) is not a kanjian variant; hk covers Hong Kong characters',
  s2hk_jieba: "needs OpenCC's jieba segmentation plugin, which opencc-js does not have",
  s2hkp_jieba: "needs OpenCC's jieba segmentation plugin, which opencc-js does not have",
  s2t_jieba: "needs OpenCC's jieba segmentation plugin, which opencc-js does not have",
  s2tw_jieba: "needs OpenCC's jieba segmentation plugin, which opencc-js does not have",
  s2twp_jieba: "needs OpenCC's jieba segmentation plugin, which opencc-js does not have",
};

interface TestCase {
  id: string;
  input: string;
  expected: Record<string, string>;
}
const cases = (JSON.parse(readShared('corpus/opencc/testcases.json')) as { cases: TestCase[] }).cases;

describe('OpenCC testcases.json', () => {
  const configs = [...new Set(cases.flatMap((c) => Object.keys(c.expected)))].sort();

  test('every config in the corpus is either mapped or skipped with a reason', () => {
    const unknown = configs.filter((c) => !(c in CONFIG_MAP) && !(c in SKIPPED_CONFIGS));
    expect(unknown).toEqual([]);
  });

  for (const config of configs.filter((c) => c in CONFIG_MAP)) {
    test(`${config}: same as opencc-js on every case`, () => {
      const [from, to] = CONFIG_MAP[config]!;
      const mine = cases.filter((c) => config in c.expected);
      expect(mine.length).toBeGreaterThan(0);
      expectSame(from, to, mine.map((c) => c.input));
      // Where opencc-js agrees with OpenCC's expected output, so must kanjian (implied by the
      // above; asserted so a wrong mapping in CONFIG_MAP cannot pass silently).
      const ref = opencc(from, to);
      const agree = mine.filter((c) => ref(c.input) === c.expected[config]);
      expect(agree.length / mine.length).toBeGreaterThan(0.5);
      for (const c of agree) expect(kanjian(from, to).convert(c.input), c.id).toBe(c.expected[config]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Golden files: the US Constitution

describe('OpenCC golden files (US Constitution)', () => {
  const dir = join(SHARED, 'corpus/opencc/golden');
  const input = readFileSync(join(dir, 'input/us_constitution_zhs.txt'), 'utf8');
  const outputs = readdirSync(join(dir, 'output')).filter((f) => f.endsWith('.txt'));

  test('every golden output is mapped or skipped with a reason', () => {
    const configs = outputs.map((f) => f.replace(/^us_constitution_zhs\.|\.txt$/g, ''));
    expect(configs.filter((c) => !(c in CONFIG_MAP) && !(c in SKIPPED_CONFIGS))).toEqual([]);
    expect(configs.filter((c) => c in CONFIG_MAP).length).toBeGreaterThanOrEqual(4);
  });

  for (const file of outputs) {
    const config = file.replace(/^us_constitution_zhs\.|\.txt$/g, '');
    if (!(config in CONFIG_MAP)) continue;
    test(`${config}: same as opencc-js, and as OpenCC's golden output where opencc-js is`, () => {
      const [from, to] = CONFIG_MAP[config]!;
      const got = kanjian(from, to).convert(input);
      const want = opencc(from, to)(input);
      expect(got === want, firstDiff(got, want)).toBe(true);
      const golden = readFileSync(join(dir, 'output', file), 'utf8');
      // Line by line: every line opencc-js gets right, kanjian gets right too.
      const g = golden.split('\n');
      const w = want.split('\n');
      const k = got.split('\n');
      let agreeing = 0;
      for (let i = 0; i < g.length; i++) {
        if (w[i] === g[i]) {
          agreeing++;
          expect(k[i]).toBe(g[i]);
        }
      }
      expect(agreeing).toBeGreaterThan(g.length / 2);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The seed page and a generated corpus, every direction

const seed = readFileSync(SEED_PATH, 'utf8');
// For a longer sweep: KANJIAN_DIFF_COUNT=50000 KANJIAN_DIFF_SEED=7 npx vitest run tests/unit/convert
const COUNT = Number(process.env.KANJIAN_DIFF_COUNT ?? 3000);
const SEED = Number(process.env.KANJIAN_DIFF_SEED ?? 0x6b616e);

describe.each(SUPPORTED_PAIRS.map(([f, t]) => [`${f}→${t}`, f, t] as const))('%s', (_name, from, to) => {
  test('seed page text, whole and line by line', () => {
    expectSame(from, to, [seed, ...seed.split('\n')]);
  });

  test('the other direction’s output (round trip input)', () => {
    // Text in the target script exercises the keys a direction sees least on Simplified input.
    const back = SUPPORTED_PAIRS.find(([f, t]) => f === to && t === from);
    const other = back ? kanjian(back[0], back[1]) : kanjian('cn', 't');
    const text = other.convert(seed);
    expectSame(from, to, [text, ...text.split('\n')]);
  });

  test('generated corpus: dictionary keys, CJK, astral, IDS, surrogates, punctuation', async () => {
    const inputs = await generatedCorpus(from, to, COUNT, SEED ^ (from.length * 131 + to.length * 7 + from.charCodeAt(0)));
    expect(inputs.length).toBe(COUNT);
    expectSame(from, to, inputs);
  });
});

/** Keys and values of every stage of a direction, for the generator. */
async function vocabulary(from: Variant, to: Variant): Promise<{ keys: string[]; values: string[] }> {
  const d = await dictFor(from, to);
  const keys: string[] = [];
  const values: string[] = [];
  for (const t of [...d.normalize, ...(d.segment ? [d.segment] : []), ...d.chain]) {
    for (const [k, v] of trieEntries(t)) {
      keys.push(k);
      if (v) values.push(v);
    }
  }
  // Both scripts' keys, so Traditional text reaches Simplified-keyed stages and the reverse.
  const other = await dictFor(to === 'cn' ? 'cn' : 't', to === 'cn' ? 'tw' : 'cn');
  for (const t of other.chain) for (const [k] of trieEntries(t).slice(0, 4000)) keys.push(k);
  return { keys, values };
}

async function generatedCorpus(from: Variant, to: Variant, count: number, seed: number): Promise<string[]> {
  const rnd = prng(seed);
  const { keys, values } = await vocabulary(from, to);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const cp = (lo: number, hi: number): string => String.fromCodePoint(lo + int(hi - lo + 1));
  const seedText = readShared('corpus/seed/000_d28395905591496d.txt');
  const ids = (): string => {
    // An Ideographic Description Sequence, sometimes nested, sometimes cut short.
    const op = cp(0x2ff0, 0x2fff);
    const arity = op === '\u2ff2' || op === '\u2ff3' ? 3 : 2;
    let s = op;
    for (let i = 0; i < arity; i++) s += rnd() < 0.2 ? ids() : rnd() < 0.5 ? pick(keys).slice(0, 2) : cp(0x4e00, 0x9fff);
    return rnd() < 0.15 ? s.slice(0, Math.max(1, int(s.length))) : s;
  };
  // Keys by first character, to chain keys that overlap (畫素 + 素藉 → 畫素藉): the matches of one
  // stage then straddle the matches or segments of another.
  const byFirst = new Map<string, string[]>();
  for (const k of keys) {
    const f = String.fromCodePoint(k.codePointAt(0)!);
    const list = byFirst.get(f);
    if (list) list.push(k);
    else byFirst.set(f, [k]);
  }
  const overlapping = (): string => {
    let s = pick(keys);
    for (let n = int(3); n >= 0; n--) {
      const cps = [...s];
      // The next key starts on one of this one's characters after the first.
      const at = Math.min(1 + int(Math.max(1, cps.length - 1)), cps.length - 1);
      const next = byFirst.get(cps[at]!);
      if (!next) break;
      s = cps.slice(0, at).join('') + pick(next);
    }
    return s;
  };
  const pieces: Array<[number, () => string]> = [
    [15, overlapping],
    [30, () => pick(keys)],
    [8, () => pick(values)],
    [6, () => {
      // A key cut short or run into the start of another: boundaries between phrases.
      const k = pick(keys);
      return k.slice(0, 1 + int(k.length)) + pick(keys).slice(0, 1 + int(3));
    }],
    [12, () => {
      // The tail of one key and the head of another: phrases that straddle segment boundaries.
      const a = pick(keys);
      const b = pick(rnd() < 0.5 ? keys : values);
      return a.slice(1 + int(Math.max(1, a.length - 1))) + b.slice(0, 1 + int(b.length));
    }],
    [10, () => cp(0x4e00, 0x9fff)],
    [3, () => cp(0x3400, 0x4dbf)],
    [3, () => cp(0x20000, 0x2a6df)], // astral CJK (Extension B)
    [2, () => cp(0x2a700, 0x2ebe0)],
    [2, () => cp(0xf900, 0xfaff)], // compatibility ideographs (normalized first)
    [2, () => cp(0x2f800, 0x2fa1f)],
    [3, ids],
    [5, () => pick(['，', '。', '、', '！', '？', '：', '；', '“', '”', '《', '》', '（', '）', '…', '—', '·'])],
    [5, () => pick(['a', 'PN', 'B', 'HTML', '2006', ' ', '  ', '\n', '\t', '\r\n', '.', ',', '-', 'http://x.cn/'])],
    [2, () => cp(0x1f300, 0x1faff)], // emoji: surrogate pairs
    [1, () => cp(0xd800, 0xdbff)], // lone high surrogate
    [1, () => cp(0xdc00, 0xdfff)], // lone low surrogate
    [1, () => pick(['\ufe00', '\ufe0f', '\u{e0100}', '\u0301', '\u200d', '\ufeff', '\u3000', '\0'])],
    [2, () => {
      const at = int(seedText.length);
      return seedText.slice(at, at + 1 + int(40));
    }],
  ];
  const total = pieces.reduce((a, [w]) => a + w, 0);
  const piece = (): string => {
    let r = rnd() * total;
    for (const [w, f] of pieces) {
      r -= w;
      if (r < 0) return f();
    }
    return pieces[0]![1]();
  };
  const out: string[] = ['', ' ', '\n'];
  while (out.length < count) {
    const n = rnd() < 0.1 ? 1 : 1 + int(rnd() < 0.9 ? 12 : 60);
    let s = '';
    for (let i = 0; i < n; i++) s += piece();
    out.push(s);
  }
  return out;
}
