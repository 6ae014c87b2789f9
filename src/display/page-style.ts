import { markOwnUi } from '../shared/own-ui';
/**
 * One <style> element per aid, placed first in <html> so its cascade layer is the first one the page
 * declares: !important rules in the earliest layer beat the page's own !important rules, layered or
 * not (CSS Cascade 5). Each element hides itself so `* { all: unset }` cannot reveal its text.
 */
export class PageStyle {
  private el: HTMLStyleElement | null = null;

  constructor(
    private readonly doc: Document,
    readonly aid: string,
  ) {}

  get id(): string {
    return `kanjian-style-${this.aid}`;
  }

  set(css: string): void {
    const root = this.doc.documentElement;
    if (!root) return;
    if (!this.el || !this.el.isConnected) {
      this.el = (this.doc.getElementById(this.id) as HTMLStyleElement | null) ?? this.doc.createElement('style');
      this.el.id = this.id;
      markOwnUi(this.el);
      const firstOurs = root.firstElementChild;
      root.insertBefore(this.el, firstOurs);
    }
    const text = `@layer kanjian{#${this.id}{display:none!important}${css}}`;
    if (this.el.textContent !== text) this.el.textContent = text;
  }

  /** Temporarily switches the rules off, e.g. to measure the page's own styles. */
  setDisabled(disabled: boolean): void {
    if (this.el?.sheet) this.el.sheet.disabled = disabled;
  }

  get active(): boolean {
    return !!this.el?.isConnected;
  }

  remove(): void {
    this.el?.remove();
    this.el = null;
  }
}

/** True for nodes that belong to kanjian's own UI and must never be touched by an aid. */
export { isOwnUi } from '../shared/own-ui';
