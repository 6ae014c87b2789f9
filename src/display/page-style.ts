import { markOwnUi } from '../shared/own-ui';
import { planRuleEdits, splitCssRules } from './css-rules';

/**
 * The aids' CSS in a page: one <style> element, first in <html>, holding one cascade layer. Being
 * the first layer the page declares, its !important rules beat the page's own !important rules,
 * layered or not (CSS Cascade 5). Each aid owns a section of the layer's rules (PageStyle).
 *
 * The layer is edited rule by rule through CSSOM, never rewritten: Chromium treats any change to a
 * sheet's layers (new text, a sheet added before it, removed or disabled) as a change of every font
 * in the document, which restyles and lays out the whole page again (2.2 s on an 80,000-element
 * page, traced: "Fonts changed" for every layout object), whereas a rule inserted or deleted inside
 * the layer restyles only what that rule matches. The element is removed once no aid has rules.
 */
const ELEMENT_ID = 'kanjian-styles';
const LAYER = 'kanjian';
/** The element hides itself, so `* { all: unset }` cannot show its text. */
const SELF_HIDE = `#${ELEMENT_ID}{display:none!important}`;

interface Section {
  rules: string[];
  enabled: boolean;
}

/** The part of CSSOM the sheet uses: a layer block rule (insertRule, deleteRule, cssRules). */
type RuleList = CSSRule & Pick<CSSGroupingRule, 'insertRule' | 'deleteRule' | 'cssRules'>;

class LayerSheet {
  private el: HTMLStyleElement | null = null;
  /** Sections in cascade order: on a tie a later rule wins, as between the old per-aid elements (newest first). */
  private readonly sections: Section[] = [];
  /** The layer block rule we edit (null: rewrite the text instead), and the rules it holds, in order. */
  private block: RuleList | null = null;
  private held: Array<{ text: string; rule: CSSRule }> = [];
  /** Rules the browser refused (e.g. a selector it does not know): not tried again. */
  private readonly refused = new Set<string>();

  constructor(private readonly doc: Document) {}

  section(): Section {
    const s: Section = { rules: [], enabled: true };
    this.sections.unshift(s);
    return s;
  }

  drop(section: Section): void {
    const i = this.sections.indexOf(section);
    if (i >= 0) this.sections.splice(i, 1);
  }

  /** Brings the page's element in line with the sections. */
  sync(): void {
    const wanted = [SELF_HIDE];
    for (const s of this.sections) if (s.enabled) for (const r of s.rules) if (!this.refused.has(r)) wanted.push(r);
    if (!this.sections.some((s) => s.rules.some((r) => !this.refused.has(r)))) {
      this.detach();
      return;
    }
    const root = this.doc.documentElement;
    if (!root) return;
    if (!this.el || !this.el.isConnected || !this.inStep()) this.attach(root);
    if (!this.block) {
      // No CSSOM for layers here (a test DOM): the text is the sheet.
      const text = `@layer ${LAYER}{${wanted.join('')}}`;
      if (this.el!.textContent !== text) this.el!.textContent = text;
      return;
    }
    const { block, held } = this;
    for (const edit of planRuleEdits(held.map((h) => h.text), wanted)) {
      if (edit.op === 'delete') {
        block.deleteRule(edit.at);
        held.splice(edit.at, 1);
        continue;
      }
      try {
        block.insertRule(edit.rule, edit.at);
        held.splice(edit.at, 0, { text: edit.rule, rule: block.cssRules[edit.at]! });
      } catch (e) {
        // A rule the browser cannot read is dropped, as its parser would; anything else is ours to see.
        // By name: in Firefox the exception may come from the page's compartment (instanceof fails).
        const name = (e as { name?: unknown } | null)?.name;
        if (name !== 'SyntaxError' && name !== 'HierarchyRequestError') throw e;
        this.refused.add(edit.rule);
        return this.sync();
      }
    }
  }

  /**
   * True while the element holds exactly the layer and rules we put there. A page can rewrite it or
   * edit its rules; our edits go by index, so anything else in it would be kept, or ours lost.
   */
  private inStep(): boolean {
    if (!this.block) return true;
    const el = this.el!;
    const sheet = el.sheet;
    // Switched off, renamed (its self-hiding rule goes by the id) or limited to a medium: rebuilt.
    if (!sheet || sheet.disabled || el.id !== ELEMENT_ID || el.hasAttribute('media')) return false;
    const rules = sheet.cssRules;
    if (rules.length !== 1 || rules[0] !== this.block) return false;
    const ours = this.block.cssRules;
    if (ours.length !== this.held.length) return false;
    for (let i = 0; i < ours.length; i++) if (ours[i] !== this.held[i]!.rule) return false;
    return true;
  }

  private attach(root: Element): void {
    let el = this.el;
    if (!el || !el.isConnected) {
      el = this.doc.createElement('style');
      markOwnUi(el);
      this.el = el;
    }
    el.id = ELEMENT_ID;
    el.removeAttribute('media');
    el.textContent = `@layer ${LAYER}{}`; // a new sheet, not disabled
    if (el.parentNode !== root || root.firstElementChild !== el) root.insertBefore(el, root.firstElementChild);
    const first = el.sheet?.cssRules[0] as Partial<RuleList> | undefined;
    this.block = first && typeof first.insertRule === 'function' && first.cssRules ? (first as RuleList) : null;
    this.held = [];
  }

  private detach(): void {
    this.el?.remove();
    this.el = null;
    this.block = null;
    this.held = [];
  }
}

const sheets = new WeakMap<Document, LayerSheet>();

function sheetOf(doc: Document): LayerSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    sheet = new LayerSheet(doc);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/** One aid's rules in the page's kanjian layer. */
export class PageStyle {
  private section: Section | null = null;
  private css = '';

  constructor(private readonly doc: Document) {}

  set(css: string): void {
    const sheet = sheetOf(this.doc);
    if (!this.section) this.section = sheet.section();
    if (css !== this.css) {
      this.css = css;
      this.section.rules = splitCssRules(css);
    }
    // Also with the same CSS: the page may have removed or rewritten the element since.
    sheet.sync();
  }

  /** Temporarily switches the rules off, e.g. to measure the page's own styles. */
  setDisabled(disabled: boolean): void {
    if (!this.section || this.section.enabled === !disabled) return;
    this.section.enabled = !disabled;
    sheetOf(this.doc).sync();
  }

  remove(): void {
    if (!this.section) return;
    const sheet = sheetOf(this.doc);
    sheet.drop(this.section);
    this.section = null;
    this.css = '';
    sheet.sync();
  }
}

/** True for nodes that belong to kanjian's own UI and must never be touched by an aid. */
export { isOwnUi } from '../shared/own-ui';
