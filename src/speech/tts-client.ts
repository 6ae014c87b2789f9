// Content side of the chrome.tts fallback: the bridge engine over the extension's typed messages.
import { onMessage, sendMessage } from '../messaging/protocol';
import type { SpeechEngine } from './engine';
import { createBridgeTtsEngine, type TtsEventMessage } from './tts-bridge';

function isTtsEvent(data: unknown): data is TtsEventMessage {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<TtsEventMessage>;
  return typeof d.id === 'number' && (d.type === 'start' || d.type === 'end' || d.type === 'error');
}

/** An engine speaking through the background's chrome.tts. Registers its event listener when made. */
export function createTtsClientEngine(): SpeechEngine {
  return createBridgeTtsEngine({
    send: (request) => sendMessage('tts', request),
    subscribe: (listener) =>
      onMessage('ttsEvent', ({ data }) => {
        if (isTtsEvent(data)) listener(data);
      }),
  });
}
