import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { buildReaderContent, extractArticle } from '../../../src/display/reader-content';
import { markOwnUi } from '../../../src/shared/own-ui';

const html = (s: string) => {
  document.body.innerHTML = s;
  return document;
};

describe('reading view content', () => {
  it('rebuilds from an allow-list: no scripts, handlers, styles or unsafe links; images become their alt text', () => {
    const src = new DOMParser().parseFromString(
      `<body><div class="x" style="color:red"><h2 onclick="evil()">标题</h2>
       <p>正文<img src="a.png" alt="钟楼夜景"><img src="spacer.gif" alt=""><script>evil()</script>
       <a href="javascript:evil()">坏链接</a> <a href="/x">相对链接</a> <a href="https://example.org/x" target="_blank" onmouseover="evil()">好链接</a></p>
       <p><a href="#">【打印本页】</a> <a href="#" onclick="window.close()">【关闭窗口】</a></p>
       <table><tr><th scope="col" style="x">表头</th><td colspan="2" onclick="x">格</td></tr></table>
       <canvas></canvas><svg><text>x</text></svg><button>按钮</button></div></body>`,
      'text/html',
    ).body;
    const frag = buildReaderContent(src, document, (alt) => `〔图片：${alt}〕`);
    const box = document.createElement('div');
    box.append(frag);
    expect(box.querySelector('script, canvas, svg, button, img, div, [style], [onclick], [onmouseover], [class]:not(.alt)')).toBeNull();
    expect(box.querySelector('h2')!.textContent).toBe('标题');
    expect(box.textContent).toContain('〔图片：钟楼夜景〕');
    expect(box.querySelectorAll('.alt')).toHaveLength(1);
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([expect.stringMatching(/^https?:\/\/.*\/x$/), 'https://example.org/x']);
    expect(links[1]!.attributes).toHaveLength(1);
    // Script links are the page's buttons: dropped with their text.
    expect(box.textContent).not.toContain('坏链接');
    expect(box.textContent).toContain('相对链接');
    expect(box.textContent).not.toContain('打印本页');
    expect([...box.querySelectorAll('p')].every((p) => p.textContent!.trim())).toBe(true);
    expect(box.querySelector('th')!.getAttribute('scope')).toBe('col');
    expect(box.querySelector('td')!.getAttribute('colspan')).toBe('2');
  });

  it('finds the article with Readability on a clone, leaving the page untouched', () => {
    const para = '加快产业优化升级。按照强二兴三总体思路，强化产业引导，培育企业集群，在不断扩充经济总量中提升产业发展规模、层次和水平。'.repeat(4);
    html(`<nav><a href="/">网站首页</a><a href="/a">走进钟楼</a></nav>
      <main><article><h1>2006年政府重点工作</h1><p>${para}</p><p>${para}</p><p><img src="x.png" alt="区政府大楼"></p></article></main>
      <footer>主办单位</footer><kanjian-toolbar>ours</kanjian-toolbar>`);
    markOwnUi(document.querySelector('kanjian-toolbar')!);
    document.title = '2006年政府重点工作 - 常州市钟楼区人民政府';
    const before = document.documentElement.outerHTML;
    const article = extractArticle(document, Readability);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(article.title).toContain('2006年政府重点工作');
    const text = article.content.textContent ?? '';
    expect(text).toContain('加快产业优化升级');
    expect(text).not.toContain('走进钟楼');
    expect(text).not.toContain('ours');
    expect(article.content.querySelector('img[alt="区政府大楼"]')).not.toBeNull();
  });
});

describe('reading view title', () => {
  it('prefers the single h1 that the document title contains', async () => {
    const { articleTitle } = await import('../../../src/display/reader-content');
    expect(articleTitle('2006年政府重点工作 - 常州市钟楼区人民政府', ['2006年政府重点工作'])).toBe('2006年政府重点工作');
    expect(articleTitle('新闻中心', ['别的标题'])).toBe('新闻中心');
    expect(articleTitle('A - B', ['A', 'B'])).toBe('A - B');
  });
});
