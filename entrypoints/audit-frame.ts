import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prepareAxe, runAxe } from '../src/audit/runner/in-page';
import type { AuditOptionsInput } from '../src/audit/options';

/**
 * Injected into every frame of a tab right after vendor/axe.min.js, only when an audit runs. It
 * prepares axe in each frame; the top frame's content script then calls kanjianAudit.run().
 */
export default defineUnlistedScript(() => {
  const axe = (globalThis as unknown as { axe?: typeof import('axe-core') }).axe;
  if (!axe) return;
  prepareAxe(axe);
  Object.assign(globalThis, { kanjianAudit: { run: (options: AuditOptionsInput) => runAxe(axe, options) } });
});
