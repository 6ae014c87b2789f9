import { markOwnUi } from '../shared/own-ui';

/**
 * A host element in <html> (outside <body>, so page zoom and the page's styles leave it alone)
 * with an open shadow root for one aid's own UI. `:host { all: initial !important }` wins over any
 * page rule that matches the host, and the host is known as kanjian's (by reference) so no aid ever touches it.
 */
export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;

  constructor(doc: Document, name: string, css: string) {
    this.host = doc.createElement(`kanjian-${name}`);
    markOwnUi(this.host);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    this.root.append(style);
    (doc.documentElement ?? doc).appendChild(this.host);
  }

  get doc(): Document {
    return this.host.ownerDocument;
  }

  /** Puts the host back if the page replaced <html>'s children (e.g. document.write). */
  ensureAttached(): void {
    if (!this.host.isConnected) this.doc.documentElement?.appendChild(this.host);
  }

  destroy(): void {
    this.host.remove();
  }
}
