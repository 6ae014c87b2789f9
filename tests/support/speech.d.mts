export interface SpeechEngineHandle {
  /** A private speech-dispatcher + espeak-ng with a Mandarin voice is running. */
  available: boolean;
  /** Why not, when it is not ('' when available). */
  reason: string;
  /** For the browser's environment: SPEECHD_ADDRESS and PULSE_SERVER (empty when unavailable). */
  env: Record<string, string>;
  dir: string | null;
  /** SIGKILLs the daemons and removes the temporary directory. */
  stop(): Promise<void>;
}
export function startSpeechEngine(options?: { timeoutMs?: number }): Promise<SpeechEngineHandle>;
