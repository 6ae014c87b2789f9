// What the speech controls read and call, handed to them in ControlContext.speech by the page controller.
import type { ReadAloudSession } from './read-aloud';
import type { PlayerState } from './player';
import type { VoiceGroup } from './voices';

export interface SpeechControlContext {
  readonly state: PlayerState;
  readonly session: ReadAloudSession;
  /** Voices grouped for the picker (Chinese first); null while the list has not loaded. */
  readonly voices: readonly VoiceGroup[] | null;
  /** The voice list loaded and has no Mandarin or Cantonese voice. */
  readonly noChineseVoice: boolean;
  /** Name of the voice in use, when known. */
  readonly voiceName: string | null;
  /** 连读 from the selection, the element 指读 last read, or the main content (after 声音 turns on). */
  continuous(): void;
  togglePause(): void;
  stop(): void;
  previous(): void;
  next(): void;
  /** (Re)load the voice list, e.g. when the picker finds it empty. */
  loadVoices(): void;
}

/** 连读 is going on (speaking or paused). */
export function isReadingOn(sp: SpeechControlContext | undefined): boolean {
  return !!sp && sp.session === 'continuous' && sp.state !== 'idle';
}

/** Anything is being read or is paused. */
export function isActive(sp: SpeechControlContext | undefined): boolean {
  return !!sp && sp.state !== 'idle';
}
