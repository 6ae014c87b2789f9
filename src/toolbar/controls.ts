import type { ControlSpec } from '../display/aid';
import { DISPLAY_CONTROLS } from '../display/registry';
import { convertToggle } from '../convert/page/controls';
import { auditControl } from '../audit/controls';

export interface ControlHooks {
  siteKey(): string | null;
  /** Starts an audit of this tab (the report opens in a new tab). */
  startAudit(): void;
}

/** Every toolbar button, in toolbar order, from each capability's own list. */
export function buildControls(hooks: ControlHooks): readonly ControlSpec[] {
  return [convertToggle(hooks.siteKey), ...DISPLAY_CONTROLS, auditControl(hooks.startAudit)];
}
