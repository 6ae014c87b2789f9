// Voice choice for Chinese text, voice-list loading, picker grouping and the "no Chinese voice" hint.
import { word } from './i18n';
import type { ChineseVariant, SpeechLocale, VoiceLike } from './types';

export type VoiceFamily = 'mandarin' | 'cantonese' | 'chinese-other' | 'other';

export interface VoiceLangInfo {
  family: VoiceFamily;
  /** Upper-case region (CN, TW, HK, SG, MO, US…) or ''. */
  region: string;
  /** Hans / Hant from the tag, '' if none. */
  script: string;
  /** A romanisation voice (espeak-ng cmn-latn-pinyin): reads pinyin, not characters. */
  latin: boolean;
  /** Primary language subtag, lower case ('' if the tag was empty). */
  primary: string;
}

const OTHER_CHINESE = new Set(['hak', 'nan', 'wuu', 'hsn', 'gan', 'cjy', 'cdo', 'cpx', 'czh', 'mnp', 'lzh']);
const CANTONESE_NAME = /cantonese|粤|粵|廣東|广东/i;
const MANDARIN_NAME = /mandarin|普通话|普通話|國語|国语|华语|華語/i;
const CHINESE_NAME = /chinese|中文|汉语|漢語/i;

/** Classify a voice by its lang tag (zh-CN, cmn, yue, zh_HK, cmn-latn-pinyin…), with name hints as backup. */
export function voiceLangInfo(voice: Pick<VoiceLike, 'lang' | 'name'>): VoiceLangInfo {
  const parts = (voice.lang ?? '').trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  const primary = parts[0] ?? '';
  let region = '';
  let script = '';
  let latin = false;
  for (const p of parts.slice(1)) {
    if (/^[a-z]{2}$/.test(p) || /^\d{3}$/.test(p)) region = p.toUpperCase();
    else if (p === 'hans' || p === 'hant') script = p === 'hans' ? 'Hans' : 'Hant';
    else if (p === 'latn' || p === 'pinyin') latin = true;
  }
  const name = voice.name ?? '';
  let family: VoiceFamily = 'other';
  if (primary === 'yue' || (primary === 'zh' && parts.includes('yue'))) family = 'cantonese';
  else if (primary === 'cmn') family = 'mandarin';
  else if (OTHER_CHINESE.has(primary) || (primary === 'zh' && parts.some((p) => OTHER_CHINESE.has(p) || p === 'min'))) family = 'chinese-other';
  else if (primary === 'zh') family = region === 'HK' || region === 'MO' ? 'cantonese' : 'mandarin';
  // Names are more specific than tags ("Google 粤語（香港）"), and some engines give no tag at all.
  if (family === 'mandarin' || family === 'cantonese') {
    if (CANTONESE_NAME.test(name)) family = 'cantonese';
    else if (MANDARIN_NAME.test(name)) family = 'mandarin';
  } else if (primary === '') {
    if (CANTONESE_NAME.test(name)) family = 'cantonese';
    else if (MANDARIN_NAME.test(name) || CHINESE_NAME.test(name)) family = 'mandarin';
  }
  return { family, region, script, latin, primary };
}

export interface ChooseVoiceOptions {
  variant: ChineseVariant;
  /** The user chose Cantonese. Only honoured for Hong Kong text. */
  allowCantonese?: boolean;
  /** The user's own pick (voiceURI, or name as a fallback); wins if still installed. */
  preferredVoiceURI?: string | null;
}

function mandarinScore(info: VoiceLangInfo, variant: ChineseVariant): number {
  if (info.latin) return 5; // pinyin reader: last resort
  const traditional = variant !== 'cn';
  const r = info.region;
  if (!traditional) {
    if (r === 'CN') return 100;
    if (!r && info.primary === 'cmn') return 90;
    if (!r && info.script !== 'Hant') return 85;
    if (r === 'SG') return 80;
    if (r === 'TW' || info.script === 'Hant') return 70;
    return 60;
  }
  if (r === 'TW') return 100;
  if (!r && info.script === 'Hant') return 95;
  if (!r) return 85;
  if (r === 'CN') return 80;
  if (r === 'SG') return 75;
  return 60;
}

function cantoneseScore(info: VoiceLangInfo): number {
  if (info.latin) return 5;
  if (info.region === 'HK') return 200;
  if (!info.region) return 190;
  if (info.region === 'MO') return 180;
  return 170;
}

/** Score of a voice for a variant; -1 excludes it. Cantonese only for Hong Kong when the user chose it. */
export function voiceScore(voice: VoiceLike, opts: ChooseVoiceOptions): number {
  const info = voiceLangInfo(voice);
  let base = -1;
  if (info.family === 'mandarin') base = mandarinScore(info, opts.variant);
  else if (info.family === 'cantonese' && opts.variant === 'hk' && opts.allowCantonese) base = cantoneseScore(info);
  if (base < 0) return -1;
  // Tie-breaks: a local voice keeps page text on the machine; then the system default; then a base voice
  // over its variants (espeak-ng lists "Chinese (Mandarin…)+Andy" and a hundred more of each).
  return base + (voice.localService === false ? 0 : 0.5) + (voice.default ? 0.25 : 0) - (/\+\S/.test(voice.name) ? 0.125 : 0);
}

/**
 * Pick the voice for Chinese text of a variant: Simplified → zh-CN, then cmn, then any Mandarin (zh-SG…);
 * Taiwan/Traditional → zh-TW, then any Mandarin; Hong Kong → Mandarin unless the user chose Cantonese,
 * then zh-HK / yue (falling back to Mandarin). Never Cantonese otherwise. A still-installed preferred voice
 * always wins. Returns null when there is no usable voice.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], opts: ChooseVoiceOptions): V | null {
  const pref = opts.preferredVoiceURI;
  if (pref) {
    const hit = voices.find((v) => v.voiceURI === pref) ?? voices.find((v) => v.name === pref);
    if (hit) return hit;
  }
  let best: V | null = null;
  let bestScore = -1;
  for (const v of voices) {
    const s = voiceScore(v, opts);
    if (s > bestScore) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}

/** Variant from a page or element language tag: zh-TW/zh-Hant → tw, zh-HK/zh-MO → hk, else cn. */
export function variantFromLang(tag: string | null | undefined): ChineseVariant {
  const t = (tag ?? '').toLowerCase().replace(/_/g, '-');
  if (/-(hk|mo)\b/.test(t) || t.startsWith('yue')) return 'hk';
  if (/-tw\b/.test(t)) return 'tw';
  if (/-hant\b/.test(t)) return 't';
  return 'cn';
}

export interface SynthLike<V> {
  getVoices(): V[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export interface WaitForVoicesOptions {
  /** Give up after this long and resolve [] (default 3000 ms). */
  timeoutMs?: number;
  /** Poll getVoices() this often (default 250 ms): voiceschanged is unreliable. */
  pollMs?: number;
  signal?: AbortSignal;
}

/**
 * Resolve with the voice list as soon as it is non-empty: polls getVoices() and also listens to
 * voiceschanged; resolves [] at the deadline. Leaves no timer or listener behind.
 */
export function waitForVoices<V>(synth: SynthLike<V>, opts: WaitForVoicesOptions = {}): Promise<V[]> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const pollMs = Math.max(10, opts.pollMs ?? 250);
  const read = (): V[] => {
    try {
      return synth.getVoices() ?? [];
    } catch {
      return [];
    }
  };
  const now = read();
  if (now.length || timeoutMs <= 0 || opts.signal?.aborted) return Promise.resolve(now);
  return new Promise<V[]>((resolve) => {
    let done = false;
    const finish = (voices: V[]) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(deadline);
      try {
        synth.removeEventListener?.('voiceschanged', check);
      } catch {
        // ignore: a page-patched speechSynthesis
      }
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(voices);
    };
    const check = () => {
      const v = read();
      if (v.length) finish(v);
    };
    const onAbort = () => finish([]);
    const poll = setInterval(check, pollMs);
    const deadline = setTimeout(() => finish(read()), timeoutMs);
    try {
      synth.addEventListener?.('voiceschanged', check);
    } catch {
      // polling still works
    }
    opts.signal?.addEventListener('abort', onAbort);
  });
}

export interface VoiceOption<V extends VoiceLike = VoiceLike> {
  voice: V;
  /** Human label: the voice name, with its region when the name does not already say it. */
  label: string;
  online: boolean;
}

export interface VoiceGroup<V extends VoiceLike = VoiceLike> {
  /** 'mandarin' | 'cantonese' | 'chinese-other' | primary language subtag ('en', 'ja', …; 'und' if none). */
  key: string;
  label: string;
  voices: VoiceOption<V>[];
}

const CHINESE_REGION_WORD: Record<string, 'regionCN' | 'regionTW' | 'regionHK' | 'regionMO' | 'regionSG'> = {
  CN: 'regionCN', TW: 'regionTW', HK: 'regionHK', MO: 'regionMO', SG: 'regionSG',
};

type DisplayNamesLike = { of(code: string): string | undefined };

function displayNames(locale: SpeechLocale, type: 'language' | 'region'): DisplayNamesLike | null {
  try {
    const DN = (Intl as unknown as { DisplayNames?: new (l: string[], o: { type: string }) => DisplayNamesLike }).DisplayNames;
    return DN ? new DN([locale], { type }) : null;
  } catch {
    return null;
  }
}

function regionLabel(region: string, locale: SpeechLocale, dn: DisplayNamesLike | null): string {
  if (!region) return '';
  const key = CHINESE_REGION_WORD[region];
  if (key) return word(key, locale);
  try {
    return dn?.of(region) ?? region;
  } catch {
    return region;
  }
}

const CHINESE_ORDER: Record<string, number> = { mandarin: 0, cantonese: 1, 'chinese-other': 2 };
const REGION_ORDER = ['CN', 'TW', 'HK', 'MO', 'SG', ''];

/**
 * Group voices for a picker: Chinese first (Mandarin, Cantonese, other Chinese), then other languages
 * sorted by their name in the UI locale. Labels in zh-CN / zh-TW / en.
 */
export function groupVoices<V extends VoiceLike>(voices: readonly V[], locale: SpeechLocale = 'zh-CN'): VoiceGroup<V>[] {
  const langNames = displayNames(locale, 'language');
  const regionNames = displayNames(locale, 'region');
  const groups = new Map<string, VoiceGroup<V>>();
  const regionOf = new Map<V, string>();
  for (const v of voices) {
    const info = voiceLangInfo(v);
    const key = info.family === 'other' ? (info.primary || 'und') : info.family;
    let g = groups.get(key);
    if (!g) {
      let label: string;
      if (key === 'mandarin') label = word('mandarin', locale);
      else if (key === 'cantonese') label = word('cantonese', locale);
      else if (key === 'chinese-other') label = word('otherChinese', locale);
      else {
        let n: string | undefined;
        try {
          n = key === 'und' ? undefined : langNames?.of(key);
        } catch {
          n = undefined;
        }
        label = n ?? key;
      }
      g = { key, label, voices: [] };
      groups.set(key, g);
    }
    const rl = regionLabel(info.region, locale, regionNames);
    regionOf.set(v, info.region);
    const open = locale === 'en' ? ' (' : '（';
    const close = locale === 'en' ? ')' : '）';
    const label = rl && !v.name.includes(rl) ? `${v.name}${open}${rl}${close}` : v.name;
    g.voices.push({ voice: v, label, online: v.localService === false });
  }
  const collator = new Intl.Collator(locale);
  const list = [...groups.values()];
  for (const g of list) {
    if (g.key in CHINESE_ORDER) {
      const rank = (v: V) => {
        const i = REGION_ORDER.indexOf(regionOf.get(v) ?? '');
        return i < 0 ? REGION_ORDER.length : i;
      };
      g.voices.sort((a, b) => rank(a.voice) - rank(b.voice) || collator.compare(a.label, b.label));
    } else {
      g.voices.sort((a, b) => collator.compare(a.label, b.label));
    }
  }
  return list.sort((a, b) => {
    const ca = CHINESE_ORDER[a.key] ?? 99;
    const cb = CHINESE_ORDER[b.key] ?? 99;
    if (ca !== cb) return ca - cb;
    return collator.compare(a.label, b.label);
  });
}

export type Platform = 'windows' | 'mac' | 'chromeos' | 'linux' | 'android' | 'ios' | 'other';

/** Platform from navigator.userAgentData.platform or a user-agent string. */
export function detectPlatform(hint: string | null | undefined): Platform {
  const s = (hint ?? '').toLowerCase();
  if (/cros|chrome ?os/.test(s)) return 'chromeos';
  if (/android/.test(s)) return 'android';
  if (/iphone|ipad|ios/.test(s)) return 'ios';
  if (/win/.test(s)) return 'windows';
  if (/mac/.test(s)) return 'mac';
  if (/linux|x11|bsd/.test(s)) return 'linux';
  return 'other';
}

const HELP: Record<Platform, readonly [string, string, string]> = {
  windows: [
    '未找到中文语音。Windows：打开“设置 → 时间和语言 → 语音”，在“管理语音”中点“添加语音”，选择“中文(简体，中国)”；也可在“语言和区域”中添加中文并勾选“文本到语音转换”。安装后重新启动浏览器。',
    '找不到中文語音。Windows：開啟「設定 → 時間與語言 → 語音」，在「管理語音」中按「新增語音」，選擇「中文(繁體，台灣)」；也可在「語言與地區」中新增中文並勾選「文字轉語音」。安裝後重新啟動瀏覽器。',
    'No Chinese voice found. Windows: open Settings → Time & language → Speech, choose "Add voices" under "Manage voices" and add Chinese (Simplified, China) or Chinese (Traditional, Taiwan); or add Chinese under "Language & region" with "Text-to-speech" ticked. Then restart the browser.',
  ],
  mac: [
    '未找到中文语音。macOS：打开“系统设置 → 辅助功能 → 朗读内容”，在“系统声音”旁点“管理声音”，勾选“中文（中国大陆）”的声音并下载。安装后重新启动浏览器。',
    '找不到中文語音。macOS：開啟「系統設定 → 輔助使用 → 朗讀內容」，在「系統聲音」旁按「管理聲音」，勾選「中文（台灣）」的聲音並下載。安裝後重新啟動瀏覽器。',
    'No Chinese voice found. macOS: open System Settings → Accessibility → Spoken Content, click "Manage Voices" next to "System voice", tick a Chinese voice (China mainland or Taiwan) and let it download. Then restart the browser.',
  ],
  chromeos: [
    '未找到中文语音。ChromeOS：打开“设置 → 无障碍 → 文字转语音 → 文字转语音的语音设置”，在语言中选择中文，下载中文语音后重新打开本页。',
    '找不到中文語音。ChromeOS：開啟「設定 → 無障礙功能 → 文字轉語音 → 文字轉語音的語音設定」，在語言中選擇中文，下載中文語音後重新開啟本頁。',
    'No Chinese voice found. ChromeOS: open Settings → Accessibility → Text-to-Speech → Text-to-Speech voice settings, choose Chinese as the language and download a Chinese voice, then reload this page.',
  ],
  linux: [
    '未找到中文语音。Linux：安装 speech-dispatcher 和 espeak-ng（例如 Debian/Ubuntu 上执行 sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng），其中文语音名为 cmn（普通话）和 yue（粤语）。Chromium 可能需要用 --enable-speech-dispatcher 参数启动。安装后重新启动浏览器。',
    '找不到中文語音。Linux：安裝 speech-dispatcher 和 espeak-ng（例如 Debian/Ubuntu 上執行 sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng），其中文語音名為 cmn（普通話）和 yue（粵語）。Chromium 可能需要以 --enable-speech-dispatcher 參數啟動。安裝後重新啟動瀏覽器。',
    'No Chinese voice found. Linux: install speech-dispatcher and espeak-ng (on Debian/Ubuntu: sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng); their Chinese voices are called cmn (Mandarin) and yue (Cantonese). Chromium may need the --enable-speech-dispatcher flag. Then restart the browser.',
  ],
  android: [
    '未找到中文语音。Android：打开“设置 → 无障碍 → 文字转语音输出”，在首选引擎的设置中安装中文语音数据，然后重新打开本页。',
    '找不到中文語音。Android：開啟「設定 → 無障礙 → 文字轉語音輸出」，在偏好引擎的設定中安裝中文語音資料，然後重新開啟本頁。',
    'No Chinese voice found. Android: open Settings → Accessibility → Text-to-speech output, install Chinese voice data in the preferred engine\'s settings, then reload this page.',
  ],
  ios: [
    '未找到中文语音。iOS/iPadOS：打开“设置 → 辅助功能 → 朗读内容 → 声音 → 中文”，下载一个中文声音，然后重新打开本页。',
    '找不到中文語音。iOS/iPadOS：開啟「設定 → 輔助使用 → 朗讀內容 → 聲音 → 中文」，下載一個中文聲音，然後重新開啟本頁。',
    'No Chinese voice found. iOS/iPadOS: open Settings → Accessibility → Spoken Content → Voices → Chinese, download a Chinese voice, then reload this page.',
  ],
  other: [
    '未找到中文语音。请在操作系统的语音或“文字转语音”设置中添加中文（普通话）语音，然后重新启动浏览器。',
    '找不到中文語音。請在作業系統的語音或「文字轉語音」設定中新增中文（普通話）語音，然後重新啟動瀏覽器。',
    'No Chinese voice found. Add a Chinese (Mandarin) voice in your operating system\'s speech or text-to-speech settings, then restart the browser.',
  ],
};

/** Plain, link-free hint on adding a Chinese voice for the platform, in the UI locale. */
export function noChineseVoiceHelp(locale: SpeechLocale, platform: Platform | string): string {
  const p: Platform = platform in HELP ? (platform as Platform) : detectPlatform(platform);
  const i = locale === 'zh-TW' ? 1 : locale === 'en' ? 2 : 0;
  return HELP[p][i];
}

/** Whether any voice can read Chinese at all (Mandarin, or Cantonese when allowed). */
export function hasChineseVoice(voices: readonly VoiceLike[]): boolean {
  return voices.some((v) => {
    const f = voiceLangInfo(v).family;
    return f === 'mandarin' || f === 'cantonese';
  });
}

const HELP_PREFIX: readonly [string, string, string] = ['未找到中文语音。', '找不到中文語音。', 'No Chinese voice found. '];

/** The install steps alone (without "No Chinese voice found."), e.g. to list every platform on an options page. */
export function voiceInstallHint(locale: SpeechLocale, platform: Platform): string {
  const i = locale === 'zh-TW' ? 1 : locale === 'en' ? 2 : 0;
  const text = HELP[platform][i];
  const prefix = HELP_PREFIX[i];
  return text.startsWith(prefix) ? text.slice(prefix.length).trim() : text;
}
