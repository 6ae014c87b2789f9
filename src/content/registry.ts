import { auditFeature } from '../audit/controls';
import { convertFeature } from '../convert/page/feature';
import { DISPLAY_FEATURES } from '../display/registry';
import { sessionFeature } from '../display/session';
import { speechFeature } from '../speech/feature';
import type { FeatureDef } from './feature';

/**
 * Every capability kanjian has on a page, in the one order they are applied and shown on the
 * toolbar. Add a capability here and nowhere else; the session group (长辈模式, 重置, 帮助, 退出) is last.
 */
export const FEATURES: readonly FeatureDef[] = [...DISPLAY_FEATURES, convertFeature, speechFeature, auditFeature, sessionFeature];
