/** Chromium's path, or null (see browsers.mjs). */
export function findChromium(): string | null;
/** Firefox's path, or null. */
export function findFirefox(): string | null;
/** Chromium flags for unattended runs; `--no-sandbox` only when `sandbox` is false. */
export function chromiumFlags(o: { extensionDir?: string | undefined; sandbox: boolean }): string[];
