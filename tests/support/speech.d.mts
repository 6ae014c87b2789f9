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

/** Debian/Ubuntu packages of the engine; pulseaudio is installed without its recommends. */
export const SPEECH_PACKAGES: readonly string[];
export const SPEECH_PACKAGES_NO_RECOMMENDS: readonly string[];
/** The engine's programs where installed, and the packages missing ([] when all there). */
export function findSpeechEngine(): { speechd: string | null; pulse: string | null; moduleDir: string | null; missing: string[] };
/** `sudo apt-get install …` for the missing packages. */
export function speechInstallCommand(missing: readonly string[]): string;
