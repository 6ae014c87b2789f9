import { describe, expect, it } from 'vitest';
import type { ControlSpec } from '../../../src/toolbar/types';
import { ELDER_PRESET, elderPresetOn, sessionControls } from '../../../src/display/session';
import { registryControls, registryResetPatch } from '../support/features';
import { catalogs } from '../../../src/i18n/messages';
import { defaultsOf } from '../../../src/settings/fields';
import { siteFields, type SiteSettings } from '../../../src/settings/schema';
import { allShortcuts, helpDialog } from '../../../src/toolbar/help';
import { groupControls } from '../../../src/toolbar/toolbar';

const defaults: SiteSettings = defaultsOf(siteFields);
const ctx = { global: { showLauncher: true } as never, pageScript: 'simplified' as const, shownAs: 'simplified' as const };

describe('presets, reset and exit', () => {
  it('长辈模式 sets 150% text, line height 1.8, big cursor and the caption band; pressing again undoes it', () => {
    const elder = sessionControls(registryResetPatch, helpDialog).find((c) => c.id === 'elder')!;
    const on = elder.run(defaults, ctx)!;
    expect(on.patch).toEqual({ textScale: 150, lineHeight: '1.8', bigCursor: 'black', caption: 'simplified' });
    const s = { ...defaults, ...on.patch };
    expect(elderPresetOn(s)).toBe(true);
    expect(elder.pressed!(s, ctx)).toBe(true);
    const off = elder.run(s, ctx)!;
    expect({ ...s, ...off.patch }).toEqual(defaults);
    expect(Object.keys(ELDER_PRESET).every((k) => k in siteFields)).toBe(true);
  });

  it('reset returns every aid’s setting to its default; exit also closes the toolbar', () => {
    const controls = sessionControls(registryResetPatch, helpDialog);
    const changed: SiteSettings = {
      ...defaults,
      toolbarOpen: true,
      textScale: 175,
      pageZoom: 200,
      lineHeight: '2',
      textSpacing: true,
      colorScheme: 'yellow-on-blue',
      bigCursor: 'white',
      guide: 'ruler',
      guideColor: 'blue',
      caption: 'pinyin',
      textMode: true,
    };
    const reset = controls.find((c) => c.id === 'reset')!.run(changed, ctx)!;
    expect({ ...changed, ...reset.patch }).toEqual({ ...defaults, toolbarOpen: true });
    const exit = controls.find((c) => c.id === 'exit')!.run(changed, ctx)!;
    expect({ ...changed, ...exit.patch }).toEqual(defaults);
    // Every display aid's setting and read-aloud's are in the reset; 繁简转换 keeps its own switch.
    expect(Object.keys(registryResetPatch()).sort()).toEqual(
      ['bigCursor', 'caption', 'colorScheme', 'guide', 'guideColor', 'lineHeight', 'pageZoom', 'pointReading', 'speech', 'textMode', 'textScale', 'textSpacing'].sort(),
    );
  });
});

describe('toolbar layout', () => {
  it('puts the session group last, whatever is appended after it', () => {
    const other: ControlSpec = { id: 'x', label: 'help', icon: '', group: 'speech', run: () => null };
    const groups = groupControls([...registryControls(), other]).map((g) => g.name);
    expect(groups[groups.length - 1]).toBe('session');
    expect(groups).toContain('speech');
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('has every accessible name the issue asks for', () => {
    const names = new Set<string>();
    const zh = catalogs['zh-CN'];
    const walk = (list: readonly ControlSpec[]) => {
      for (const c of list) {
        names.add(c.text ?? zh[c.label]);
        if (c.menu) walk(c.menu({ doc: document, settings: defaults, control: ctx, tr: (k) => zh[k] }));
      }
    };
    walk(registryControls());
    for (const n of ['文字放大', '文字缩小', '文字还原', '页面放大', '页面缩小', '配色', '原始配色', '黑底白字', '白底黑字', '黑底黄字', '黄底黑字', '蓝底黄字',
      '行距', '大鼠标', '十字线', '阅读尺', '显示屏', '简体', '繁體', '拼音', '纯文本', '区域跳转', '长辈模式', '重置', '帮助', '退出']) {
      expect(names, n).toContain(n);
    }
  });

  it('the help lists the browser command and the menu and dialog keys, plus controls’ own', () => {
    const extra: ControlSpec = { id: 'y', label: 'help', icon: '', group: 'g', shortcuts: [{ keys: 'Alt+Shift+F', where: 'helpWhereAnywhere', what: 'helpKeyCommand' }], run: () => null };
    const keys = allShortcuts([extra]).map((s) => s.keys);
    expect(keys).toContain('Alt+Shift+A');
    expect(keys).toContain('Alt+Shift+F');
    expect(keys).toContain('Esc');
    // No single-key shortcut: every entry is a modifier chord or a key inside our own UI.
    const tr = (k: keyof (typeof catalogs)['zh-CN']) => catalogs['zh-CN'][k];
    const body = helpDialog.render(document, tr, [extra]);
    const box = document.createElement('div');
    box.append(body);
    expect(box.querySelectorAll('tbody tr')).toHaveLength(keys.length);
  });
});
