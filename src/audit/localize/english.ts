// The English text of one of kanjian's own check messages (plain, or keyed by data.messageKey), with
// axe's ${data.x} placeholders filled: what goes into an axe-like result; the report localises it.
import type { LocalizedText } from '../locale';
import { substitute } from './template';

export type KanjianMsg = LocalizedText | Record<string, LocalizedText>;

export function englishMessage(m: KanjianMsg | undefined, data: Record<string, unknown>): string {
  if (!m) return '';
  if (typeof (m as LocalizedText).en === 'string') return substitute((m as LocalizedText).en, data);
  const keyed = m as Record<string, LocalizedText>;
  const key = typeof data.messageKey === 'string' && keyed[data.messageKey] ? data.messageKey : 'default';
  const t = keyed[key] ?? Object.values(keyed)[0];
  return t ? substitute(t.en, data) : '';
}
