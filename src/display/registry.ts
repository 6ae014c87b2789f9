import { helpDialog } from '../toolbar/help';
import type { Aid } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { captionAid, captionControls } from './caption';
import { colorSchemeAid, schemeControls } from './color-scheme';
import { bigCursorAid, cursorControls } from './cursor';
import { guideAid, guideColorAid, guideControls } from './guide';
import { textModeAid, textModeControls } from './reader';
import { regionControls } from './regions';
import { sessionControls } from './session';
import { lineHeightAid, spacingControls, textSpacingAid } from './spacing';
import { textSizeAid, textSizeControls } from './text-size';
import { zoomAid, zoomControls } from './zoom';

/**
 * Every display aid, in the order they are applied. Add an aid here and nowhere else: reset and
 * exit work from this list. (guideColorAid comes before guideAid so the lines appear in their colour.)
 */
export const AIDS: readonly Aid[] = [
  textSizeAid as Aid,
  zoomAid as Aid,
  lineHeightAid as Aid,
  textSpacingAid as Aid,
  colorSchemeAid as Aid,
  bigCursorAid as Aid,
  guideColorAid as Aid,
  guideAid as Aid,
  captionAid as Aid,
  textModeAid as Aid,
];

/** The display aids' toolbar buttons, in toolbar order (the 'session' group is always shown last). */
export const DISPLAY_CONTROLS: readonly ControlSpec[] = [
  ...textSizeControls,
  ...zoomControls,
  ...spacingControls,
  ...schemeControls,
  ...cursorControls,
  ...guideControls,
  ...captionControls,
  ...textModeControls,
  ...regionControls,
  ...sessionControls(AIDS, helpDialog),
];
