import type { ControlSpec } from '../display/aid';
import { DISPLAY_CONTROLS } from '../display/registry';

/** Every toolbar button, in toolbar order, from each capability's own list. */
export const CONTROLS: readonly ControlSpec[] = [...DISPLAY_CONTROLS];
