import type { Announcement } from '../toolbar/types';
import type { Translator } from '../i18n/messages';

const STORE_KEYS = {
  quota: 'auditStoreFull',
  'too-large': 'auditStoreTooLarge',
  unavailable: 'auditStoreUnavailable',
} as const;

/** What to tell people when starting an audit failed (storage failures in words, others as reported). */
export function auditFailure(err: unknown): Announcement {
  const message = err instanceof Error ? err.message : String(err);
  const code = /audit-store:(quota|too-large|unavailable)/.exec(message)?.[1] as keyof typeof STORE_KEYS | undefined;
  return code ? { key: STORE_KEYS[code] } : { key: 'auditFailed', params: [message] };
}

/** The same, as text in the caller's language (popup, report page). */
export function auditFailureText(err: unknown, tr: Translator): string {
  const a = auditFailure(err);
  return tr(a.key, ...((a.params ?? []) as Array<string | number>));
}
