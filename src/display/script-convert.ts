/**
 * 简体 / 繁體 for the caption band. The page controller provides the page's own converter (繁简转换's:
 * the same dictionaries, Traditional variant and user phrases as the page), so the band always shows
 * what the page itself would show. Without one (no controller yet), text is shown as it is.
 */
export type ScriptTarget = 'simplified' | 'traditional';
export type ScriptConverter = (text: string, target: ScriptTarget) => Promise<string>;

let provided: ScriptConverter | null = null;

export function provideScriptConverter(fn: ScriptConverter | null): void {
  provided = fn;
}

export function convertScript(text: string, target: ScriptTarget): Promise<string> {
  return provided ? provided(text, target) : Promise.resolve(text);
}
