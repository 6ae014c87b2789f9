import { createConverter, detectScript, dictFileName, langTagOf, parseDict, scriptOfPage, validateUserPhrases, type Converter, type PageScript, type Variant } from '../engine';
import type { FeatureDef, TabFrames } from '../../content/feature';
import type { ScriptTarget } from '../../display/script-convert';
import { convertToggle } from './controls';
import type { GlobalSettings, SiteSettings } from '../../settings/schema';
import { traditionalSourceFor } from './lang';
import { ConversionPlan, PageConverter } from './page-converter';
import { offerTabConverters, RemoteConverter, tabConverters } from '../tab-converters';
import type { FrameMessage } from '../../messaging/protocol';
import type { ConvertState } from './state';
import { textSample } from './text-sample';

export type { PageScript } from '../engine';
export type { ConvertState } from './state';


/** How long a dictionary fetched ahead of a press of 繁简转换 is kept if the press never comes. */
const PREFETCH_KEEP_MS = 20_000;

/** How long the top frame waits for its frames to load when only their text can tell the page's script. */
const FRAME_LOAD_WAIT_MS = 3000;

/** Reads a compiled dictionary shipped with the extension (a fetch of our own file, never the network). */
export type DictLoader = (fileName: string) => Promise<ArrayBuffer>;

/** Whether this site should be shown converted: its own switch, or "every site" unless excluded. */
export function wantsConversion(site: SiteSettings, global: GlobalSettings, siteKey: string | null): boolean {
  if (site.convert) return true;
  return global.convertEverySite && !!siteKey && !global.convertExcludedSites.includes(siteKey);
}

/** Which script the page is in: its text when there is enough, else its lang attribute (the engine's one test). */
export function detectPageScript(doc: Document): { script: PageScript; confident: boolean } {
  return scriptOfPage(textSample(doc.body), doc.documentElement?.getAttribute('lang'));
}

/** The conversion direction for a page in `script`. */
export function directionFor(script: PageScript, global: GlobalSettings, doc: Document): { from: Variant; to: Variant } {
  if (script === 'simplified') return { from: 'cn', to: global.traditionalTarget };
  return { from: traditionalSourceFor(doc.documentElement?.getAttribute('lang')), to: 'cn' };
}

/**
 * 繁体版 on the live page: loads the one dictionary needed, only when conversion is switched on,
 * converts, follows the page, and restores exactly when switched off.
 */
export class ConvertFeature {
  private converter: PageConverter | null = null;
  private script: PageScript | null = null;
  private readonly cache = new Map<string, Promise<Converter>>();
  private wanted = false;
  private error: string | undefined;
  /** Serialises updates so quick toggles never interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly loadDict: DictLoader,
    private readonly log: (...a: unknown[]) => void = () => undefined,
    /** The tab's other frames: the page's script is told from all their text, by the top frame. */
    private readonly tab: TabFrames | null = null,
  ) {
    this.offerToFrames();
  }

  /** The top frame's converters serve the tab's frames that can reach them: one dictionary per tab (tab-converters.ts). */
  private offerToFrames(): void {
    const win = this.doc.defaultView;
    if (win && this.tab?.isTop) offerTabConverters(win, (from, to, phrases) => this.converterFor(from, to, [...phrases]));
  }

  /** The script as known now (the decision once made; else this document's own text, not kept unless sure). */
  get pageScript(): PageScript {
    if (this.script) return this.script;
    const own = detectPageScript(this.doc);
    // Below the top, the top frame decides for the whole page (whenDetectable asks it).
    if (own.confident && !(this.tab && !this.tab.isTop)) this.script = own.script;
    return own.script;
  }

  state(): ConvertState {
    const pageScript = this.pageScript;
    const converted = !!this.converter?.isActive;
    const other: PageScript = pageScript === 'simplified' ? 'traditional' : 'simplified';
    return { pageScript, shownAs: converted ? other : pageScript, ...(this.error ? { error: this.error } : {}) };
  }

  /** Applies the settings; resolves when the page shows what they ask for. */
  update(site: SiteSettings, global: GlobalSettings, siteKey: string | null): Promise<void> {
    this.queue = this.queue.then(() => this.apply(site, global, siteKey)).catch((err: unknown) => {
      this.error = err instanceof Error ? err.message : String(err);
      this.log('conversion failed', err);
    });
    return this.queue;
  }

  private async apply(site: SiteSettings, global: GlobalSettings, siteKey: string | null): Promise<void> {
    this.last = [site, global, siteKey];
    this.global = global;
    this.offerToFrames();
    const want = wantsConversion(site, global, siteKey);
    this.wanted = want;
    if (!want) {
      // Big pages come back on screen first, the rest in slices (a later switch-on stops it).
      const restoring = this.converter?.isActive ? this.converter.restoreInSlices() : null;
      this.error = undefined;
      await restoring?.visible;
      return;
    }
    await this.whenDetectable();
    if (!this.wanted) return;
    const script = this.pageScript;
    const dir = directionFor(script, global, this.doc);
    const phrases = script === 'simplified' ? global.phrasesToTraditional : global.phrasesToSimplified;
    const key = `${dir.from}-${dir.to}:${phrases.join('\n')}`;
    if (this.converter?.isActive && this.current === key) return;
    const converting = this.converterFor(dir.from, dir.to, phrases);
    // A big page is cut and placed while the dictionary loads, not after.
    const plan = ConversionPlan.of(this.doc);
    let conv: Converter;
    try {
      conv = await converting;
    } catch (err) {
      plan?.drop();
      throw err;
    }
    if (!this.wanted || (this.converter?.isActive && this.current === key)) {
      plan?.drop();
      return;
    }
    if (this.current !== key) {
      // Another direction or other phrases: the old one's text goes back first, all at once.
      this.converter?.restore();
      this.converter = new PageConverter(this.doc, { convert: (t) => conv.convert(t), langTag: langTagOf(dir.to) });
      this.remote = conv instanceof RemoteConverter ? conv : null;
      this.current = key;
    }
    this.error = undefined;
    // Resolves once what is on screen shows the other script; the rest follows in slices.
    await this.converter!.startInSlices(plan).visible;
  }

  private current = '';
  private global: GlobalSettings | null = null;
  private last: [SiteSettings, GlobalSettings, string | null] | null = null;
  /** Below the top, in a frame of another origin: the top frame's converter, reached through the background. */
  private remote: RemoteConverter | null = null;
  /** The top frame could not convert for this frame: it loads its own dictionary from now on. */
  private remoteFailed = false;

  /** Text the remote converter has not seen yet: fetch it from the top frame and convert again (in the update queue). */
  private refillRemote(): void {
    this.queue = this.queue.then(() => this.fillRemote()).catch((err: unknown) => this.log('conversion failed', err));
  }

  private async fillRemote(): Promise<void> {
    const conv = this.remote;
    if (!conv || !this.converter?.isActive) return;
    try {
      // A few rounds: text the page adds meanwhile is fetched in the next.
      for (let round = 0; round < 3 && (await conv.fill()); round++) {
        if (!this.wanted || this.remote !== conv || !this.converter?.isActive) return;
        await this.converter.startInSlices().done;
      }
    } catch (err) {
      this.log('the top frame could not convert for this frame; it loads its own dictionary', err);
      this.remoteFailed = true;
      this.cache.clear();
      this.converter?.restore();
      this.converter = null;
      this.remote = null;
      this.current = '';
      if (this.last) await this.apply(...this.last);
    }
  }

  /** In the top frame: a frame of another origin's texts, converted with this frame's converter (one dictionary per tab). */
  async convertForFrame(msg: Extract<FrameMessage, { kind: 'convertTexts' }>): Promise<string[]> {
    const conv = await this.converterFor(msg.from, msg.to, [...msg.phrases]);
    return msg.texts.map((t) => conv.convert(t));
  }

  /**
   * Text in the chosen script with the page's own converter: the same dictionaries, Traditional variant
   * and user phrases as the page (the caption band shows what the page would show).
   */
  async convertText(text: string, target: ScriptTarget): Promise<string> {
    const script = detectScript(text);
    if (target === 'traditional' ? script === 'traditional' : script !== 'traditional') return text;
    const g = this.global;
    const from: Variant = target === 'traditional' ? 'cn' : traditionalSourceFor(this.doc.documentElement?.getAttribute('lang'));
    const to: Variant = target === 'traditional' ? (g?.traditionalTarget ?? 'tw') : 'cn';
    const phrases = (target === 'traditional' ? g?.phrasesToTraditional : g?.phrasesToSimplified) ?? [];
    const conv = await this.converterFor(from, to, phrases);
    return conv instanceof RemoteConverter ? conv.convertNow(text) : conv.convert(text);
  }

  /**
   * Decides the page's script once there is enough text (at most until DOMContentLoaded). A frame below
   * the top asks the top frame, so every frame of a page converts the same way; the top frame reads
   * its own text, and when that cannot tell (a frameset, a page that is mostly frames) the text of
   * every frame too.
   */
  private async whenDetectable(): Promise<void> {
    if (this.script) return;
    if (this.tab && !this.tab.isTop) {
      try {
        const answer = await this.tab.askTop({ kind: 'pageScript' });
        if (answer === 'simplified' || answer === 'traditional') {
          this.script = answer;
          return;
        }
      } catch (err) {
        this.log('no page script from the top frame; this frame decides', err);
      }
    }
    let now = detectPageScript(this.doc);
    if (!now.confident && this.doc.readyState === 'loading') {
      await new Promise<void>((resolve) => this.doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
      now = detectPageScript(this.doc);
    }
    const win = this.doc.defaultView;
    if (!now.confident && this.tab?.isTop && win && this.doc.querySelector('iframe, frame')) now = await this.withFrameText(win);
    this.script ??= now.script;
  }

  /** The top frame's script told from its own text and every frame's (once the frames have loaded, briefly). */
  private async withFrameText(win: Window): Promise<{ script: PageScript; confident: boolean }> {
    if (this.doc.readyState !== 'complete') {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, FRAME_LOAD_WAIT_MS);
        win.addEventListener('load', () => (clearTimeout(t), resolve()), { once: true });
      });
    }
    let texts: string[] = [];
    try {
      texts = (await this.tab?.frameTexts()) ?? [];
    } catch (err) {
      this.log('frame texts', err);
    }
    return scriptOfPage([textSample(this.doc.body), ...texts].join('\n'), this.doc.documentElement?.getAttribute('lang'));
  }

  /** In the top frame: the page's script for another frame that asks. */
  async tabScript(): Promise<PageScript> {
    await this.whenDetectable();
    return this.pageScript;
  }

  /**
   * The user is about to press 繁简转换 to switch it on: its dictionary is fetched now, so the press
   * does not wait for it (on a busy page the fetch alone takes ~90 ms). Kept briefly if the press
   * never comes.
   */
  prefetch(): void {
    const global = this.global;
    if (!global || this.wanted || (this.tab && !this.tab.isTop)) return;
    const dir = directionFor(this.pageScript, global, this.doc);
    const file = dictFileName(dir.from, dir.to);
    if (this.prefetched.has(file) || [...this.cache.keys()].some((k) => k.startsWith(`${dir.from}-${dir.to}:`))) return;
    const data = this.loadDict(file);
    data.catch(() => this.prefetched.delete(file));
    this.prefetched.set(file, { data, drop: setTimeout(() => this.prefetched.delete(file), PREFETCH_KEEP_MS) });
  }

  /** A dictionary file: the one fetched ahead of the press if there is one, else fetched now. */
  private takeDict(file: string): Promise<ArrayBuffer> {
    const ahead = this.prefetched.get(file);
    if (!ahead) return this.loadDict(file);
    clearTimeout(ahead.drop);
    this.prefetched.delete(file);
    return ahead.data;
  }

  private readonly prefetched = new Map<string, { data: Promise<ArrayBuffer>; drop: ReturnType<typeof setTimeout> }>();

  private converterFor(from: Variant, to: Variant, phraseLines: string[]): Promise<Converter> {
    const key = `${from}-${to}:${phraseLines.join('\n')}`;
    let p = this.cache.get(key);
    if (!p) {
      p = (async (): Promise<Converter> => {
        const shared = await this.sharedConverter(from, to, phraseLines);
        if (shared) return shared;
        const tab = this.tab;
        if (tab && !tab.isTop && !this.remoteFailed) {
          return new RemoteConverter(from, to, phraseLines, (req) => tab.askTop({ kind: 'convertTexts', ...req }), () => this.refillRemote());
        }
        const dict = parseDict(await this.takeDict(dictFileName(from, to)));
        // Invalid user lines were rejected when saved; skip any that are bad now rather than fail.
        const userPhrases = validateUserPhrases(phraseLines).ok;
        return createConverter(dict, { userPhrases });
      })();
      p.catch(() => this.cache.delete(key));
      this.cache.set(key, p);
    }
    return p;
  }

  /** The top frame's converter for a frame that can reach it (no second dictionary in the tab), else null. */
  private async sharedConverter(from: Variant, to: Variant, phraseLines: string[]): Promise<Converter | null> {
    const win = this.doc.defaultView;
    const source = win && this.tab && !this.tab.isTop ? tabConverters(win) : null;
    if (!source) return null;
    try {
      return await source(from, to, phraseLines);
    } catch (err) {
      this.log('the top frame’s converter failed; this frame loads its own', err);
      return null;
    }
  }

  /** Puts the original text back for a while (an audit), all at once; the next update converts again. */
  suspend(): void {
    this.converter?.restore();
    this.converter = null;
    this.remote = null;
    this.current = '';
  }

  /** Restores the page and forgets everything (toolbar exit, extension unload). */
  dispose(): void {
    const win = this.doc.defaultView;
    if (win && this.tab?.isTop) offerTabConverters(win, null);
    this.wanted = false;
    this.converter?.restore();
    this.converter = null;
    this.remote = null;
    this.current = '';
    for (const { drop } of this.prefetched.values()) clearTimeout(drop);
    this.prefetched.clear();
  }
}

/** 繁简转换 as a feature of the page: it also offers the page's script state and converter to the others. */
export const convertFeature: FeatureDef = {
  id: 'convert',
  create(host) {
    const convert = new ConvertFeature(host.page.doc, (file) => host.loadDict(file), host.log, host.tab);
    host.provideScript({ state: () => convert.state(), convertText: (text, target) => convert.convertText(text, target) });
    return {
      id: 'convert',
      controls: [convertToggle(() => host.siteKey, () => convert.prefetch())],
      resetPatch: {},
      async apply(now) {
        const before = convert.state().error;
        await convert.update(now.site, now.global, now.siteKey);
        const error = convert.state().error;
        if (error && error !== before) host.announce({ key: 'convertFailed', params: [error] });
      },
      suspend: () => convert.suspend(),
      dispose: () => convert.dispose(),
      onFrameMessage: (_from, msg) => {
        if (!host.tab?.isTop) return undefined;
        if (msg.kind === 'pageScript') return convert.tabScript();
        if (msg.kind === 'convertTexts') return convert.convertForFrame(msg);
        return undefined;
      },
    };
  },
};
