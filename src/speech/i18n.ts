// Spoken words and help texts. Simplified Chinese first, then Taiwan Traditional, then English.
import type { SpeechLocale } from './types';

const WORDS = {
  link: ['链接', '連結', 'link'],
  button: ['按钮', '按鈕', 'button'],
  image: ['图片', '圖片', 'image'],
  heading: ['标题{level}级', '標題{level}級', 'heading level {level}'],
  checkbox: ['复选框', '核取方塊', 'checkbox'],
  radio: ['单选按钮', '選項按鈕', 'radio button'],
  switch: ['开关', '開關', 'switch'],
  textbox: ['编辑框', '編輯框', 'edit'],
  password: ['密码编辑框', '密碼編輯框', 'password edit'],
  combobox: ['组合框', '下拉式方塊', 'combo box'],
  listbox: ['列表框', '清單方塊', 'list box'],
  slider: ['滑块', '滑桿', 'slider'],
  checked: ['已选中', '已勾選', 'checked'],
  notChecked: ['未选中', '未勾選', 'not checked'],
  mixed: ['部分选中', '部分勾選', 'partially checked'],
  on: ['开', '開', 'on'],
  off: ['关', '關', 'off'],
  value: ['内容', '內容', 'contains'],
  selectedOption: ['已选', '已選', 'selected'],
  disabled: ['不可用', '無法使用', 'unavailable'],
  required: ['必填', '必填', 'required'],
  readonly: ['只读', '唯讀', 'read only'],
  expanded: ['已展开', '已展開', 'expanded'],
  collapsed: ['已折叠', '已收合', 'collapsed'],
  pressed: ['已按下', '已按下', 'pressed'],
  submit: ['提交', '提交', 'Submit'],
  reset: ['重置', '重設', 'Reset'],
  chooseFile: ['选择文件', '選擇檔案', 'Choose file'],
  mandarin: ['普通话', '普通話', 'Mandarin Chinese'],
  cantonese: ['粤语', '粵語', 'Cantonese'],
  otherChinese: ['其他汉语方言', '其他漢語方言', 'Other Chinese'],
  online: ['在线', '線上', 'online'],
  regionCN: ['中国大陆', '中國大陸', 'Mainland China'],
  regionTW: ['台湾', '台灣', 'Taiwan'],
  regionHK: ['香港', '香港', 'Hong Kong'],
  regionMO: ['澳门', '澳門', 'Macao'],
  regionSG: ['新加坡', '新加坡', 'Singapore'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type WordKey = keyof typeof WORDS;

const INDEX: Record<SpeechLocale, 0 | 1 | 2> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** Look up a word; `{name}` placeholders are filled from vars. */
export function word(key: WordKey, locale: SpeechLocale, vars?: Record<string, string | number>): string {
  let s: string = WORDS[key][INDEX[locale] ?? 0];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

