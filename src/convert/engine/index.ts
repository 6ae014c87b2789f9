/**
 * kanjian conversion engine: Simplified ⇄ Traditional Chinese, output identical to opencc-js 1.4.x
 * `OpenCC.Converter({ from, to })`, from dictionaries compiled at build time
 * (scripts/build-dicts.mjs → public/dict/<from>-<to>.bin). Pure: no DOM, no Node APIs here
 * (Node file loading is in ./node-loader; the build side is ./dict-compile). See docs/convert-engine.md.
 *
 *   const dict = parseDict(await (await fetch(browser.runtime.getURL('/dict/cn-tw.bin'))).arrayBuffer());
 *   const { convert } = createConverter(dict, { userPhrases: [['发布', '發佈']] });
 *   convert('软件发布'); // '軟件發佈'
 */
export { createConverter, type Converter, type ConverterOptions } from './create-converter';
export { dictFileName, parseDict, verifyDict, DICT_FORMAT_VERSION, type CompiledDict } from './dict-format';
export {
  countScriptChars,
  detectScript,
  scriptOfCounts,
  scriptOfLang,
  scriptOfPage,
  PAGE_TEXT_SAMPLE,
  type PageScript,
  type Script,
  type ScriptCounts,
} from './detect-script';
export {
  validateUserPhrases,
  MAX_PHRASES,
  MAX_PHRASE_KEY,
  MAX_PHRASE_VALUE,
  type UserPhrase,
  type PhraseError,
  type PhraseValidation,
} from './user-phrases';
export {
  isSupportedPair,
  isVariant,
  langTagOf,
  SUPPORTED_PAIRS,
  VARIANTS,
  type Variant,
} from './variants';
