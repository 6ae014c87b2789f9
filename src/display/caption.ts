import { autoLocale, t } from '../i18n/messages';
import type { SiteSettings } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { CAPTION_MAX_PX, CAPTION_MIN_PX, fitFontSize, hasHan, normalizeText, pinyinSegments, sentenceAt } from './caption-text';
import { Overlay } from './overlay';
import { isOwnUi, PageStyle } from './page-style';
import { convertScript } from './script-convert';
import { loadLib } from '../content/lazy-libs';
import type { LazyLibs } from '../shared/libs';
import { isUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';
import { accessibleName, controlValue } from '../speech/accname';
import { displayFeature, type FeatureDef, type TabFrames } from '../content/feature';
import { isFramesetDocument } from '../content/frames';

/**
 * 显示屏: a band fixed at the bottom showing, in large type (30–80 px, the largest that fits), the
 * text under the pointer or keyboard focus: the whole paragraph when it fits, else the sentence
 * under the pointer. Modes: 简体, 繁體 (through the 繁体版 engine), 拼音 (tone marks over each
 * character, in <ruby>). The page gets bottom padding of the band's height so nothing stays hidden.
 *
 * The tab has one band, in the top frame: a frame below shows none and sends the text under the
 * user's pointer or focus to the top (through the background, at most once per animation frame and
 * only when it changed), where it is converted and shown like the top's own text.
 */
export type CaptionMode = Exclude<SiteSettings['caption'], 'off'>;

const BAND_HEIGHT = 'clamp(120px, 26vh, 260px)';
const LONG_BLOCK = 4000;

const CSS =
  `:host{all:initial!important;position:fixed!important;left:0!important;right:0!important;bottom:0!important;` +
  `display:block!important;z-index:2147483646!important}` +
  `.band{box-sizing:border-box;height:${BAND_HEIGHT};padding:10px 28px;overflow:hidden;` +
  `display:flex;align-items:center;justify-content:center;` +
  `background:var(--kanjian-bg,#000);color:var(--kanjian-fg,#ffff00);border-top:4px solid var(--kanjian-focus,#ffd166);` +
  `font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;font-weight:700}` +
  `.text{max-width:100%;max-height:100%;line-height:1.3;overflow-wrap:anywhere;text-align:center}` +
  `.text.pinyin{line-height:1.1}` +
  `ruby{ruby-position:over;margin:0 .04em}` +
  `rt{font-size:.45em;font-weight:400;line-height:1.1;letter-spacing:0}` +
  `.hint{font-weight:400;opacity:1}`;

interface Caret {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

const INLINE = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'contents', 'ruby', 'ruby-text']);

/** The nearest ancestor that is laid out as a block (a paragraph, cell, list item, heading…). */
function blockOf(el: Element): Element {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (!view) return e;
    if (!INLINE.has(view.getComputedStyle(e).display)) return e;
  }
  return el;
}

/** What a focused or hovered control says: its label, value or alternative text. */
function controlText(el: Element): string | null {
  const control = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
  if (!control && !el.hasAttribute('aria-label') && !(el instanceof HTMLImageElement)) return null;
  // The same name and value read-aloud gives (password fields never shown).
  const value = control ? controlValue(el) || el.getAttribute('placeholder') || '' : '';
  return normalizeText(`${accessibleName(el)} ${value}`) || (control ? el.getAttribute('title') : null) || null;
}

class Caption {
  private readonly listeners = new Listeners();
  private overlay: Overlay | null = null;
  private band!: HTMLElement;
  private textEl!: HTMLElement;
  private readonly space: PageStyle;
  private mode: CaptionMode = 'simplified';
  private source = '';
  private token = 0;
  private x = 0;
  private y = 0;
  private frame = 0;
  private listening = false;
  /** Below the top, the top has no band (a frameset page): this frame shows its own. */
  private local = false;
  /** What this frame last sent to the top (sent again only when it changes). */
  private sent = '';
  private readonly onMove = (e: PointerEvent): void => {
    if (!isUserInput(e)) return;
    this.x = e.clientX;
    this.y = e.clientY;
    if (!this.frame) this.frame = this.page.win.requestAnimationFrame(() => this.fromPoint());
  };
  /** The pointer comes into this frame's document (from the parent, or back from a child frame): send afresh. */
  private readonly onEnter = (e: PointerEvent): void => {
    if (!isUserInput(e)) return;
    const from = e.relatedTarget as Element | null;
    if (!from || from.localName === 'iframe' || from.localName === 'frame') this.sent = '';
  };
  private readonly onFocus = (e: FocusEvent): void => {
    if (!isUserInput(e)) return;
    const el = e.target;
    if (el instanceof Element && !isOwnUi(el)) this.fromElement(el);
  };

  constructor(
    private readonly page: PageContext,
    private readonly tab: TabFrames | null,
  ) {
    this.space = new PageStyle(page.doc);
  }

  /** The top frame (or a page standing alone) shows the band; a frame below only reports. */
  private get showsHere(): boolean {
    return !this.tab || this.tab.isTop || this.local;
  }

  apply(mode: CaptionMode): void {
    if (this.listening && (this.overlay || !this.showsHere) && mode === this.mode) return;
    this.mode = mode;
    if (!this.listening) {
      this.listening = true;
      this.listeners.on(this.page.win, 'pointermove', this.onMove, { capture: true, passive: true });
      this.listeners.on(this.page.doc, 'focusin', this.onFocus, { capture: true, passive: true });
      if (!this.showsHere) this.listeners.on(this.page.doc, 'pointerover', this.onEnter, { capture: true, passive: true });
    }
    if (!this.showsHere) return;
    if (!this.overlay) this.mount();
    const text = this.block;
    this.source = '';
    this.block = '';
    if (text) this.show(text, this.offset);
  }

  /** Text from a frame of this tab (in the top frame; relayed by the background). */
  fromFrame(text: string, offset: number): { shown: boolean } | undefined {
    if (!this.listening || !this.tab?.isTop) return undefined;
    if (isFramesetDocument(this.page.doc)) return { shown: false };
    if (!this.overlay) return undefined;
    this.show(text, offset);
    return { shown: true };
  }

  /** What the user points at or focuses here: shown in this band, or sent to the top frame's. */
  private found(text: string, offset = 0): void {
    if (this.showsHere) return this.show(text, offset);
    const key = `${offset}\u0000${text}`;
    if (key === this.sent || !this.tab) return;
    this.sent = key;
    void this.tab
      .relay('top', { kind: 'captionText', text: text.slice(0, MAX_SENT), offset })
      .then((answer) => {
        if (answer && typeof answer === 'object' && (answer as { shown?: unknown }).shown === false && !this.local && this.listening) {
          this.local = true;
          this.mount();
          this.show(text, offset);
        }
      })
      .catch(() => undefined);
  }

  private mount(): void {
    const doc = this.page.doc;
    this.overlay = new Overlay(doc, 'caption', CSS, 'closed');
    this.band = doc.createElement('div');
    this.band.className = 'band';
    // The band repeats what is on the page: screen readers already read the page itself.
    this.band.setAttribute('aria-hidden', 'true');
    this.textEl = doc.createElement('div');
    this.textEl.className = 'text hint';
    this.textEl.lang = doc.documentElement?.lang || 'zh-CN';
    this.textEl.textContent = t(autoLocale(this.page.win.navigator.language, doc.documentElement?.lang), 'captionHint');
    this.band.append(this.textEl);
    this.overlay.root.append(this.band);
    this.space.set(
      `html{padding-bottom:${BAND_HEIGHT}!important;scroll-padding-bottom:${BAND_HEIGHT}!important;--kanjian-bottom-space:${BAND_HEIGHT}}`,
    );
    this.fit();
  }

  remove(): void {
    const win = this.page.win;
    this.listeners.off();
    this.listening = false;
    this.sent = '';
    if (this.frame) win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.token++;
    this.overlay?.destroy();
    this.overlay = null;
    this.space.remove();
    this.source = '';
  }

  private fromPoint(): void {
    this.frame = 0;
    const doc = this.page.doc;
    const hit = doc.elementFromPoint(this.x, this.y);
    if (!hit || isOwnUi(hit)) return;
    const own = controlText(hit);
    if (own) return this.found(own);
    const caret = caretAt(doc, this.x, this.y);
    if (!caret || caret.node.nodeType !== 3 || !hit.contains(caret.node)) {
      // Not over text: a block with a short text of its own (e.g. a button) still counts.
      const text = normalizeText(hit.textContent ?? '');
      if (text && text.length <= 200) this.found(text);
      return;
    }
    const block = blockOf(caret.node.parentElement ?? hit);
    const full = normalizeText(block.textContent ?? '');
    if (!full) return;
    const range = doc.createRange();
    range.setStart(block, 0);
    range.setEnd(caret.node, Math.min(caret.offset, caret.node.nodeValue?.length ?? 0));
    const offset = normalizeText(range.toString()).length;
    if (full.length > LONG_BLOCK) return this.found(sentenceAt(full, offset));
    this.found(full, offset);
  }

  private fromElement(el: Element): void {
    const text = controlText(el) ?? normalizeText((el as HTMLElement).innerText ?? el.textContent ?? '');
    if (text) this.found(text.length > LONG_BLOCK ? text.slice(0, LONG_BLOCK) : text, 0);
  }

  /** The last block shown and whether it fit whole at the smallest size (else: sentence by sentence). */
  private block = '';
  private blockFits = true;
  private offset = 0;

  /** Shows `text`: the whole of it when it fits at the smallest size, else its sentence at `offset`. */
  private show(text: string, offset = 0): void {
    if (!this.overlay) return;
    this.offset = offset;
    const piece = text === this.block && !this.blockFits ? sentenceAt(text, offset) : text;
    if (piece === this.source) return;
    this.source = piece;
    const token = ++this.token;
    const mode = this.mode;
    void this.converted(piece, mode).then((shown) => {
      if (token !== this.token || !this.overlay) return;
      this.render(shown, mode);
      if (piece === text) {
        this.block = text;
        this.blockFits = this.fitsAt(CAPTION_MIN_PX);
        if (!this.blockFits) {
          this.source = '';
          this.show(text, offset);
          return;
        }
      }
      this.fit();
    });
  }

  private pinyin: LazyLibs['pinyin'] | null = null;

  private async converted(text: string, mode: CaptionMode): Promise<string> {
    if (mode === 'pinyin' && !this.pinyin && hasHan(text)) {
      try {
        this.pinyin = await loadLib('pinyin');
      } catch {
        return text; // shown without pinyin rather than not at all
      }
    }
    if (!hasHan(text) || mode === 'pinyin') return text;
    try {
      return await convertScript(text, mode === 'traditional' ? 'traditional' : 'simplified');
    } catch {
      return text; // no dictionary: better the original text than nothing
    }
  }

  private render(text: string, mode: CaptionMode): void {
    const doc = this.page.doc;
    this.textEl.className = mode === 'pinyin' ? 'text pinyin' : 'text';
    this.textEl.lang = mode === 'traditional' ? 'zh-TW' : 'zh-CN';
    this.textEl.dataset['mode'] = mode;
    this.textEl.textContent = '';
    if (mode !== 'pinyin' || !this.pinyin) {
      this.textEl.textContent = text;
      return;
    }
    for (const seg of pinyinSegments(text, this.pinyin)) {
      if (seg.ruby === null) {
        this.textEl.append(seg.base);
        continue;
      }
      const ruby = doc.createElement('ruby');
      const rt = doc.createElement('rt');
      rt.textContent = seg.ruby;
      ruby.append(seg.base, rt);
      this.textEl.append(ruby);
    }
  }

  private fitsAt(px: number): boolean {
    this.textEl.style.fontSize = `${px}px`;
    const b = this.band;
    const cs = this.page.win.getComputedStyle(b);
    const innerH = b.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    const innerW = b.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return this.textEl.scrollHeight <= innerH + 1 && this.textEl.scrollWidth <= innerW + 1;
  }

  private fit(): void {
    this.textEl.style.fontSize = `${fitFontSize((px) => this.fitsAt(px), CAPTION_MIN_PX, CAPTION_MAX_PX)}px`;
  }
}

/** The most a frame sends (the background refuses more); a longer block is shown sentence by sentence anyway. */
const MAX_SENT = 8000;

const captions = new WeakMap<Document, Caption>();
/** How each document's caption reaches the tab's top frame (none where the page stands alone). */
const links = new WeakMap<Document, TabFrames>();

export const captionAid: Aid<'caption'> = {
  id: 'caption',
  setting: 'caption',
  apply(page, value) {
    if (value === 'off') {
      captions.get(page.doc)?.remove();
      return;
    }
    let c = captions.get(page.doc);
    if (!c) {
      c = new Caption(page, links.get(page.doc) ?? null);
      captions.set(page.doc, c);
    }
    c.apply(value);
  },
  remove(page) {
    captions.get(page.doc)?.remove();
  },
};

const MODE_LABEL = { off: 'captionOff', simplified: 'captionSimplified', traditional: 'captionTraditional', pinyin: 'captionPinyin' } as const;

export const captionControls: ControlSpec[] = [
  {
    id: 'caption',
    label: 'caption',
    icon: '▭',
    group: 'reading',
    active: (s) => s.caption !== 'off',
    run: () => null,
    menu: () =>
      (['off', 'simplified', 'traditional', 'pinyin'] as const).map(
        (v): ControlSpec => ({
          id: `caption-${v}`,
          label: MODE_LABEL[v],
          icon: '',
          group: 'reading',
          pressed: (s) => s.caption === v,
          run: () => ({
            patch: { caption: v },
            announce: v === 'off' ? { key: 'captionOffNow' } : { key: 'captionOnNow', params: [{ key: MODE_LABEL[v] }] },
          }),
        }),
      ),
  },
];

/** 显示屏 as a feature: the aid and its menu, and the text that frames of the tab send to the one band. */
export const captionFeature: FeatureDef = {
  id: 'caption',
  create(host) {
    if (host.tab) links.set(host.page.doc, host.tab);
    const base = displayFeature('caption', [captionAid], captionControls).create(host);
    return {
      ...base,
      onFrameMessage(_from, msg) {
        if (msg.kind !== 'captionText') return undefined;
        const answer = captions.get(host.page.doc)?.fromFrame(msg.text, msg.offset);
        return answer === undefined ? undefined : Promise.resolve(answer);
      },
    };
  },
};
