/**
 * What a Chromium tab offers beyond loading and auditing: the config's steps (click, fill, select,
 * press, wait, goto, SPA routes) through Playwright's own locators, and screenshots. Playwright runs
 * its selector engine in its own utility world, so, like kanjian's world, a page cannot redefine it.
 */
import type { FrameRealm } from './frames';
import type { StepHost } from './steps';

/** The parts of a playwright-core Page this module needs. */
export interface PlaywrightLikePage {
  url(): string;
  goto(url: string, o: { waitUntil: 'load'; timeout: number }): Promise<unknown>;
  waitForLoadState(state: 'load', o: { timeout: number }): Promise<void>;
  waitForURL(url: string, o: { timeout: number; waitUntil: 'load' }): Promise<void>;
  locator(selector: string): {
    click(o: { timeout: number }): Promise<void>;
    fill(value: string, o: { timeout: number }): Promise<void>;
    selectOption(values: string[], o: { timeout: number }): Promise<unknown>;
    press(key: string, o: { timeout: number }): Promise<void>;
    waitFor(o: { state: 'visible'; timeout: number }): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void> };
  screenshot(o: { clip?: Clip; fullPage?: boolean; type: 'png'; caret: 'hide'; animations: 'disabled'; timeout: number }): Promise<Buffer>;
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The steps on a Playwright page; `world` is kanjian's world (reset after anything that may navigate). */
export function playwrightSteps(page: PlaywrightLikePage, world: { top(): Promise<FrameRealm>; reset(): Promise<void> }): StepHost {
  // A click or a key may start a navigation (a form sent): wait for that document's load.
  const settled = async (timeout: number): Promise<void> => {
    await page.waitForLoadState('load', { timeout });
    await world.reset();
  };
  return {
    url: () => page.url(),
    async goto(url, timeout) {
      await world.reset();
      await page.goto(url, { waitUntil: 'load', timeout });
    },
    async route(url) {
      const top = await world.top();
      await top.call('spaRoute', url);
    },
    async click(selector, timeout) {
      await page.locator(selector).click({ timeout });
      await settled(timeout);
    },
    async fill(selector, value, timeout) {
      await page.locator(selector).fill(value, { timeout });
    },
    async select(selector, values, timeout) {
      await page.locator(selector).selectOption([...values], { timeout });
    },
    async press(key, selector, timeout) {
      if (selector) await page.locator(selector).press(key, { timeout });
      else await page.keyboard.press(key);
      await settled(timeout);
    },
    async waitForSelector(selector, timeout) {
      await page.locator(selector).waitFor({ state: 'visible', timeout });
    },
    async waitForUrl(glob, timeout) {
      await page.waitForURL(glob, { timeout, waitUntil: 'load' });
      await world.reset();
    },
  };
}

/** A PNG of part of the document (document coordinates), or of the whole document without a clip. */
export function playwrightScreenshot(page: PlaywrightLikePage): (clip: Clip | undefined, timeoutMs: number) => Promise<Buffer> {
  return (clip, timeout) => page.screenshot({ ...(clip ? { clip } : {}), fullPage: true, type: 'png', caret: 'hide', animations: 'disabled', timeout });
}
