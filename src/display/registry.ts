import { displayFeature, type FeatureDef } from '../content/feature';
import { captionFeature } from './caption';
import { colorSchemeAid, schemeControls } from './color-scheme';
import { bigCursorAid, cursorControls } from './cursor';
import { guideFeature } from './guide';
import { textModeAid, textModeControls } from './reader';
import { regionControls } from './regions';
import { lineHeightAid, spacingControls, textSpacingAid } from './spacing';
import { textSizeAid, textSizeControls } from './text-size';
import { zoomAid, zoomControls } from './zoom';

/**
 * The display aids, each module's aids and buttons as one feature, in the order they are applied and
 * shown. (guideColorAid comes before guideAid so the lines appear in their colour.)
 */
export const DISPLAY_FEATURES: readonly FeatureDef[] = [
  displayFeature('text-size', [textSizeAid], textSizeControls),
  displayFeature('zoom', [zoomAid], zoomControls),
  displayFeature('spacing', [lineHeightAid, textSpacingAid], spacingControls),
  displayFeature('color-scheme', [colorSchemeAid], schemeControls),
  displayFeature('cursor', [bigCursorAid], cursorControls),
  guideFeature,
  captionFeature,
  // One reading view per tab: the toolbar's frame (a frameset's content frame), never the others.
  { ...displayFeature('text-mode', [textModeAid], textModeControls), uiFrameOnly: true },
  displayFeature('regions', [], regionControls),
];
