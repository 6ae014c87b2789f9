import { createConverter, detectScript, parseDict, type Converter } from '../convert/engine';

/**
 * 简体 / 繁體 for the caption band, through the 繁体版 engine. The controller may supply its own
 * converter (sharing the page conversion's loaded dictionaries and the user's Traditional variant)
 * with provideScriptConverter; until then the default loads the engine's cn→tw / tw→cn
 * dictionaries from the extension itself.
 */
export type ScriptTarget = 'simplified' | 'traditional';
export type ScriptConverter = (text: string, target: ScriptTarget) => Promise<string>;

let provided: ScriptConverter | null = null;

export function provideScriptConverter(fn: ScriptConverter | null): void {
  provided = fn;
}

export function convertScript(text: string, target: ScriptTarget): Promise<string> {
  return (provided ?? defaultConverter)(text, target);
}

interface RuntimeLike {
  runtime?: { getURL?(path: string): string };
}

/** Reads one of our compiled dictionaries (an extension file, never the network). */
async function fetchDict(file: string): Promise<ArrayBuffer> {
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome?: RuntimeLike };
  const getURL = g.browser?.runtime?.getURL ?? g.chrome?.runtime?.getURL;
  if (!getURL) throw new Error('no extension runtime');
  const res = await fetch(getURL(`/dict/${file}`));
  if (!res.ok) throw new Error(`dictionary ${file}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

const loaded = new Map<string, Promise<Converter>>();
function converterFor(file: string): Promise<Converter> {
  let p = loaded.get(file);
  if (!p) {
    p = fetchDict(file).then((bytes) => createConverter(parseDict(bytes)));
    // A failed load may succeed later (e.g. the extension was updated): do not cache failures.
    p.catch(() => loaded.delete(file));
    loaded.set(file, p);
  }
  return p;
}

async function defaultConverter(text: string, target: ScriptTarget): Promise<string> {
  const script = detectScript(text);
  if (target === 'traditional' && script === 'traditional') return text;
  if (target === 'simplified' && script !== 'traditional') return text;
  const conv = await converterFor(target === 'traditional' ? 'cn-tw.bin' : 'tw-cn.bin');
  return conv.convert(text);
}
