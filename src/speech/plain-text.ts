/**
 * What kanjian reads aloud is page text, and must be spoken as text. Chrome's speech layer (both
 * chrome.tts and speechSynthesis) treats an utterance that begins with `<speak` or `<?xml` as an SSML
 * document, which a page could use to make the engine do other things (audio, marks, prosody). A word
 * joiner (U+2060, silent, zero-width) in front keeps such text from parsing as markup.
 */
const WORD_JOINER = '\u2060';

export function asPlainSpeech(text: string): string {
  return /^\s*</.test(text) ? WORD_JOINER + text : text;
}
