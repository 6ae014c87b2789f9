import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageController, type ControllerEnv } from '../../../src/content/controller';
import type { Feature, FeatureDef, FeatureState } from '../../../src/content/feature';
import { sessionFeature } from '../../../src/display/session';
import { GLOBAL_KEY, siteStorageKey, type KeyValueArea } from '../../../src/settings/store';
import { ToolbarView } from '../../../src/toolbar/toolbar';
import { asUser } from '../support/user-input';

/** storage.local in memory, with onChanged-style notifications the test forwards by hand. */
class MemoryArea implements KeyValueArea {
  data: Record<string, unknown> = {};
  writes = 0;
  async get(keys: string[] | null) {
    if (!keys) return { ...this.data };
    return Object.fromEntries(keys.filter((k) => k in this.data).map((k) => [k, structuredClone(this.data[k])]));
  }
  async set(items: Record<string, unknown>) {
    this.writes++;
    Object.assign(this.data, structuredClone(items));
  }
  async remove(keys: string | string[]) {
    for (const k of [keys].flat()) delete this.data[k];
  }
}

/** A feature that records what the controller asks of it. */
function recorder(id: string, log: string[], over: Partial<Feature> = {}): FeatureDef {
  return {
    id,
    create: () => ({
      id,
      controls: [],
      resetPatch: {},
      apply: (now: FeatureState, before: FeatureState | null) => void log.push(`${id}.apply ${before ? 'diff' : 'fresh'} ${now.site.textScale}`),
      suspend: () => void log.push(`${id}.suspend`),
      dispose: () => void log.push(`${id}.dispose`),
      ...over,
    }),
  };
}

const SITE = location.origin;
let area: MemoryArea;
let log: string[];

function controller(features: FeatureDef[], over: Partial<ControllerEnv> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  return new PageController({
    page: { doc: document, win: window },
    storage: area,
    uiLanguage: 'zh-CN',
    mountUi: async () => container,
    loadDict: () => Promise.reject(new Error('no dictionaries here')),
    startAudit: async () => undefined,
    log: () => undefined,
    features,
    ...over,
  });
}

beforeEach(() => {
  document.body.innerHTML = '';
  area = new MemoryArea();
  log = [];
});
afterEach(() => vi.restoreAllMocks());

describe('the page controller', () => {
  it('applies every feature in order at start, fresh', async () => {
    area.data[siteStorageKey(SITE)] = { textScale: 150 };
    const c = controller([recorder('a', log), recorder('b', log)]);
    await c.start();
    expect(log).toEqual(['a.apply fresh 150', 'b.apply fresh 150']);
  });

  it('one toolbar press: each feature applies once, the toolbar renders once and is not relabelled', async () => {
    const update = vi.spyOn(ToolbarView.prototype, 'update');
    const relabel = vi.spyOn(ToolbarView.prototype, 'setLocale');
    const c = controller([recorder('a', log), sessionFeature], {});
    area.data[siteStorageKey(SITE)] = { toolbarOpen: true };
    await c.start();
    log.length = 0;
    update.mockClear();
    relabel.mockClear();
    const reset = document.querySelector<HTMLElement>('[data-control="elder"]')!;
    reset.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(log).toEqual(['a.apply diff 150']));
    await new Promise((r) => setTimeout(r, 20));
    expect(update).toHaveBeenCalledTimes(1);
    expect(relabel).not.toHaveBeenCalled();
  });

  it('quick presses are announced in the order they were made, even when the first waits for its write', async () => {
    const said = vi.spyOn(ToolbarView.prototype, 'announce');
    // A control like 页面放大 one step below its limit: the first press stores a change, the second has nothing to store.
    const stepper: FeatureDef = {
      id: 'stepper',
      create: () => ({
        id: 'stepper',
        resetPatch: {},
        apply: () => undefined,
        suspend: () => undefined,
        dispose: () => undefined,
        controls: [
          {
            id: 'step',
            label: 'textLarger',
            icon: '+',
            group: 'text',
            run: (s) => (s.textScale >= 200 ? { announce: { key: 'textSizeMax' } } : { patch: { textScale: 200 }, announce: { key: 'textSizeNow', params: [200] } }),
          },
        ],
      }),
    };
    const c = controller([stepper, sessionFeature]);
    area.data[siteStorageKey(SITE)] = { toolbarOpen: true };
    await c.start();
    said.mockClear();
    // The first press's write takes a while (a busy browser).
    const set = area.set.bind(area);
    vi.spyOn(area, 'set').mockImplementation(async (items) => {
      await new Promise((r) => setTimeout(r, 50));
      await set(items);
    });
    const press = () => document.querySelector<HTMLElement>('[data-control="step"]')!.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    press();
    press();
    await vi.waitFor(() => expect(said).toHaveBeenCalledTimes(2));
    expect(said.mock.calls.map(([a]) => a.key)).toEqual(['textSizeNow', 'textSizeMax']);
  });

  it('ignores storage echoes of its own writes while they are going out, then reads back once', async () => {
    const c = controller([recorder('a', log), sessionFeature]);
    area.data[siteStorageKey(SITE)] = { toolbarOpen: true };
    await c.start();
    log.length = 0;
    const press = () => document.querySelector<HTMLElement>('[data-control="elder"]')!.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    press();
    // An echo of an older value arrives while the write is in flight: the page must not step back.
    c.onStorageChanged({ [siteStorageKey(SITE)]: { newValue: { toolbarOpen: true, textScale: 100 } } });
    await vi.waitFor(() => expect(c.settings.textScale).toBe(150));
    await new Promise((r) => setTimeout(r, 20));
    expect(c.settings.textScale).toBe(150);
    expect(log.filter((l) => l.endsWith(' 100'))).toEqual([]);
  });

  it('a change made elsewhere (another tab, the popup) is applied', async () => {
    const c = controller([recorder('a', log)]);
    await c.start();
    log.length = 0;
    c.onStorageChanged({ [siteStorageKey(SITE)]: { newValue: { textScale: 175 } } });
    await vi.waitFor(() => expect(log).toEqual(['a.apply diff 175']));
    c.onStorageChanged({ [GLOBAL_KEY]: { newValue: { showLauncher: false } } });
    await vi.waitFor(() => expect(log).toEqual(['a.apply diff 175', 'a.apply diff 175']));
  });

  it('an audit suspends every feature and hides the toolbar; resume applies everything afresh', async () => {
    area.data[siteStorageKey(SITE)] = { toolbarOpen: true, textScale: 125 };
    const c = controller([recorder('a', log), recorder('b', log)]);
    await c.start();
    const host = document.querySelector('div')!;
    log.length = 0;
    await c.suspendForAudit();
    expect(log).toEqual(['a.suspend', 'b.suspend']);
    // Changes during the audit wait until it is over.
    c.onStorageChanged({ [siteStorageKey(SITE)]: { newValue: { toolbarOpen: true, textScale: 150 } } });
    expect(log).toEqual(['a.suspend', 'b.suspend']);
    await c.resumeAfterAudit();
    expect(log).toEqual(['a.suspend', 'b.suspend', 'a.apply fresh 150', 'b.apply fresh 150']);
    expect(host.isConnected).toBe(true);
  });

  it('重置 asks every feature for its defaults', async () => {
    area.data[siteStorageKey(SITE)] = { toolbarOpen: true, textScale: 175, speech: true };
    const c = controller([recorder('a', log, { resetPatch: { textScale: 100 } }), recorder('b', log, { resetPatch: { speech: false } }), sessionFeature]);
    await c.start();
    document.querySelector<HTMLElement>('[data-control="reset"]')!.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(c.settings).toMatchObject({ textScale: 100, speech: false, toolbarOpen: true }));
  });

  it('dispose: every feature takes itself off the page (last first), the toolbar goes, nothing more is applied', async () => {
    area.data[siteStorageKey(SITE)] = { toolbarOpen: true };
    const c = controller([recorder('a', log), recorder('b', log)]);
    await c.start();
    expect(document.querySelector('.kj-root')).not.toBeNull();
    log.length = 0;
    c.dispose();
    expect(log).toEqual(['b.dispose', 'a.dispose']);
    expect(document.querySelector('.kj-root')).toBeNull();
    c.onStorageChanged({ [siteStorageKey(SITE)]: { newValue: { textScale: 200 } } });
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['b.dispose', 'a.dispose']);
  });

  it('a feature that throws never stops the others', async () => {
    const c = controller([recorder('bad', log, { apply: () => { throw new Error('boom'); } }), recorder('b', log)]);
    await c.start();
    expect(log).toEqual(['b.apply fresh 100']);
  });
});
