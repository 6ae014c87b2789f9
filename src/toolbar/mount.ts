import { markOwnUi } from '../shared/own-ui';

/**
 * The toolbar's home in a page: a <kanjian-toolbar> host at the end of <html> with an open shadow
 * root (the page's styles stay out; `:host { all: initial }` wins over any page rule on the host).
 * Keys typed inside stay inside: the page's own key handlers never see them. Nothing of it listens to
 * the page: it goes only when kanjian takes it away.
 */
export function mountToolbarHost(doc: Document, css: string): { container: HTMLElement; host: HTMLElement } {
  const host = doc.createElement('kanjian-toolbar');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial!important}${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  markOwnUi(host);
  (doc.documentElement ?? doc).append(host);
  return { container, host };
}
