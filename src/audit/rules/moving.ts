// Moving and timed content the elder-friendly kanjian-motion rule and axe's marquee/blink rules do not
// see: 滚动公告 tickers moved by timers or CSS animations (WCAG 2.2.2), sound started by legacy
// <bgsound>/<embed>/<object> or autoplaying embedded players (1.4.2), and audio or embedded media with
// no transcript or captions nearby (1.2.1, 1.2.2).
import type { CheckHelper } from 'axe-core';
import { clean, perRun } from './axe-commons';
import { defineKanjianRule } from './define';
import { hasPauseControl } from './motion';
import { TRANSCRIPT_WORDS } from './text-patterns';
import { style } from './util';

// 150 ms catches the timer tickers of portals (they step every 20–100 ms) and keeps the wait short.
export const TICKER_OPTIONS = { maxSeconds: 5, sampleMs: 150 };

const MOVING_PROPS = /^(transform|translate|top|left|right|bottom|margin(-top|-left)?|marginTop|marginLeft|scroll|offset)/;

type AnimatedElement = Element & { getAnimations?: () => Animation[] };

function animationMoves(a: Animation): boolean {
  const effect = a.effect as KeyframeEffect | null;
  const frames = effect && typeof effect.getKeyframes === 'function' ? effect.getKeyframes() : [];
  return frames.some((f) => Object.keys(f).some((k) => MOVING_PROPS.test(k)));
}

function animationEnd(a: Animation): number {
  const end = a.effect?.getComputedTiming().endTime;
  const ms = typeof end === 'number' ? end : Number(end ?? 0);
  return ms === Infinity ? Infinity : ms / 1000;
}

/** Running CSS animations or transitions on the element that move it, and how long they last (s). */
export function movingAnimationSeconds(el: Element): number {
  let longest = 0;
  for (const a of (el as AnimatedElement).getAnimations?.() ?? []) {
    if (a.playState === 'paused' || a.playState === 'finished' || !animationMoves(a)) continue;
    longest = Math.max(longest, animationEnd(a));
  }
  return longest;
}

function hasOwnText(el: Element): boolean {
  return clean(el.textContent).replace(/[\p{P}\p{S}]/gu, '').length >= 4;
}

function clipsOverflow(cs: CSSStyleDeclaration): boolean {
  return /hidden|clip/.test(`${cs.overflow} ${cs.overflowX} ${cs.overflowY}`);
}

/** Boxes that could hold a ticker: they clip their content, and the content is larger than the box. */
export function clipsOverflowingText(el: Element): boolean {
  if (el.nodeName === 'MARQUEE' || el.nodeName === 'BODY' || el.nodeName === 'HTML' || el.closest('marquee')) return false;
  const cs = style(el);
  if (!clipsOverflow(cs)) return false;
  const h = el as HTMLElement;
  const overflows = h.scrollHeight > h.clientHeight + 4 || h.scrollWidth > h.clientWidth + 4;
  return overflows && h.clientHeight > 0 && hasOwnText(el);
}

interface Candidates {
  /** Boxes holding text moved by a CSS animation, with the animation's length in seconds. */
  animated: Map<Element, number>;
  /** Boxes a script might scroll (clipping, overflowing, with text). */
  clipped: Element[];
  clippedSet: Set<Element>;
}

/** The clipping box with text around an animated element (itself or up to three ancestors up). */
function tickerBoxOf(el: Element): Element | undefined {
  let e: Element | null = el;
  for (let depth = 0; e && depth <= 3; depth++, e = e.parentElement) {
    if (e.nodeName === 'BODY') break;
    if (clipsOverflow(style(e)) && hasOwnText(e)) return e;
  }
  return undefined;
}

function candidates(doc: Document): Candidates {
  return perRun('kanjian-ticker-candidates', () => {
    const animated = new Map<Element, number>();
    const anims = (doc as Document & { getAnimations?: () => Animation[] }).getAnimations?.() ?? [];
    for (const a of anims) {
      const target = (a.effect as KeyframeEffect | null)?.target;
      if (!target || a.playState === 'paused' || a.playState === 'finished' || !animationMoves(a)) continue;
      const box = tickerBoxOf(target);
      if (box && !box.closest('marquee')) animated.set(box, Math.max(animated.get(box) ?? 0, animationEnd(a)));
    }
    const clipped = Array.from(doc.querySelectorAll('body *')).filter((el) => !animated.has(el) && clipsOverflowingText(el)).slice(0, 200);
    return { animated, clipped, clippedSet: new Set(clipped) };
  });
}

interface Snapshot { scroll: [number, number]; rects: number[] }

function snapshot(el: Element): Snapshot {
  const h = el as HTMLElement;
  const rects: number[] = [];
  for (const k of Array.from(el.children).slice(0, 3)) {
    const r = k.getBoundingClientRect();
    rects.push(r.top, r.left);
    const g = k.firstElementChild?.getBoundingClientRect();
    if (g) rects.push(g.top, g.left);
  }
  return { scroll: [h.scrollTop, h.scrollLeft], rects };
}

function moved(a: Snapshot, b: Snapshot): boolean {
  if (Math.abs(a.scroll[0] - b.scroll[0]) >= 1 || Math.abs(a.scroll[1] - b.scroll[1]) >= 1) return true;
  return a.rects.some((v, i) => Math.abs(v - (b.rects[i] ?? v)) >= 1);
}

/**
 * Which clipping boxes move on their own: all are measured, the page is left alone for sampleMs, and
 * measured again (once per run, shared by every candidate).
 */
function movingBoxes(doc: Document, sampleMs: number): Promise<Set<Element>> {
  return perRun('kanjian-ticker-sample', () => {
    const all = candidates(doc).clipped;
    const before = all.map(snapshot);
    return new Promise<Set<Element>>((resolve) => {
      (doc.defaultView ?? window).setTimeout(() => {
        const out = new Set<Element>();
        all.forEach((el, i) => {
          if (el.isConnected && moved(before[i]!, snapshot(el))) out.add(el);
        });
        resolve(out);
      }, sampleMs);
    });
  });
}

export function tickerMatches(node: Element): boolean {
  const c = candidates(node.ownerDocument);
  return c.animated.has(node) || c.clippedSet.has(node);
}

export function tickerEvaluate(this: CheckHelper, node: Element, options: unknown): void {
  const o = { ...TICKER_OPTIONS, ...(options as Partial<typeof TICKER_OPTIONS> | undefined) };
  const done = this.async();
  const judge = (moving: boolean, seconds: number) => {
    if (!moving || seconds <= o.maxSeconds) return done(true);
    if (hasPauseControl(node)) return done(true);
    const hoverOnly = /stop|clearInterval|clearTimeout|pause/i.test(`${node.getAttribute('onmouseover') ?? ''} ${node.getAttribute('onmouseenter') ?? ''}`);
    this.data({ messageKey: hoverOnly ? 'hoverOnly' : 'default', maxSeconds: o.maxSeconds });
    done(false);
  };
  const css = candidates(node.ownerDocument).animated.get(node);
  if (css !== undefined) return judge(true, css);
  movingBoxes(node.ownerDocument, o.sampleMs).then(
    // Moved by a script: its timers run as long as the page is open.
    (set) => judge(set.has(node), Infinity),
    () => done(undefined),
  );
}

export const ticker = defineKanjianRule({
  id: 'kanjian-ticker',
  selector: 'body *',
  matches: tickerMatches,
  evaluate: tickerEvaluate as unknown as (this: CheckHelper, node: Element, options: unknown) => boolean | undefined,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag222', 'cat.time-and-media'],
  options: TICKER_OPTIONS,
});

// ---- kanjian-autoplay-legacy ---------------------------------------------------------------------

const MEDIA_FILE = /\.(mp3|wav|wma|mid|midi|m4a|aac|ogg|ra|ram|rm|rmvb|mp4|avi|wmv|flv|swf|mov|asf|asx|wm|mpe?g)(?:[?#]|$)/i;
const PLAYER_HOST = /youku\.com|bilibili\.com|v\.qq\.com|iqiyi\.com|ixigua\.com|youtube\.com|youtube-nocookie\.com|vimeo\.com|tudou\.com|cctv\.com|le\.com|sohu\.com\/.*(?:v|video)|player/i;
const TRUE = /^(true|1|yes|-1|on|autostart|autoplay|)$/i;

function param(node: Element, name: string): string | undefined {
  const p = Array.from(node.querySelectorAll('param')).find((x) => (x.getAttribute('name') ?? '').toLowerCase() === name);
  return p ? (p.getAttribute('value') ?? '') : undefined;
}

/** How the element starts playing by itself, if it does. */
export function autoplayKind(node: Element): 'bgsound' | 'embed' | 'iframe' | undefined {
  const tag = node.nodeName;
  if (tag === 'BGSOUND') return node.getAttribute('src') ? 'bgsound' : undefined;
  if (tag === 'EMBED' || tag === 'OBJECT') {
    const src = node.getAttribute('src') ?? node.getAttribute('data') ?? param(node, 'url') ?? param(node, 'filename') ?? param(node, 'src') ?? '';
    const type = node.getAttribute('type') ?? '';
    if (!MEDIA_FILE.test(src) && !/audio|video|x-mplayer|x-ms-wmp|realaudio|flash/i.test(type)) return undefined;
    const auto = node.getAttribute('autostart') ?? node.getAttribute('autoplay') ?? param(node, 'autostart') ?? param(node, 'autoplay') ?? param(node, 'play');
    return auto !== undefined && auto !== null && TRUE.test(auto.trim()) ? 'embed' : undefined;
  }
  if (tag === 'IFRAME') {
    const src = node.getAttribute('src') ?? '';
    if (!PLAYER_HOST.test(src)) return undefined;
    return /[?&](autoplay|auto_play|autostart|isAutoPlay)=(1|true)\b/i.test(src) && !/[?&]mute(d)?=(1|true)\b/i.test(src) ? 'iframe' : undefined;
  }
  return undefined;
}

export function autoplayMatches(node: Element): boolean {
  return autoplayKind(node) !== undefined;
}

export function autoplayEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const kind = autoplayKind(node);
  if (!kind) return true;
  if (hasPauseControl(node)) return true;
  this.data({ messageKey: kind, tag: node.nodeName.toLowerCase() });
  // A player in a frame may start muted or offer its own pause button: a person has to look.
  return kind === 'iframe' ? undefined : false;
}

export const autoplayLegacy = defineKanjianRule({
  id: 'kanjian-autoplay-legacy',
  selector: 'bgsound, embed, object, iframe',
  matches: autoplayMatches,
  evaluate: autoplayEvaluate,
  impact: 'serious',
  // Sound is heard whether or not its element is visible (<bgsound> and hidden embeds never are).
  excludeHidden: false,
  tags: ['kanjian', 'wcag2a', 'wcag142', 'cat.time-and-media'],
});

// ---- kanjian-media-alternative -------------------------------------------------------------------

/** A transcript, caption file or text version mentioned next to the media (up to three ancestors up). */
export function hasTranscriptNearby(node: Element): boolean {
  if (node.querySelector('track[kind="captions"], track[kind="subtitles"], track:not([kind])')) return true;
  let scope: Element | null = node.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    if (scope.nodeName === 'BODY') break;
    for (const a of Array.from(scope.querySelectorAll('a[href], button, summary, details'))) {
      if (TRANSCRIPT_WORDS.test(clean(a.textContent) + ' ' + (a.getAttribute('title') ?? ''))) return true;
    }
    if (scope.querySelector('details') && TRANSCRIPT_WORDS.test(clean(scope.textContent))) return true;
  }
  const described = (node.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => (id ? node.ownerDocument.getElementById(id)?.textContent ?? '' : '')).join(' ');
  return described.length > 40;
}

export type MediaKind = 'audio' | 'embed' | 'iframe';

export function mediaKind(node: Element): MediaKind | undefined {
  // Audio without controls shows nothing to read about; whether it plays by itself is kanjian-motion's question.
  if (node.nodeName === 'AUDIO') return node.hasAttribute('controls') ? 'audio' : undefined;
  if (node.nodeName === 'EMBED' || node.nodeName === 'OBJECT') {
    const src = node.getAttribute('src') ?? node.getAttribute('data') ?? param(node, 'url') ?? param(node, 'filename') ?? param(node, 'src') ?? '';
    return MEDIA_FILE.test(src) && !/\.swf(?:[?#]|$)/i.test(src) ? 'embed' : undefined;
  }
  if (node.nodeName === 'IFRAME' && PLAYER_HOST.test(node.getAttribute('src') ?? '') && /video|player|embed|v\.|vid/i.test(node.getAttribute('src') ?? '')) return 'iframe';
  return undefined;
}

export function mediaMatches(node: Element): boolean {
  return mediaKind(node) !== undefined;
}

export function mediaEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const kind = mediaKind(node);
  if (!kind || hasTranscriptNearby(node)) return true;
  this.data({ messageKey: kind });
  // <audio> is audio-only: 1.2.1 asks for a transcript. Embedded players may carry captions of their own.
  return kind === 'audio' ? false : undefined;
}

export const mediaAlternative = defineKanjianRule({
  id: 'kanjian-media-alternative',
  selector: 'audio, embed, object, iframe',
  matches: mediaMatches,
  evaluate: mediaEvaluate,
  impact: 'serious',
  excludeHidden: false,
  tags: ['kanjian', 'wcag2a', 'wcag121', 'wcag122', 'cat.time-and-media'],
});
