// Texts of kanjian's axe rules (the 适老化 profile here, the WCAG and best-practice rules in
// messages-wcag.ts) in zh-CN, zh-TW and en. English goes into
// axe.configure (axe renders English in the page); all three feed localizeFinding at render time.
// Placeholders use axe's ${data.x} syntax only: no doT, so axe never compiles them with new Function.
import { lt, type LocalizedText, type UiLocale } from '../locale';
import { KEYBOARD_CHECK_TEXT, KEYBOARD_RULE_TEXT, WCAG_CHECK_TEXT, WCAG_RULE_TEXT } from './messages-wcag';
import type { KanjianCheckText, KanjianRuleText, Msg } from './rule-text';
import { PDF_CHECK_TEXT, type PdfRuleId } from '../pdf/messages';

export type { KanjianCheckText, KanjianRuleText } from './rule-text';

export const KANJIAN_RULE_TEXT: Record<string, KanjianRuleText> = {
  'kanjian-font-size': {
    description: lt('确保正文文字足够大，便于老年用户阅读', '確保正文文字足夠大，便於長者閱讀', 'Ensures body text is large enough for older readers'),
    help: lt('正文文字不应小于 16 CSS 像素，小于 12 像素不通过', '正文文字不應小於 16 CSS 像素，小於 12 像素不通過', 'Body text should be at least 16 CSS px and must not be below 12 CSS px'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/resize-text.html',
  },
  'kanjian-line-height': {
    description: lt('确保段落行距不小于 1.3 倍', '確保段落行距不小於 1.3 倍', 'Ensures paragraphs have a line height of at least 1.3'),
    help: lt('段落行距至少应为字号的 1.3 倍', '段落行距至少應為字級的 1.3 倍', 'Paragraph line height should be at least 1.3 times the font size'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/text-spacing.html',
  },
  'kanjian-target-size': {
    description: lt('确保可点击目标不小于 44×44 CSS 像素', '確保可點擊目標不小於 44×44 CSS 像素', 'Ensures interactive targets are at least 44 by 44 CSS px'),
    help: lt('可点击目标至少应为 44×44 CSS 像素', '可點擊目標至少應為 44×44 CSS 像素', 'Interactive targets should be at least 44 by 44 CSS px'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/target-size-enhanced.html',
  },
  'kanjian-bg-image-text': {
    description: lt('确保背景图片上的文字在图片未加载时仍有足够对比度的背景色', '確保背景圖片上的文字在圖片未載入時仍有足夠對比度的背景色', 'Ensures text over a background image keeps a background colour with enough contrast if the image does not load'),
    help: lt('背景图片上的文字需要对比度足够的后备背景色', '背景圖片上的文字需要對比度足夠的後備背景色', 'Text over a background image needs a fallback background colour with enough contrast'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/failures/F24',
  },
  'kanjian-motion': {
    description: lt('确保自动播放或移动的内容可以暂停、停止或隐藏', '確保自動播放或移動的內容可以暫停、停止或隱藏', 'Ensures auto-playing or moving content can be paused, stopped or hidden'),
    help: lt('自动播放和移动的内容必须提供暂停控件', '自動播放和移動的內容必須提供暫停控制項', 'Auto-playing and moving content must offer a pause control'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/pause-stop-hide.html',
  },
  'kanjian-captcha': {
    description: lt('确保图片验证码有文字说明和语音等非视觉替代方式', '確保圖片驗證碼有文字說明和語音等非視覺替代方式', 'Ensures image CAPTCHAs have a text alternative and a non-visual alternative such as audio'),
    help: lt('图片验证码必须提供语音等非视觉替代方式', '圖片驗證碼必須提供語音等非視覺替代方式', 'Image CAPTCHAs must offer a non-visual alternative such as audio'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html',
  },
  ...WCAG_RULE_TEXT,
};

export const KANJIAN_CHECK_TEXT: Record<string, KanjianCheckText> = {
  'kanjian-font-size': {
    pass: lt('文字大小为 ${data.fontSize}，不小于 ${data.minSize}', '文字大小為 ${data.fontSize}，不小於 ${data.minSize}', 'Text size ${data.fontSize} is at least ${data.minSize}'),
    fail: lt('文字大小 ${data.fontSize} 小于 ${data.minSize}，老年用户难以阅读', '文字大小 ${data.fontSize} 小於 ${data.minSize}，長者難以閱讀', 'Text size ${data.fontSize} is below ${data.minSize} and hard for older readers'),
    incomplete: lt('文字大小 ${data.fontSize} 小于推荐的 ${data.minSize}，请复核是否为正文', '文字大小 ${data.fontSize} 小於建議的 ${data.minSize}，請複核是否為正文', 'Text size ${data.fontSize} is below the recommended ${data.minSize}; check whether this is body text'),
  },
  'kanjian-line-height': {
    pass: lt('行距为 ${data.ratio} 倍', '行距為 ${data.ratio} 倍', 'Line height is ${data.ratio}'),
    fail: lt('行距仅为 ${data.ratio} 倍，小于 ${data.minRatio} 倍', '行距僅為 ${data.ratio} 倍，小於 ${data.minRatio} 倍', 'Line height ${data.ratio} is below ${data.minRatio}'),
    incomplete: {
      default: lt('无法确定行距，请人工复核', '無法確定行距，請人工複核', 'Line height could not be determined; check it by hand'),
      normal: lt('行距为 normal（浏览器默认约 1.2 倍），请设置不小于 ${data.minRatio} 倍的行距', '行距為 normal（瀏覽器預設約 1.2 倍），請設定不小於 ${data.minRatio} 倍的行距', 'Line height is "normal" (about 1.2 in most browsers); set it to at least ${data.minRatio}'),
    },
  },
  'kanjian-target-size': {
    pass: {
      default: lt('目标尺寸为 ${data.width}×${data.height} CSS 像素', '目標尺寸為 ${data.width}×${data.height} CSS 像素', 'Target is ${data.width} by ${data.height} CSS px'),
      inline: lt('目标是句子中的行内链接，不受尺寸要求限制', '目標是句子中的行內連結，不受尺寸要求限制', 'Target is an inline link in a sentence and exempt from the size requirement'),
    },
    fail: lt('目标尺寸仅为 ${data.width}×${data.height} CSS 像素，小于 ${data.minSize}×${data.minSize}', '目標尺寸僅為 ${data.width}×${data.height} CSS 像素，小於 ${data.minSize}×${data.minSize}', 'Target is only ${data.width} by ${data.height} CSS px, smaller than ${data.minSize} by ${data.minSize}'),
    incomplete: lt('无法确定目标尺寸，请人工复核', '無法確定目標尺寸，請人工複核', 'Target size could not be determined; check it by hand'),
  },
  'kanjian-bg-image-text': {
    pass: lt('图片未加载时，后备背景色 ${data.fallbackColor} 与文字对比度为 ${data.contrastRatio}:1', '圖片未載入時，後備背景色 ${data.fallbackColor} 與文字對比度為 ${data.contrastRatio}:1', 'Without the image, the fallback background ${data.fallbackColor} gives a contrast of ${data.contrastRatio}:1'),
    fail: {
      default: lt('文字位于背景图片上；图片未加载时后备背景色 ${data.fallbackColor} 与文字颜色 ${data.fgColor} 的对比度仅 ${data.contrastRatio}:1，需要 ${data.expectedRatio}:1', '文字位於背景圖片上；圖片未載入時後備背景色 ${data.fallbackColor} 與文字顏色 ${data.fgColor} 的對比度僅 ${data.contrastRatio}:1，需要 ${data.expectedRatio}:1', 'Text sits on a background image; without the image the fallback background ${data.fallbackColor} and text colour ${data.fgColor} give only ${data.contrastRatio}:1, ${data.expectedRatio}:1 is needed'),
    },
    incomplete: lt('文字位于背景图片上，无法解析颜色，请人工复核后备背景色', '文字位於背景圖片上，無法解析顏色，請人工複核後備背景色', 'Text sits on a background image and its colours could not be parsed; check the fallback background by hand'),
  },
  'kanjian-motion': {
    pass: lt('找到了暂停或停止控件', '找到了暫停或停止控制項', 'A pause or stop control was found'),
    fail: {
      default: lt('移动内容没有暂停控件', '移動內容沒有暫停控制項', 'Moving content has no pause control'),
      marquee: lt('<marquee> 滚动内容没有暂停控件', '<marquee> 捲動內容沒有暫停控制項', '<marquee> scrolling content has no pause control'),
      blink: lt('<blink> 闪烁内容没有停止控件', '<blink> 閃爍內容沒有停止控制項', '<blink> blinking content has no stop control'),
      autoplay: lt('自动播放的 <${data.tag}> 没有 controls 属性或暂停控件', '自動播放的 <${data.tag}> 沒有 controls 屬性或暫停控制項', 'Auto-playing <${data.tag}> has no controls attribute and no pause control'),
    },
    incomplete: {
      default: lt('无法确定移动内容能否暂停，请人工复核', '無法確定移動內容能否暫停，請人工複核', 'Could not tell whether the moving content can be paused; check it by hand'),
      animation: lt('CSS 动画持续 ${data.seconds} 秒以上且未找到暂停控件，请复核', 'CSS 動畫持續 ${data.seconds} 秒以上且未找到暫停控制項，請複核', 'A CSS animation runs for more than ${data.seconds} s and no pause control was found; check it'),
    },
  },
  'kanjian-captcha': {
    pass: lt('图片验证码有文字说明和语音替代', '圖片驗證碼有文字說明和語音替代', 'The image CAPTCHA has a text alternative and an audio alternative'),
    fail: {
      default: lt('图片验证码没有语音等非视觉替代方式', '圖片驗證碼沒有語音等非視覺替代方式', 'The image CAPTCHA has no non-visual alternative such as audio'),
      noAltNoAudio: lt('图片验证码既没有替代文本也没有语音替代方式', '圖片驗證碼既沒有替代文字也沒有語音替代方式', 'The image CAPTCHA has neither alternative text nor an audio alternative'),
      noAlt: lt('图片验证码没有说明其用途的替代文本', '圖片驗證碼沒有說明其用途的替代文字', 'The image CAPTCHA has no alternative text naming its purpose'),
    },
  },
  ...WCAG_CHECK_TEXT,
};

/**
 * Texts of the keyboard walk's findings (src/audit/keyboard). Kept apart like the transform texts:
 * they are no axe rules, so they never go into axe.configure (axe refuses locales for unknown checks).
 */
export { KEYBOARD_CHECK_TEXT, KEYBOARD_RULE_TEXT };

/**
 * Texts of the checks `kanjian audit --transforms` adds (src/cli/audit/transform-rules.ts). Kept apart from the
 * 适老化 profile's texts above: those rules are registered everywhere, these only by the CLI.
 */
export const TRANSFORM_RULE_TEXT: Record<string, KanjianRuleText> = {
  'kanjian-reflow': {
    description: lt('确保文字放大到 200% 后，1280 像素宽的窗口中页面无需横向滚动', '確保文字放大到 200% 後，1280 像素寬的視窗中頁面無需橫向捲動', 'Ensures the page needs no horizontal scrolling in a 1280 px wide window with text at 200%'),
    help: lt('文字放大后内容必须重排，不能超出窗口宽度', '文字放大後內容必須重排，不能超出視窗寬度', 'Content must reflow when text is enlarged, not run past the window width'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
  },
  'kanjian-clipped-text': {
    description: lt('确保文字放大后不会被 overflow:hidden 的容器截断', '確保文字放大後不會被 overflow:hidden 的容器截斷', 'Ensures enlarged text is not cut off by an overflow:hidden container'),
    help: lt('文字放大到 200% 时不得被截断或遮挡', '文字放大到 200% 時不得被截斷或遮擋', 'Text must not be cut off when enlarged to 200%'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/resize-text.html',
  },
  'kanjian-lang-script': {
    description: lt('确保 lang 属性与文字的简繁字形一致', '確保 lang 屬性與文字的簡繁字形一致', 'Ensures the lang attribute matches the script (Simplified or Traditional) of the text'),
    help: lt('lang 属性必须与文字的简体或繁体字形相符', 'lang 屬性必須與文字的簡體或繁體字形相符', 'The lang attribute must match whether the text is Simplified or Traditional Chinese'),
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/language-of-parts.html',
  },
};

export const TRANSFORM_CHECK_TEXT: Record<string, KanjianCheckText> = {
  'kanjian-reflow': {
    pass: lt('元素没有超出窗口', '元素沒有超出視窗', 'The element stays within the window'),
    fail: lt('元素右边缘位于 ${data.right} 像素，超出 ${data.viewport} 像素宽的窗口，页面需要横向滚动', '元素右邊緣位於 ${data.right} 像素，超出 ${data.viewport} 像素寬的視窗，頁面需要橫向捲動', 'The element ends at ${data.right} px, past the ${data.viewport} px wide window; the page scrolls horizontally'),
  },
  'kanjian-clipped-text': {
    pass: lt('文字没有被截断', '文字沒有被截斷', 'No text is cut off'),
    fail: lt('容器（overflow: ${data.overflow}）截断了文字“${data.text}”，被遮住 ${data.hiddenPx} 像素', '容器（overflow: ${data.overflow}）截斷了文字「${data.text}」，被遮住 ${data.hiddenPx} 像素', 'The container (overflow: ${data.overflow}) cuts off the text "${data.text}" by ${data.hiddenPx} px'),
  },
  'kanjian-lang-script': {
    pass: lt('lang 属性与文字字形一致', 'lang 屬性與文字字形一致', 'The lang attribute matches the script of the text'),
    fail: {
      default: lt('lang="${data.lang}" 与文字字形不符', 'lang="${data.lang}" 與文字字形不符', 'lang="${data.lang}" does not match the script of the text'),
      traditional: lt('lang="${data.lang}" 表示简体中文，但文字是繁体（简 ${data.simplified} 字，繁 ${data.traditional} 字）', 'lang="${data.lang}" 表示簡體中文，但文字是繁體（簡 ${data.simplified} 字，繁 ${data.traditional} 字）', 'lang="${data.lang}" says Simplified Chinese but the text is Traditional (${data.simplified} Simplified-only, ${data.traditional} Traditional-only characters)'),
      simplified: lt('lang="${data.lang}" 表示繁体中文，但文字是简体（简 ${data.simplified} 字，繁 ${data.traditional} 字）', 'lang="${data.lang}" 表示繁體中文，但文字是簡體（簡 ${data.simplified} 字，繁 ${data.traditional} 字）', 'lang="${data.lang}" says Traditional Chinese but the text is Simplified (${data.simplified} Simplified-only, ${data.traditional} Traditional-only characters)'),
    },
  },
};

function pickMsg(m: Msg, locale: UiLocale): string | Record<string, string> {
  if (typeof (m as LocalizedText).en === 'string' && typeof (m as LocalizedText)['zh-CN'] === 'string') {
    return (m as LocalizedText)[locale];
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m as Record<string, LocalizedText>)) out[k] = v[locale];
  return out;
}

/** The check messages in axe's locale shape for one language. */
export function kanjianCheckMessages(id: string, locale: UiLocale): {
  pass: string | Record<string, string>;
  fail: string | Record<string, string>;
  incomplete?: string | Record<string, string>;
} {
  const t = KANJIAN_CHECK_TEXT[id] ?? TRANSFORM_CHECK_TEXT[id] ?? KEYBOARD_CHECK_TEXT[id] ?? PDF_CHECK_TEXT[id as PdfRuleId];
  if (!t) throw new Error(`No messages for kanjian check ${id}`);
  const out: ReturnType<typeof kanjianCheckMessages> = { pass: pickMsg(t.pass, locale), fail: pickMsg(t.fail, locale) };
  if (t.incomplete) out.incomplete = pickMsg(t.incomplete, locale);
  return out;
}
