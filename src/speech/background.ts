// Background half of the chrome.tts fallback (Chrome only: Firefox has no chrome.tts, so nothing is
// registered there and the content script's fallback reports no voices).
import { onMessage, sendMessage } from '../messaging/protocol';
import { createTtsRequestHandler, type ChromeTtsLike, type TtsRequest } from './tts-bridge';

const KINDS = new Set(['speak', 'stop', 'pause', 'resume', 'voices']);

function num(v: unknown, lo: number, hi: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

/** Messages are untrusted: keep only well-formed requests, with numbers in range and bounded text. */
export function parseTtsRequest(data: unknown): TtsRequest | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (typeof d['kind'] !== 'string' || !KINDS.has(d['kind'])) return null;
  if (d['kind'] !== 'speak') return { kind: d['kind'] } as TtsRequest;
  if (typeof d['id'] !== 'number' || typeof d['text'] !== 'string' || d['text'].length > 20_000) return null;
  return {
    kind: 'speak',
    id: d['id'],
    text: d['text'],
    lang: typeof d['lang'] === 'string' ? d['lang'].slice(0, 35) : '',
    ...(typeof d['voiceName'] === 'string' && d['voiceName'] ? { voiceName: d['voiceName'].slice(0, 300) } : {}),
    rate: num(d['rate'], 0.1, 10, 1),
    volume: num(d['volume'], 0, 1, 1),
    pitch: num(d['pitch'], 0, 2, 1),
  };
}

export function startSpeechBackground(): void {
  const tts = (globalThis as { chrome?: { tts?: ChromeTtsLike } }).chrome?.tts;
  if (!tts || typeof tts.speak !== 'function') return;
  const handle = createTtsRequestHandler(tts);
  // chrome.tts is one queue for the whole browser: only the tab that spoke last may stop or pause it, so
  // a page that merely cleans up (stop on unload, on 声音 off) never cuts off another tab's reading.
  let owner: string | null = null;
  onMessage('tts', async ({ data, sender }) => {
    const req = parseTtsRequest(data);
    if (!req) throw new TypeError('tts: bad request');
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('tts: not from a tab');
    const frameId = sender.frameId ?? 0;
    const who = `${tabId}:${frameId}`;
    if (req.kind === 'speak') owner = who;
    else if (req.kind !== 'voices' && owner !== who) return true;
    return handle(req, (event) => {
      void sendMessage('ttsEvent', event, { tabId, frameId }).catch(() => undefined); // the tab may be gone
    });
  });
}
