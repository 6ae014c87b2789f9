// What read-aloud's diagnostic message carries: a type of its own, so messaging can name it without
// importing the speech feature.
import type { ReadAloudDiagnostics } from './read-aloud';
import type { SpeechLogEntry } from './log';
import type { ChineseVariant } from './types';

/** What the diagnostic message returns: status, engines and the spoken-text log (times in ms on the log's scale). */
export interface SpeechDiagnosticsReport extends Partial<ReadAloudDiagnostics> {
  /** 声音 is on for this site and the read-aloud object exists. */
  active: boolean;
  /** Engine that spoke the last utterance: 'web-speech' (content script) or 'chrome-tts' (background). */
  engineUsed: string | null;
  /** Utterances that went to the chrome.tts fallback. */
  fallbackCount: number;
  variant: ChineseVariant | null;
  voiceCount: number | null;
  noChineseVoice: boolean;
  noticeShown: boolean;
  /** Sticky user activation of the page (Chrome refuses Web Speech without it), null if unknown. */
  activation: boolean | null;
  /** Now, on the log's time scale. */
  now: number | null;
  log: SpeechLogEntry[];
}
