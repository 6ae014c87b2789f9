import { describe, expect, it } from 'vitest';
import { walk } from '../../../../src/convert/page/walk';
import { markOwnUi } from '../../../../src/shared/own-ui';

/** What a walk visits, in order: text as its value, elements as <tag>, shadow roots as #shadow(host). */
function visited(root: Node): string[] {
  const out: string[] = [];
  walk(
    root,
    (t) => out.push(t.nodeValue!),
    (el) => out.push(`<${el.localName}>`),
    (sr) => out.push(`#shadow(${sr.host.localName})`),
  );
  return out;
}

describe('the converter walk', () => {
  it('visits text and elements in document order, leaving out every subtree that must stay as it is', () => {
    document.body.innerHTML =
      '<div id="r">甲<p>乙<b>丙</b><!--注释--></p>' +
      '<pre>代码<b>不</b></pre><span lang="ja">日本語</span><span translate="no">名</span>' +
      '<span class="ignore-opencc">留</span><div contenteditable="true">编辑<i>中</i></div><div contenteditable="false">丁</div>' +
      '<ul><li>戊</li><li><textarea>己</textarea>庚</li></ul>辛</div>';
    expect(visited(document.getElementById('r')!)).toEqual([
      '<div>', '甲', '<p>', '乙', '<b>', '丙', '<div>', '丁', '<ul>', '<li>', '戊', '<li>', '庚', '辛',
    ]);
  });

  it('never enters kanjian’s own elements, and enters open shadow roots through the callback', () => {
    document.body.innerHTML = '<div id="r"><section>一</section><section id="ours">我们<b>的</b></section><span id="host">二</span>三</div>';
    markOwnUi(document.getElementById('ours')!);
    document.getElementById('host')!.attachShadow({ mode: 'open' }).append('影');
    expect(visited(document.getElementById('r')!)).toEqual(['<div>', '<section>', '一', '<span>', '#shadow(span)', '二', '三']);
  });

  it('a root that is itself skipped, or inside our UI, gives nothing; a text root gives itself; a last deep branch ends the walk', () => {
    document.body.innerHTML = '<pre id="p">代码</pre><div id="ours"><p id="in">里面</p></div><div id="deep"><p><b><i>深</i></b></p></div><p id="after">后面</p>';
    markOwnUi(document.getElementById('ours')!);
    expect(visited(document.getElementById('p')!)).toEqual([]);
    expect(visited(document.getElementById('in')!)).toEqual([]);
    expect(visited(document.getElementById('after')!.firstChild!)).toEqual(['后面']);
    // The walk stays inside its root: nothing after #deep is visited.
    expect(visited(document.getElementById('deep')!)).toEqual(['<div>', '<p>', '<b>', '<i>', '深']);
  });

  it('steps over a skipped subtree at the end of a deep branch and goes on after it, never past its root', () => {
    document.body.innerHTML = '<div id="r"><p><b>一<pre>码</pre></b></p>二<p><i><code>码</code></i></p></div><p>外</p>';
    expect(visited(document.getElementById('r')!)).toEqual(['<div>', '<p>', '<b>', '一', '二', '<p>', '<i>']);
  });

  it('hands each element its attribute names, read once', () => {
    document.body.innerHTML = '<div id="r" title="标题"><span>甲</span><img alt="图" lang="zh-CN"></div>';
    const seen: string[] = [];
    walk(document.getElementById('r')!, () => undefined, (el, names) => seen.push(`${el.localName}:${names.join(',')}`), () => undefined);
    expect(seen).toEqual(['div:id,title', 'span:', 'img:alt,lang']);
  });
});

