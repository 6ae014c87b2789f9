import type { ControlContext, ControlSpec } from './types';
import type { Translator } from '../i18n/messages';
import type { SiteSettings } from '../settings/schema';
import { isUserInput, onUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';

export interface MenuHandlers {
  activate(item: ControlSpec): void;
  /** ←/→ inside a menu: close it and move along the toolbar from its button. */
  move(from: HTMLElement, dir: 1 | -1): void;
}

/**
 * One popup menu at a time for the toolbar's menu buttons (WAI-ARIA APG menu button): the button
 * has aria-haspopup and aria-expanded; the menu opens on Enter, Space, ↓ (first item) or ↑ (last
 * item); ↑ ↓ Home End move inside it; Enter/Space choose; Esc and Tab close it and return focus to
 * the button. The menu sits outside the bar (the bar may scroll) at the button's position.
 */
export class MenuView {
  private el: HTMLElement | null = null;
  private button: HTMLElement | null = null;
  private items: Array<{ spec: ControlSpec; el: HTMLElement }> = [];
  private readonly listeners = new Listeners();
  private readonly onOutside = (e: Event): void => {
    if (!isUserInput(e)) return;
    const path = e.composedPath();
    if (this.el && !path.includes(this.el) && !(this.button && path.includes(this.button))) this.close(false);
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: MenuHandlers,
  ) {}

  isOpenFor(btn: HTMLElement): boolean {
    return !!this.el && this.button === btn;
  }

  open(
    button: HTMLElement,
    control: ControlSpec,
    specs: readonly ControlSpec[],
    settings: SiteSettings,
    ctx: ControlContext,
    tr: Translator,
    focus: 'first' | 'last',
  ): void {
    this.close(false);
    const doc = this.root.ownerDocument;
    const menu = doc.createElement('div');
    menu.className = 'kj-menu';
    menu.setAttribute('role', 'menu');
    menu.id = `kj-menu-${control.id}`;
    menu.setAttribute('aria-labelledby', button.id);
    for (const spec of specs) {
      const item = doc.createElement('div');
      item.className = 'kj-item';
      item.tabIndex = -1;
      item.dataset['control'] = spec.id;
      item.setAttribute('role', spec.pressed ? 'menuitemradio' : 'menuitem');
      const mark = doc.createElement('span');
      mark.className = 'kj-check';
      mark.setAttribute('aria-hidden', 'true');
      const label = doc.createElement('span');
      label.textContent = spec.text ?? tr(spec.label);
      item.append(mark, label);
      item.addEventListener('click', onUserInput(() => this.choose(spec)));
      menu.append(item);
      this.items.push({ spec, el: item });
    }
    menu.addEventListener('keydown', onUserInput((e: KeyboardEvent) => this.onKeydown(e)));
    this.root.append(menu);
    this.el = menu;
    this.button = button;
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-controls', menu.id);
    this.refresh(settings, ctx);
    this.place();
    this.listeners.on(doc, 'pointerdown', this.onOutside, { capture: true });
    const checked = this.items.findIndex((i) => i.el.getAttribute('aria-checked') === 'true');
    const start = focus === 'last' ? this.items.length - 1 : checked >= 0 ? checked : 0;
    this.focusItem(start);
  }

  /** Keeps aria-checked and aria-disabled in step with the settings while the menu is open. */
  refresh(settings: SiteSettings, ctx: ControlContext): void {
    for (const { spec, el } of this.items) {
      if (spec.pressed) el.setAttribute('aria-checked', String(spec.pressed(settings, ctx)));
      if (spec.disabled?.(settings, ctx)) el.setAttribute('aria-disabled', 'true');
      else el.removeAttribute('aria-disabled');
    }
  }

  close(returnFocus: boolean): void {
    if (!this.el) return;
    const button = this.button;
    this.listeners.off();
    this.el.remove();
    this.el = null;
    this.items = [];
    this.button = null;
    button?.setAttribute('aria-expanded', 'false');
    button?.removeAttribute('aria-controls');
    if (returnFocus) button?.focus();
  }

  /** Below its button, kept inside the window; scrolls when taller than the room below. */
  private place(): void {
    if (!this.el || !this.button) return;
    const win = this.root.ownerDocument.defaultView;
    const r = this.button.getBoundingClientRect();
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const width = this.el.offsetWidth;
    const left = Math.max(4, Math.min(r.left, vw - width - 4));
    this.el.style.left = `${left}px`;
    this.el.style.top = `${r.bottom + 4}px`;
    this.el.style.maxHeight = `${Math.max(120, vh - r.bottom - 12)}px`;
  }

  private focusItem(i: number): void {
    const n = this.items.length;
    if (!n) return;
    this.items[((i % n) + n) % n]?.el.focus();
  }

  private current(): number {
    const active = (this.root.getRootNode() as ShadowRoot | Document).activeElement;
    return this.items.findIndex((i) => i.el === active);
  }

  private choose(spec: ControlSpec): void {
    const el = this.items.find((i) => i.spec === spec)?.el;
    if (el?.getAttribute('aria-disabled') === 'true') return;
    this.close(!spec.movesFocus);
    this.handlers.activate(spec);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const i = this.current();
    switch (e.key) {
      case 'ArrowDown':
        this.focusItem(i + 1);
        break;
      case 'ArrowUp':
        this.focusItem(i - 1);
        break;
      case 'Home':
        this.focusItem(0);
        break;
      case 'End':
        this.focusItem(this.items.length - 1);
        break;
      case 'Enter':
      case ' ': {
        const item = this.items[i];
        if (item) this.choose(item.spec);
        break;
      }
      case 'Escape':
      case 'Tab':
        this.close(true);
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const button = this.button;
        this.close(false);
        if (button) this.handlers.move(button, e.key === 'ArrowRight' ? 1 : -1);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }
}
