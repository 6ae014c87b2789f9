/**
 * The last step of an extension audit, in the report page (an extension page): the frames' partial
 * results are put together with axe.finishRun, so cross-origin frames' findings meet only here.
 */
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import type { StoredAudit } from '../store';
import { finishAxe } from './in-page';

export function finishStoredAudit(audit: Pick<StoredAudit, 'partials' | 'options'>): Promise<AxeResults> {
  return finishAxe(axe, audit.partials, audit.options);
}
