import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../../src/pdf/reflow-view';
import { findAll, searchIn } from '../../../src/pdf/search';
import { checkPdfBasics } from '../../../src/pdf/doc-check';
import { clampZoom, nextZoom } from '../../../src/pdf/page-view';
import { reflowDocument } from '../../../src/pdf/reflow';
import { recorded } from './helpers';

describe('reflow view', () => {
  it('renders headings, paragraphs, the list and the table as HTML with text only (no markup from the PDF)', () => {
    const blocks = reflowDocument(recorded('policy-zh-hans').pages, { simplified: true });
    blocks.push({ kind: 'paragraph', text: '<img src=x onerror=alert(1)>', page: 10 });
    const article = document.createElement('article');
    renderBlocks(article, blocks);
    expect(article.querySelector('h1')?.textContent).toBe('2006年政府重点工作');
    expect([...article.querySelectorAll('h2')].map((h) => h.textContent)).toHaveLength(5);
    expect(article.querySelectorAll('ol.kjr-numbered > li')).toHaveLength(4);
    expect([...article.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual(['项目名称', '责任单位', '完成时限']);
    expect(article.querySelectorAll('tbody tr')).toHaveLength(4);
    expect(article.querySelector('img')).toBeNull();
    expect(article.lastElementChild?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect((article.lastElementChild as HTMLElement).dataset.page).toBe('10');
  });
});

describe('search', () => {
  it('finds every match, case-insensitively, and says on which page', () => {
    expect(findAll('PDF pdf Pdf', 'pdf')).toEqual([0, 4, 8]);
    expect(findAll('abc', '  ')).toEqual([]);
    const article = document.createElement('article');
    renderBlocks(article, [
      { kind: 'paragraph', text: '招商引资，招商', page: 2 },
      { kind: 'heading', level: 2, text: '招商中心', page: 5 },
    ]);
    const m = searchIn(article, '招商');
    expect(m.map((x) => [x.page, x.range.toString()])).toEqual([
      [2, '招商'],
      [2, '招商'],
      [5, '招商'],
    ]);
  });
});

describe('PDF basics check', () => {
  it('flags a scan without title and language for review, with reasons', () => {
    const f = checkPdfBasics({ title: null, language: null, tagged: false }, 0);
    expect(f.map((x) => [x.id, x.passed])).toEqual([
      ['pdf-text-layer', false],
      ['pdf-title', false],
      ['pdf-language', false],
      ['pdf-tagged', false],
    ]);
    expect(f[0]!.reason).toContain('扫描件');
    expect(checkPdfBasics({ title: '通知', language: 'zh-CN', tagged: true }, 100).every((x) => x.passed)).toBe(true);
  });
});

describe('page zoom', () => {
  it('steps up to 400 % and never beyond', () => {
    expect(nextZoom(300, 1)).toBe(400);
    expect(nextZoom(400, 1)).toBe(400);
    expect(nextZoom(50, -1)).toBe(50);
    expect(clampZoom(1000)).toBe(400);
    expect(clampZoom(Number.NaN)).toBe(100);
  });
});
