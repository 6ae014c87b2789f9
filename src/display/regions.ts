import type { MessageKey, Translator } from '../i18n/messages';
import type { ControlSpec } from '../toolbar/types';
import { isOwnUi } from './page-style';

/**
 * 区域跳转: the page's landmarks (navigation, main, footer…) and h1–h3 headings, in document order,
 * to jump to from a menu. The target gets focus; one that is not focusable gets tabindex=-1 only
 * until it loses focus again.
 */
export type LandmarkRole = 'banner' | 'navigation' | 'main' | 'complementary' | 'contentinfo' | 'search' | 'form' | 'region';

export interface Region {
  el: Element;
  kind: 'landmark' | 'heading';
  /** Landmark role, or heading level 1–3. */
  role: LandmarkRole | 1 | 2 | 3;
  /** Its accessible name (landmarks) or text (headings), trimmed to 80 characters; may be empty. */
  name: string;
}

const LANDMARK_ROLES = new Set<string>(['banner', 'navigation', 'main', 'complementary', 'contentinfo', 'search', 'form', 'region']);
const SECTIONING = 'article, aside, main, nav, section, [role="article"], [role="complementary"], [role="main"], [role="navigation"], [role="region"]';

function clip(s: string, n = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** aria-labelledby, then aria-label, then title: enough for landmarks (no content-derived names). */
export function accessibleName(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const doc = el.ownerDocument;
    const text = ids
      .split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) return clip(text);
  }
  return clip(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '');
}

/** The landmark role an element exposes (ARIA in HTML / HTML-AAM), or null. */
export function landmarkRole(el: Element): LandmarkRole | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) {
    if (!LANDMARK_ROLES.has(explicit)) return null;
    // region and form are landmarks only when named.
    if ((explicit === 'region' || explicit === 'form') && !accessibleName(el)) return null;
    return explicit as LandmarkRole;
  }
  switch (el.localName) {
    case 'nav':
      return 'navigation';
    case 'main':
      return 'main';
    case 'aside':
      return 'complementary';
    case 'search':
      return 'search';
    case 'header':
      return el.parentElement?.closest(SECTIONING) ? null : 'banner';
    case 'footer':
      return el.parentElement?.closest(SECTIONING) ? null : 'contentinfo';
    case 'form':
    case 'section':
      return accessibleName(el) ? (el.localName === 'form' ? 'form' : 'region') : null;
    default:
      return null;
  }
}

export function headingLevel(el: Element): 1 | 2 | 3 | null {
  const m = /^h([1-6])$/.exec(el.localName);
  let level = m ? Number(m[1]) : NaN;
  if (el.getAttribute('role') === 'heading') level = Number(el.getAttribute('aria-level') ?? 2);
  else if (el.hasAttribute('role')) return null;
  return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : null;
}

/** Whether the element is rendered and visible (hidden things are not regions a reader can reach). */
export function isShown(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  const cs = view.getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') return false;
  return el.getClientRects().length > 0;
}

export function listRegions(doc: Document, shown: (el: Element) => boolean = isShown): Region[] {
  const out: Region[] = [];
  const body = doc.body;
  if (!body) return out;
  const candidates = body.querySelectorAll('nav, main, aside, header, footer, form, section, search, [role], h1, h2, h3');
  for (const el of candidates) {
    if (isOwnUi(el)) continue;
    const role = landmarkRole(el);
    if (role) {
      if (shown(el)) out.push({ el, kind: 'landmark', role, name: accessibleName(el) });
      continue;
    }
    const level = headingLevel(el);
    if (level && shown(el)) {
      const name = clip((el as HTMLElement).innerText ?? el.textContent ?? '');
      if (name) out.push({ el, kind: 'heading', role: level, name });
    }
  }
  return out;
}

const ROLE_LABEL: Record<LandmarkRole, MessageKey> = {
  banner: 'regionBanner',
  navigation: 'regionNavigation',
  main: 'regionMain',
  complementary: 'regionComplementary',
  contentinfo: 'regionContentinfo',
  search: 'regionSearch',
  form: 'regionForm',
  region: 'regionRegion',
};
const HEADING_LABEL: Record<1 | 2 | 3, MessageKey> = { 1: 'regionH1', 2: 'regionH2', 3: 'regionH3' };

export function regionLabel(r: Region, tr: Translator): string {
  const kind = r.kind === 'landmark' ? tr(ROLE_LABEL[r.role as LandmarkRole]) : tr(HEADING_LABEL[r.role as 1 | 2 | 3]);
  return r.name ? tr('regionItem', kind, r.name) : kind;
}

const NATIVE_FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [contenteditable=""], [contenteditable="true"]';

/** Moves focus to the region (scrolling it to the top of the window). */
export function jumpTo(el: Element): void {
  if (!(el instanceof HTMLElement || el instanceof SVGElement) || !el.isConnected) return;
  const focusable = el.hasAttribute('tabindex') || el.matches(NATIVE_FOCUSABLE);
  if (!focusable) {
    el.setAttribute('tabindex', '-1');
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
  }
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

export const regionControls: ControlSpec[] = [
  {
    id: 'regions',
    label: 'regions',
    icon: '⇲',
    group: 'reading',
    run: () => null,
    menu: ({ doc, tr }) => {
      const regions = listRegions(doc);
      if (!regions.length) {
        return [{ id: 'regions-none', label: 'regionsNone', icon: '', group: 'reading', disabled: () => true, run: () => null }];
      }
      return regions.map(
        (r, i): ControlSpec => ({
          id: `region-${i}`,
          label: 'regions',
          text: regionLabel(r, tr),
          icon: '',
          group: 'reading',
          movesFocus: true,
          run: () => {
            jumpTo(r.el);
            return null;
          },
        }),
      );
    },
  },
];
