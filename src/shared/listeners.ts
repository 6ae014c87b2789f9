/**
 * Listeners that come and go together. Each is tied to one AbortSignal; `off` removes them all at
 * once, so a feature never forgets one of a pair (add here, remove there) and never leaves one behind.
 */
export class Listeners {
  private ac: AbortController | null = null;

  get active(): boolean {
    return this.ac !== null;
  }

  on<E extends Event>(target: EventTarget, type: string, fn: (e: E) => void, options: AddEventListenerOptions = {}): void {
    this.ac ??= new AbortController();
    target.addEventListener(type, fn as EventListener, { ...options, signal: this.ac.signal });
  }

  off(): void {
    this.ac?.abort();
    this.ac = null;
  }
}
