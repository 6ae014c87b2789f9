// Public surface of the read-aloud core. The toolbar needs createReadAloud; the rest is for tests, the
// background (createTtsRequestHandler) and anyone composing the parts differently.
export { createReadAloud, createUnavailableEngine } from './read-aloud';
export type {
  ReadAloud, ReadAloudDiagnostics, ReadAloudEvent, ReadAloudEventMap, ReadAloudOptions, ReadAloudSession,
  ReadAloudStatus,
} from './read-aloud';
export { accessibleName, roleOf } from './accname';
export { chunkPlain, chunkSegments, chunkText, DEFAULT_MAX_CHUNK, measure, rangesFor, splitSentences, spokenText } from './chunk';
export type { ChunkOptions } from './chunk';
export { describeForSpeech, findSpeakableTarget, isDecorativeImage } from './describe';
export { DEFAULT_DWELL_MS, DwellController } from './dwell';
export type { DwellOptions, TimerApi } from './dwell';
export { createWebSpeechEngine } from './engine';
export type { SpeechEngine, UtteranceHandlers, UtteranceRequest } from './engine';
export { HIGHLIGHT_CSS, HIGHLIGHT_NAME, Highlighter } from './highlight';
export type { HighlightDebugState, HighlighterOptions, HighlightMode } from './highlight';
export { toSpeechLocale } from './i18n';
export { DEFAULT_LOG_CAPACITY, SpeechLog } from './log';
export type { SpeechLogEntry, SpeechLogKind } from './log';
export { Player, RATE_MAX, RATE_MIN } from './player';
export type { FinishReason, PlayerEvent, PlayerEventMap, PlayerOptions, PlayerState } from './player';
export { collectReadingOrder, findMainContent, startIndexFor } from './reading-order';
export type { ReadingOrderOptions } from './reading-order';
export { createBridgeTtsEngine, createTtsRequestHandler, ttsVoiceToVoiceLike } from './tts-bridge';
export type { ChromeTtsLike, TtsBridge, TtsEventMessage, TtsRequest, TtsVoiceInfo } from './tts-bridge';
export * from './types';
export {
  chooseVoice, detectPlatform, groupVoices, hasChineseVoice, noChineseVoiceHelp, variantFromLang, voiceLangInfo,
  voiceInstallHint, voiceScore, waitForVoices,
} from './voices';
export type { ChooseVoiceOptions, Platform, VoiceGroup, VoiceLangInfo, VoiceOption, WaitForVoicesOptions } from './voices';
