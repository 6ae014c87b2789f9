import { autoLocale, t, type UiLocale } from '../i18n/messages';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { Overlay } from './overlay';
import { PageStyle } from './page-style';
import { buildReaderContent, extractArticle } from './reader-content';
import { loadLib } from '../content/lazy-libs';
import { Listeners } from '../shared/listeners';

/**
 * 纯文本: the page's main content as a clean, large, linear reading view in our own shadow-root
 * overlay. The page underneath is only hidden (visibility, and its scrolling paused), never changed,
 * so leaving the view gives back the page exactly, scroll position and all, without a reload.
 * The view follows the colour scheme, text size and line height through custom properties.
 */
const CSS =
  ':host{all:initial!important;position:fixed!important;inset:0!important;display:block!important;z-index:2147483645!important}' +
  '.scroller{position:absolute;left:0;right:0;bottom:0;top:var(--kanjian-toolbar-height,0px);overflow:auto;box-sizing:border-box;' +
  'padding-bottom:var(--kanjian-bottom-space,0px);background:var(--kanjian-bg,#fdfbf3);color:var(--kanjian-fg,#111111);' +
  'font-family:"Noto Serif CJK SC","Noto Sans CJK SC","Songti SC","Microsoft YaHei",serif}' +
  '.scroller:focus-visible{outline:4px solid var(--kanjian-focus,#8b0000);outline-offset:-4px}' +
  '.page{box-sizing:border-box;max-width:42em;margin:0 auto;padding:32px 24px 96px;' +
  'font-size:calc(22px * var(--kanjian-text-scale,1));line-height:var(--kanjian-line-height,1.8);' +
  'letter-spacing:var(--kanjian-letter-spacing,normal);word-spacing:var(--kanjian-word-spacing,normal);overflow-wrap:anywhere}' +
  'h1{font-size:1.6em;line-height:1.3;margin:0 0 .6em}h2{font-size:1.35em;margin:1.4em 0 .5em}h3{font-size:1.2em;margin:1.2em 0 .4em}' +
  'h4,h5,h6{font-size:1.05em}p,li,dd,blockquote{margin:0 0 1em}' +
  '.byline{font-style:italic}' +
  'a{color:var(--kanjian-link,#0645ad);text-decoration:underline}' +
  'a:focus-visible{outline:3px solid var(--kanjian-focus,#8b0000);outline-offset:2px}' +
  '.alt{display:inline-block;border:1px dashed currentColor;padding:0 .3em;margin:0 .1em}' +
  'table{border-collapse:collapse;margin:0 0 1em;max-width:100%}th,td{border:1px solid currentColor;padding:.3em .5em;text-align:start;vertical-align:top}' +
  'pre{white-space:pre-wrap}img{display:none}';

class Reader {
  private readonly listeners = new Listeners();
  private overlay: Overlay | null = null;
  private readonly hide: PageStyle;
  private readonly build = (): void => this.fill();
  private waiting = false;

  constructor(private readonly page: PageContext) {
    this.hide = new PageStyle(page.doc);
  }

  get open(): boolean {
    return !!this.overlay;
  }

  apply(): void {
    if (this.overlay) return;
    // Hidden at once (no flash of the page on reload); the content follows when the DOM is ready.
    this.hide.set('html{overflow:hidden!important}body, body *{visibility:hidden!important}');
    this.overlay = new Overlay(this.page.doc, 'reader', CSS);
    if (this.page.doc.readyState === 'loading') {
      this.waiting = true;
      this.listeners.on(this.page.doc, 'DOMContentLoaded', this.build, { once: true });
    } else this.fill();
  }

  remove(): void {
    if (this.waiting) this.listeners.off();
    this.waiting = false;
    this.overlay?.destroy();
    this.overlay = null;
    this.hide.remove();
  }

  private locale(): UiLocale {
    return autoLocale(this.page.win.navigator.language, this.page.doc.documentElement?.lang);
  }

  private fill(): void {
    this.waiting = false;
    if (!this.overlay) return;
    // Readability is loaded on first use; without it the page's main region is shown.
    void loadLib('Readability')
      .catch(() => undefined)
      .then((R) => this.fillWith(R));
  }

  private fillWith(ReadabilityClass: Parameters<typeof extractArticle>[1]): void {
    const overlay = this.overlay;
    if (!overlay || overlay.root.querySelector('.scroller')) return;
    const doc = this.page.doc;
    const loc = this.locale();
    const article = extractArticle(doc, ReadabilityClass);
    const scroller = doc.createElement('div');
    scroller.className = 'scroller';
    scroller.tabIndex = 0; // a scrollable region must be reachable by keyboard
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', t(loc, 'readerName', article.title));
    if (article.lang) scroller.lang = article.lang;
    const page = doc.createElement('article');
    page.className = 'page';
    const content = buildReaderContent(article.content, doc, (alt) => t(loc, 'readerImage', alt));
    const first = content.querySelector('h1, h2');
    if (article.title && first?.textContent?.trim() !== article.title) {
      const h1 = doc.createElement('h1');
      h1.textContent = article.title;
      page.append(h1);
    }
    if (article.byline) {
      const by = doc.createElement('p');
      by.className = 'byline';
      by.textContent = article.byline;
      page.append(by);
    }
    page.append(content);
    scroller.append(page);
    overlay.root.append(scroller);
  }
}

const readers = new WeakMap<Document, Reader>();

export const textModeAid: Aid<'textMode'> = {
  id: 'text-mode',
  setting: 'textMode',
  apply(page, value) {
    if (!value) {
      readers.get(page.doc)?.remove();
      return;
    }
    let r = readers.get(page.doc);
    if (!r) {
      r = new Reader(page);
      readers.set(page.doc, r);
    }
    r.apply();
  },
  remove(page) {
    readers.get(page.doc)?.remove();
  },
};

export const textModeControls: ControlSpec[] = [
  {
    id: 'text-mode',
    label: 'textMode',
    icon: '☷',
    group: 'reading',
    pressed: (s) => s.textMode,
    run: (s) => ({ patch: { textMode: !s.textMode }, announce: { key: s.textMode ? 'textModeOff' : 'textModeOn' } }),
  },
];
