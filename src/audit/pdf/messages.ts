// Texts of the linked-PDF checks in zh-CN, zh-TW and en (axe's ${data.x} placeholders). Kept apart
// from axe's rules like the keyboard walk's: they are no axe rules and never go into axe.configure.
import { lt } from '../locale';
import type { KanjianCheckText, KanjianRuleText } from '../rules/rule-text';

const U = (page: string) => `https://www.w3.org/WAI/WCAG22/Understanding/${page}.html`;

export type PdfRuleId = 'kanjian-pdf-text-layer' | 'kanjian-pdf-title' | 'kanjian-pdf-language' | 'kanjian-pdf-tagged' | 'kanjian-pdf-unchecked';

export const PDF_RULE_TAGS: Record<PdfRuleId, string[]> = {
  'kanjian-pdf-text-layer': ['kanjian', 'kanjian-pdf', 'wcag2a', 'wcag111', 'cat.text-alternatives'],
  'kanjian-pdf-title': ['kanjian', 'kanjian-pdf', 'wcag2a', 'wcag242', 'cat.semantics'],
  'kanjian-pdf-language': ['kanjian', 'kanjian-pdf', 'wcag2a', 'wcag311', 'cat.language'],
  'kanjian-pdf-tagged': ['kanjian', 'kanjian-pdf', 'wcag2a', 'wcag131', 'cat.structure'],
  'kanjian-pdf-unchecked': ['kanjian', 'kanjian-pdf', 'best-practice'],
};

export const PDF_RULE_TEXT: Record<PdfRuleId, KanjianRuleText> = {
  'kanjian-pdf-text-layer': {
    description: lt('确保链接的 PDF 文档有文字层，不是只有图像的扫描件', '確保連結的 PDF 文件有文字層，不是只有影像的掃描檔', 'Ensures a linked PDF has a text layer, not only scanned images'),
    help: lt('PDF 文档必须有可读出的文字', 'PDF 文件必須有可讀出的文字', 'PDF documents must have readable text'),
    helpUrl: U('non-text-content'),
  },
  'kanjian-pdf-title': {
    description: lt('确保链接的 PDF 文档在文档属性中有标题', '確保連結的 PDF 文件在文件屬性中有標題', 'Ensures a linked PDF has a title in its document properties'),
    help: lt('PDF 文档必须有标题', 'PDF 文件必須有標題', 'PDF documents must have a title'),
    helpUrl: U('page-titled'),
  },
  'kanjian-pdf-language': {
    description: lt('确保链接的 PDF 文档设置了文档语言', '確保連結的 PDF 文件設定了文件語言', 'Ensures a linked PDF declares its language'),
    help: lt('PDF 文档必须设置语言', 'PDF 文件必須設定語言', 'PDF documents must declare their language'),
    helpUrl: U('language-of-page'),
  },
  'kanjian-pdf-tagged': {
    description: lt('确保链接的 PDF 文档有结构标记（带标签的 PDF）', '確保連結的 PDF 文件有結構標記（帶標籤的 PDF）', 'Ensures a linked PDF is tagged (has a structure)'),
    help: lt('PDF 文档的标题、列表和表格必须能被辅助技术识别', 'PDF 文件的標題、清單和表格必須能被輔助科技辨識', "A PDF's headings, lists and tables must be available to assistive technology"),
    helpUrl: U('info-and-relationships'),
  },
  'kanjian-pdf-unchecked': {
    description: lt('链接的 PDF 文档无法自动检查，需要人工复核', '連結的 PDF 文件無法自動檢查，需要人工複核', 'A linked PDF could not be checked automatically and needs a person to review it'),
    help: lt('链接的 PDF 文档必须能打开和阅读', '連結的 PDF 文件必須能開啟和閱讀', 'Linked PDF documents must open and be readable'),
    helpUrl: U('non-text-content'),
  },
};

export const PDF_CHECK_TEXT: Record<PdfRuleId, KanjianCheckText> = {
  'kanjian-pdf-text-layer': {
    pass: lt('PDF 文档有文字层', 'PDF 文件有文字層', 'The PDF has a text layer'),
    fail: lt('PDF 文档 ${data.url} 没有文字层', 'PDF 文件 ${data.url} 沒有文字層', 'The PDF ${data.url} has no text layer'),
    incomplete: lt(
      'PDF 文档 ${data.url} 的前 ${data.pagesRead} 页没有文字层（可能是扫描件）：读屏软件无法读出，请提供可访问的文本版本，或确认后文有文字',
      'PDF 文件 ${data.url} 的前 ${data.pagesRead} 頁沒有文字層（可能是掃描檔）：螢幕閱讀器無法讀出，請提供無障礙的文字版本，或確認後文有文字',
      'The first ${data.pagesRead} page(s) of the PDF ${data.url} have no text layer (a scan?): screen readers cannot read it; offer an accessible text version, or check that later pages have text',
    ),
  },
  'kanjian-pdf-title': {
    pass: lt('PDF 文档有标题', 'PDF 文件有標題', 'The PDF has a title'),
    fail: lt('PDF 文档 ${data.url} 没有标题', 'PDF 文件 ${data.url} 沒有標題', 'The PDF ${data.url} has no title'),
    incomplete: lt(
      'PDF 文档 ${data.url} 的文档属性中没有标题：读屏软件只能读出文件名',
      'PDF 文件 ${data.url} 的文件屬性中沒有標題：螢幕閱讀器只能讀出檔名',
      'The PDF ${data.url} has no title in its properties: screen readers can only read out its file name',
    ),
  },
  'kanjian-pdf-language': {
    pass: lt('PDF 文档设置了语言', 'PDF 文件設定了語言', 'The PDF declares its language'),
    fail: lt('PDF 文档 ${data.url} 没有设置语言', 'PDF 文件 ${data.url} 沒有設定語言', 'The PDF ${data.url} declares no language'),
    incomplete: lt(
      'PDF 文档 ${data.url} 没有设置文档语言：朗读软件可能用错误的语言朗读',
      'PDF 文件 ${data.url} 沒有設定文件語言：朗讀軟體可能用錯誤的語言朗讀',
      'The PDF ${data.url} declares no language: speech software may read it in the wrong language',
    ),
  },
  'kanjian-pdf-tagged': {
    pass: lt('PDF 文档有结构标记', 'PDF 文件有結構標記', 'The PDF is tagged'),
    fail: lt('PDF 文档 ${data.url} 没有结构标记', 'PDF 文件 ${data.url} 沒有結構標記', 'The PDF ${data.url} is not tagged'),
    incomplete: lt(
      'PDF 文档 ${data.url} 没有结构标记：标题、列表和表格无法被辅助技术识别',
      'PDF 文件 ${data.url} 沒有結構標記：標題、清單和表格無法被輔助科技辨識',
      'The PDF ${data.url} is not tagged: assistive technology cannot tell its headings, lists and tables',
    ),
  },
  'kanjian-pdf-unchecked': {
    pass: lt('PDF 文档已检查', 'PDF 文件已檢查', 'The PDF was checked'),
    fail: lt('PDF 文档 ${data.url} 无法检查', 'PDF 文件 ${data.url} 無法檢查', 'The PDF ${data.url} could not be checked'),
    incomplete: {
      password: lt('PDF 文档 ${data.url} 有密码保护，无法打开检查；有密码的文档许多读者也打不开', 'PDF 文件 ${data.url} 有密碼保護，無法開啟檢查；有密碼的文件許多讀者也打不開', 'The PDF ${data.url} is password-protected and could not be opened; many readers cannot open it either'),
      broken: lt('PDF 文档 ${data.url} 已损坏，无法打开', 'PDF 文件 ${data.url} 已損壞，無法開啟', 'The PDF ${data.url} is broken and could not be opened'),
      'not-pdf': lt('链接 ${data.url} 看起来是 PDF，但服务器返回的不是 PDF 文件', '連結 ${data.url} 看起來是 PDF，但伺服器傳回的不是 PDF 檔案', 'The link ${data.url} looks like a PDF, but the server sent something else'),
      http: lt('PDF 文档 ${data.url} 无法下载（服务器返回 ${data.detail}）', 'PDF 文件 ${data.url} 無法下載（伺服器傳回 ${data.detail}）', 'The PDF ${data.url} could not be downloaded (the server answered ${data.detail})'),
      network: lt('PDF 文档 ${data.url} 无法下载（网络错误）', 'PDF 文件 ${data.url} 無法下載（網路錯誤）', 'The PDF ${data.url} could not be downloaded (network error)'),
      'too-large': lt('PDF 文档 ${data.url} 太大（超过 20 MB），未自动检查', 'PDF 文件 ${data.url} 太大（超過 20 MB），未自動檢查', 'The PDF ${data.url} is too large (over 20 MB) to check automatically'),
      default: lt('PDF 文档 ${data.url} 无法检查', 'PDF 文件 ${data.url} 無法檢查', 'The PDF ${data.url} could not be checked'),
    },
  },
};
