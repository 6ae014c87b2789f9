// Reading-order cases, run under both happy-dom and jsdom (see the two *.test.ts files).
import { beforeEach, describe, expect, test } from 'vitest';
import { chunkSegments } from '../../../src/speech/chunk';
import { collectReadingOrder, findMainContent, segmentsText, startIndexFor } from '../../../src/speech/reading-order';
import { html } from './helpers';
import { markOwnUi } from '../../../src/shared/own-ui';

export function readingOrderCases(): void {
  beforeEach(() => {
    document.body.innerHTML = '';
    document.head.innerHTML = '';
  });

  describe('collectReadingOrder', () => {
    test('document order, one segment per block, inline runs joined', () => {
      html('<h1>标题</h1><p>第一段<a href="#">链接</a>文字。</p><ul><li>甲</li><li>乙</li></ul><table><tr><td>格一</td><td>格二</td></tr></table>');
      expect(segmentsText(collectReadingOrder(document))).toEqual(['标题', '第一段链接文字。', '甲', '乙', '格一', '格二']);
    });

    test('skips hidden, aria-hidden, script/style/noscript/template and our own UI', () => {
      html(`
        <style>.gone{display:none}</style>
        <p>看得见</p>
        <p class="gone">样式表隐藏</p>
        <p style="display:none">内联隐藏</p>
        <p hidden>hidden 属性</p>
        <div style="visibility:hidden">不可见<span style="visibility:visible">但这里可见</span></div>
        <p aria-hidden="true">读屏隐藏</p>
        <script>var x = "脚本";</script><noscript>无脚本</noscript><template><p>模板</p></template>
        <div id="ours"><button>工具栏</button></div>
        <div data-kanjian-ui><p>页面自称工具栏</p></div>
        <kanjian-toolbar><p>自定义元素</p></kanjian-toolbar>
        <p>结尾</p>`);
      // Ours by reference only: what a page writes (an attribute, a tag name) does not hide its text.
      markOwnUi(document.getElementById('ours')!);
      expect(segmentsText(collectReadingOrder(document))).toEqual(['看得见', '但这里可见', '页面自称工具栏', '自定义元素', '结尾']);
    });

    test('skipNav drops nav, role=navigation and page header/footer, but keeps an article header', () => {
      html(`
        <header><a href="/">网站首页</a></header>
        <nav><a href="/a">走进钟楼</a></nav>
        <div role="navigation">面包屑</div>
        <main><article><header><h1>文章标题</h1></header><p>正文。</p><footer>文章脚注</footer></article></main>
        <footer>版权所有</footer>`);
      expect(segmentsText(collectReadingOrder(document, { skipNav: true }))).toEqual(['文章标题', '正文。', '文章脚注']);
      expect(segmentsText(collectReadingOrder(document, { skipNav: false }))).toHaveLength(7);
    });

    test('images with alt and form fields become described segments; decorative images are skipped', () => {
      html(`<p>前</p><img src="a.png" alt="大楼"><img src="b.png" alt=""><label>姓名<input value="张三"></label>
        <label for="cb">同意</label><input id="cb" type="checkbox" checked><label for="nothing">孤立标签</label><p>后</p>`);
      const segs = collectReadingOrder(document);
      expect(segs.map((s) => s.kind)).toEqual(['text', 'element', 'element', 'element', 'text', 'text']);
      // Labels of controls are not read twice: the control's description carries them.
      expect(segmentsText(segs)).toEqual(['前', '图片 大楼', '编辑框 姓名 内容 张三', '复选框 同意 已选中', '孤立标签', '后']);
    });

    test('<br> ends a segment', () => {
      html('<p>第一行<br>第二行</p>');
      expect(segmentsText(collectReadingOrder(document))).toEqual(['第一行', '第二行']);
    });

    test('pieces map every character back to its Text node without touching the DOM', () => {
      html('<p id="p">以加强<b>科技创新</b>、集约利用资源为突破口。</p>');
      const before = document.body.innerHTML;
      const [seg] = collectReadingOrder(document);
      expect(seg).toBeDefined();
      for (const p of seg!.pieces) {
        expect(seg!.text.slice(p.textStart, p.textStart + p.length)).toBe(p.node.data.slice(p.nodeStart, p.nodeStart + p.length));
      }
      // A chunk's ranges reproduce its text exactly, across the <b> boundary.
      const [chunk] = chunkSegments([seg!]);
      const rebuilt = chunk!.ranges.map((r) => r.node.data.slice(r.start, r.end)).join('');
      expect(rebuilt).toBe('以加强科技创新、集约利用资源为突破口。');
      expect(chunk!.ranges).toHaveLength(3);
      expect(document.body.innerHTML).toBe(before);
    });

    test('from: starts at the segment holding the node, or the next one', () => {
      const $ = html('<p id="a">甲</p><div id="d">乙<p id="b">丙</p><span id="s">丁</span></div><p id="c">戊</p>');
      const all = collectReadingOrder(document);
      expect(segmentsText(all)).toEqual(['甲', '乙', '丙', '丁', '戊']);
      expect(segmentsText(collectReadingOrder(document, { from: $('#b') }))).toEqual(['丙', '丁', '戊']);
      expect(segmentsText(collectReadingOrder(document, { from: $('#s') }))).toEqual(['丁', '戊']);
      expect(segmentsText(collectReadingOrder(document, { from: $('#s').firstChild }))).toEqual(['丁', '戊']);
      expect(segmentsText(collectReadingOrder(document, { from: $('#d') }))).toEqual(['乙', '丙', '丁', '戊']);
      expect(startIndexFor(all, $('#c'))).toBe(4);
    });

    test('a root inside a hidden ancestor reads nothing', () => {
      const $ = html('<div hidden><p id="p">藏</p></div>');
      expect(collectReadingOrder($('#p'))).toEqual([]);
    });
  });

  describe('findMainContent', () => {
    test('prefers main, then role=main, then article', () => {
      html('<div>导航</div><main id="m"><p>正文</p></main>');
      expect(findMainContent(document)?.id).toBe('m');
      html('<div id="r" role="main"><p>正文</p></div>');
      expect(findMainContent(document)?.id).toBe('r');
      html('<div>边栏</div><article id="a"><p>正文</p></article>');
      expect(findMainContent(document)?.id).toBe('a');
    });

    test('falls back to the block with the most paragraph text', () => {
      const para = '加快产业优化升级，按照总体思路强化产业引导，培育企业集群。';
      html(`<div id="menu"><p>首页</p><p>新闻中心</p></div><div id="content"><p>${para}</p><p>${para}</p></div><div id="foot"><p>版权所有 常州市钟楼区人民政府办公室 联系电话</p></div>`);
      expect(findMainContent(document)?.id).toBe('content');
    });
  });
}
