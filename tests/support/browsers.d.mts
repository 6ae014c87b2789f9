export function findChromium(): string | null;
export function findFirefox(): string | null;
export const INSTALL_HINT: { chromium: string; firefox: string };
export function chromiumArgs(extensionDir?: string): string[];
export function browserLanguageArgs(lang: string): string[];
export function browserLanguageEnv(lang: string): Record<string, string>;
