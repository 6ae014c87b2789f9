import { beforeEach, describe, expect, test } from 'vitest';
import { accessibleName } from '../../../src/speech/accname';
import { describeForSpeech, findSpeakableTarget } from '../../../src/speech/describe';
import { html } from './helpers';

beforeEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('describeForSpeech: each element kind (zh-CN)', () => {
  test('text blocks read their visible text', () => {
    const $ = html('<p id="p">以加强科技创新，<b>集约利用</b>资源为突破口。<span style="display:none">隐藏</span><span aria-hidden="true">图标</span></p>');
    expect(describeForSpeech($('#p'))).toBe('以加强科技创新，集约利用资源为突破口。');
  });

  test('links: 链接 + name (content, aria-label, title)', () => {
    const $ = html(`
      <a id="a" href="/x">网站首页</a>
      <a id="b" href="/y" aria-label="打开繁体版"><img src="t.png" alt="繁"></a>
      <a id="c" href="/z"><img src="i.png" alt="今日钟楼"></a>
      <a id="d" href="/w" title="登录"></a>
      <a id="e">不是链接的锚点</a>`);
    expect(describeForSpeech($('#a'))).toBe('链接 网站首页');
    expect(describeForSpeech($('#b'))).toBe('链接 打开繁体版');
    expect(describeForSpeech($('#c'))).toBe('链接 今日钟楼');
    expect(describeForSpeech($('#d'))).toBe('链接 登录');
    expect(describeForSpeech($('#e'))).toBe('不是链接的锚点');
  });

  test('buttons: 按钮 + name, incl. input buttons, role=button and states', () => {
    const $ = html(`
      <button id="a">搜索</button>
      <input id="b" type="submit">
      <input id="c" type="button" value="放大">
      <div id="d" role="button" tabindex="0" aria-pressed="true">指读</div>
      <button id="e" aria-expanded="false" disabled>更多</button>
      <input id="f" type="image" src="go.png" alt="前往">`);
    expect(describeForSpeech($('#a'))).toBe('按钮 搜索');
    expect(describeForSpeech($('#b'))).toBe('按钮 提交');
    expect(describeForSpeech($('#c'))).toBe('按钮 放大');
    expect(describeForSpeech($('#d'))).toBe('按钮 指读 已按下');
    expect(describeForSpeech($('#e'))).toBe('按钮 更多 已折叠 不可用');
    expect(describeForSpeech($('#f'))).toBe('按钮 前往');
  });

  test('images: 图片 + alt or title; decorative images are skipped', () => {
    const $ = html(`
      <img id="a" src="a.png" alt="区政府大楼">
      <img id="b" src="b.png" title="航拍图">
      <img id="c" src="c.png" alt="">
      <img id="d" src="d.png" alt="x" role="presentation">
      <img id="e" src="e.png" alt="隐藏" aria-hidden="true">
      <svg id="f" role="img" aria-label="徽标"></svg>
      <svg id="g"><title>图表</title></svg>
      <svg id="h"></svg>`);
    expect(describeForSpeech($('#a'))).toBe('图片 区政府大楼');
    expect(describeForSpeech($('#b'))).toBe('图片 航拍图');
    expect(describeForSpeech($('#c'))).toBe('');
    expect(describeForSpeech($('#d'))).toBe('');
    expect(describeForSpeech($('#e'))).toBe('');
    expect(describeForSpeech($('#f'))).toBe('图片 徽标');
    expect(describeForSpeech($('#g'))).toBe('图片 图表');
    expect(describeForSpeech($('#h'))).toBe('');
  });

  test('headings: 标题N级 + text, incl. role=heading with aria-level', () => {
    const $ = html('<h2 id="a">2006年政府重点工作</h2><div id="b" role="heading" aria-level="4">附件</div><h1 id="c"><a href="/">钟楼区</a></h1>');
    expect(describeForSpeech($('#a'))).toBe('标题2级 2006年政府重点工作');
    expect(describeForSpeech($('#b'))).toBe('标题4级 附件');
    expect(describeForSpeech($('#c'))).toBe('标题1级 钟楼区');
  });

  test('checkboxes and radios: label + state', () => {
    const $ = html(`
      <label><input id="a" type="checkbox" checked> 同意</label>
      <input id="b" type="checkbox"><label for="b">订阅</label>
      <div id="c" role="checkbox" aria-checked="mixed" aria-label="全选"></div>
      <input id="d" type="radio" name="s" aria-label="男" checked>
      <input id="e" type="radio" name="s" title="女">
      <button id="f" role="switch" aria-checked="true">夜间模式</button>`);
    expect(describeForSpeech($('#a'))).toBe('复选框 同意 已选中');
    expect(describeForSpeech($('#b'))).toBe('复选框 订阅 未选中');
    expect(describeForSpeech($('#c'))).toBe('复选框 全选 部分选中');
    expect(describeForSpeech($('#d'))).toBe('单选按钮 男 已选中');
    expect(describeForSpeech($('#e'))).toBe('单选按钮 女 未选中');
    expect(describeForSpeech($('#f'))).toBe('开关 夜间模式 开');
  });

  test('text fields: label + 内容 + value; passwords never read their value', () => {
    const $ = html(`
      <label for="name">姓名</label><input id="name" value="张三">
      <input id="q" type="search" placeholder="请输入关键词">
      <span id="lbl">电话</span><input id="tel" type="tel" aria-labelledby="lbl" required>
      <label>密码 <input id="pw" type="password" value="secret"></label>
      <label for="ta">留言</label><textarea id="ta">你好</textarea>
      <input id="ro" aria-label="编号" value="014119467" readonly>`);
    expect(describeForSpeech($('#name'))).toBe('编辑框 姓名 内容 张三');
    expect(describeForSpeech($('#q'))).toBe('编辑框 请输入关键词');
    expect(describeForSpeech($('#tel'))).toBe('编辑框 电话 必填');
    expect(describeForSpeech($('#pw'))).toBe('密码编辑框 密码');
    expect(describeForSpeech($('#pw'))).not.toContain('secret');
    expect(describeForSpeech($('#ta'))).toBe('编辑框 留言 内容 你好');
    expect(describeForSpeech($('#ro'))).toBe('编辑框 编号 内容 014119467 只读');
  });

  test('select: label + selected option; multiple select as list box', () => {
    const $ = html(`
      <label for="city">城市</label>
      <select id="city"><option>北京</option><option selected>常州</option></select>
      <select id="m" multiple aria-label="栏目"><option selected>新闻</option><option>公告</option><option selected>政策</option></select>`);
    expect(describeForSpeech($('#city'))).toBe('组合框 城市 已选 常州');
    expect(describeForSpeech($('#m'))).toBe('列表框 栏目 已选 新闻 政策');
  });

  test('slider reads its value', () => {
    const $ = html('<label>音量<input id="r" type="range" min="0" max="100" value="40"></label>');
    expect(describeForSpeech($('#r'))).toBe('滑块 音量 40');
  });

  test('hidden elements say nothing', () => {
    const $ = html('<p id="a" hidden>甲</p><p id="b" style="display:none">乙</p><div id="c" aria-hidden="true">丙</div>');
    expect(describeForSpeech($('#a'))).toBe('');
    expect(describeForSpeech($('#b'))).toBe('');
    expect(describeForSpeech($('#c'))).toBe('');
  });
});

describe('describeForSpeech: zh-TW and en wording', () => {
  test('role words and states follow the locale', () => {
    const $ = html(`
      <a id="a" href="/">首頁</a><button id="b">搜尋</button><img id="c" alt="大樓" src="x.png">
      <h3 id="d">公告</h3><label><input id="e" type="checkbox" checked>同意</label>
      <label for="f">姓名</label><input id="f" value="王小明">
      <select id="g" aria-label="城市"><option>台北</option></select>`);
    expect(describeForSpeech($('#a'), 'zh-TW')).toBe('連結 首頁');
    expect(describeForSpeech($('#b'), 'zh-TW')).toBe('按鈕 搜尋');
    expect(describeForSpeech($('#c'), 'zh-TW')).toBe('圖片 大樓');
    expect(describeForSpeech($('#d'), 'zh-TW')).toBe('標題3級 公告');
    expect(describeForSpeech($('#e'), 'zh-TW')).toBe('核取方塊 同意 已勾選');
    expect(describeForSpeech($('#f'), 'zh-TW')).toBe('編輯框 姓名 內容 王小明');
    expect(describeForSpeech($('#g'), 'zh-TW')).toBe('下拉式方塊 城市 已選 台北');
    expect(describeForSpeech($('#a'), 'en')).toBe('link 首頁');
    expect(describeForSpeech($('#d'), 'en')).toBe('heading level 3 公告');
    expect(describeForSpeech($('#e'), 'en')).toBe('checkbox 同意 checked');
    expect(describeForSpeech($('#f'), 'en')).toBe('edit 姓名 contains 王小明');
  });
});

describe('accessibleName precedence', () => {
  test('aria-labelledby > aria-label > label[for] > wrapping label > title > placeholder', () => {
    const $ = html(`
      <span id="l1">来自引用</span><span id="l2" hidden>隐藏也算</span>
      <label for="i1">标签</label>
      <input id="i1" aria-labelledby="l1 l2" aria-label="标注" title="提示" placeholder="占位">
      <label for="i2">标签</label><input id="i2" aria-label="标注" title="提示">
      <label for="i3">标签</label><input id="i3" title="提示" placeholder="占位">
      <label>包裹<input id="i4" title="提示"></label>
      <input id="i5" title="提示" placeholder="占位">
      <input id="i6" placeholder="占位">`);
    expect(accessibleName($('#i1'))).toBe('来自引用 隐藏也算');
    expect(accessibleName($('#i2'))).toBe('标注');
    expect(accessibleName($('#i3'))).toBe('标签');
    expect(accessibleName($('#i4'))).toBe('包裹');
    expect(accessibleName($('#i5'))).toBe('提示');
    expect(accessibleName($('#i6'))).toBe('占位');
  });

  test('labelledby cycles do not hang', () => {
    const $ = html('<span id="x" aria-labelledby="y">甲</span><span id="y" aria-labelledby="x">乙</span><button id="b" aria-labelledby="x y">按</button>');
    expect(accessibleName($('#b'))).toBe('甲 乙');
  });
});

describe('findSpeakableTarget', () => {
  test('resolves to the nearest link/button/field/heading/image, else the text block', () => {
    const $ = html(`
      <div id="wrap">
        <p id="p">正文<strong id="s">加粗</strong>继续。</p>
        <a id="a" href="/"><span id="as">链接文字</span></a>
        <h2 id="h"><em id="he">标题</em></h2>
        <label><input id="cb" type="checkbox">同意</label>
      </div>`);
    expect(findSpeakableTarget($('#s'))).toBe($('#p'));
    expect(findSpeakableTarget($('#s').firstChild)).toBe($('#p'));
    expect(findSpeakableTarget($('#as'))).toBe($('#a'));
    expect(findSpeakableTarget($('#he'))).toBe($('#h'));
    expect(findSpeakableTarget($('#cb'))).toBe($('#cb'));
    expect(findSpeakableTarget($('#cb').parentElement)).toBe($('#cb')); // the label text
    expect(findSpeakableTarget(document.body)).toBeNull();
    expect(findSpeakableTarget(null)).toBeNull();
  });

  test('a big container without own text is not read as a whole', () => {
    const long = '很长的段落内容。'.repeat(60);
    const $ = html(`<div id="big"><p>${long}</p><p>${long}</p></div><div id="small"><span>小块</span> <span>文字</span></div>`);
    expect(findSpeakableTarget($('#big'))).toBeNull();
    expect(findSpeakableTarget($('#small'))).toBe($('#small'));
  });
});
