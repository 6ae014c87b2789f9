import { markOwnUi } from '../shared/own-ui';

/**
 * A host element in <html> (outside <body>, so page zoom and the page's styles leave it alone)
 * with a shadow root for one aid's own UI. `closed` for an overlay that shows what the user does
 * inside another frame (the pointer's position, the text under it): the page's script then has no
 * way into the root (`host.shadowRoot` is null) and only kanjian holds it, so the embedding page
 * cannot read another site's frame through kanjian. `:host { all: initial !important }` wins over any
 * page rule that matches the host, and the host is known as kanjian's (by reference) so no aid ever touches it.
 */
export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;

  constructor(doc: Document, name: string, css: string, mode: ShadowRootMode = 'open') {
    this.host = doc.createElement(`kanjian-${name}`);
    markOwnUi(this.host);
    this.root = this.host.attachShadow({ mode });
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
