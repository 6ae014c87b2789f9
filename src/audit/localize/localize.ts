// Render-time localisation of axe findings (rule help/description, check messages, failure summaries)
// without eval: axe's message selection (processMessage, getIncompleteReason, failureSummary) is
// re-implemented over the catalogs, and doT templates go through the safe interpreter.
import { pickText, toUiLocale, type AnyLocale, type LocalizedText } from '../locale';
import { getCatalog, REVIEW_ON_FAIL_RULES, type Catalog, type MessageValue } from './catalog';
import { isTemplate, renderTemplate, substitute, TemplateError } from './template';

export type ResultGroup = 'violations' | 'incomplete' | 'passes';
export type MessageVariant = 'pass' | 'fail' | 'incomplete';

export interface LocalizableCheck { id: string; message?: string; data?: unknown; impact?: string | null }
export interface LocalizableNode {
  any?: readonly LocalizableCheck[];
  all?: readonly LocalizableCheck[];
  none?: readonly LocalizableCheck[];
  failureSummary?: string;
}
export interface LocalizableResult {
  id: string;
  /** axe's (English) text, or a kanjian finding's texts in three languages. */
  help?: string | LocalizedText;
  description?: string | LocalizedText;
  nodes: readonly LocalizableNode[];
}

export interface LocalizedCheck { id: string; message: string; variant: MessageVariant }
export interface LocalizedNode {
  any: LocalizedCheck[];
  all: LocalizedCheck[];
  none: LocalizedCheck[];
  /** Rendered like axe's failureSummary; empty for passed nodes. */
  failureSummary: string;
}
export interface LocalizedFinding {
  id: string;
  locale: 'zh_CN' | 'zh_TW' | 'en';
  help: string;
  description: string;
  nodes: LocalizedNode[];
}

function processMessage(cat: Catalog, message: MessageValue | undefined, data: unknown): string | undefined {
  if (message === undefined || message === null) return undefined;
  if (Array.isArray(data)) {
    const arr = data as unknown[] & { values?: string };
    const withValues = Object.assign([...arr], { values: arr.join(', ') });
    if (typeof message === 'object' && typeof message.singular === 'string' && typeof message.plural === 'string') {
      return substitute(arr.length === 1 ? message.singular : message.plural, withValues);
    }
    if (typeof message === 'string') return substitute(message, withValues);
    return processMessage(cat, message.default ?? cat.incompleteFallbackMessage, withValues);
  }
  if (typeof message === 'string') return substitute(message, data);
  if (typeof data === 'string') {
    const s = message[data];
    return s === undefined ? undefined : substitute(s, data);
  }
  let str: string = message.default || cat.incompleteFallbackMessage;
  const key = data && typeof data === 'object' ? (data as { messageKey?: unknown }).messageKey : undefined;
  if (typeof key === 'string' && message[key]) str = message[key]!;
  return processMessage(cat, str, data);
}

// axe's getIncompleteReason: missingData reasons first, then messageKey, then the default.
function incompleteMessage(cat: Catalog, checkId: string, data: unknown): MessageValue | undefined {
  const messages = cat.checks[checkId];
  const inc = messages?.incomplete;
  if (!inc) return cat.incompleteFallbackMessage;
  if (typeof inc === 'string' || Array.isArray(data)) return inc;
  const d = (data && typeof data === 'object' ? data : {}) as { missingData?: unknown; messageKey?: unknown };
  if (d.missingData) {
    const md = d.missingData;
    const reason = Array.isArray(md) ? (md[0] as { reason?: string } | undefined)?.reason : typeof md === 'string' ? md : undefined;
    if (reason && inc[reason]) return inc[reason];
    return inc.default ?? cat.incompleteFallbackMessage;
  }
  if (typeof d.messageKey === 'string') return inc[d.messageKey] ?? inc;
  return inc.default ?? cat.incompleteFallbackMessage;
}

/** Renders one check's message in a catalog for a given outcome, as axe would. */
export function renderCheckMessage(cat: Catalog, checkId: string, variant: MessageVariant, data: unknown): string | undefined {
  const messages = cat.checks[checkId];
  if (!messages) return undefined;
  const msg = variant === 'incomplete' ? incompleteMessage(cat, checkId, data) : messages[variant];
  let out = processMessage(cat, msg, data);
  if (out !== undefined && isTemplate(out)) {
    try { out = renderTemplate(out, data); } catch (e) { if (!(e instanceof TemplateError)) throw e; }
  }
  return out;
}

function defaultVariant(ruleId: string, group: ResultGroup): MessageVariant {
  if (group === 'passes') return 'pass';
  if (group === 'violations') return 'fail';
  return REVIEW_ON_FAIL_RULES.includes(ruleId) ? 'fail' : 'incomplete';
}

/**
 * Which message axe chose for a check. The group tells the usual answer; when the recorded English
 * message is known and only another variant reproduces it, that variant wins (covers reviewOnFail
 * rules and custom set-ups).
 */
export function detectVariant(ruleId: string, group: ResultGroup, check: LocalizableCheck): MessageVariant {
  const first = defaultVariant(ruleId, group);
  if (typeof check.message !== 'string') return first;
  const en = getCatalog('en');
  const order: MessageVariant[] = [first, ...(['fail', 'incomplete', 'pass'] as const).filter((v) => v !== first)];
  for (const v of order) {
    if (renderCheckMessage(en, check.id, v, check.data) === check.message) return v;
  }
  return first;
}

const HAS_UNRESOLVED = /\$\{\s*data/;

function localizeCheck(cat: Catalog, ruleId: string, group: ResultGroup, check: LocalizableCheck): LocalizedCheck {
  const variant = detectVariant(ruleId, group, check);
  let message = renderCheckMessage(cat, check.id, variant, check.data);
  // A locale typo that leaves a placeholder unrendered falls back to the English (recorded) text.
  if (message === undefined || HAS_UNRESOLVED.test(message)) {
    message = check.message ?? renderCheckMessage(getCatalog('en'), check.id, variant, check.data) ?? '';
  }
  return { id: check.id, message, variant };
}

/** axe's failureSummary over the localized check messages ("Fix all…" for all+none, then "Fix any…"). */
export function renderFailureSummary(cat: Catalog, node: { any: LocalizedCheck[]; all: LocalizedCheck[]; none: LocalizedCheck[] }): string {
  const groups: [string, LocalizedCheck[]][] = [
    ['none', [...node.none, ...node.all]],
    ['any', node.any],
  ];
  const parts: string[] = [];
  for (const [key, checks] of groups) {
    if (!checks.length) continue;
    const tpl = cat.failureSummaries[key]?.failureMessage;
    if (!tpl) continue;
    const messages = checks.map((c) => c.message || '');
    try {
      parts.push(renderTemplate(tpl, messages));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      parts.push(messages.join('\n'));
    }
  }
  return parts.join('\n\n');
}

function given(text: string | LocalizedText | undefined, locale: AnyLocale): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : pickText(text, locale);
}

/**
 * Localises an axe rule result (or a kanjian report finding, which has the same fields) into zh_CN,
 * zh_TW or en. Pure: safe in MV3 extension pages, where axe.configure({locale}) cannot run.
 */
export function localizeFinding(result: LocalizableResult, locale: AnyLocale, group: ResultGroup = 'violations'): LocalizedFinding {
  const cat = getCatalog(locale);
  const ui = toUiLocale(locale);
  const ruleText = cat.rules[result.id];
  const nodes = result.nodes.map((n) => {
    const any = (n.any ?? []).map((c) => localizeCheck(cat, result.id, group, c));
    const all = (n.all ?? []).map((c) => localizeCheck(cat, result.id, group, c));
    const none = (n.none ?? []).map((c) => localizeCheck(cat, result.id, group, c));
    const failureSummary = group === 'passes' ? '' : renderFailureSummary(cat, { any, all, none });
    return { any, all, none, failureSummary };
  });
  return {
    id: result.id,
    locale: ui === 'zh-CN' ? 'zh_CN' : ui === 'zh-TW' ? 'zh_TW' : 'en',
    help: ruleText?.help ?? given(result.help, locale) ?? result.id,
    description: ruleText?.description ?? given(result.description, locale) ?? '',
    nodes,
  };
}

/** Help and description of a rule in one language (falls back to English, then the given text). */
export function ruleText(ruleId: string, locale: AnyLocale): { help?: string; description?: string } {
  return getCatalog(locale).rules[ruleId] ?? {};
}
