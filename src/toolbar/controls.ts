import type { ControlSpec } from './types';
import { DISPLAY_CONTROLS } from '../display/registry';
import { convertToggle } from '../convert/page/controls';
import { auditControl } from '../audit/controls';
import { speechControls } from '../speech/controls';

export interface ControlHooks {
  siteKey(): string | null;
  /** Starts an audit of this tab (the report opens in a new tab). */
  startAudit(): void;
}

/** Every toolbar button, in toolbar order, from each capability's own list. */
export function buildControls(hooks: ControlHooks): readonly ControlSpec[] {
  // Text size first (the most used aid); the display aids' 'session' group is always drawn last.
  return [...DISPLAY_CONTROLS, convertToggle(hooks.siteKey), ...speechControls, auditControl(hooks.startAudit)];
}
