import type { ControlSpec, DialogSpec } from './types';
import type { Translator } from '../i18n/messages';
import { onUserInput } from '../shared/trusted';

/**
 * A modal dialog in the toolbar's shadow root (帮助): a native <dialog> shown with showModal(), so
 * the page behind is inert; Tab and Shift+Tab wrap inside it; Esc or its close button close it and
 * give focus back to the button that opened it.
 */
export class HelpDialogView {
  private el: HTMLDialogElement | null = null;
  private opener: HTMLElement | null = null;

  constructor(private readonly root: HTMLElement) {}

  get isOpen(): boolean {
    return !!this.el;
  }

  open(spec: DialogSpec, tr: Translator, controls: readonly ControlSpec[], opener: HTMLElement): void {
    this.close(false);
    const doc = this.root.ownerDocument;
    const dialog = doc.createElement('dialog');
    dialog.className = 'kj-dialog';
    const titleId = 'kj-dialog-title';
    dialog.setAttribute('aria-labelledby', titleId);
    const head = doc.createElement('div');
    head.className = 'kj-dialog-head';
    const title = doc.createElement('h2');
    title.id = titleId;
    title.textContent = tr(spec.title);
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'kj-btn kj-dialog-close';
    close.textContent = tr('helpClose');
    close.addEventListener('click', onUserInput(() => this.close(true)));
    head.append(title, close);
    const body = doc.createElement('div');
    body.className = 'kj-dialog-body';
    body.tabIndex = 0; // scrollable: reachable by keyboard
    body.setAttribute('role', 'region');
    body.setAttribute('aria-labelledby', titleId);
    body.append(spec.render(doc, tr, controls));
    dialog.append(head, body);
    dialog.addEventListener('keydown', onUserInput((e: KeyboardEvent) => this.onKeydown(e)));
    // Esc fires 'cancel': close our way, so focus goes back to the opener.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.close(true);
    });
    this.root.append(dialog);
    this.el = dialog;
    this.opener = opener;
    opener.setAttribute('aria-expanded', 'true');
    dialog.showModal();
    close.focus();
  }

  close(returnFocus: boolean): void {
    const dialog = this.el;
    if (!dialog) return;
    this.el = null;
    if (dialog.open) dialog.close();
    dialog.remove();
    const opener = this.opener;
    this.opener = null;
    opener?.setAttribute('aria-expanded', 'false');
    if (returnFocus) opener?.focus();
  }

  private focusables(): HTMLElement[] {
    if (!this.el) return [];
    return [...this.el.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])')].filter((e) => !e.hidden);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
      return;
    }
    if (e.key !== 'Tab') return;
    const list = this.focusables();
    if (!list.length) return;
    const active = (this.root.getRootNode() as ShadowRoot | Document).activeElement;
    const i = list.indexOf(active as HTMLElement);
    const next = e.shiftKey ? (i <= 0 ? list.length - 1 : i - 1) : i === list.length - 1 || i < 0 ? 0 : i + 1;
    e.preventDefault();
    list[next]?.focus();
  }
}
