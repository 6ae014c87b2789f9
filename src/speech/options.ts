// The options page's 朗读 section: whether this computer has a Chinese voice (with how to add one on
// Windows, macOS, ChromeOS and Linux when it has not), and the global speech settings.
import type { Translator, UiLocale } from '../i18n/messages';
import type { GlobalSettings } from '../settings/schema';
import { updateGlobal, type KeyValueArea } from '../settings/store';
import { h } from '../shared/dom';
import { SPEECH_RATES, SPEECH_VOLUMES, voiceMenuEntries } from './controls';
import type { SpeechLocale } from './types';
import { chooseVoice, groupVoices, hasChineseVoice, voiceInstallHint, waitForVoices, type Platform } from './voices';

const DWELLS = [200, 300, 500, 800, 1200, 2000] as const;
const HINT_PLATFORMS: readonly Platform[] = ['windows', 'mac', 'chromeos', 'linux'];

function select<T extends string | number>(id: string, values: readonly T[], current: T, label: (v: T) => string): HTMLSelectElement {
  const el = h('select', { id });
  for (const v of values) {
    const o = h('option', { value: String(v), text: label(v) });
    o.selected = v === current;
    el.append(o);
  }
  return el;
}

export interface SpeechSectionEnv {
  area: KeyValueArea;
  global: GlobalSettings;
  tr: Translator;
  locale: UiLocale;
  /** Shows "saved" (the page's status line). */
  saved(): void;
  /** Where speechSynthesis lives (the options page's window). */
  win?: Window;
}

export function speechSection(env: SpeechSectionEnv): HTMLElement {
  const { area, global, tr, locale, saved } = env;
  const win = env.win ?? window;
  const save = (patch: Partial<GlobalSettings>): void => void updateGlobal(area, patch).then(saved);

  // Live, but not role=status: the page's own status line ("设置已保存") is the one status region.
  const voiceStatus = h('p', { id: 'speech-voice-status', 'aria-live': 'polite', text: tr('optionsSpeechChecking') });
  const hints = h('ul', { id: 'speech-voice-hints', hidden: true });
  const voice = h('select', { id: 'speech-voice' }, h('option', { value: '', text: tr('speechVoiceAuto') }));
  voice.addEventListener('change', () => save({ speechVoice: voice.value }));
  const tryButton = h('button', { type: 'button', id: 'speech-try', text: tr('optionsSpeechTry') });

  const rate = select('speech-rate', SPEECH_RATES, global.speechRate as (typeof SPEECH_RATES)[number], (r) => (r === 1 ? tr('speechRateNormal') : tr('speechRateItem', r)));
  rate.addEventListener('change', () => save({ speechRate: Number(rate.value) }));
  const volume = select('speech-volume', SPEECH_VOLUMES, global.speechVolume as (typeof SPEECH_VOLUMES)[number], (v) => tr('speechVolumeItem', v));
  volume.addEventListener('change', () => save({ speechVolume: Number(volume.value) }));
  const dwell = select('speech-dwell', DWELLS, global.speechDwellMs as (typeof DWELLS)[number], (ms) => tr('optionsSpeechDwellItem', ms));
  dwell.addEventListener('change', () => save({ speechDwellMs: Number(dwell.value) }));
  const announce = h('input', { type: 'checkbox', id: 'speech-announce' });
  announce.checked = global.speechAnnounce;
  announce.addEventListener('change', () => save({ speechAnnounce: announce.checked }));
  const skipNav = h('input', { type: 'checkbox', id: 'speech-skip-nav' });
  skipNav.checked = global.speechSkipNav;
  skipNav.addEventListener('change', () => save({ speechSkipNav: skipNav.checked }));

  const synth = (win as Window & { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  let voices: SpeechSynthesisVoice[] = [];
  const fillVoices = (): void => {
    const chosen = voice.value || global.speechVoice;
    const groups = groupVoices(voices, locale as SpeechLocale);
    let group: HTMLOptGroupElement | null = null;
    for (const v of voiceMenuEntries(groups, chosen)) {
      if (!group || group.label !== v.group) {
        group = h('optgroup', { label: v.group });
        voice.append(group);
      }
      const o = h('option', { value: v.voiceURI, text: v.label });
      o.selected = v.voiceURI === chosen;
      group.append(o);
    }
  };
  const showStatus = (): void => {
    if (hasChineseVoice(voices)) {
      const v = chooseVoice(voices, { variant: locale === 'zh-TW' ? 'tw' : 'cn', preferredVoiceURI: global.speechVoice || null });
      voiceStatus.textContent = tr('optionsSpeechVoiceFound', v?.name ?? '');
      return;
    }
    voiceStatus.textContent = tr('optionsSpeechNoVoice');
    hints.replaceChildren(...HINT_PLATFORMS.map((p) => h('li', { text: voiceInstallHint(locale as SpeechLocale, p) })));
    hints.hidden = false;
  };
  if (synth) {
    // Voice lists load late on some systems: poll with a deadline.
    void waitForVoices(synth, { timeoutMs: 8000 }).then((list) => {
      voices = list;
      fillVoices();
      showStatus();
    });
  } else {
    showStatus();
  }
  tryButton.addEventListener('click', () => {
    if (!synth) return;
    const u = new SpeechSynthesisUtterance(tr('optionsSpeechSample'));
    const v = voice.value ? voices.find((x) => x.voiceURI === voice.value) : chooseVoice(voices, { variant: locale === 'zh-TW' ? 'tw' : 'cn' });
    if (v) u.voice = v;
    u.lang = v?.lang || (locale === 'en' ? 'en' : locale);
    u.rate = Number(rate.value);
    u.volume = Number(volume.value) / 100;
    synth.cancel();
    synth.speak(u);
  });

  return h(
    'section',
    { 'aria-labelledby': 'speech-h', id: 'speech' },
    h('h2', { id: 'speech-h', text: tr('optionsSpeech') }),
    voiceStatus,
    hints,
    h('p', {}, h('label', { for: 'speech-voice', text: tr('optionsSpeechVoice') }), ' ', voice, ' ', tryButton),
    h('p', {}, h('label', { for: 'speech-rate', text: tr('optionsSpeechRate') }), ' ', rate),
    h('p', {}, h('label', { for: 'speech-volume', text: tr('optionsSpeechVolume') }), ' ', volume),
    h('p', {}, h('label', { for: 'speech-dwell', text: tr('optionsSpeechDwell') }), ' ', dwell),
    h('p', {}, h('label', {}, announce, tr('optionsSpeechAnnounce'))),
    h('p', {}, h('label', {}, skipNav, tr('optionsSpeechSkipNav'))),
  );
}
