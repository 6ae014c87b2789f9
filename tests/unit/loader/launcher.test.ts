import { describe, expect, it } from 'vitest';
import { catalogs, UI_LOCALES } from '../../../src/i18n/messages';
import { LAUNCHER_TEXT } from '../../../src/loader/launcher';
import { isLoaderHello, isPageUiRequest, parseHelloAnswer } from '../../../src/loader/handoff';

describe('the loader', () => {
  it('says the same as the toolbar’s catalogue in every language (it carries no catalogue of its own)', () => {
    for (const locale of UI_LOCALES) {
      expect(LAUNCHER_TEXT[locale]).toEqual({ label: catalogs[locale].launcher, hint: catalogs[locale].launcherHint });
    }
  });

  it('its messages to the background are recognised only in their exact shape', () => {
    expect(isPageUiRequest({ kanjian: 'page-ui' })).toBe(true);
    for (const m of [null, undefined, 'page-ui', { kanjian: 'page-ui ' }, { type: 'page-ui' }, []]) expect(isPageUiRequest(m)).toBe(false);
    expect(isLoaderHello({ kanjian: 'frame-hello', indexInTop: null })).toBe(true);
    expect(isLoaderHello({ kanjian: 'frame-hello', indexInTop: 3 })).toBe(true);
    for (const indexInTop of [-1, 1.5, '2', NaN, undefined, {}]) expect(isLoaderHello({ kanjian: 'frame-hello', indexInTop })).toBe(false);
    expect(isLoaderHello({ kanjian: 'page-ui', indexInTop: 0 })).toBe(false);
  });

  it('reads the background’s answer to a frame’s hello strictly (anything else: nothing on, no launcher)', () => {
    expect(parseHelloAnswer({ siteKey: 'https://a.example', ui: true, on: false })).toEqual({ siteKey: 'https://a.example', ui: true, on: false });
    expect(parseHelloAnswer({ siteKey: 7, ui: 'yes', on: 1 })).toEqual({ siteKey: null, ui: false, on: false });
    expect(parseHelloAnswer(null)).toBeNull();
    expect(parseHelloAnswer('on')).toBeNull();
  });
});

describe('the launcher’s language', () => {
  it('is the toolbar’s: the chosen one, else the browser’s Chinese, in Traditional on a page whose lang says Traditional', async () => {
    const { launcherLocale } = await import('../../../src/loader/loader');
    expect(launcherLocale('en', 'zh-CN', 'zh-TW')).toBe('en');
    expect(launcherLocale('auto', 'zh-CN', 'zh-TW')).toBe('zh-TW');
    expect(launcherLocale('auto', 'zh-CN', 'zh-Hant-HK')).toBe('zh-TW');
    expect(launcherLocale('auto', 'zh-TW', 'zh-CN')).toBe('zh-TW');
    expect(launcherLocale('auto', 'zh-CN', 'zh-CN')).toBe('zh-CN');
    expect(launcherLocale('auto', 'en-US', 'en')).toBe('en');
    expect(launcherLocale('auto', 'en-US', 'zh-TW')).toBe('zh-TW');
  });
});

describe('the launcher built where markup cannot give it a shadow root', () => {
  it('is the same button, built element by element, and a page’s synthetic click opens nothing', async () => {
    const { showLauncher } = await import('../../../src/loader/launcher');
    const parse = (Document as unknown as { parseHTMLUnsafe?: unknown }).parseHTMLUnsafe;
    (Document as unknown as { parseHTMLUnsafe?: unknown }).parseHTMLUnsafe = undefined;
    try {
      let opened = 0;
      const host = showLauncher(document, 'zh-CN', () => opened++);
      const button = host.shadowRoot!.querySelector('button.kj-launcher') as HTMLButtonElement;
      expect(host.localName).toBe('kanjian-toolbar');
      expect(host.parentNode).toBe(document.documentElement);
      expect(button.type).toBe('button');
      expect(button.title).toBe('打开无障碍工具栏');
      expect(button.textContent).toBe('♿无障碍浏览');
      expect(button.querySelector('[aria-hidden="true"]')!.textContent).toBe('♿');
      expect(host.shadowRoot!.querySelector('style')!.textContent).toContain(':host{all:initial!important}');
      button.click();
      expect(opened).toBe(0);
      host.remove();
    } finally {
      (Document as unknown as { parseHTMLUnsafe?: unknown }).parseHTMLUnsafe = parse;
    }
  });
});
