// The `speech` option and `speechEngine` worker fixture, shared by the Chromium and Firefox suites:
// test.use({ speech: true }) starts a private real speech engine for the worker's browser.
import type { Fixtures } from '@playwright/test';
import { startSpeechEngine, type SpeechEngineHandle } from './speech.mjs';

export interface SpeechWorkerFixtures {
  /** Option: start a private real speech engine for this worker's browser (test.use({ speech: true })). */
  speech: boolean;
  /** The engine when `speech` is on (check `available`), else null. */
  speechEngine: SpeechEngineHandle | null;
}

export const speechWorkerFixtures: Fixtures<object, SpeechWorkerFixtures> = {
  speech: [false, { option: true, scope: 'worker' }],
  speechEngine: [
    async ({ speech }, use) => {
      if (!speech) return use(null);
      const engine = await startSpeechEngine();
      await use(engine);
      await engine.stop();
    },
    { scope: 'worker' },
  ],
};
