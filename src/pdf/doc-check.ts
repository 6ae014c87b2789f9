/**
 * Tagged-PDF basics an audit reports for a linked PDF: does it have a text layer (a scan has none),
 * a title, a document language, a structure (tags)? Findings are 需复核 (needs review): a person
 * decides whether the title is meaningful; the check says what is missing and why it matters.
 */
import type { DocInfo } from './extract';

export interface PdfCheckFinding {
  id: 'pdf-text-layer' | 'pdf-title' | 'pdf-language' | 'pdf-tagged';
  passed: boolean;
  /** Why it matters, in Chinese first (the audit report's language). */
  reason: string;
}

export function checkPdfBasics(info: DocInfo, textChars: number): PdfCheckFinding[] {
  return [
    {
      id: 'pdf-text-layer',
      passed: textChars > 0,
      reason: textChars > 0 ? '有文字层，读屏软件和看见可以读出文字' : '没有文字层（扫描件）：读屏软件无法读出，需提供可访问的文本版本（WCAG 1.1.1）',
    },
    {
      id: 'pdf-title',
      passed: !!info.title,
      reason: info.title ? `文档标题：${info.title}` : '文档属性中没有标题，读屏软件只能读出文件名（WCAG 2.4.2）',
    },
    {
      id: 'pdf-language',
      passed: !!info.language,
      reason: info.language ? `文档语言：${info.language}` : '没有设置文档语言，朗读软件可能用错误的语言朗读（WCAG 3.1.1）',
    },
    {
      id: 'pdf-tagged',
      passed: info.tagged,
      reason: info.tagged ? '有结构标记（标题、段落、表格可被识别）' : '没有结构标记，标题、列表和表格无法被辅助技术识别（WCAG 1.3.1）',
    },
  ];
}
