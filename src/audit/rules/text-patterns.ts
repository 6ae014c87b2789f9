// Words and patterns the link, image and media rules look for, in Simplified and Traditional Chinese
// and English. Pure string logic (no DOM), unit-tested on its own.

/** Lower-cased text with whitespace, punctuation and symbols removed (for comparing names). */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}\p{S}\u3000]+/gu, '');
}

/** Link texts that say nothing about where the link goes (compared after squash). */
export const GENERIC_LINK_TEXTS: readonly string[] = [
  // zh-CN
  '点击这里', '点击此处', '点这里', '点此', '点击', '点击进入', '点击查看', '请点击', '这里', '此处', '更多', '查看更多', '了解更多',
  '更多内容', '更多信息', '更多详情', '详细', '详情', '详细信息', '详细内容', '查看详情', '查看', '进入', '链接', '此链接', '下载',
  '点击下载', '阅读全文', '阅读更多', '全文', '原文', '继续阅读', '展开', 'more',
  // zh-TW
  '點擊這裡', '點擊此處', '點這裡', '點此', '點擊', '點擊進入', '點擊查看', '請點擊', '這裡', '此處', '查看更多', '了解更多',
  '更多內容', '更多資訊', '更多詳情', '詳細', '詳情', '詳細資訊', '詳細內容', '查看詳情', '進入', '連結', '此連結', '下載',
  '點擊下載', '閱讀全文', '閱讀更多', '繼續閱讀',
  // en
  'click here', 'click', 'here', 'clickhere', 'read more', 'more', 'more info', 'more information', 'learn more', 'details', 'detail',
  'more details', 'link', 'this link', 'go', 'this', 'continue', 'continue reading', 'download', 'view', 'see more', 'view more',
  'info', 'page',
].map(squash);

const GENERIC = new Set(GENERIC_LINK_TEXTS);

export function isGenericLinkText(name: string): boolean {
  const s = squash(name);
  return s.length > 0 && GENERIC.has(s);
}

/** A name made of punctuation, symbols and spaces only (">>", "»", "…", "→", "+"). */
export function isSymbolOnly(name: string): boolean {
  const t = name.replace(/[\s\u3000]+/g, '');
  return t.length > 0 && /^[\p{P}\p{S}]+$/u.test(t);
}

const IMAGE_EXT = /\.(jpe?g|png|gif|bmp|webp|svg|tiff?|ico|avif)$/i;

/** Alt text that is a file name: "banner.jpg", "IMG_0034", "DSC01234", "图片1", "image2", "未命名-1". */
export function isFileNameAlt(alt: string, src?: string | null): boolean {
  const a = alt.trim();
  if (!a) return false;
  if (IMAGE_EXT.test(a) && !/\s/.test(a.replace(/\s+\.(\w+)$/, '.$1'))) return true;
  if (/^(img|dsc|dscn|dcim|pic|photo|image|screenshot|截图|截圖|微信图片|微信圖片|mmexport|wx)[_\s-]?\d{2,}/i.test(a)) return true;
  if (/^(图片|圖片|图像|圖像|照片|image|img|picture|pic|photo|未命名|untitled|unnamed)[\s_-]*\d+$/i.test(a)) return true;
  if (/^[\w-]+\.(jpe?g|png|gif|bmp|webp|svg)\b/i.test(a)) return true;
  if (src) {
    const base = decodeSafe(src.split(/[?#]/)[0]!.split('/').pop() ?? '');
    const stem = base.replace(/\.[a-z0-9]+$/i, '');
    if (base && (a === base || (stem.length >= 3 && a === stem && /[_\-\d]/.test(stem)))) return true;
  }
  return false;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Alt texts that are placeholders, not alternatives (compared after squash). */
export const PLACEHOLDER_ALTS: readonly string[] = [
  '图片', '图像', '照片', '图', '相片', '配图', '插图', '图标', '空白', '占位', '占位图', '装饰', '装饰图', '间隔', '无', '暂无图片',
  '圖片', '圖像', '圖', '配圖', '插圖', '圖標', '圖示', '佔位', '佔位圖', '裝飾', '裝飾圖', '間隔', '無', '暫無圖片',
  'image', 'img', 'photo', 'picture', 'pic', 'graphic', 'icon', 'spacer', 'blank', 'placeholder', 'alt', 'null', 'undefined',
  'none', 'empty', 'dummy', 'transparent', 'spacergif', 'shim', 'pixel', 'dot', 'line', 'bullet', 'untitled', 'photograph',
].map(squash);

const PLACEHOLDER = new Set(PLACEHOLDER_ALTS);

export function isPlaceholderAlt(alt: string): boolean {
  const s = squash(alt);
  if (!alt.trim()) return false;
  // Only symbols or punctuation ("*", "-", "…") say nothing either.
  if (!s) return true;
  return PLACEHOLDER.has(s);
}

// ---- files -------------------------------------------------------------------------------------

export type FileKind = 'document' | 'spreadsheet' | 'presentation' | 'archive' | 'audio' | 'video' | 'image' | 'program';

const FILE_EXT: Record<string, FileKind> = {
  pdf: 'document', doc: 'document', docx: 'document', wps: 'document', odt: 'document', rtf: 'document', ofd: 'document', caj: 'document',
  xls: 'spreadsheet', xlsx: 'spreadsheet', et: 'spreadsheet', ods: 'spreadsheet', csv: 'spreadsheet',
  ppt: 'presentation', pptx: 'presentation', dps: 'presentation', odp: 'presentation',
  zip: 'archive', rar: 'archive', '7z': 'archive', tar: 'archive', gz: 'archive', tgz: 'archive',
  mp3: 'audio', wav: 'audio', wma: 'audio', m4a: 'audio', aac: 'audio', ogg: 'audio', flac: 'audio', amr: 'audio',
  mp4: 'video', avi: 'video', wmv: 'video', flv: 'video', mov: 'video', mkv: 'video', rm: 'video', rmvb: 'video', webm: 'video', m4v: 'video', mpg: 'video', mpeg: 'video',
  jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', bmp: 'image', tif: 'image', tiff: 'image', webp: 'image',
  exe: 'program', apk: 'program', msi: 'program', dmg: 'program', ipa: 'program',
};

/** The file extension a link points at (in the path, or a file name in the query such as ?file=a.pdf). */
export function linkedFileExt(href: string): string | undefined {
  const noHash = href.split('#')[0]!;
  const [path, query = ''] = noHash.split('?') as [string, string | undefined];
  const m = /\.([a-z0-9]{1,5})$/i.exec(path!);
  if (m && FILE_EXT[m[1]!.toLowerCase()]) return m[1]!.toLowerCase();
  // A page (.html, .jsp, download.php…) may still hand out a file named in its query.
  const q = /(?:^|[&=/])[^&=/]+\.([a-z0-9]{1,5})(?:&|$)/i.exec(decodeSafe(query));
  if (q && FILE_EXT[q[1]!.toLowerCase()]) return q[1]!.toLowerCase();
  return undefined;
}

export function fileKind(ext: string): FileKind | undefined {
  return FILE_EXT[ext.toLowerCase()];
}

const FORMAT_WORDS =
  /\b(pdf|docx?|word|wps|odt|rtf|ofd|caj|xlsx?|excel|et|ods|csv|pptx?|powerpoint|dps|zip|rar|7z|tar|gz|mp3|wav|wma|m4a|aac|ogg|flac|mp4|avi|wmv|flv|mov|mkv|rmvb|webm|jpe?g|png|gif|bmp|tiff?|webp|exe|apk|msi)\b|文档|文檔|文件|档案|檔案|表格|电子表格|試算表|幻灯片|幻燈片|演示文稿|简报|簡報|压缩包|壓縮包|压缩文件|壓縮檔|音频|音頻|音訊|录音|錄音|视频|視頻|影片|影音|图片|圖片|图像|圖像|安装包|安裝包|应用程序|應用程式/i;

const SIZE = /\d+(?:[.,]\d+)?\s*(?:[kmgt]i?b|[kmg]|bytes?|字节|位元組|千字节|兆|兆字节)(?![a-z])/i;

/** Whether a text names a file format and a size ("PDF，1.2 MB", "(Word 文档 56KB)"). */
export function describesFile(text: string): { format: boolean; size: boolean } {
  return { format: FORMAT_WORDS.test(text), size: SIZE.test(text) };
}

// ---- new windows, pause controls, transcripts -------------------------------------------------

export const NEW_WINDOW_WORDS =
  /新窗口|新視窗|新视窗|新窗|新标签|新標籤|新分页|新分頁|新页面|新頁面|另开|另開|另窗|新开窗口|新開視窗|外部链接|外部連結|外部网站|外部網站|new window|new tab|opens in|open in a new|external (link|site)/i;

export const TRANSCRIPT_WORDS = /文字稿|文本稿|文字版|文字记录|文字紀錄|文字記錄|讲稿|講稿|字幕|文字实录|文字實錄|图文|圖文|transcript|captions?|subtitles?|text version/i;
