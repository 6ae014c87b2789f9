// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import axe from 'axe-core';
import {
  animationSeconds, classifyFontSize, contrastRatio, lineHeightRatio, looksLikeCaptcha, parseColor, targetTooSmall,
} from '../../../src/audit/rules/index';
import { axeRunOptions, ELDERLY_RULE_IDS, elderlyProfile, KANJIAN_RULE_IDS, WCAG_RULE_IDS } from '../../../src/audit/index';

beforeAll(() => {
  axe.configure({ rules: elderlyProfile.rules, checks: elderlyProfile.checks });
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

type Outcome = { violations: string[]; incomplete: string[]; passes: string[] };

/** Runs one rule on the body and returns the ids of elements in each outcome. */
async function runRule(rule: string, html: string): Promise<Outcome> {
  document.body.innerHTML = html;
  const res = await axe.run(document, { runOnly: { type: 'rule', values: [rule] } });
  const ids = (list: axe.Result[]) =>
    list.flatMap((r) => r.nodes.map((n) => (document.querySelector(n.target[0] as string)?.id || String(n.target[0])))).sort();
  return { violations: ids(res.violations), incomplete: ids(res.incomplete), passes: ids(res.passes) };
}

/** jsdom has no layout: give elements a box from data-w/data-h (0×0 without them). */
function mockBoxes(): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const w = Number(this.getAttribute('data-w') ?? 0);
    const h = Number(this.getAttribute('data-h') ?? 0);
    const x = Number(this.getAttribute('data-x') ?? 0);
    const y = Number(this.getAttribute('data-y') ?? 0);
    return { x, y, left: x, top: y, width: w, height: h, right: x + w, bottom: y + h, toJSON: () => ({}) } as DOMRect;
  });
}

describe('pure thresholds', () => {
  test('font size: <12 px fails, <16 px needs review', () => {
    expect(classifyFontSize(11.9)).toBe('fail');
    expect(classifyFontSize(12)).toBe('review');
    expect(classifyFontSize(15.99)).toBe('review');
    expect(classifyFontSize(16)).toBe('pass');
  });
  test('line height forms', () => {
    expect(lineHeightRatio('1.5', 16)).toBe(1.5);
    expect(lineHeightRatio('24px', 16)).toBe(1.5);
    expect(lineHeightRatio('120%', 16)).toBeCloseTo(1.2);
    expect(lineHeightRatio('normal', 16)).toBe('normal');
    expect(lineHeightRatio('calc(1em + 2px)', 16)).toBeUndefined();
  });
  test('target size and animation length', () => {
    expect(targetTooSmall(44, 44)).toBe(false);
    expect(targetTooSmall(43.9, 60)).toBe(true);
    expect(targetTooSmall(60, 24)).toBe(true);
    expect(animationSeconds('6s', '1')).toBe(6);
    expect(animationSeconds('500ms', 'infinite')).toBe(Infinity);
    expect(animationSeconds('2s', '2')).toBe(4);
    expect(animationSeconds('0s', 'infinite')).toBe(0);
  });
  test('colours and contrast', () => {
    expect(parseColor('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')!.a).toBe(0);
    expect(parseColor('#777')).toEqual({ r: 119, g: 119, b: 119, a: 1 });
    expect(contrastRatio(parseColor('#000')!, parseColor('#fff')!)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor('#777')!, parseColor('#fff')!)).toBeCloseTo(4.48, 2);
  });
});

describe('kanjian-font-size', () => {
  test('fails under 12 px, needs review under 16 px, passes from 16 px; inheriting children are skipped', async () => {
    const r = await runRule(
      'kanjian-font-size',
      '<p id="tiny" style="font-size:11px">tiny <a id="inherits" href="#">link</a></p>' +
        '<p id="small" style="font-size:14px">small</p><p id="body" style="font-size:18px">body</p>' +
        '<div id="empty" style="font-size:8px"><span id="big" style="font-size:20px">big</span></div>',
    );
    expect(r.violations).toEqual(['tiny']);
    expect(r.incomplete).toEqual(['small']);
    expect(r.passes).toEqual(['big', 'body']);
  });
});

describe('kanjian-line-height', () => {
  test('paragraph line height below 1.3 fails, "normal" needs review', async () => {
    const r = await runRule(
      'kanjian-line-height',
      '<p id="tight" style="line-height:1.2">a</p><p id="ok" style="line-height:1.5">b</p>' +
        '<p id="px" style="font-size:20px;line-height:22px">c</p><p id="normal">d</p><p id="blank"> </p>',
    );
    expect(r.violations).toEqual(['px', 'tight']);
    expect(r.incomplete).toEqual(['normal']);
    expect(r.passes).toEqual(['ok']);
  });
});

describe('kanjian-target-size', () => {
  test('targets under 44×44 fail; inline links in text are exempt; labels count; no layout needs review', async () => {
    mockBoxes();
    const r = await runRule(
      'kanjian-target-size',
      '<button id="small" data-w="30" data-h="30">OK</button>' +
        '<button id="big" data-w="48" data-h="44">Go</button>' +
        '<p>Read <a id="inline" href="#x" data-w="30" data-h="18">more</a> here.</p>' +
        '<input id="cb" type="checkbox" data-w="13" data-h="13" data-x="0" data-y="0"><label for="cb" data-w="120" data-h="44" data-x="0" data-y="0">Remember me</label>' +
        '<a id="nolayout" href="#y" style="display:block">block link</a>' +
        '<button id="disabled" disabled data-w="10" data-h="10">x</button>',
    );
    expect(r.violations).toEqual(['small']);
    expect(r.passes).toEqual(['big', 'cb', 'inline']);
    expect(r.incomplete).toEqual(['nolayout']);
  });
});

describe('kanjian-bg-image-text', () => {
  test('text over a background image needs a fallback colour with enough contrast', async () => {
    const r = await runRule(
      'kanjian-bg-image-text',
      '<div id="white-on-missing" style="background-image:url(hero.png);color:#fff">Headline</div>' +
        '<div id="with-fallback" style="background:#003 url(hero.png);color:#fff">Headline</div>' +
        '<div id="dark-text" style="background-image:url(paper.png);color:#222">Body</div>' +
        '<div style="background-image:url(hero.png)"><p id="nested" style="color:#eee">Caption</p></div>' +
        '<div style="background-image:url(hero.png)"><p id="covered" style="background:#fff;color:#000">Card</p></div>' +
        '<div id="gradient" style="background-image:linear-gradient(#000,#333);color:#fff">Banner</div>',
    );
    expect(r.violations).toEqual(['nested', 'white-on-missing']);
    expect(r.passes).toEqual(['dark-text', 'with-fallback']);
    expect(r.incomplete).toEqual([]);
  });
});

describe('kanjian-motion', () => {
  test('marquee, blink and autoplay media without a pause control fail; long CSS animation needs review', async () => {
    const r = await runRule(
      'kanjian-motion',
      '<div><marquee id="ticker">news</marquee></div>' +
        '<div><marquee id="ticker-ok">news</marquee><button>暂停滚动</button></div>' +
        '<div><blink id="blinker">sale</blink></div>' +
        '<section><video id="hero" autoplay muted src="a.mp4"></video></section>' +
        '<section><video id="hero-ok" autoplay controls src="a.mp4"></video></section>' +
        '<section><div id="spinner" style="animation-name:spin;animation-duration:6s;animation-iteration-count:infinite">*</div></section>' +
        '<section><div id="short" style="animation-name:fade;animation-duration:1s">*</div></section>',
    );
    expect(r.violations).toEqual(['blinker', 'hero', 'ticker']);
    expect(r.passes).toEqual(['hero-ok', 'ticker-ok']);
    expect(r.incomplete).toEqual(['spinner']);
  });
});

describe('kanjian-captcha', () => {
  test('image CAPTCHAs need alt text and an audio alternative', async () => {
    const r = await runRule(
      'kanjian-captcha',
      '<form><img id="bare" src="/captcha.php?t=1"><input name="code"></form>' +
        '<form><img id="alt-only" src="/img/yzm.jpg" alt="验证码"><input name="code"></form>' +
        '<form><img id="both" src="/checkcode.png" alt="图片验证码"><button type="button">播放语音验证码</button></form>' +
        '<form><img id="photo" src="/photo.jpg" alt="风景"></form>',
    );
    expect(r.violations).toEqual(['alt-only', 'bare']);
    expect(r.passes).toEqual(['both']);
    expect(r.incomplete).toEqual([]);
    expect(looksLikeCaptcha(Object.assign(document.createElement('img'), { className: 'verify_code' }))).toBe(true);
  });
});

describe('axeRunOptions', () => {
  test('level tags, best practice, profile on/off, include/exclude', async () => {
    const off = axeRunOptions({ standard: 'wcag21aa' });
    expect(off.runOnly).toEqual({ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    for (const id of ELDERLY_RULE_IDS) expect(off.rules![id]).toEqual({ enabled: false });
    // kanjian's WCAG rules are not part of the profile: their own tags decide.
    for (const id of WCAG_RULE_IDS) expect(off.rules![id]).toBeUndefined();
    expect(KANJIAN_RULE_IDS).toEqual([...ELDERLY_RULE_IDS, ...WCAG_RULE_IDS]);
    const on = axeRunOptions({ standard: 'wcag22aaa', bestPractices: true, elderlyProfile: true, rules: { exclude: ['region'], include: ['frame-tested'] } });
    expect((on.runOnly as { values: string[] }).values).toEqual([
      'wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag21aaa', 'wcag22a', 'wcag22aa', 'wcag22aaa', 'best-practice', 'kanjian-elderly',
    ]);
    expect(on.rules).toEqual({ region: { enabled: false }, 'frame-tested': { enabled: true } });
    expect(() => axeRunOptions({ elderlyProfile: true }, { kanjianRulesRegistered: false })).toThrow(/not registered/);
    expect(axeRunOptions({}, { kanjianRulesRegistered: false }).rules).toEqual({});
    expect(() => axeRunOptions({ standard: 'wcag3' as never })).toThrow(/Unknown standard/);

    // End to end: the profile decides whether kanjian rules run, even those with WCAG tags.
    document.body.innerHTML = '<main><h1>t</h1><marquee>news</marquee><p style="font-size:10px">tiny</p></main>';
    const ids = async (o: Parameters<typeof axeRunOptions>[0]) => {
      const res = await axe.run(document, axeRunOptions(o));
      return [...res.violations, ...res.incomplete, ...res.passes].map((r) => r.id);
    };
    const withProfile = await ids({ standard: 'wcag2a', elderlyProfile: true });
    expect(withProfile).toContain('kanjian-motion');
    expect(withProfile).toContain('kanjian-font-size');
    const without = await ids({ standard: 'wcag2a', elderlyProfile: false });
    expect(without.filter((id) => ELDERLY_RULE_IDS.includes(id))).toEqual([]);
    expect(without).toContain('marquee');
  });
});
