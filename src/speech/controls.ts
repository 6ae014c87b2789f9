// The toolbar's speech controls (group 'speech'): toggles 声音, 指读, 连读 and 暂停 (aria-pressed), 停止 (also
// Esc while reading), 上一句/下一句, and menu buttons for 语速, 音量 and 声音选择. Settings changes go through the
// usual patch → storage → apply path; reading commands go to ControlContext.speech.
import type { ControlContext, ControlSpec, MenuContext } from '../toolbar/types';
import { isActive, isReadingOn, type SpeechControlContext } from './control-context';
import type { VoiceGroup } from './voices';

export const SPEECH_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3] as const;
export const SPEECH_VOLUMES = [100, 80, 60, 40, 20] as const;
/** A menu of hundreds of voices (espeak-ng lists ~1000 variants) is unusable: cap per group and overall. */
const MAX_CHINESE_PER_GROUP = 20;
const MAX_OTHER_PER_GROUP = 4;
const MAX_VOICE_ITEMS = 80;

const GROUP = 'speech';

function speechOf(ctx: ControlContext): SpeechControlContext | undefined {
  return ctx.speech;
}

/** Menu item base: items do not show in the bar, so they need no icon. */
function item(spec: Omit<ControlSpec, 'icon' | 'group'>): ControlSpec {
  return { icon: '', group: GROUP, ...spec };
}

/** Voices for the picker: base voices before their variants ("name+variant"), capped, the chosen one always in. */
export function voiceMenuEntries(groups: readonly VoiceGroup[], chosen: string): Array<{ group: string; label: string; voiceURI: string }> {
  const out: Array<{ group: string; label: string; voiceURI: string }> = [];
  for (const g of groups) {
    const chinese = g.key === 'mandarin' || g.key === 'cantonese' || g.key === 'chinese-other';
    const cap = chinese ? MAX_CHINESE_PER_GROUP : MAX_OTHER_PER_GROUP;
    const ordered = [...g.voices.filter((o) => !o.voice.name.includes('+')), ...g.voices.filter((o) => o.voice.name.includes('+'))];
    ordered.forEach((o, i) => {
      if ((i < cap && out.length < MAX_VOICE_ITEMS) || o.voice.voiceURI === chosen) {
        out.push({ group: g.label, label: o.label, voiceURI: o.voice.voiceURI });
      }
    });
  }
  return out;
}

function voiceMenu(m: MenuContext): readonly ControlSpec[] {
  const sp = speechOf(m.control);
  const tr = m.tr;
  if (!sp?.voices) {
    sp?.loadVoices();
    return [item({ id: 'speech-voice-loading', label: 'speechVoicesLoading', disabled: () => true, run: () => ({ announce: { key: 'speechVoicesLoading' } }) })];
  }
  const chosen = m.control.global.speechVoice;
  const autoText = !chosen && sp.voiceName ? tr('speechVoiceItem', tr('speechVoiceAuto'), sp.voiceName) : undefined;
  const items: ControlSpec[] = [
    item({
      id: 'speech-voice-auto',
      label: 'speechVoiceAuto',
      text: autoText,
      pressed: (_s, c) => !c.global.speechVoice,
      run: () => ({ globalPatch: { speechVoice: '' }, announce: { key: 'speechVoiceAutoNow' } }),
    }),
  ];
  if (sp.noChineseVoice) {
    items.push(item({ id: 'speech-voice-none', label: 'speechNoChineseVoice', disabled: () => true, run: () => ({ announce: { key: 'speechNoChineseVoice' } }) }));
  }
  voiceMenuEntries(sp.voices, chosen).forEach((v, i) => {
    items.push(
      item({
        id: `speech-voice-${i}`,
        label: 'speechVoice',
        text: tr('speechVoiceItem', v.group, v.label),
        pressed: (_s, c) => c.global.speechVoice === v.voiceURI,
        run: () => ({ globalPatch: { speechVoice: v.voiceURI }, announce: { key: 'speechVoiceNow', params: [v.label] } }),
      }),
    );
  });
  return items;
}

export const speechControls: readonly ControlSpec[] = [
  {
    id: 'speech-toggle',
    label: 'speechToggle',
    icon: '♪',
    group: GROUP,
    pressed: (s) => s.speech,
    run: (s) => (s.speech ? { patch: { speech: false }, announce: { key: 'speechOffNow' } } : { patch: { speech: true }, announce: { key: 'speechOnNow' } }),
  },
  {
    id: 'speech-point',
    label: 'pointReading',
    icon: '☝',
    group: GROUP,
    pressed: (s) => s.speech && s.pointReading,
    run(s) {
      // 指读 needs sound: switching it on switches 声音 on too.
      if (s.speech && s.pointReading) return { patch: { pointReading: false }, announce: { key: 'pointReadingOff' } };
      return { patch: { pointReading: true, speech: true }, announce: { key: 'pointReadingOn' } };
    },
  },
  {
    id: 'speech-continuous',
    label: 'continuousReading',
    icon: '▶',
    group: GROUP,
    pressed: (_s, ctx) => isReadingOn(speechOf(ctx)),
    run(s, ctx) {
      const sp = speechOf(ctx);
      if (!sp) return null;
      if (isReadingOn(sp)) {
        sp.stop();
        return { announce: { key: 'continuousStopped' } };
      }
      sp.continuous();
      return { patch: s.speech ? {} : { speech: true }, announce: { key: 'continuousStarted' } };
    },
  },
  {
    id: 'speech-pause',
    label: 'speechPause',
    icon: '‖',
    group: GROUP,
    pressed: (_s, ctx) => speechOf(ctx)?.state === 'paused',
    disabled: (_s, ctx) => !isActive(speechOf(ctx)),
    run(_s, ctx) {
      const sp = speechOf(ctx);
      if (!sp || !isActive(sp)) return { announce: { key: 'speechNothing' } };
      const wasPaused = sp.state === 'paused';
      sp.togglePause();
      return { announce: { key: wasPaused ? 'speechResumedNow' : 'speechPausedNow' } };
    },
  },
  {
    id: 'speech-stop',
    label: 'speechStop',
    icon: '■',
    group: GROUP,
    disabled: (_s, ctx) => !isActive(speechOf(ctx)),
    shortcuts: [{ keys: 'Esc', where: 'speechWhereSpeaking', what: 'speechKeyStop' }],
    run(_s, ctx) {
      const sp = speechOf(ctx);
      if (!sp || !isActive(sp)) return { announce: { key: 'speechNothing' } };
      sp.stop();
      return { announce: { key: 'speechStoppedNow' } };
    },
  },
  {
    id: 'speech-previous',
    label: 'speechPrevious',
    icon: '«',
    group: GROUP,
    disabled: (_s, ctx) => !isActive(speechOf(ctx)),
    run(_s, ctx) {
      const sp = speechOf(ctx);
      if (!sp || !isActive(sp)) return { announce: { key: 'speechNothing' } };
      sp.previous();
      return null; // the sentence itself is the feedback
    },
  },
  {
    id: 'speech-next',
    label: 'speechNext',
    icon: '»',
    group: GROUP,
    disabled: (_s, ctx) => !isActive(speechOf(ctx)),
    run(_s, ctx) {
      const sp = speechOf(ctx);
      if (!sp || !isActive(sp)) return { announce: { key: 'speechNothing' } };
      sp.next();
      return null;
    },
  },
  {
    id: 'speech-rate',
    label: 'speechRate',
    icon: '速',
    group: GROUP,
    active: (_s, ctx) => ctx.global.speechRate !== 1,
    menu: (m) =>
      SPEECH_RATES.map((r) =>
        item({
          id: `speech-rate-${r}`,
          label: 'speechRate',
          text: r === 1 ? m.tr('speechRateNormal') : m.tr('speechRateItem', r),
          pressed: (_s, c) => Math.abs(c.global.speechRate - r) < 0.001,
          run: () => ({ globalPatch: { speechRate: r }, announce: { key: 'speechRateNow', params: [r] } }),
        }),
      ),
    run: () => null,
  },
  {
    id: 'speech-volume',
    label: 'speechVolume',
    icon: '量',
    group: GROUP,
    active: (_s, ctx) => ctx.global.speechVolume !== 100,
    menu: (m) =>
      SPEECH_VOLUMES.map((v) =>
        item({
          id: `speech-volume-${v}`,
          label: 'speechVolume',
          text: m.tr('speechVolumeItem', v),
          pressed: (_s, c) => c.global.speechVolume === v,
          run: () => ({ globalPatch: { speechVolume: v }, announce: { key: 'speechVolumeNow', params: [v] } }),
        }),
      ),
    run: () => null,
  },
  {
    id: 'speech-voice',
    label: 'speechVoice',
    icon: '☺',
    group: GROUP,
    active: (_s, ctx) => !!ctx.global.speechVoice || !!speechOf(ctx)?.noChineseVoice,
    menu: voiceMenu,
    run: () => null,
  },
];
