import type { Aid, ControlSpec } from './aid';
import { textSizeAid, textSizeControls } from './text-size';

/** Every display aid, in the order they are applied. Add an aid here and nowhere else. */
export const AIDS: readonly Aid[] = [textSizeAid as Aid];

/** The display aids' toolbar buttons, in toolbar order. */
export const DISPLAY_CONTROLS: readonly ControlSpec[] = [...textSizeControls];
