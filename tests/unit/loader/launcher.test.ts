import { describe, expect, it } from 'vitest';
import { catalogs, UI_LOCALES } from '../../../src/i18n/messages';
import { LAUNCHER_TEXT } from '../../../src/loader/launcher';
import { isPageUiRequest } from '../../../src/loader/handoff';

describe('the loader', () => {
  it('says the same as the toolbar’s catalogue in every language (it carries no catalogue of its own)', () => {
    for (const locale of UI_LOCALES) {
      expect(LAUNCHER_TEXT[locale]).toEqual({ label: catalogs[locale].launcher, hint: catalogs[locale].launcherHint });
    }
  });

  it('its one message to the background is recognised only in its exact shape', () => {
    expect(isPageUiRequest({ kanjian: 'page-ui' })).toBe(true);
    for (const m of [null, undefined, 'page-ui', { kanjian: 'page-ui ' }, { type: 'page-ui' }, []]) expect(isPageUiRequest(m)).toBe(false);
  });
});
