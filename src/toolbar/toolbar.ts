import type { Announcement, ControlSpec } from '../display/aid';
import type { Translator } from '../i18n/messages';
import type { SiteSettings } from '../settings/schema';

export interface ToolbarHandlers {
  onControl(control: ControlSpec): void;
  onClose(): void;
  onOpen(): void;
}

/**
 * The WAI-ARIA toolbar and the launcher, rendered into a container inside our shadow root.
 * Roving tabindex: one button is in the Tab order; arrows, Home and End move between buttons;
 * Esc returns focus to where it was before the toolbar. No key outside the toolbar is captured.
 */
export class ToolbarView {
  readonly root: HTMLElement;
  readonly bar: HTMLElement;
  readonly launcher: HTMLButtonElement;
  private readonly live: HTMLElement;
  private readonly buttons: HTMLElement[] = [];
  private readonly controlButtons = new Map<ControlSpec, HTMLElement>();
  private active = 0;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly controls: readonly ControlSpec[],
    private tr: Translator,
    private readonly handlers: ToolbarHandlers,
  ) {
    const doc = container.ownerDocument;
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
    this.root.append(this.bar, this.launcher, this.live);
    container.append(this.root);
    this.build();
    this.bar.addEventListener('keydown', (e) => this.onKeydown(e));
    this.bar.addEventListener('focusin', (e) => this.onFocusIn(e));
    this.launcher.addEventListener('click', () => this.handlers.onOpen());
  }

  private build(): void {
    const doc = this.container.ownerDocument;
    const brand = doc.createElement('div');
    brand.className = 'kj-brand';
    brand.setAttribute('aria-hidden', 'true');
    brand.textContent = '看见';
    this.bar.append(brand);
    let group: HTMLElement | null = null;
    let groupName = '';
    for (const control of this.controls) {
      if (!group || control.group !== groupName) {
        group = doc.createElement('div');
        group.className = 'kj-group';
        group.setAttribute('role', 'group');
        groupName = control.group;
        this.bar.append(group);
      }
      const btn = this.makeButton(control.icon);
      btn.dataset['control'] = control.id;
      // aria-disabled buttons stay focusable and still answer (e.g. "文字已是最大").
      btn.addEventListener('click', () => this.handlers.onControl(control));
      this.controlButtons.set(control, btn);
      group.append(btn);
    }
    const spacer = doc.createElement('div');
    spacer.className = 'kj-spacer';
    this.bar.append(spacer);
    const close = this.makeButton('×');
    close.classList.add('kj-close');
    close.dataset['control'] = 'close';
    close.addEventListener('click', () => this.handlers.onClose());
    this.bar.append(close);
    this.setLocale(this.tr);
  }

  private makeButton(icon: string): HTMLElement {
    const doc = this.container.ownerDocument;
    const btn = doc.createElement('button');
    btn.type = 'button';
    btn.className = 'kj-btn';
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
    for (const [control, btn] of this.controlButtons) setLabel(btn, tr(control.label));
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
  }

  update(settings: SiteSettings, showLauncher: boolean): void {
    this.bar.hidden = !settings.toolbarOpen;
    this.launcher.hidden = settings.toolbarOpen || !showLauncher;
    for (const [control, btn] of this.controlButtons) {
      if (control.pressed) btn.setAttribute('aria-pressed', String(control.pressed(settings)));
      const disabled = control.disabled?.(settings) ?? false;
      if (disabled) btn.setAttribute('aria-disabled', 'true');
      else btn.removeAttribute('aria-disabled');
    }
  }

  announce(a: Announcement): void {
    const text = this.tr(a.key, ...(a.params ?? []));
    // Clear first so repeating the same message is announced again.
    this.live.textContent = '';
    setTimeout(() => {
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
    this.root.remove();
  }
}

function setLabel(btn: HTMLElement, text: string): void {
  const label = btn.querySelector('.kj-label');
  if (label) label.textContent = text;
}
