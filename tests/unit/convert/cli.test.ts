// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { convertedLang, convertHtml } from '../../../src/cli/convert';
import { COMMANDS, main, VERSION, type CliIo } from '../../../src/cli/main';
import { detectScript } from '../../../src/convert/engine/detect-script';
import { ensureDicts, opencc, REPO, SEED_PATH } from './helpers';

beforeAll(ensureDicts, 120_000);

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A fake process: stdin bytes, a map of files, captured stdout/stderr. */
function fakeIo(stdin: Uint8Array | string = '', files: Record<string, Uint8Array | string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdin: async () => (typeof stdin === 'string' ? utf8(stdin) : stdin),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      if (path === '/dir') throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`no such file ${path}`), { code: 'ENOENT' });
      return typeof f === 'string' ? utf8(f) : f;
    },
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function run(argv: string[], stdin: Uint8Array | string = '', files: Record<string, Uint8Array | string> = {}) {
  const f = fakeIo(stdin, files);
  const code = await main(argv, f.io);
  return { code, stdout: f.out(), stderr: f.err() };
}

describe('kanjian (dispatcher)', () => {
  test('--help lists every registered command; --version prints the package version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toContain(c.name);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('no command or an unknown one: usage on stderr, exit 2', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('convert');
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/未知命令.*unknown command "frobnicate"/s);
  });
});

describe('kanjian convert', () => {
  const seed = readFileSync(SEED_PATH, 'utf8');

  test('defaults to cn→tw from stdin; output is opencc-js’s', async () => {
    const r = await run(['convert'], seed);
    expect(r).toEqual({ code: 0, stdout: opencc('cn', 'tw')(seed), stderr: '' });
    expect((await run(['convert', '-'], '软件')).stdout).toBe(opencc('cn', 'tw')('软件'));
  });

  test('every direction, from a file, with --opt value and --opt=value', async () => {
    const directions = [
      ['cn', 'twp'],
      ['cn', 'hk'],
      ['cn', 't'],
      ['tw', 'cn'],
      ['twp', 'cn'],
      ['hk', 'cn'],
      ['t', 'cn'],
    ] as const;
    for (const [from, to] of directions) {
      const r = await run(['convert', '--from', from, `--to=${to}`, '/in.txt'], '', { '/in.txt': seed });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(opencc(from, to)(seed));
    }
  });

  test('--phrases: the user table wins', async () => {
    const r = await run(['convert', '--phrases', '/p.txt'], '新软件发布了', { '/p.txt': '# 词表\n软件\t軟體\n发布 = 發佈\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(opencc('cn', 'tw')('新') + '軟體發佈' + opencc('cn', 'tw')('了'));
  });

  const failures: Array<[string, string[], Uint8Array | string, Record<string, Uint8Array | string>, RegExp]> = [
    ['unknown variant', ['convert', '--to', 'jp'], '软件', {}, /不是已知的变体[\s\S]*not a known variant/],
    ['unsupported pair', ['convert', '--from', 'tw', '--to', 'hk'], '軟件', {}, /不支持从 tw 转换到 hk[\s\S]*not supported/],
    ['missing file', ['convert', '/missing.txt'], '', {}, /无法读取文件 \/missing.txt（ENOENT）[\s\S]*cannot read file \/missing.txt \(ENOENT\)/],
    ['directory', ['convert', '/dir'], '', {}, /EISDIR/],
    ['invalid UTF-8', ['convert'], new Uint8Array([0xe8, 0xbd, 0xaf, 0xe4, 0xbb, 0xff, 0x41]), {}, /不是有效的 UTF-8（第 3 字节起）[\s\S]*not valid UTF-8 \(from byte 3\)/],
    ['binary input', ['convert'], new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), {}, /二进制[\s\S]*looks binary \(NUL byte at offset 4\)/],
    ['bad phrase file', ['convert', '--phrases', '/p.txt'], '软件', { '/p.txt': '软件 軟體\n没有分隔符\n软件 軟件\n' }, /第 2 行：缺少分隔符[\s\S]*第 3 行[\s\S]*line 2: Missing separator[\s\S]*line 3: Duplicate/],
    ['missing phrase file', ['convert', '--phrases', '/nope'], '软件', {}, /无法读取词表文件[\s\S]*cannot read phrase file \/nope/],
    ['two inputs', ['convert', '/a', '/b'], '', { '/a': 'x', '/b': 'y' }, /只能给一个输入文件[\s\S]*at most one input file/],
    ['unknown option', ['convert', '--fast'], '', {}, /未知选项 --fast[\s\S]*unknown option --fast/],
    ['option without value', ['convert', '--from'], '', {}, /--from 需要一个值[\s\S]*needs a value/],
  ];
  test.each(failures)('%s: Chinese + English on stderr, exit 2, nothing on stdout', async (_name, argv, stdin, files, message) => {
    const r = await run(argv, stdin, files);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/错误/);
    expect(r.stderr).toMatch(/error/);
  });

  test('--help', async () => {
    const r = await run(['convert', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--from[\s\S]*--to[\s\S]*--html[\s\S]*--phrases/);
  });
});

describe('kanjian convert --html', () => {
  const s2tw = (s: string): string => opencc('cn', 'tw')(s);
  /**
   * [[text]] marks what must be converted; {{a|b}} a lang value that must become b; everything
   * else must come out byte for byte.
   */
  function expectations(template: string, conv: (s: string) => string): { input: string; expected: string } {
    const input = template.replace(/\[\[([\s\S]*?)\]\]/g, '$1').replace(/\{\{(.*?)\|(.*?)\}\}/g, '$1');
    const expected = template.replace(/\[\[([\s\S]*?)\]\]/g, (_m, t: string) => conv(t)).replace(/\{\{(.*?)\|(.*?)\}\}/g, '$2');
    return { input, expected };
  }

  const page = `\ufeff<!DOCTYPE html>\r
<!-- 注释：这里的软件不转换 -->\r
<HTML LANG={{zh-CN|zh-TW}} class=x>\r
<head><meta charset="utf-8"><title>[[软件发布会]]</title>\r
<style>/* 软件 */ body::after { content: "软件" }</style>\r
<script>var s = "软件发布"; // 注释 <b>软件</b></script>\r
</head>\r
<body>\r
  <h1 title="[[软件标题]]" data-note="软件">[[欢迎使用软件]]</h1>\r
  <p lang='{{zh-Hans|zh-TW}}'>[[发布 ]]&amp;[[ 更新]]&nbsp;[[软件&#x8F6F;件]]</p>\r
  <p lang="en">English [[软件]] text</p>\r
  <p lang="ja">日本語の漢字：発表、軟件</p>\r
  <p lang="zh-HK">[[繁體裏面]]</p>\r
  <img src="软件.png" alt=[[软件截图]] ALT="ignored duplicate">\r
  <input type="text" value="软件" placeholder="[[请输入软件名]]" aria-label='[[搜索软件]]'>\r
  <input type=submit value="[[发布软件]]"> <input type="BUTTON" value='[[下载]]'> <input type=reset value=[[重置]]>\r
  <button type="button" value="[[确认]]" aria-description="[[确认发布]]">[[确认发布]]</button>\r
  <textarea placeholder="[[写点什么]]">用户输入的软件</textarea>\r
  <pre title="[[代码示例]]">软件 = "发布";</pre> <code>软件</code> <kbd>软件</kbd> <samp>软件</samp>\r
  <div translate="no" title="软件">不要翻译这个软件</div>\r
  <div class="a ignore-opencc b">保留软件<span title="软件">软件</span></div>\r
  <div contenteditable>可编辑的软件</div> <div contenteditable="false">[[不可编辑的软件]]</div>\r
  <select><option label="[[软件]]">[[软件选项]]</option></select>\r
  <table>[[表格里的软件]]<tr><td>[[单元格软件]]</td></tr></table>\r
  <template><p>[[模板里的软件]]</p></template>\r
  <svg><title>[[图标软件]]</title><text>[[矢量软件]]</text></svg>\r
  <a href="/软件?q=发布" lang="{{zh|zh-TW}}">[[链接软件]]</a>\r
</body>\r
</html>\r
`;

  test('converts text and readable attributes, updates lang, keeps everything else byte for byte', () => {
    const { input, expected } = expectations(page, s2tw);
    expect(convertHtml(input, s2tw, 'cn', 'tw')).toBe(expected);
  });

  test('through the command, with a file', async () => {
    const { input, expected } = expectations(page, s2tw);
    const r = await run(['convert', '--html', '/page.html'], '', { '/page.html': input });
    expect(r).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  test('lang tags: to Traditional variants and back to zh-CN', () => {
    expect(convertedLang('zh-CN', 'cn', 'tw')).toBe('zh-TW');
    expect(convertedLang('zh-Hans', 'cn', 'twp')).toBe('zh-TW');
    expect(convertedLang('zh', 'cn', 'hk')).toBe('zh-HK');
    expect(convertedLang(' zh_cn ', 'cn', 't')).toBe('zh-Hant');
    expect(convertedLang('zh-Hans-CN', 'cn', 'tw')).toBe('zh-TW');
    expect(convertedLang('zh-TW', 'cn', 'tw')).toBeNull();
    expect(convertedLang('zh-HK', 'cn', 'tw')).toBeNull(); // already Traditional, different region
    expect(convertedLang('zh-TW', 'tw', 'cn')).toBe('zh-CN');
    expect(convertedLang('zh-Hant', 'hk', 'cn')).toBe('zh-CN');
    expect(convertedLang('zh', 'twp', 'cn')).toBe('zh-CN');
    expect(convertedLang('zh-CN', 'tw', 'cn')).toBeNull();
    expect(convertedLang('zh-Hant', 't', 'tw')).toBe('zh-TW');
    expect(convertedLang('zh-yue', 'cn', 'hk')).toBeNull();
    expect(convertedLang('en', 'cn', 'tw')).toBeNull();
    expect(convertedLang('ja', 'tw', 'cn')).toBeNull();
  });

  test('Traditional page to Simplified', () => {
    const t2s = opencc('tw', 'cn');
    const { input, expected } = expectations(
      '<html lang="{{zh-Hant-TW|zh-CN}}"><body><p title="[[軟體發佈]]">[[裡面的軟體]]</p><code>軟體</code></body></html>',
      t2s,
    );
    expect(convertHtml(input, t2s, 'tw', 'cn')).toBe(expected);
  });

  test('the demo page: same markup, Traditional text', () => {
    const html = readFileSync(join(REPO, 'tests/fixtures/pages/zhonglou-2006.html'), 'utf8');
    const out = convertHtml(html, s2tw, 'cn', 'tw');
    const shape = (h: string): string[] => {
      const tags: string[] = [];
      const walk = (n: { nodeName: string; attrs?: Array<{ name: string }>; childNodes?: unknown[] }): void => {
        tags.push(`${n.nodeName}(${(n.attrs ?? []).map((a) => a.name).join(',')})`);
        for (const c of (n.childNodes ?? []) as Array<typeof n>) walk(c);
      };
      walk(parse(h) as unknown as Parameters<typeof walk>[0]);
      return tags;
    };
    expect(shape(out)).toEqual(shape(html));
    expect(out.length).toBeGreaterThan(html.length * 0.9);
    const text = (h: string): string => h.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]*>/g, ' ');
    expect(detectScript(text(html))).toBe('simplified');
    expect(detectScript(text(out))).toBe('traditional');
  });

  test('a fragment, entities only, empty input', () => {
    expect(convertHtml('', s2tw, 'cn', 'tw')).toBe('');
    expect(convertHtml('&#36719;&#20214;', s2tw, 'cn', 'tw')).toBe('&#36719;&#20214;');
    expect(convertHtml('<p>软件', s2tw, 'cn', 'tw')).toBe(`<p>${s2tw('软件')}`);
  });
});

describe('parseArgs', () => {
  test('flags, values, short aliases, -- and -', () => {
    const spec = { from: { type: 'string' }, html: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
    expect(parseArgs(['--from', 'tw', '--html', '-', '--', '--html'], spec)).toEqual({
      values: { from: 'tw', html: true },
      positionals: ['-', '--html'],
      // Options declared `multiple` (none here) collect every value.
      lists: {},
    });
    expect(parseArgs(['-h', '--from=t'], spec).values).toEqual({ help: true, from: 't' });
    expect(() => parseArgs(['--html=yes'], spec)).toThrow(/option --html takes no value/);
    expect(() => parseArgs(['-x'], spec)).toThrow(/unknown option -x/);
    expect(() => parseArgs(['--bogus'], spec)).toThrow(/unknown option --bogus/);
    expect(() => parseArgs(['--from'], spec)).toThrow(/option --from needs a value/);
    // A value that looks like an option is not taken silently (util.parseArgs, strict).
    expect(() => parseArgs(['--from', '--html'], spec)).toThrow(/option --from needs a value \(write a value starting with - as --from=VALUE\)/);
    expect(parseArgs(['--from=-x'], spec).values).toEqual({ from: '-x' });
    // The last of a repeated option wins.
    expect(parseArgs(['--from', 'cn', '--from', 'tw'], spec).values).toEqual({ from: 'tw' });
  });
});
