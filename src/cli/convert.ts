/**
 * `kanjian convert`: Simplified ⇄ Traditional Chinese for text files and HTML pages, with the same
 * engine and dictionaries as the extension. Output identical to opencc-js for plain text.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { Converter } from '../convert/engine/create-converter';
import { loadConverterNode } from '../convert/engine/node-loader';
import { validateUserPhrases, type UserPhrase } from '../convert/engine/user-phrases';
import { isSupportedPair, isVariant, langTagOf, SUPPORTED_PAIRS, VARIANTS, type Variant } from '../convert/engine/variants';
import { ArgsError, parseArgs } from './args';
import type { CliIo, Command } from './command';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const USAGE = `用法 Usage: kanjian convert [--from 变体] [--to 变体] [--html] [--phrases 文件] [文件|-]

把中文文本在简体与繁体之间转换，结果写到标准输出。
Converts Chinese text between Simplified and Traditional and writes the result to standard output.

  --from cn|tw|twp|hk|t   原文的变体，默认 cn / source variant (default cn)
  --to   cn|tw|twp|hk|t   目标变体，默认 tw / target variant (default tw)
                          cn 简体（中国大陆）Simplified (Mainland) · tw 繁体（台湾）Traditional (Taiwan)
                          twp 繁体（台湾，含用词，如 软件→軟體）Taiwan with vocabulary · hk 繁体（香港）
                          Traditional (Hong Kong) · t 繁体（OpenCC 标准）OpenCC standard Traditional
  --html                  输入是 HTML：只转换文字与可读属性，其余原样保留
                          input is HTML: convert text and readable attributes, keep the rest byte for byte
  --phrases 文件          用户词表（每行“原文 译文”），优先于内置词典
                          user phrase table (one "source target" a line), wins over the dictionaries
  -h, --help              显示帮助 / show this help
  文件|-                  输入文件，- 或省略表示标准输入（UTF-8）/ input file, - or none for stdin (UTF-8)

支持的方向 Directions: ${SUPPORTED_PAIRS.map(([f, t]) => `${f}→${t}`).join(' ')}
退出码 Exit codes: 0 成功 ok · 2 用法或输入错误 usage or input error · 1 内部错误 internal error
`;

/** A failure to report: Simplified Chinese and English, and the exit code. */
class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly code = 2,
  ) {
    super(en);
  }
}

export const convertCommand: Command = {
  name: 'convert',
  summary: '简繁转换文本或 HTML / convert text or HTML between Simplified and Traditional Chinese',
  run: runConvert,
};

export async function runConvert(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      html: { type: 'boolean' },
      phrases: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (args.values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const from = variantOption(args.values.from, 'cn', '--from');
    const to = variantOption(args.values.to, 'tw', '--to');
    if (!isSupportedPair(from, to)) {
      throw new CliError(
        `不支持从 ${from} 转换到 ${to}；支持的方向：${SUPPORTED_PAIRS.map(([f, t]) => `${f}→${t}`).join(' ')}`,
        `converting ${from} to ${to} is not supported; supported: ${SUPPORTED_PAIRS.map(([f, t]) => `${f}→${t}`).join(' ')}`,
      );
    }
    if (args.positionals.length > 1) {
      throw new CliError('只能给一个输入文件', `expected at most one input file, got ${args.positionals.length}`);
    }
    const file = args.positionals[0] ?? '-';
    const phrasesFile = typeof args.values.phrases === 'string' ? args.values.phrases : undefined;
    let userPhrases: UserPhrase[] = [];
    if (phrasesFile !== undefined) userPhrases = await readPhrases(io, phrasesFile);
    const text = decodeInput(await readInput(io, file), file === '-' ? '标准输入' : file, file === '-' ? 'standard input' : file);

    let converter: Converter;
    try {
      converter = loadConverterNode(from, to, { userPhrases });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new CliError(`无法加载词典：${message}`, `cannot load the dictionary: ${message}`, 1);
    }
    const output = args.values.html ? convertHtml(text, converter.convert, from, to) : converter.convert(text);
    io.stdout(output);
    return 0;
  } catch (e) {
    if (e instanceof CliError || e instanceof ArgsError) {
      io.stderr(`kanjian convert: 错误：${e.zh}\nkanjian convert: error: ${e.en}\n`);
      if (e instanceof ArgsError) io.stderr('（kanjian convert --help 查看用法 / see kanjian convert --help）\n');
      return e instanceof CliError ? e.code : 2;
    }
    throw e;
  }
}

function variantOption(value: string | boolean | undefined, fallback: Variant, flag: string): Variant {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && isVariant(value)) return value;
  throw new CliError(
    `${flag} 的值 “${String(value)}” 不是已知的变体（${VARIANTS.join('、')}）`,
    `${flag} "${String(value)}" is not a known variant (${VARIANTS.join(', ')})`,
  );
}

async function readInput(io: CliIo, file: string): Promise<Uint8Array> {
  if (file === '-') {
    try {
      return await io.stdin();
    } catch (e) {
      throw new CliError(`无法读取标准输入（${errCode(e)}）`, `cannot read standard input (${errCode(e)})`);
    }
  }
  try {
    return await io.readFile(file);
  } catch (e) {
    throw new CliError(`无法读取文件 ${file}（${errCode(e)}）`, `cannot read file ${file} (${errCode(e)})`);
  }
}

function errCode(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(e);
}

/** UTF-8 bytes to a string; rejects binary (NUL bytes) and invalid UTF-8. A BOM is kept as is. */
export function decodeInput(bytes: Uint8Array, nameZh: string, nameEn: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new CliError(
      `${nameZh} 看起来是二进制文件（第 ${nul} 字节是 NUL），只接受 UTF-8 文本`,
      `${nameEn} looks binary (NUL byte at offset ${nul}); only UTF-8 text is accepted`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new CliError(
      `${nameZh} 不是有效的 UTF-8（第 ${at} 字节起），请先转成 UTF-8`,
      `${nameEn} is not valid UTF-8 (from byte ${at}); convert it to UTF-8 first`,
    );
  }
}

/** Offset of the first byte of the first invalid UTF-8 sequence (for the error message). */
function firstInvalidUtf8(b: Uint8Array): number {
  // The lenient decoder marks each invalid sequence with U+FFFD; the first U+FFFD whose bytes are
  // not a literal EF BF BD in the input is the place.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
  const enc = new TextEncoder();
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
    const at = enc.encode(text.slice(0, i)).length;
    if (!(b[at] === 0xef && b[at + 1] === 0xbf && b[at + 2] === 0xbd)) return at;
  }
  return 0;
}

async function readPhrases(io: CliIo, file: string): Promise<UserPhrase[]> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    throw new CliError(`无法读取词表文件 ${file}（${errCode(e)}）`, `cannot read phrase file ${file} (${errCode(e)})`);
  }
  const text = decodeInput(bytes, `词表文件 ${file}`, `phrase file ${file}`);
  const { ok, errors } = validateUserPhrases(text);
  if (errors.length > 0) {
    const shown = errors.slice(0, 20);
    const more = errors.length - shown.length;
    throw new CliError(
      `词表文件 ${file} 有 ${errors.length} 处错误：\n` +
        shown.map((e) => `  第 ${e.line} 行：${e.message}`).join('\n') +
        (more > 0 ? `\n  ……另有 ${more} 处` : ''),
      `phrase file ${file} has ${errors.length} error(s):\n` +
        shown.map((e) => `  line ${e.line}: ${e.messageEn}`).join('\n') +
        (more > 0 ? `\n  … and ${more} more` : ''),
    );
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Elements whose content is code, raw text or user input: content kept, own readable attributes converted. */
const KEEP_CONTENT = new Set(['script', 'style', 'textarea', 'code', 'pre', 'kbd', 'samp', 'xmp', 'plaintext', 'noembed', 'noframes', 'iframe']);
/** Attributes people read (or hear), converted on every element outside a kept subtree. */
const READABLE = new Set([
  'title',
  'alt',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset']);
/** Languages whose text must not be converted even though it is written in Han characters. */
const OTHER_HAN_LANGS = /^(ja|jp|ko|vi)([-_]|$)/i;

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Whether the element and everything in it must stay byte for byte as it is. */
function isOptedOut(el: Element): boolean {
  if ((attr(el, 'translate') ?? '').trim().toLowerCase() === 'no') return true;
  if ((attr(el, 'class') ?? '').split(/[\t\n\f\r ]+/).includes('ignore-opencc')) return true;
  const editable = attr(el, 'contenteditable');
  if (editable !== undefined && editable.trim().toLowerCase() !== 'false') return true;
  const lang = attr(el, 'lang');
  return lang !== undefined && OTHER_HAN_LANGS.test(lang.trim());
}

function isReadableAttr(el: Element, name: string): boolean {
  if (READABLE.has(name)) return true;
  if (name === 'value') {
    if (el.tagName === 'button') return true;
    return el.tagName === 'input' && BUTTON_INPUT_TYPES.has((attr(el, 'type') ?? '').trim().toLowerCase());
  }
  return name === 'label' && (el.tagName === 'option' || el.tagName === 'optgroup' || el.tagName === 'track');
}

/**
 * The lang value to write after converting from→to, or null to leave it. Chinese tags of the
 * source script (and plain `zh`) become the target's tag: zh-CN/zh-Hans/zh → zh-TW (tw, twp),
 * zh-HK (hk), zh-Hant (t); Traditional tags → zh-CN for cn. Other languages are left alone.
 */
export function convertedLang(value: string, from: Variant, to: Variant): string | null {
  const v = value.trim();
  if (!/^zh([-_]|$)/i.test(v)) return null;
  const target = langTagOf(to);
  if (v.toLowerCase() === target.toLowerCase()) return null;
  const parts = v.toLowerCase().split(/[-_]/).slice(1);
  const simplified = parts.some((p) => p === 'hans' || p === 'cn' || p === 'sg' || p === 'my');
  const traditional = parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo');
  const plain = parts.length === 0;
  if (to === 'cn') return traditional || plain ? target : null;
  if (simplified || plain) return target;
  // A Traditional tag: rewritten only when converting between Traditional variants (t→tw …).
  return traditional && from !== 'cn' ? target : null;
}

/** Converts raw source text, leaving character references and anything tag-like as written. */
function convertRaw(raw: string, convert: (s: string) => string): string {
  const opaque = /&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)|<[^>]*>/g;
  let out = '';
  let last = 0;
  for (let m = opaque.exec(raw); m !== null; m = opaque.exec(raw)) {
    if (m.index > last) out += convert(raw.slice(last, m.index));
    out += m[0];
    last = m.index + m[0].length;
  }
  return last === 0 ? convert(raw) : out + convert(raw.slice(last));
}

const ATTR_VALUE = /^[^\s=]+\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/;

/**
 * Converts an HTML document: text nodes and readable attributes, and `lang` of Chinese elements.
 * Everything else (markup, comments, doctype, quoting, whitespace, character references, script,
 * style, textarea, code, pre, kbd, samp, translate="no", class="ignore-opencc", contenteditable,
 * lang="ja"/"ko") is kept byte for byte: edits are spliced into the source by parse5's source
 * locations instead of serialising the tree.
 */
export function convertHtml(source: string, convert: (s: string) => string, from: Variant, to: Variant): string {
  // A byte-order mark is not content (browsers drop it while decoding); parse5 would take it for
  // text and imply <body> before the doctype. Parse without it, put it back at the end.
  const bom = source.startsWith('\ufeff') ? '\ufeff' : '';
  const html = bom ? source.slice(1) : source;
  const doc = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const edits: Array<[number, number, string]> = [];
  const edit = (start: number, end: number, replacement: string): void => {
    if (replacement !== html.slice(start, end)) edits.push([start, end, replacement]);
  };
  const editAttr = (el: Element, name: string, map: (rawValue: string) => string | null): void => {
    const loc = el.sourceCodeLocation?.attrs?.[name];
    if (!loc) return;
    const raw = html.slice(loc.startOffset, loc.endOffset);
    const m = ATTR_VALUE.exec(raw);
    if (!m) return; // attribute without a value
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    const valueStart = loc.startOffset + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
    const next = map(value);
    if (next !== null) edit(valueStart, valueStart + value.length, next);
  };

  // Explicit stack: deeply nested documents must not overflow the call stack.
  const stack: Array<{ node: Node; convertText: boolean }> = [{ node: doc, convertText: true }];
  while (stack.length > 0) {
    const { node, convertText } = stack.pop()!;
    if (node.nodeName === '#text') {
      const loc = (node as DefaultTreeAdapterTypes.TextNode).sourceCodeLocation;
      if (convertText && loc) edit(loc.startOffset, loc.endOffset, convertRaw(html.slice(loc.startOffset, loc.endOffset), convert));
      continue;
    }
    let childrenConvert = convertText;
    if ('tagName' in node) {
      const el = node as Element;
      if (!convertText || isOptedOut(el)) continue;
      for (const a of el.attrs) {
        if (isReadableAttr(el, a.name)) editAttr(el, a.name, (raw) => convertRaw(raw, convert));
      }
      if (KEEP_CONTENT.has(el.tagName)) {
        childrenConvert = false;
      } else {
        editAttr(el, 'lang', (raw) => convertedLang(raw, from, to));
      }
      if (el.tagName === 'template') {
        const content = (el as DefaultTreeAdapterTypes.Template).content;
        stack.push({ node: content, convertText: childrenConvert });
      }
    }
    if (!childrenConvert) continue;
    const children = 'childNodes' in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, convertText: true });
  }

  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [start, end, replacement] of edits) {
    if (start < last) continue; // overlapping source ranges (never expected): keep the first
    out += html.slice(last, start) + replacement;
    last = end;
  }
  return bom + out + html.slice(last);
}
