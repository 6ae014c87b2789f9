import { announcementText, type Announcement, type ControlContext, type ControlSpec } from './types';
import { PageStyle } from '../display/page-style';
import type { MessageKey, Translator } from '../i18n/messages';
import type { SiteSettings } from '../settings/schema';
import { HelpDialogView } from './dialog';
import { MenuView } from './menu';
import { onUserInput } from '../shared/trusted';
import { onKeyboardRest, onPressIntent } from '../shared/press-intent';

export interface ToolbarHandlers {
  onControl(control: ControlSpec): void;
  onClose(): void;
  onOpen(): void;
}

/** Group names → their accessible names. Groups of other capabilities without an entry stay unnamed. */
const GROUP_LABELS: Record<string, MessageKey> = {
  text: 'groupText',
  zoom: 'groupZoom',
  spacing: 'groupSpacing',
  color: 'groupColor',
  pointer: 'groupPointer',
  reading: 'groupReading',
  convert: 'optionsConvert',
  speech: 'groupSpeech',
  audit: 'auditButton',
  session: 'groupSession',
};
const LAST_GROUP = 'session';

/** Groups in order of first appearance, the 'session' group last. */
export function groupControls(controls: readonly ControlSpec[]): Array<{ name: string; controls: ControlSpec[] }> {
  const groups: Array<{ name: string; controls: ControlSpec[] }> = [];
  for (const c of controls) {
    const g = groups.find((x) => x.name === c.group);
    if (g) g.controls.push(c);
    else groups.push({ name: c.group, controls: [c] });
  }
  return [...groups.filter((g) => g.name !== LAST_GROUP), ...groups.filter((g) => g.name === LAST_GROUP)];
}

/**
 * The WAI-ARIA toolbar and the launcher, rendered into a container inside our shadow root.
 * Roving tabindex: one button is in the Tab order; arrows, Home and End move between buttons;
 * Esc returns focus to where it was before the toolbar. Menu buttons follow the APG menu button
 * pattern (menu.ts); 帮助 opens a modal dialog (dialog.ts). No key outside our UI is captured.
 */
export class ToolbarView {
  readonly root: HTMLElement;
  readonly bar: HTMLElement;
  readonly launcher: HTMLButtonElement;
  private readonly live: HTMLElement;
  private readonly buttons: HTMLElement[] = [];
  private readonly controlButtons = new Map<ControlSpec, HTMLElement>();
  private readonly groupEls = new Map<HTMLElement, string>();
  private active = 0;
  private returnFocus: HTMLElement | null = null;
  private settings: SiteSettings | null = null;
  private context: ControlContext | null = null;
  private readonly menu: MenuView;
  private readonly dialog: HelpDialogView;
  /** The page pushed down by the bar's height, and --kanjian-toolbar-height for our other UI. */
  private readonly metrics: PageStyle;
  private resize: ResizeObserver | null = null;
  private announceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly controls: readonly ControlSpec[],
    private tr: Translator,
    private readonly handlers: ToolbarHandlers,
  ) {
    const doc = container.ownerDocument;
    this.metrics = new PageStyle(doc);
    this.root = doc.createElement('div');
    this.root.className = 'kj-root';
    this.bar = doc.createElement('div');
    this.bar.className = 'kj-bar';
    this.bar.setAttribute('role', 'toolbar');
    this.bar.setAttribute('aria-orientation', 'horizontal');
    this.bar.hidden = true;
    this.launcher = doc.createElement('button');
    this.launcher.type = 'button';
    this.launcher.className = 'kj-launcher';
    this.launcher.hidden = true;
    this.live = doc.createElement('div');
    this.live.className = 'kj-sr';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.menu = new MenuView(this.root, {
      activate: (item) => this.handlers.onControl(item),
      move: (from, dir) => this.moveFrom(from, dir),
    });
    this.dialog = new HelpDialogView(this.root);
    this.root.append(this.bar, this.launcher, this.live);
    container.append(this.root);
    this.build();
    // Only the user's own input operates the toolbar (see shared/trusted.ts).
    this.bar.addEventListener('keydown', onUserInput((e: KeyboardEvent) => this.onKeydown(e)));
    this.bar.addEventListener('focusin', onUserInput((e: FocusEvent) => this.onFocusIn(e)));
    this.launcher.addEventListener('click', onUserInput(() => this.handlers.onOpen()));
  }

  private build(): void {
    const doc = this.container.ownerDocument;
    const brand = doc.createElement('div');
    brand.className = 'kj-brand';
    brand.setAttribute('aria-hidden', 'true');
    brand.textContent = '看见';
    this.bar.append(brand);
    for (const { name, controls } of groupControls(this.controls)) {
      const group = doc.createElement('div');
      group.className = 'kj-group';
      group.setAttribute('role', 'group');
      group.dataset['group'] = name;
      this.groupEls.set(group, name);
      this.bar.append(group);
      for (const control of controls) {
        const btn = this.makeButton(control.icon);
        btn.dataset['control'] = control.id;
        if (control.menu) {
          btn.setAttribute('aria-haspopup', 'menu');
          btn.setAttribute('aria-expanded', 'false');
          btn.classList.add('kj-menu-btn');
          const caret = doc.createElement('span');
          caret.className = 'kj-caret';
          caret.setAttribute('aria-hidden', 'true');
          caret.textContent = '▾';
          btn.append(caret);
          btn.addEventListener('click', onUserInput(() => this.toggleMenu(control, btn, 'first')));
        } else if (control.dialog) {
          const dialog = control.dialog;
          btn.setAttribute('aria-haspopup', 'dialog');
          btn.addEventListener('click', onUserInput(() => this.dialog.open(dialog, this.tr, this.controls, btn)));
        } else {
          // aria-disabled buttons stay focusable and still answer (e.g. "文字已是最大").
          btn.addEventListener('click', onUserInput(() => this.handlers.onControl(control)));
          const prepare = control.prepare;
          if (prepare) {
            onPressIntent(btn, () => prepare());
            onKeyboardRest(btn, prepare);
          }
        }
        this.controlButtons.set(control, btn);
        group.append(btn);
      }
    }
    const spacer = doc.createElement('div');
    spacer.className = 'kj-spacer';
    this.bar.append(spacer);
    const close = this.makeButton('×');
    close.classList.add('kj-close');
    close.dataset['control'] = 'close';
    close.addEventListener('click', onUserInput(() => this.handlers.onClose()));
    this.bar.append(close);
    this.setLocale(this.tr);
  }

  private makeButton(icon: string): HTMLElement {
    const doc = this.container.ownerDocument;
    const btn = doc.createElement('button');
    btn.type = 'button';
    btn.className = 'kj-btn';
    btn.id = `kj-btn-${this.buttons.length}`;
    btn.tabIndex = this.buttons.length === 0 ? 0 : -1;
    const glyph = doc.createElement('span');
    glyph.className = 'kj-icon';
    glyph.setAttribute('aria-hidden', 'true');
    glyph.textContent = icon;
    const text = doc.createElement('span');
    text.className = 'kj-label';
    btn.append(glyph, text);
    this.buttons.push(btn);
    return btn;
  }

  /** Re-labels every control, e.g. when the page switches to Traditional. */
  setLocale(tr: Translator): void {
    this.tr = tr;
    this.bar.setAttribute('aria-label', tr('toolbarName'));
    for (const [group, name] of this.groupEls) {
      const key = GROUP_LABELS[name];
      if (key) group.setAttribute('aria-label', tr(key));
    }
    for (const [control, btn] of this.controlButtons) setLabel(btn, control.text ?? tr(control.label));
    const close = this.buttons[this.buttons.length - 1];
    if (close) {
      setLabel(close, tr('closeShort'));
      close.setAttribute('aria-label', tr('close'));
    }
    this.launcher.textContent = '';
    const icon = this.container.ownerDocument.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '♿';
    this.launcher.append(icon, tr('launcher'));
    this.launcher.title = tr('launcherHint');
    this.menu.close(false);
  }

  update(settings: SiteSettings, ctx: ControlContext): void {
    this.settings = settings;
    this.context = ctx;
    const wasOpen = !this.bar.hidden;
    this.bar.hidden = !settings.toolbarOpen;
    this.launcher.hidden = settings.toolbarOpen || !ctx.global.showLauncher;
    for (const [control, btn] of this.controlButtons) {
      if (control.pressed) btn.setAttribute('aria-pressed', String(control.pressed(settings, ctx)));
      btn.classList.toggle('kj-on', control.active?.(settings, ctx) ?? false);
      const disabled = control.disabled?.(settings, ctx) ?? false;
      if (disabled) btn.setAttribute('aria-disabled', 'true');
      else btn.removeAttribute('aria-disabled');
    }
    this.menu.refresh(settings, ctx);
    if (wasOpen && this.bar.hidden) this.onHidden();
    this.updateMetrics();
  }

  /** The bar went away (close or 退出): nothing of ours may keep focus or stay open. */
  private onHidden(): void {
    this.menu.close(false);
    this.dialog.close(false);
    const shadow = this.root.getRootNode() as ShadowRoot | Document;
    const focused = shadow.activeElement;
    if (focused && this.root.contains(focused)) {
      if (!this.focusLauncher()) this.leave();
    }
  }

  /**
   * One style element and one ResizeObserver for the bar's size: the page is pushed down by the bar's
   * height (never covered), and --kanjian-toolbar-height tells our other UI where the bar ends.
   */
  private updateMetrics(): void {
    if (this.bar.hidden || this.suspended) {
      this.resize?.disconnect();
      this.resize = null;
      this.metrics.remove();
      return;
    }
    const set = (): void => {
      const h = this.bar.hidden || this.suspended ? 0 : Math.ceil(this.bar.getBoundingClientRect().height);
      if (!h) {
        this.metrics.remove();
        return;
      }
      this.metrics.set(`html{--kanjian-toolbar-height:${h}px;margin-top:${h}px!important;scroll-padding-top:${h}px!important}`);
    };
    // Measured by a ResizeObserver: its first report comes in the frame the bar is first laid out,
    // before that frame is painted (so the page never shows under the bar), and it follows every
    // change after. Measuring here instead would force a layout of the whole page at every render
    // (25 ms each on a big page), and opening the toolbar would lay the page out once more.
    if (this.resize) return;
    if (typeof ResizeObserver === 'undefined') return set();
    this.resize = new ResizeObserver(set);
    this.resize.observe(this.bar);
  }

  /** While an audit runs: the whole UI hidden and the page not pushed down (the audit sees the page alone). */
  setSuspended(suspended: boolean): void {
    this.suspended = suspended;
    const host = (this.root.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    if (suspended) host?.style.setProperty('display', 'none', 'important');
    else host?.style.removeProperty('display');
    this.updateMetrics();
  }

  private suspended = false;

  announce(a: Announcement): void {
    const text = announcementText(a, this.tr);
    // Clear first so repeating the same message is announced again.
    this.live.textContent = '';
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.live.textContent = text;
    }, 50);
  }

  get height(): number {
    return this.bar.hidden ? 0 : this.bar.getBoundingClientRect().height;
  }

  focusToolbar(): void {
    this.buttons[this.active]?.focus();
  }

  focusLauncher(): boolean {
    if (this.launcher.hidden) return false;
    this.launcher.focus();
    return true;
  }

  private toggleMenu(control: ControlSpec, btn: HTMLElement, focus: 'first' | 'last'): void {
    if (this.menu.isOpenFor(btn)) {
      this.menu.close(true);
      return;
    }
    this.openMenu(control, btn, focus);
  }

  private openMenu(control: ControlSpec, btn: HTMLElement, focus: 'first' | 'last'): void {
    if (!control.menu || !this.settings || !this.context) return;
    const items = control.menu({ doc: this.container.ownerDocument, settings: this.settings, control: this.context, tr: this.tr });
    this.menu.open(btn, control, items, this.settings, this.context, this.tr, focus);
  }

  private onFocusIn(e: FocusEvent): void {
    const idx = this.buttons.indexOf(e.target as HTMLElement);
    if (idx >= 0) this.setActive(idx);
    const from = e.relatedTarget as HTMLElement | null;
    if (from && !this.root.contains(from)) this.returnFocus = from;
  }

  private setActive(idx: number): void {
    this.buttons[this.active]?.setAttribute('tabindex', '-1');
    this.active = idx;
    this.buttons[idx]?.setAttribute('tabindex', '0');
  }

  /** From a menu: ←/→ close it and move to the neighbouring toolbar button. */
  private moveFrom(from: HTMLElement, dir: 1 | -1): void {
    const idx = this.buttons.indexOf(from);
    if (idx < 0) return;
    const n = this.buttons.length;
    const next = (idx + dir + n) % n;
    this.setActive(next);
    this.buttons[next]?.focus();
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const n = this.buttons.length;
    let next = -1;
    switch (e.key) {
      case 'ArrowRight':
        next = (this.active + 1) % n;
        break;
      case 'ArrowLeft':
        next = (this.active - 1 + n) % n;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const btn = e.target as HTMLElement;
        const control = [...this.controlButtons].find(([, b]) => b === btn)?.[0];
        if (!control?.menu) return;
        e.preventDefault();
        this.openMenu(control, btn, e.key === 'ArrowDown' ? 'first' : 'last');
        return;
      }
      case 'Escape':
        e.preventDefault();
        this.leave();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.setActive(next);
    this.buttons[next]?.focus();
  }

  /** Esc: give focus back to the page where the user was. */
  leave(): void {
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target && target.isConnected) {
      target.focus();
      return;
    }
    const focused = (this.root.getRootNode() as ShadowRoot).activeElement;
    if (focused instanceof HTMLElement) focused.blur();
  }

  destroy(): void {
    this.menu.close(false);
    this.dialog.close(false);
    this.resize?.disconnect();
    this.metrics.remove();
    this.root.remove();
  }
}

function setLabel(btn: HTMLElement, text: string): void {
  const label = btn.querySelector('.kj-label');
  if (label) label.textContent = text;
}
