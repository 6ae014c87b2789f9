// @vitest-environment jsdom
// The pure parts of kanjian's WCAG rules: word lists, file and table heuristics, image animation
// parsers, <pre> tables and CSS generated text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { animationLength, parseAnimation, parseApng, parseGif, parseWebp } from '../../../src/audit/rules/animated-image';
import { generatedText, meaningfulGenerated, preDrawsTable } from '../../../src/audit/rules/legacy';
import { splitSelectors } from '../../../src/audit/rules/link-color';
import { isNoOpHref } from '../../../src/audit/rules/links';
import { classifyTable, tableGrid } from '../../../src/audit/rules/table-kind';
import {
  describesFile, isFileNameAlt, isGenericLinkText, isPlaceholderAlt, isSymbolOnly, linkedFileExt,
} from '../../../src/audit/rules/text-patterns';
import { RULE_FIXTURES } from './rule-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('link and alt words (Chinese-aware)', () => {
  test('generic link texts in zh-CN, zh-TW and English, with decorations', () => {
    for (const t of ['点击这里', '更多>>', '更多»', ' 更多 ', '详细', '详情', '查看', '點擊這裡', '詳細', 'Click here', 'read more…', 'More ›']) {
      expect(isGenericLinkText(t), t).toBe(true);
    }
    for (const t of ['更多通知公告', '查看2024年政府工作报告', '办事指南', 'Read more about the budget', '']) expect(isGenericLinkText(t), t).toBe(false);
  });
  test('symbol-only names', () => {
    expect(isSymbolOnly('>>')).toBe(true);
    expect(isSymbolOnly('« ')).toBe(true);
    expect(isSymbolOnly('→')).toBe(true);
    expect(isSymbolOnly('…')).toBe(true);
    expect(isSymbolOnly('下一页 >>')).toBe(false);
    expect(isSymbolOnly('1')).toBe(false);
    expect(isSymbolOnly('')).toBe(false);
  });
  test('file-name alts', () => {
    for (const a of ['banner.jpg', 'IMG_0034', 'DSC01234', '图片1', '圖片 12', 'image2', '微信图片_20240101', '2024年工作报告.png', 'top_logo_2.gif']) {
      expect(isFileNameAlt(a), a).toBe(true);
    }
    expect(isFileNameAlt('top_logo', '/img/top_logo.gif')).toBe(true);
    for (const a of ['钟楼区运河夜景', 'W3C logo', 'Photo of the town hall', '2024']) expect(isFileNameAlt(a), a).toBe(false);
    expect(isFileNameAlt('logo', '/img/logo.gif')).toBe(false); // a word that happens to be the file name
  });
  test('placeholder alts', () => {
    for (const a of ['图片', '圖片', 'image', 'Photo', 'spacer', '*', '-', '占位图']) expect(isPlaceholderAlt(a), a).toBe(true);
    for (const a of ['', '区政府大楼', 'logo', '搜索']) expect(isPlaceholderAlt(a), a).toBe(false);
  });
  test('no-op hrefs', () => {
    for (const h of ['#', 'javascript:void(0)', 'javascript:void(0);', 'javascript:;', 'JavaScript: void 0', 'javascript:']) expect(isNoOpHref(h), h).toBe(true);
    for (const h of ['#top', 'javascript:location.href="a.html"', '/a.html', '']) expect(isNoOpHref(h), h).toBe(false);
  });
});

describe('files', () => {
  test('file extension of a link, in the path or the query', () => {
    expect(linkedFileExt('/files/2024.pdf')).toBe('pdf');
    expect(linkedFileExt('/a/B.DOCX?v=2#p1')).toBe('docx');
    expect(linkedFileExt('/download.jsp?file=budget.xls')).toBe('xls');
    expect(linkedFileExt('/download.php?id=3&name=%E6%8A%A5%E5%91%8A.pdf')).toBe('pdf');
    expect(linkedFileExt('/news/1.html')).toBeUndefined();
    expect(linkedFileExt('/page.php?id=3')).toBeUndefined();
  });
  test('format and size mentioned', () => {
    expect(describesFile('2024年政府工作报告（PDF，1.2 MB）')).toEqual({ format: true, size: true });
    expect(describesFile('申请表（Word 文档，56 KB）')).toEqual({ format: true, size: true });
    expect(describesFile('财政预算表（56K）')).toEqual({ format: false, size: true });
    expect(describesFile('会议录音 音频')).toEqual({ format: true, size: false });
    expect(describesFile('2024年政府工作报告')).toEqual({ format: false, size: false });
  });
});

describe('layout tables and data tables', () => {
  const table = (html: string) => {
    document.body.innerHTML = html;
    return document.querySelector('table')!;
  };
  test('the grid counts colspan and rowspan', () => {
    const g = tableGrid(table('<table><tr><td rowspan="2">a</td><td colspan="2">b</td></tr><tr><td>c</td><td>d</td></tr><tr><td>e</td></tr></table>'));
    expect(g.widths).toEqual([3, 3, 1]);
    expect(g.cols).toBe(3);
  });
  test('layout: role, single row or column, nested tables, page-like content, spacer cells', () => {
    expect(classifyTable(table('<table role="presentation"><tr><th>a</th><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'))).toMatchObject({ kind: 'layout', reason: 'role-presentation' });
    expect(classifyTable(table('<table><tr><td>a</td><td>b</td><td>c</td></tr></table>'))).toMatchObject({ kind: 'layout', reason: 'single-row-or-column' });
    expect(classifyTable(table('<table border="1"><tr><td><table><tr><td>x</td></tr></table></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'))).toMatchObject({ kind: 'layout', reason: 'nested-table' });
    expect(classifyTable(table('<table><tr><td><ul><li>导航</li></ul></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'))).toMatchObject({ kind: 'layout', reason: 'layout-content' });
    expect(classifyTable(table('<table><tr><td><img src="a.gif" alt=""></td><td>正文</td></tr><tr><td></td><td><img src="b.gif" alt=""></td></tr></table>'))).toMatchObject({ kind: 'layout' });
  });
  test('data: markup, role, borders, a header-styled first row, a grid of values', () => {
    expect(classifyTable(table('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>'))).toMatchObject({ kind: 'data', reason: 'data-markup' });
    expect(classifyTable(table('<table role="grid"><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'))).toMatchObject({ kind: 'data', reason: 'role-table' });
    // A one-row grid widget is no table of data to judge.
    expect(classifyTable(table('<table role="grid"><tr><td>a</td></tr></table>'))).toMatchObject({ kind: 'layout' });
    expect(classifyTable(table('<table border="1"><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>'))).toMatchObject({ kind: 'data', reason: 'borders' });
    expect(classifyTable(table('<table><tr><td><b>项目</b></td><td><b>金额</b></td></tr><tr><td>收入</td><td>60</td></tr></table>'))).toMatchObject({ kind: 'data', reason: 'header-row-style' });
    expect(classifyTable(table('<table><tr><td>2022</td><td>1.5</td><td>3%</td></tr><tr><td>2023</td><td>1.6</td><td>4%</td></tr><tr><td>2024</td><td>1.8</td><td>5%</td></tr></table>'))).toMatchObject({ kind: 'data', reason: 'grid-of-values' });
    expect(classifyTable(table('<table><tr><td>联系我们</td><td>关于本站</td></tr><tr><td>网站地图</td><td>隐私声明</td></tr></table>'))).toMatchObject({ kind: 'uncertain' });
  });
});

describe('animated images', () => {
  const gif = (name: string) => new Uint8Array(readFileSync(join(RULE_FIXTURES, 'img-animated', name)));
  test('GIF: frames, delays and the NETSCAPE loop count', () => {
    expect(parseGif(gif('banner-forever.gif'))).toEqual({ frames: 2, seconds: 1, plays: Infinity });
    expect(animationLength(parseGif(gif('banner-forever.gif')))).toBe(Infinity);
    expect(parseGif(gif('banner-short.gif'))).toEqual({ frames: 2, seconds: 2, plays: 2 });
    expect(animationLength(parseGif(gif('banner-short.gif')))).toBe(4);
    expect(animationLength(parseGif(gif('banner-long.gif')))).toBe(8);
    expect(animationLength(parseGif(gif('still.gif')))).toBe(0);
    expect(parseGif(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
  test('APNG: acTL plays and fcTL delays', () => {
    const chunk = (type: string, data: number[]) => {
      const len = data.length;
      return [len >>> 24, (len >> 16) & 255, (len >> 8) & 255, len & 255, ...Array.from(type, (c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0];
    };
    const be32 = (n: number) => [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
    const fctl = (num: number, den: number) => [...be32(0), ...be32(10), ...be32(10), ...be32(0), ...be32(0), num >> 8, num & 255, den >> 8, den & 255, 0, 0];
    const png = (plays: number) => new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
      ...chunk('IHDR', new Array(13).fill(0)), ...chunk('acTL', [...be32(3), ...be32(plays)]),
      ...chunk('fcTL', fctl(1, 1)), ...chunk('fcTL', fctl(150, 100)), ...chunk('fcTL', fctl(50, 0)), ...chunk('IEND', []),
    ]);
    expect(parseApng(png(0))).toEqual({ frames: 3, seconds: 3, plays: Infinity });
    expect(animationLength(parseAnimation(png(1)))).toBe(3);
    expect(animationLength(parseAnimation(png(2)))).toBe(6);
  });
  test('WebP: ANIM loop count and ANMF durations', () => {
    const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
    const chunk = (type: string, data: number[]) => [...Array.from(type, (c) => c.charCodeAt(0)), ...le32(data.length), ...data, ...(data.length & 1 ? [0] : [])];
    const anmf = (ms: number) => chunk('ANMF', [...new Array(12).fill(0), ms & 255, (ms >> 8) & 255, (ms >> 16) & 255, 0]);
    const body = [...Array.from('WEBP', (c) => c.charCodeAt(0)), ...chunk('ANIM', [0, 0, 0, 0, 3, 0]), ...anmf(2000), ...anmf(500)];
    const webp = new Uint8Array([...Array.from('RIFF', (c) => c.charCodeAt(0)), ...le32(body.length), ...body]);
    expect(parseWebp(webp)).toEqual({ frames: 2, seconds: 2.5, plays: 3 });
    expect(animationLength(parseAnimation(webp))).toBe(7.5);
  });
});

describe('old markup', () => {
  test('pre drawing a table with spaces or box characters, not code or verse', () => {
    expect(preDrawsTable('姓名      职务        电话\n张三      区长        88001234\n李四      副区长      88005678')).toBe('columns');
    expect(preDrawsTable('┌──┬──┐\n│a │b │\n└──┴──┘')).toBe('art');
    expect(preDrawsTable('+------+------+\n| a    | b    |\n+------+------+')).toBe('art');
    expect(preDrawsTable('静夜思\n  床前明月光，\n  疑是地上霜。')).toBeUndefined();
    expect(preDrawsTable('if (x) {\n  y = 1;    z = 2;\n  w = 3;    v = 4;\n}')).toBeUndefined();
  });
  test('CSS generated text that says something', () => {
    expect(generatedText('"（必填）"')).toBe('（必填）');
    expect(generatedText('"NEW " counter(item)')).toBe('NEW ');
    expect(generatedText('"\\e601"')).toBe('\ue601');
    expect(generatedText('none')).toBe('');
    expect(meaningfulGenerated('（必填）')).toBe(true);
    expect(meaningfulGenerated('NEW')).toBe(true);
    expect(meaningfulGenerated('\ue601')).toBe(false);
    expect(meaningfulGenerated('• ')).toBe(false);
    expect(meaningfulGenerated(' * ')).toBe(false);
    expect(meaningfulGenerated('“')).toBe(false);
  });
  test('selector lists split on top-level commas only', () => {
    expect(splitSelectors('a:hover, p :is(a, b):hover,x')).toEqual(['a:hover', 'p :is(a, b):hover', 'x']);
  });
});
