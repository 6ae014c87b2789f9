import type { SiteSettings } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { PageStyle } from './page-style';
import { clearUnclip, fitOverflowing, fitOverlaps, unclipCss } from './unclip';
import { Listeners } from '../shared/listeners';

/**
 * 行距 and 文字间距: the WCAG 1.4.12 text-spacing values. Line height 1.5/1.8/2 (unitless, so it
 * follows any text size); letter spacing 0.12em, word spacing 0.16em, paragraph spacing 2em.
 * Two settings, one runner per page so they share the fix for boxes that would clip the taller text.
 */
export type LineHeight = SiteSettings['lineHeight'];
export const LINE_HEIGHTS: readonly LineHeight[] = ['off', '1.5', '1.8', '2'];

// `:not(#kanjian-none)` adds id-level specificity so these beat text size's per-size px line
// heights, which sit in the same cascade layer.
const EVERY = 'body:not(#kanjian-none), body *:not(#kanjian-none)';

export function buildSpacingCss(lineHeight: LineHeight, spacing: boolean): string {
  const I = '!important';
  const rules: string[] = [];
  // Custom properties let kanjian's own reading view follow the same spacing.
  const vars: string[] = [];
  if (lineHeight !== 'off') vars.push(`--kanjian-line-height:${lineHeight}`);
  if (spacing) vars.push('--kanjian-letter-spacing:0.12em', '--kanjian-word-spacing:0.16em');
  if (vars.length) rules.push(`html{${vars.join(';')}}`);
  if (lineHeight !== 'off') rules.push(`${EVERY}{line-height:${lineHeight}${I}}`);
  if (spacing) {
    rules.push(`${EVERY}{letter-spacing:0.12em${I};word-spacing:0.16em${I}}`);
    // Paragraph spacing: 2× the font size after each paragraph-like block.
    rules.push(`body p, body li, body dd, body blockquote{margin-bottom:2em${I}}`);
  }
  if (rules.length) rules.push(unclipCss('spacing'));
  return rules.join('');
}

class SpacingRunner {
  private readonly listeners = new Listeners();
  private readonly style: PageStyle;
  lineHeight: LineHeight = 'off';
  spacing = false;
  private frame = 0;
  private listening = false;
  private readonly refit = (): void => this.scheduleFit();

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc);
  }

  render(): void {
    const css = buildSpacingCss(this.lineHeight, this.spacing);
    if (!css) {
      this.remove();
      return;
    }
    clearUnclip(this.page.doc, 'spacing');
    this.style.set(css);
    if (!this.listening) {
      this.listening = true;
      this.listeners.on(this.page.doc, 'DOMContentLoaded', this.refit);
      this.listeners.on(this.page.win, 'load', this.refit);
    }
    this.scheduleFit();
  }

  remove(): void {
    if (this.listening) {
      this.listeners.off();
      this.listening = false;
    }
    if (this.frame) this.page.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearUnclip(this.page.doc, 'spacing');
    this.style.remove();
    this.lineHeight = 'off';
    this.spacing = false;
  }

  private scheduleFit(): void {
    if (this.frame || !this.page.doc.body) return;
    this.frame = this.page.win.requestAnimationFrame(() => {
      this.frame = 0;
      fitOverflowing(this.page.doc, [this.style], 'spacing');
      fitOverlaps(this.page.doc, [this.style], 'spacing');
    });
  }
}

const runners = new WeakMap<Document, SpacingRunner>();
function runnerFor(page: PageContext): SpacingRunner {
  let r = runners.get(page.doc);
  if (!r) {
    r = new SpacingRunner(page);
    runners.set(page.doc, r);
  }
  return r;
}

export const lineHeightAid: Aid<'lineHeight'> = {
  id: 'line-height',
  setting: 'lineHeight',
  apply(page, value) {
    const r = runnerFor(page);
    if (r.lineHeight === value && (value !== 'off' || !r.spacing)) return;
    r.lineHeight = value;
    r.render();
  },
  remove(page) {
    const r = runners.get(page.doc);
    if (!r) return;
    r.lineHeight = 'off';
    r.render();
  },
};

export const textSpacingAid: Aid<'textSpacing'> = {
  id: 'text-spacing',
  setting: 'textSpacing',
  apply(page, value) {
    const r = runnerFor(page);
    if (r.spacing === value) return;
    r.spacing = value;
    r.render();
  },
  remove(page) {
    const r = runners.get(page.doc);
    if (!r) return;
    r.spacing = false;
    r.render();
  },
};

const LINE_HEIGHT_LABEL = { off: 'lineHeightOff', '1.5': 'lineHeight15', '1.8': 'lineHeight18', '2': 'lineHeight20' } as const;

export const spacingControls: ControlSpec[] = [
  {
    id: 'line-height',
    label: 'lineHeight',
    icon: '☰',
    group: 'spacing',
    active: (s) => s.lineHeight !== 'off',
    run: () => null,
    menu: () =>
      LINE_HEIGHTS.map(
        (v): ControlSpec => ({
          id: `line-height-${v}`,
          label: LINE_HEIGHT_LABEL[v],
          icon: '',
          group: 'spacing',
          pressed: (s) => s.lineHeight === v,
          run: () => ({
            patch: { lineHeight: v },
            announce: v === 'off' ? { key: 'lineHeightReset' } : { key: 'lineHeightNow', params: [v] },
          }),
        }),
      ),
  },
  {
    id: 'text-spacing',
    label: 'textSpacing',
    icon: '↔',
    group: 'spacing',
    pressed: (s) => s.textSpacing,
    run: (s) => ({ patch: { textSpacing: !s.textSpacing }, announce: { key: s.textSpacing ? 'textSpacingOff' : 'textSpacingOn' } }),
  },
];
