// Bounded diagnostic log of what was spoken. Browser tests read it through the content script's diagnostic
// message to check which utterances were spoken and that stop really stops. Holds the spoken text and
// nothing else from the page (no URL, no title, no element paths).

export type SpeechLogKind = 'speak' | 'start' | 'end' | 'error' | 'cancel';

export interface SpeechLogEntry {
  /** Milliseconds since the log was created (monotonic where performance.now exists). */
  t: number;
  kind: SpeechLogKind;
  text: string;
  lang: string;
  voiceName: string;
  /** Error code for 'error'; the reason for 'cancel' ('pause', 'stop', 'skip', …). */
  detail?: string;
}

export const DEFAULT_LOG_CAPACITY = 200;

export class SpeechLog {
  private readonly buf: SpeechLogEntry[] = [];
  /** The clock reading entries are relative to (performance.now() of the realm that made the log). */
  readonly origin: number;

  constructor(
    readonly capacity: number = DEFAULT_LOG_CAPACITY,
    private readonly now: () => number = defaultNow,
  ) {
    this.origin = now();
  }

  add(entry: Omit<SpeechLogEntry, 't'>): void {
    const e: SpeechLogEntry = { t: Math.round(this.now() - this.origin), ...entry };
    if (e.detail === undefined) delete e.detail;
    this.buf.push(e);
    const over = this.buf.length - Math.max(1, this.capacity);
    if (over > 0) this.buf.splice(0, over);
  }

  /** Now, on the entries' time scale. */
  time(): number {
    return Math.round(this.now() - this.origin);
  }

  /** A copy of the entries, oldest first. */
  entries(): SpeechLogEntry[] {
    return this.buf.map((e) => ({ ...e }));
  }

  clear(): void {
    this.buf.length = 0;
  }

  get size(): number {
    return this.buf.length;
  }
}

function defaultNow(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now();
}
