import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { blocksText, layoutLines, reflowDocument, textLength, type ReflowBlock } from '../../../src/pdf/reflow';
import { expectedOutline, recorded, untagged } from './helpers';

/** Headings and paragraphs of the reflow, in order, as the expected outline is written. */
function outlineOf(blocks: ReflowBlock[]): Array<{ kind: string; text: string }> {
  return blocks
    .filter((b) => b.kind === 'heading' || b.kind === 'paragraph')
    .map((b) => (b.kind === 'heading' ? { kind: `h${b.level}`, text: b.text } : { kind: 'p', text: (b as { text: string }).text }));
}

/** The expected outline, less the lines the generator adds around the article (文号, 主送, list lead-in, signature). */
function bodyOf(blocks: ReflowBlock[]): Array<{ kind: string; text: string }> {
  const extra = /^(钟政发|鍾政發|各街道|二〇〇六年的主要|常州市钟楼区人民政府|常州市鐘樓區人民政府|2006年1月5日)/;
  return outlineOf(blocks).filter((b) => !extra.test(b.text));
}

describe.each([
  ['tagged (structure tree)', false],
  ['untagged (layout only)', true],
])('reflow of the Simplified 政策文件, %s', (_name, strip) => {
  const rec = recorded('policy-zh-hans');
  const pages = strip ? untagged(rec.pages) : rec.pages;
  const blocks = reflowDocument(pages, { simplified: true });

  it('gives every heading and paragraph of the document, in reading order, with the author’s characters', () => {
    // Paragraphs cut by page breaks are whole again; radicals (⼯ ⻔ ⻓) are the ideographs (工 门 长).
    expect(bodyOf(blocks)).toEqual(expectedOutline());
  });

  it('keeps the numbered list as a list', () => {
    const lists = blocks.filter((b) => b.kind === 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ ordered: true });
    expect((lists[0] as { items: string[] }).items.map((i) => i.replace(/\s/g, ''))).toEqual([
      '1.地区生产总值增长15%以上；',
      '2.财政总收入增长18%以上；',
      '3.城镇居民人均可支配收入增长12%；',
      '4.城镇登记失业率控制在4%以内。',
    ]);
  });

  it('keeps the table as a table, with its caption, rows and columns', () => {
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0] as Extract<ReflowBlock, { kind: 'table' }>;
    expect(t.caption).toBe('表1 重点项目推进安排');
    expect(t.rows).toEqual([
      ['项目名称', '责任单位', '完成时限'],
      ['龙江路南段建设', '区建设局', '2006年10月'],
      ['西新桥小学易地新建', '区教育局', '2006年8月'],
      ['青枫公园二期', '区城管局', '2006年12月'],
      ['数字社区建设', '区民政局', '2006年11月'],
    ]);
    if (!strip) expect(t.headerRows).toBe(1); // TH cells are only known from the tags
  });

  it('leaves no radical code points in the text', () => {
    expect(blocksText(blocks)).not.toMatch(/[\u2e80-\u2ef3\u2f00-\u2fd5]/);
  });
});

describe('reflow of the Traditional 政策文件', () => {
  it('is the Simplified document in 繁體 (opencc tw), heading for heading, paragraph for paragraph', () => {
    const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const expected = expectedOutline().map((b) => ({ ...b, text: tw(b.text) }));
    for (const pages of [recorded('policy-zh-hant').pages, untagged(recorded('policy-zh-hant').pages)]) {
      const blocks = reflowDocument(pages, { simplified: false });
      const body = outlineOf(blocks).filter((b) => !/^(鍾政發|各街道|二〇〇六年的主要|常州市鐘樓區人民政府|2006年1月5日)/.test(b.text));
      expect(body).toEqual(expected);
    }
  });
});

describe('reflow heuristics on untagged layouts', () => {
  const run = (str: string, x: number, y: number, size = 12, width = str.length * size) => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });
  const page = (items: ReturnType<typeof run>[]) => [{ pageNumber: 1, width: 600, height: 800, items, structTree: null }];

  it('drops running page numbers (— 3 —) and joins a paragraph’s lines', () => {
    const blocks = reflowDocument(
      page([run('第一行文字没有结束', 72, 700, 12, 500), run('第二行到此结束。', 72, 684, 12, 200), run('— 3 —', 280, 40)]),
    );
    expect(blocks).toEqual([{ kind: 'paragraph', text: '第一行文字没有结束第二行到此结束。', page: 1 }]);
  });

  it('starts a new paragraph at a first-line indent', () => {
    const blocks = reflowDocument(page([run('第一段。', 96, 700, 12, 48), run('第二段开始', 96, 684, 12, 400), run('继续。', 72, 668, 12, 36)]));
    expect(blocks.map((b) => (b as { text: string }).text)).toEqual(['第一段。', '第二段开始继续。']);
  });

  it('joins Latin words across a line break with a space', () => {
    const blocks = reflowDocument(page([run('The policy applies to', 72, 700, 12, 500), run('all districts.', 72, 684, 12, 100)]));
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'The policy applies to all districts.', page: 1 }]);
  });

  it('reads bullets as an unordered list', () => {
    const blocks = reflowDocument(page([run('• 第一项', 72, 700, 12, 80), run('• 第二项', 72, 684, 12, 80)]));
    expect(blocks).toEqual([{ kind: 'list', ordered: false, items: ['第一项', '第二项'], page: 1 }]);
  });

  it('ranks larger type as headings', () => {
    const blocks = reflowDocument(page([run('标题', 72, 740, 24, 48), run('正文第一句。', 72, 700, 12, 72), run('正文', 72, 684, 12, 24)]));
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: '标题', page: 1 });
  });

  it('sees no text in a scanned (image-only) PDF', () => {
    const rec = recorded('scanned');
    expect(textLength(rec.pages)).toBe(0);
    expect(reflowDocument(rec.pages)).toEqual([]);
    expect(layoutLines(rec.pages[0]!)).toEqual([]);
  });
});
