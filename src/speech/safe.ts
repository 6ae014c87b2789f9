// Guard rails for running inside strangers' pages: nothing we do may throw into the page.

const PREFIX = '[kanjian speech]';

/** Report an internal failure without throwing. Console only: no network, no page data beyond the message. */
export function reportInternal(where: string, error: unknown): void {
  try {
    console.warn(PREFIX, where, error instanceof Error ? error.message : String(error));
  } catch {
    // console itself may be replaced by the page; nothing else to do.
  }
}

