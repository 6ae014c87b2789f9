// Texts of kanjian's WCAG and best-practice rules (links, images, tables, forms, moving content, old
// markup) in zh-CN, zh-TW and en. Same shape and placeholder syntax as messages.ts, which merges them
// into KANJIAN_RULE_TEXT / KANJIAN_CHECK_TEXT so every renderer and locale sees one catalogue.
import { lt } from '../locale';
import type { KanjianCheckText, KanjianRuleText } from './rule-text';

const U = (page: string) => `https://www.w3.org/WAI/WCAG22/Understanding/${page}.html`;
const F = (n: string) => `https://www.w3.org/WAI/WCAG22/Techniques/failures/${n}`;
const T = (kind: string, n: string) => `https://www.w3.org/WAI/WCAG22/Techniques/${kind}/${n}`;

export const WCAG_RULE_TEXT: Record<string, KanjianRuleText> = {
  // ---- links
  'kanjian-link-generic-text': {
    description: lt('确保链接文字说明链接目的，而不是“点击这里”“更多”之类的泛泛之词', '確保連結文字說明連結目的，而不是「點擊這裡」「更多」之類的泛泛之詞', 'Ensures link text tells where the link goes, not just "click here" or "more"'),
    help: lt('链接文字必须说明链接目的', '連結文字必須說明連結目的', 'Link text must describe the purpose of the link'),
    helpUrl: F('F84'),
  },
  'kanjian-link-symbol-text': {
    description: lt('确保链接不只由标点或符号（如 >>、»）组成', '確保連結不只由標點或符號（如 >>、»）組成', 'Ensures links are not made of punctuation or symbols only (such as >> or »)'),
    help: lt('只有符号的链接必须有说明目的的名称', '只有符號的連結必須有說明目的的名稱', 'A link made of symbols needs a name that says what it does'),
    helpUrl: U('link-purpose-in-context'),
  },
  'kanjian-link-same-name': {
    description: lt('确保文字相同的链接指向相同的地址，或能从上下文区分', '確保文字相同的連結指向相同的位址，或能從上下文區分', 'Ensures links with the same text go to the same place or can be told apart by their context'),
    help: lt('文字相同的链接不应指向不同的页面', '文字相同的連結不應指向不同的頁面', 'Links with the same text should not go to different pages'),
    helpUrl: U('link-purpose-in-context'),
  },
  'kanjian-link-adjacent-same-target': {
    description: lt('确保相邻的图片链接和文字链接指向同一地址时合并为一个链接', '確保相鄰的圖片連結和文字連結指向同一位址時合併為一個連結', 'Ensures an image link and a text link side by side to the same place are one link'),
    help: lt('指向同一地址的相邻链接应合并', '指向同一位址的相鄰連結應合併', 'Adjacent links to the same destination should be combined'),
    helpUrl: T('html', 'H2'),
  },
  'kanjian-link-no-action': {
    description: lt('确保 href="#" 或 javascript: 的链接确实有作用，并在执行脚本时使用按钮', '確保 href="#" 或 javascript: 的連結確實有作用，並在執行腳本時使用按鈕', 'Ensures links to "#" or javascript: do something, and that scripted actions use buttons'),
    help: lt('不跳转的链接应改为按钮或提供真实地址', '不跳轉的連結應改為按鈕或提供真實位址', 'Links that go nowhere should be buttons or have a real address'),
    helpUrl: U('name-role-value'),
  },
  'kanjian-link-title-redundant': {
    description: lt('确保链接的 title 不重复链接文字', '確保連結的 title 不重複連結文字', "Ensures a link's title does not repeat its text"),
    help: lt('链接的 title 不应与链接文字相同', '連結的 title 不應與連結文字相同', "A link's title should not repeat the link text"),
    helpUrl: T('html', 'H33'),
  },
  'kanjian-link-file-info': {
    description: lt('确保指向文件（PDF、Word、Excel、压缩包、音视频等）的链接说明格式和大小', '確保指向檔案（PDF、Word、Excel、壓縮檔、影音等）的連結說明格式和大小', 'Ensures links to files (PDF, Word, Excel, archives, audio, video) state the format and size'),
    help: lt('文件链接应注明文件格式和大小', '檔案連結應註明檔案格式和大小', 'Links to files should state their format and size'),
    helpUrl: U('link-purpose-in-context'),
  },
  'kanjian-link-new-window': {
    description: lt('确保在新窗口打开的链接事先告知用户', '確保在新視窗開啟的連結事先告知使用者', 'Ensures links that open a new window say so'),
    help: lt('在新窗口打开的链接应提示“新窗口打开”', '在新視窗開啟的連結應提示「新視窗開啟」', 'Links that open a new window should warn about it'),
    helpUrl: T('general', 'G201'),
  },
  'kanjian-link-color-only': {
    description: lt('确保正文中的链接除颜色外还有其他区分方式（下划线等），至少在鼠标悬停时', '確保正文中的連結除顏色外還有其他區分方式（底線等），至少在滑鼠懸停時', 'Ensures links in text are marked by more than colour (an underline or similar), at least on hover'),
    help: lt('正文中的链接不能只靠颜色区分', '正文中的連結不能只靠顏色區分', 'Links in text must not rely on colour alone'),
    helpUrl: F('F73'),
  },
  // ---- images
  'kanjian-img-alt-filename': {
    description: lt('确保图片的替代文本不是文件名（如 banner.jpg、IMG_0034、图片1）', '確保圖片的替代文字不是檔名（如 banner.jpg、IMG_0034、圖片1）', 'Ensures image alt text is not a file name (banner.jpg, IMG_0034, 图片1)'),
    help: lt('替代文本不能是文件名', '替代文字不能是檔名', 'Alt text must not be a file name'),
    helpUrl: F('F30'),
  },
  'kanjian-img-alt-placeholder': {
    description: lt('确保图片的替代文本不是“图片”“image”“spacer”之类的占位词', '確保圖片的替代文字不是「圖片」「image」「spacer」之類的佔位詞', 'Ensures image alt text is not a placeholder such as "图片", "image" or "spacer"'),
    help: lt('替代文本必须说明图片内容，装饰图片用 alt=""', '替代文字必須說明圖片內容，裝飾圖片用 alt=""', 'Alt text must describe the image; decorative images take alt=""'),
    helpUrl: F('F39'),
  },
  'kanjian-img-alt-title-mismatch': {
    description: lt('确保图片的 alt 和 title 说的是同一件事', '確保圖片的 alt 和 title 說的是同一件事', 'Ensures the alt and title of an image say the same thing'),
    help: lt('图片的 alt 与 title 不应互相矛盾', '圖片的 alt 與 title 不應互相矛盾', "An image's alt and title should not disagree"),
    helpUrl: U('non-text-content'),
  },
  'kanjian-img-empty-alt-title': {
    description: lt('确保标为装饰（alt=""）的图片没有提示信息（title）', '確保標為裝飾（alt=""）的圖片沒有提示資訊（title）', 'Ensures images marked decorative (alt="") carry no tooltip text (title)'),
    help: lt('alt 为空的图片不应有 title：要么是装饰，要么需要替代文本', 'alt 為空的圖片不應有 title：要麼是裝飾，要麼需要替代文字', 'An image with empty alt should have no title: it is either decorative or needs alt text'),
    helpUrl: U('non-text-content'),
  },
  'kanjian-img-link-name': {
    description: lt('确保图片链接的名称说明链接目的，而不是文件名或“图片”', '確保圖片連結的名稱說明連結目的，而不是檔名或「圖片」', 'Ensures an image link is named for its purpose, not a file name or "image"'),
    help: lt('图片链接必须有说明目的的名称', '圖片連結必須有說明目的的名稱', 'Image links must have a name that tells their purpose'),
    helpUrl: F('F30'),
  },
  'kanjian-img-animated': {
    description: lt('确保动画图片（GIF、APNG、WebP）在 5 秒内停止或可以暂停', '確保動畫圖片（GIF、APNG、WebP）在 5 秒內停止或可以暫停', 'Ensures animated images (GIF, APNG, WebP) stop within 5 s or can be paused'),
    help: lt('播放超过 5 秒的动画图片必须能暂停', '播放超過 5 秒的動畫圖片必須能暫停', 'Animated images that play for more than 5 s must be pausable'),
    helpUrl: U('pause-stop-hide'),
  },
  // ---- tables
  'kanjian-table-no-headers': {
    description: lt('确保数据表格用 th 标出表头', '確保資料表格用 th 標出表頭', 'Ensures data tables mark their headers with th'),
    help: lt('数据表格必须有表头单元格', '資料表格必須有表頭儲存格', 'Data tables must have header cells'),
    helpUrl: T('html', 'H51'),
  },
  'kanjian-table-all-th': {
    description: lt('确保数据表格不是每个单元格都用 th', '確保資料表格不是每個儲存格都用 th', 'Ensures data tables do not mark every cell as a header'),
    help: lt('数据单元格应使用 td，只有表头使用 th', '資料儲存格應使用 td，只有表頭使用 th', 'Data cells should be td; only headers are th'),
    helpUrl: T('html', 'H51'),
  },
  'kanjian-table-header-rows-scope': {
    description: lt('确保有多行表头的表格用 scope 或 headers 说明表头关系', '確保有多列表頭的表格用 scope 或 headers 說明表頭關係', 'Ensures tables with several header rows tie headers to cells with scope or headers'),
    help: lt('多行表头需要 scope 或 headers/id', '多列表頭需要 scope 或 headers/id', 'Several header rows need scope or headers/id'),
    helpUrl: T('html', 'H43'),
  },
  'kanjian-table-nested': {
    description: lt('确保数据表格中没有嵌套的表格', '確保資料表格中沒有巢狀的表格', 'Ensures data tables contain no nested tables'),
    help: lt('不要在数据表格的单元格里嵌套表格', '不要在資料表格的儲存格裡巢狀表格', 'Do not nest tables inside the cells of a data table'),
    helpUrl: U('info-and-relationships'),
  },
  'kanjian-table-irregular': {
    description: lt('确保数据表格每行的单元格数一致', '確保資料表格每列的儲存格數一致', 'Ensures every row of a data table has the same number of cells'),
    help: lt('数据表格的行缺少单元格，表头对应关系会错乱', '資料表格的列缺少儲存格，表頭對應關係會錯亂', 'Rows missing cells break how headers relate to data'),
    helpUrl: U('info-and-relationships'),
  },
  'kanjian-table-caption': {
    description: lt('确保较大的数据表格有标题（caption）', '確保較大的資料表格有標題（caption）', 'Ensures larger data tables have a caption'),
    help: lt('数据表格应有 caption 说明表格内容', '資料表格應有 caption 說明表格內容', 'Data tables should have a caption saying what they hold'),
    helpUrl: T('html', 'H39'),
  },
  'kanjian-table-layout-markup': {
    description: lt('确保布局表格不使用 th、caption、summary 等数据表格标记', '確保版面表格不使用 th、caption、summary 等資料表格標記', 'Ensures layout tables do not use data-table markup such as th, caption or summary'),
    help: lt('布局表格不应使用数据表格标记', '版面表格不應使用資料表格標記', 'Layout tables must not use data-table markup'),
    helpUrl: F('F46'),
  },
  // ---- forms
  'kanjian-label-for-orphan': {
    description: lt('确保 label 的 for 属性指向存在的表单控件', '確保 label 的 for 屬性指向存在的表單控制項', 'Ensures the for attribute of a label points at an existing form control'),
    help: lt('label 的 for 必须指向一个表单控件的 id', 'label 的 for 必須指向一個表單控制項的 id', 'A label\'s for must name the id of a form control'),
    helpUrl: T('html', 'H44'),
  },
  'kanjian-label-for-duplicate': {
    description: lt('确保一个控件不被多个 label 的 for 同时指向', '確保一個控制項不被多個 label 的 for 同時指向', 'Ensures no control is the target of several labels\' for'),
    help: lt('多个 label 的 for 相同，通常是复制粘贴的错误', '多個 label 的 for 相同，通常是複製貼上的錯誤', 'Several labels with the same for are usually a copy-and-paste mistake'),
    helpUrl: T('html', 'H44'),
  },
  'kanjian-fieldset-legend': {
    description: lt('确保 fieldset 有非空的 legend', '確保 fieldset 有非空的 legend', 'Ensures fieldsets have a non-empty legend'),
    help: lt('fieldset 应有说明这组控件的 legend', 'fieldset 應有說明這組控制項的 legend', 'A fieldset should have a legend naming its group'),
    helpUrl: T('html', 'H71'),
  },
  'kanjian-radio-group': {
    description: lt('确保同名的单选按钮和复选框组有分组名称（fieldset/legend 或 role=group）', '確保同名的選項按鈕和核取方塊組有群組名稱（fieldset/legend 或 role=group）', 'Ensures groups of radio buttons and checkboxes sharing a name have a group name (fieldset/legend or role=group)'),
    help: lt('单选按钮组和复选框组必须用 fieldset 和 legend 分组', '選項按鈕組和核取方塊組必須用 fieldset 和 legend 分組', 'Radio and checkbox groups must be grouped with fieldset and legend'),
    helpUrl: T('html', 'H71'),
  },
  'kanjian-placeholder-label': {
    description: lt('确保输入框不只靠占位文字（placeholder）作标签', '確保輸入框不只靠預留位置文字（placeholder）作標籤', 'Ensures fields do not rely on placeholder text as their only label'),
    help: lt('占位文字在输入后消失，输入框需要可见的标签', '預留位置文字在輸入後消失，輸入框需要可見的標籤', 'Placeholder text disappears when typing; fields need a visible label'),
    helpUrl: U('labels-or-instructions'),
  },
  'kanjian-label-in-name': {
    description: lt('确保控件的可访问名称包含其可见标签文字', '確保控制項的無障礙名稱包含其可見標籤文字', "Ensures a control's accessible name contains its visible label"),
    help: lt('可访问名称必须包含可见的标签文字（语音控制用户按所见说出名称）', '無障礙名稱必須包含可見的標籤文字（語音控制使用者依所見說出名稱）', 'The accessible name must contain the visible label (voice users say what they see)'),
    helpUrl: U('label-in-name'),
  },
  'kanjian-label-unique': {
    description: lt('确保同一表单中的字段标签互不重复', '確保同一表單中的欄位標籤互不重複', 'Ensures field labels within one form are unique'),
    help: lt('同一表单中两个字段的标签相同，用户无法区分', '同一表單中兩個欄位的標籤相同，使用者無法區分', 'Two fields with the same label in one form cannot be told apart'),
    helpUrl: U('headings-and-labels'),
  },
  'kanjian-change-navigates': {
    description: lt('确保选择下拉项或单选项不会在没有提示的情况下跳转页面', '確保選擇下拉項或選項不會在沒有提示的情況下跳轉頁面', 'Ensures choosing an option does not navigate away without warning'),
    help: lt('改变选项时不得自动跳转或提交，除非事先说明', '改變選項時不得自動跳轉或提交，除非事先說明', 'Changing a selection must not navigate or submit unless users are told beforehand'),
    helpUrl: F('F37'),
  },
  // ---- moving and timed content
  'kanjian-ticker': {
    description: lt('确保滚动公告、轮播等自动移动的内容可以暂停', '確保捲動公告、輪播等自動移動的內容可以暫停', 'Ensures scrolling notices, tickers and carousels that move by themselves can be paused'),
    help: lt('自动滚动超过 5 秒的内容必须有暂停控件', '自動捲動超過 5 秒的內容必須有暫停控制項', 'Content that scrolls by itself for more than 5 s needs a pause control'),
    helpUrl: U('pause-stop-hide'),
  },
  'kanjian-autoplay-legacy': {
    description: lt('确保背景音乐（bgsound、embed、object）和自动播放的嵌入播放器可以停止', '確保背景音樂（bgsound、embed、object）和自動播放的嵌入播放器可以停止', 'Ensures background sound (bgsound, embed, object) and autoplaying embedded players can be stopped'),
    help: lt('自动播放的声音必须能停止或调低音量', '自動播放的聲音必須能停止或調低音量', 'Sound that plays automatically must be possible to stop or turn down'),
    helpUrl: U('audio-control'),
  },
  'kanjian-media-alternative': {
    description: lt('确保音频有文字稿，嵌入的视频有字幕或文字稿', '確保音訊有文字稿，嵌入的影片有字幕或文字稿', 'Ensures audio has a transcript and embedded video has captions or a transcript'),
    help: lt('音视频需要字幕或文字稿', '影音需要字幕或文字稿', 'Audio and video need captions or a transcript'),
    helpUrl: U('audio-only-and-video-only-prerecorded'),
  },
  // ---- markup of old portals
  'kanjian-obsolete-markup': {
    description: lt('确保不使用 font、center 等已废弃的排版标签', '確保不使用 font、center 等已廢棄的排版標籤', 'Ensures obsolete presentational elements such as font and center are not used'),
    help: lt('用 CSS 代替已废弃的排版标签', '用 CSS 代替已廢棄的排版標籤', 'Use CSS instead of obsolete presentational elements'),
    helpUrl: U('info-and-relationships'),
  },
  'kanjian-accesskey': {
    description: lt('确保 accesskey 快捷键不与浏览器和读屏软件的快捷键冲突', '確保 accesskey 快速鍵不與瀏覽器和讀屏軟體的快速鍵衝突', 'Ensures accesskey shortcuts do not clash with browser and screen reader shortcuts'),
    help: lt('accesskey 可能与辅助技术的快捷键冲突，请复核并在页面上说明', 'accesskey 可能與輔助技術的快速鍵衝突，請複核並在頁面上說明', 'accesskey may clash with assistive technology shortcuts; check it and document it on the page'),
    helpUrl: U('character-key-shortcuts'),
  },
  'kanjian-duplicate-id-ref': {
    description: lt('确保被引用（headers、页内链接、form、list）的 id 在页面中唯一', '確保被引用（headers、頁內連結、form、list）的 id 在頁面中唯一', 'Ensures ids that are referenced (headers, in-page links, form, list) are unique'),
    help: lt('被引用的 id 重复会让引用指向错误的元素', '被引用的 id 重複會讓引用指向錯誤的元素', 'A duplicated id makes references point at the wrong element'),
    helpUrl: U('info-and-relationships'),
  },
  'kanjian-pre-layout': {
    description: lt('确保不用 pre 里的空格或制表符画表格', '確保不用 pre 裡的空格或製表符畫表格', 'Ensures pre is not used to draw tables with spaces or box-drawing characters'),
    help: lt('表格数据应使用 table 标记，而不是空格排版', '表格資料應使用 table 標記，而不是空格排版', 'Tabular data needs table markup, not spaces'),
    helpUrl: F('F34'),
  },
  'kanjian-css-content': {
    description: lt('确保有意义的文字不是由 CSS content 插入的', '確保有意義的文字不是由 CSS content 插入的', 'Ensures meaningful text is not inserted with CSS content'),
    help: lt('不要用 ::before/::after 插入有意义的内容', '不要用 ::before/::after 插入有意義的內容', 'Do not insert meaningful content with ::before or ::after'),
    helpUrl: F('F87'),
  },
  'kanjian-onfocus-blur': {
    description: lt('确保元素获得焦点时不会立刻移走焦点（onfocus="blur()"）', '確保元素取得焦點時不會立刻移走焦點（onfocus="blur()"）', 'Ensures elements do not throw focus away as soon as they get it (onfocus="blur()")'),
    help: lt('不得在获得焦点时调用 blur()，键盘用户将无法使用该元素', '不得在取得焦點時呼叫 blur()，鍵盤使用者將無法使用該元素', 'Calling blur() on focus makes the element unusable from the keyboard'),
    helpUrl: F('F55'),
  },
  'kanjian-click-no-keyboard': {
    description: lt('确保带点击事件或交互角色的元素能用键盘到达', '確保帶點擊事件或互動角色的元素能用鍵盤到達', 'Ensures elements with click handlers or interactive roles can be reached with the keyboard'),
    help: lt('可点击的元素必须能用 Tab 键到达并操作', '可點擊的元素必須能用 Tab 鍵到達並操作', 'Clickable elements must be reachable and usable with the Tab key'),
    helpUrl: U('keyboard'),
  },
};

export const WCAG_CHECK_TEXT: Record<string, KanjianCheckText> = {
  'kanjian-link-generic-text': {
    pass: lt('链接文字说明了目的', '連結文字說明了目的', 'The link text describes its purpose'),
    fail: lt('链接文字“${data.text}”没有说明链接去向，也没有上下文说明', '連結文字「${data.text}」沒有說明連結去向，也沒有上下文說明', 'The link text "${data.text}" does not say where it goes and has no context that does'),
    incomplete: {
      default: lt('链接文字“${data.text}”很笼统，请复核上下文“${data.context}”能否说明其目的', '連結文字「${data.text}」很籠統，請複核上下文「${data.context}」能否說明其目的', 'The link text "${data.text}" is vague; check whether its context "${data.context}" explains it'),
      block: lt('链接文字“${data.text}”很笼统，所在段落或列表项“${data.context}”也许说明了目的，请复核；最好让链接文字本身说明目的', '連結文字「${data.text}」很籠統，所在段落或清單項「${data.context}」也許說明了目的，請複核；最好讓連結文字本身說明目的', 'The link text "${data.text}" is vague; its paragraph or list item "${data.context}" may explain it — check, and better make the link text say it'),
      heading: lt('链接文字“${data.text}”很笼统，前面的标题“${data.context}”也许说明了目的，请复核；最好改为“${data.text}${data.context}”之类', '連結文字「${data.text}」很籠統，前面的標題「${data.context}」也許說明了目的，請複核；最好改為「${data.text}${data.context}」之類', 'The link text "${data.text}" is vague; the heading "${data.context}" before it may explain it — check, and better name the link after it'),
      description: lt('链接文字“${data.text}”很笼统，其描述或 title“${data.context}”也许说明了目的，请复核', '連結文字「${data.text}」很籠統，其描述或 title「${data.context}」也許說明了目的，請複核', 'The link text "${data.text}" is vague; its description or title "${data.context}" may explain it — check'),
    },
  },
  'kanjian-link-symbol-text': {
    pass: lt('链接名称包含文字', '連結名稱包含文字', 'The link name contains words'),
    fail: lt('链接名称只有符号“${data.text}”，读屏软件无法说明其目的', '連結名稱只有符號「${data.text}」，讀屏軟體無法說明其目的', 'The link name is only the symbols "${data.text}"; a screen reader cannot tell its purpose'),
  },
  'kanjian-link-same-name': {
    pass: lt('同名链接都指向同一地址', '同名連結都指向同一位址', 'Links with this text all go to the same place'),
    fail: lt('文字为“${data.text}”的链接指向 ${data.count} 个不同地址', '文字為「${data.text}」的連結指向 ${data.count} 個不同位址', 'Links with the text "${data.text}" go to ${data.count} different places'),
    incomplete: {
      default: lt('文字为“${data.text}”的链接指向 ${data.count} 个不同地址，请复核用户能否区分它们', '文字為「${data.text}」的連結指向 ${data.count} 個不同位址，請複核使用者能否區分它們', 'Links with the text "${data.text}" go to ${data.count} different places; check that users can tell them apart'),
      context: lt('文字为“${data.text}”的链接指向 ${data.count} 个不同地址；此链接有上下文，请复核上下文能否区分它们', '文字為「${data.text}」的連結指向 ${data.count} 個不同位址；此連結有上下文，請複核上下文能否區分它們', 'Links with the text "${data.text}" go to ${data.count} different places; this one has context — check that it tells them apart'),
    },
  },
  'kanjian-link-adjacent-same-target': {
    pass: lt('下一个链接指向其他地址', '下一個連結指向其他位址', 'The next link goes elsewhere'),
    fail: lt('此链接与紧随其后的链接“${data.text}”指向同一地址，键盘和读屏用户会遇到两次', '此連結與緊隨其後的連結「${data.text}」指向同一位址，鍵盤和讀屏使用者會遇到兩次', 'This link and the next one, "${data.text}", go to the same place; keyboard and screen reader users meet it twice'),
  },
  'kanjian-link-no-action': {
    pass: lt('链接有脚本处理或控件属性', '連結有腳本處理或控制項屬性', 'The link has a script handler or widget attributes'),
    fail: lt('链接 href="${data.href}" 不跳转到任何地方', '連結 href="${data.href}" 不跳轉到任何地方', 'The link href="${data.href}" goes nowhere'),
    incomplete: lt('链接 href="${data.href}" 不跳转，也没有可见的事件处理；请复核它是否有作用，执行操作的应改为 button', '連結 href="${data.href}" 不跳轉，也沒有可見的事件處理；請複核它是否有作用，執行操作的應改為 button', 'The link href="${data.href}" goes nowhere and has no visible handler; check that it does something, and use a button for actions'),
  },
  'kanjian-link-title-redundant': {
    pass: lt('title 提供了额外信息', 'title 提供了額外資訊', 'The title adds information'),
    fail: lt('title“${data.title}”与链接文字重复，读屏软件会读两遍', 'title「${data.title}」與連結文字重複，讀屏軟體會讀兩遍', 'The title "${data.title}" repeats the link text; screen readers may read it twice'),
  },
  'kanjian-link-file-info': {
    pass: lt('链接说明了文件格式和大小', '連結說明了檔案格式和大小', 'The link states the file format and size'),
    fail: {
      default: lt('${data.ext} 文件链接没有注明格式和大小，例如“（PDF，1.2 MB）”', '${data.ext} 檔案連結沒有註明格式和大小，例如「（PDF，1.2 MB）」', 'The link to a ${data.ext} file states neither format nor size, e.g. "(PDF, 1.2 MB)"'),
      format: lt('${data.ext} 文件链接注明了大小，但没有注明格式', '${data.ext} 檔案連結註明了大小，但沒有註明格式', 'The link to a ${data.ext} file states its size but not its format'),
      size: lt('${data.ext} 文件链接注明了格式，但没有注明大小', '${data.ext} 檔案連結註明了格式，但沒有註明大小', 'The link to a ${data.ext} file states its format but not its size'),
    },
  },
  'kanjian-link-new-window': {
    pass: lt('链接说明了会在新窗口打开', '連結說明了會在新視窗開啟', 'The link says it opens a new window'),
    fail: lt('链接会在新窗口打开，但没有提示', '連結會在新視窗開啟，但沒有提示', 'The link opens a new window without saying so'),
  },
  'kanjian-link-color-only': {
    pass: lt('鼠标悬停时链接有下划线等非颜色提示', '滑鼠懸停時連結有底線等非顏色提示', 'The link gets an underline or another non-colour cue on hover'),
    fail: lt('链接只靠颜色与正文区分（对比度 ${data.contrastRatio}:1），鼠标悬停时也没有下划线等提示', '連結只靠顏色與正文區分（對比度 ${data.contrastRatio}:1），滑鼠懸停時也沒有底線等提示', 'The link differs from the text by colour only (${data.contrastRatio}:1) and gets no underline or other cue on hover'),
    incomplete: lt('链接只靠颜色与正文区分（对比度 ${data.contrastRatio}:1）；有样式表无法读取，请复核悬停时是否有下划线等提示', '連結只靠顏色與正文區分（對比度 ${data.contrastRatio}:1）；有樣式表無法讀取，請複核懸停時是否有底線等提示', 'The link differs from the text by colour only (${data.contrastRatio}:1); some stylesheets could not be read — check for a cue on hover'),
  },
  'kanjian-img-alt-filename': {
    pass: lt('替代文本不是文件名', '替代文字不是檔名', 'The alt text is not a file name'),
    fail: lt('替代文本“${data.alt}”是文件名，不能说明图片内容', '替代文字「${data.alt}」是檔名，不能說明圖片內容', 'The alt text "${data.alt}" is a file name and says nothing about the image'),
  },
  'kanjian-img-alt-placeholder': {
    pass: lt('替代文本不是占位词', '替代文字不是佔位詞', 'The alt text is not a placeholder'),
    fail: lt('替代文本“${data.alt}”是占位词：有内容的图片要说明内容，装饰图片用 alt=""', '替代文字「${data.alt}」是佔位詞：有內容的圖片要說明內容，裝飾圖片用 alt=""', 'The alt text "${data.alt}" is a placeholder: describe the image, or use alt="" if it is decorative'),
  },
  'kanjian-img-alt-title-mismatch': {
    pass: lt('alt 与 title 一致', 'alt 與 title 一致', 'alt and title agree'),
    fail: lt('alt“${data.alt}”与 title“${data.title}”不一致，读屏用户和鼠标用户得到不同的信息', 'alt「${data.alt}」與 title「${data.title}」不一致，讀屏使用者和滑鼠使用者得到不同的資訊', 'alt "${data.alt}" and title "${data.title}" disagree: screen reader and mouse users are told different things'),
  },
  'kanjian-img-empty-alt-title': {
    pass: lt('装饰图片没有 title', '裝飾圖片沒有 title', 'The decorative image has no title'),
    fail: lt('图片 alt 为空（装饰），却有 title“${data.title}”：如果 title 有信息，请写进 alt', '圖片 alt 為空（裝飾），卻有 title「${data.title}」：如果 title 有資訊，請寫進 alt', 'The image has empty alt (decorative) but the title "${data.title}": if the title informs, put it in alt'),
  },
  'kanjian-img-link-name': {
    pass: lt('图片链接的名称说明了目的', '圖片連結的名稱說明了目的', 'The image link is named for its purpose'),
    fail: {
      default: lt('图片链接的名称“${data.name}”不能说明链接目的', '圖片連結的名稱「${data.name}」不能說明連結目的', 'The image link\'s name "${data.name}" does not say what it does'),
      fileName: lt('图片链接的名称“${data.name}”是文件名，不能说明链接目的', '圖片連結的名稱「${data.name}」是檔名，不能說明連結目的', 'The image link\'s name "${data.name}" is a file name'),
      placeholder: lt('图片链接的名称“${data.name}”是占位词或符号，不能说明链接目的', '圖片連結的名稱「${data.name}」是佔位詞或符號，不能說明連結目的', 'The image link\'s name "${data.name}" is a placeholder or a symbol'),
    },
  },
  'kanjian-img-animated': {
    pass: lt('动画在 ${data.maxSeconds} 秒内停止，或有暂停控件', '動畫在 ${data.maxSeconds} 秒內停止，或有暫停控制項', 'The animation stops within ${data.maxSeconds} s or can be paused'),
    fail: lt('动画图片播放 ${data.seconds} 秒（${data.frames} 帧），超过 ${data.maxSeconds} 秒且没有暂停控件', '動畫圖片播放 ${data.seconds} 秒（${data.frames} 格），超過 ${data.maxSeconds} 秒且沒有暫停控制項', 'The animated image plays for ${data.seconds} s (${data.frames} frames), more than ${data.maxSeconds} s, with no pause control'),
    incomplete: {
      default: lt('无法判断动画时长，请人工复核', '無法判斷動畫時長，請人工複核', 'Could not tell how long the animation runs; check it by hand'),
      unread: lt('无法读取这张 GIF 图片（不在缓存或来自其他网站），请复核它是否为动画、能否在 ${data.maxSeconds} 秒内停止', '無法讀取這張 GIF 圖片（不在快取或來自其他網站），請複核它是否為動畫、能否在 ${data.maxSeconds} 秒內停止', 'This GIF could not be read (not cached, or from another site); check whether it animates for more than ${data.maxSeconds} s'),
    },
  },
  'kanjian-table-no-headers': {
    pass: lt('数据表格有表头单元格', '資料表格有表頭儲存格', 'The data table has header cells'),
    fail: {
      default: lt('这是 ${data.rows} 行 ${data.cols} 列的数据表格，但没有 th 表头', '這是 ${data.rows} 列 ${data.cols} 欄的資料表格，但沒有 th 表頭', 'This ${data.rows} × ${data.cols} data table has no th headers'),
      borders: lt('这是带边框的 ${data.rows} 行 ${data.cols} 列数据表格，但没有 th 表头', '這是帶框線的 ${data.rows} 列 ${data.cols} 欄資料表格，但沒有 th 表頭', 'This bordered ${data.rows} × ${data.cols} data table has no th headers'),
      'header-row-style': lt('表格首行看起来像表头（加粗或底色不同），但用的是 td 而不是 th', '表格首列看起來像表頭（粗體或底色不同），但用的是 td 而不是 th', 'The first row looks like headers (bold or shaded) but uses td, not th'),
      'grid-of-values': lt('这是 ${data.rows} 行 ${data.cols} 列的数值表格，但没有 th 表头', '這是 ${data.rows} 列 ${data.cols} 欄的數值表格，但沒有 th 表頭', 'This ${data.rows} × ${data.cols} table of values has no th headers'),
    },
  },
  'kanjian-table-all-th': {
    pass: lt('表格有数据单元格', '表格有資料儲存格', 'The table has data cells'),
    fail: lt('表格的 ${data.cells} 个单元格全是 th，数据单元格被当成了表头', '表格的 ${data.cells} 個儲存格全是 th，資料儲存格被當成了表頭', 'All ${data.cells} cells are th: data cells are marked as headers'),
  },
  'kanjian-table-header-rows-scope': {
    pass: lt('多行表头用 scope 或 headers 说明了关系', '多列表頭用 scope 或 headers 說明了關係', 'The header rows are tied to cells with scope or headers'),
    fail: lt('表格有 ${data.headerRows} 行表头，但没有 scope 或 headers，读屏软件难以判断每个单元格的表头', '表格有 ${data.headerRows} 列表頭，但沒有 scope 或 headers，讀屏軟體難以判斷每個儲存格的表頭', 'The table has ${data.headerRows} header rows but no scope or headers; screen readers cannot tell which headers apply'),
  },
  'kanjian-table-nested': {
    pass: lt('数据表格中没有嵌套表格', '資料表格中沒有巢狀表格', 'No tables are nested in the data table'),
    fail: lt('数据表格的单元格里嵌套了表格，行列关系会混乱', '資料表格的儲存格裡巢狀了表格，列欄關係會混亂', 'A table is nested inside a cell of this data table; rows and columns get confused'),
  },
  'kanjian-table-irregular': {
    pass: lt('每行单元格数一致', '每列儲存格數一致', 'Every row has the same number of cells'),
    fail: lt('第 ${data.rowNumber} 行只占 ${data.cells} 列，表格有 ${data.cols} 列', '第 ${data.rowNumber} 列只佔 ${data.cells} 欄，表格有 ${data.cols} 欄', 'Row ${data.rowNumber} spans ${data.cells} columns; the table has ${data.cols}'),
    incomplete: lt('第 ${data.rowNumber} 行只占 ${data.cells} 列，表格有 ${data.cols} 列：缺少的单元格会让表头对应错位，请复核', '第 ${data.rowNumber} 列只佔 ${data.cells} 欄，表格有 ${data.cols} 欄：缺少的儲存格會讓表頭對應錯位，請複核', 'Row ${data.rowNumber} spans ${data.cells} columns and the table has ${data.cols}: missing cells can shift which headers apply — check it'),
  },
  'kanjian-table-caption': {
    pass: lt('数据表格有标题', '資料表格有標題', 'The data table has a caption'),
    fail: lt('数据表格没有 caption 或其他标题', '資料表格沒有 caption 或其他標題', 'The data table has no caption or other name'),
  },
  'kanjian-table-layout-markup': {
    pass: lt('布局表格没有数据表格标记', '版面表格沒有資料表格標記', 'The layout table carries no data-table markup'),
    fail: lt('只有一个单元格的布局表格使用了数据表格标记：${data.markup}', '只有一個儲存格的版面表格使用了資料表格標記：${data.markup}', 'A one-cell layout table uses data-table markup: ${data.markup}'),
  },
  'kanjian-label-for-orphan': {
    pass: lt('label 的 for 指向表单控件', 'label 的 for 指向表單控制項', 'The label points at a form control'),
    fail: {
      default: lt('label 的 for="${data.for}" 指向的元素不存在，标签没有关联到任何控件', 'label 的 for="${data.for}" 指向的元素不存在，標籤沒有關聯到任何控制項', 'No element has the id in for="${data.for}"; the label labels nothing'),
      notLabelable: lt('label 的 for="${data.for}" 指向 <${data.tag}>，它不是表单控件', 'label 的 for="${data.for}" 指向 <${data.tag}>，它不是表單控制項', 'for="${data.for}" points at a <${data.tag}>, which is not a form control'),
    },
  },
  'kanjian-label-for-duplicate': {
    pass: lt('只有一个 label 指向此控件', '只有一個 label 指向此控制項', 'Only one label points at this control'),
    fail: lt('${data.count} 个 label 的 for 都是“${data.for}”', '${data.count} 個 label 的 for 都是「${data.for}」', '${data.count} labels have for="${data.for}"'),
  },
  'kanjian-fieldset-legend': {
    pass: lt('fieldset 有 legend', 'fieldset 有 legend', 'The fieldset has a legend'),
    fail: {
      default: lt('fieldset 没有 legend', 'fieldset 沒有 legend', 'The fieldset has no legend'),
      empty: lt('fieldset 的 legend 是空的', 'fieldset 的 legend 是空的', "The fieldset's legend is empty"),
    },
  },
  'kanjian-radio-group': {
    pass: lt('控件组有分组名称', '控制項組有群組名稱', 'The group has a group name'),
    fail: lt('name="${data.name}" 的 ${data.count} 个 ${data.type} 控件没有用带 legend 的 fieldset（或 role=group）分组，问题本身没有与选项关联', 'name="${data.name}" 的 ${data.count} 個 ${data.type} 控制項沒有用帶 legend 的 fieldset（或 role=group）分組，問題本身沒有與選項關聯', 'The ${data.count} ${data.type} controls named "${data.name}" are not grouped in a fieldset with a legend (or role=group): the question is not tied to the options'),
    incomplete: {
      default: lt('请复核控件组是否有分组名称', '請複核控制項組是否有群組名稱', 'Check that the group has a name'),
      table: lt('name="${data.name}" 的 ${data.count} 个控件在数据表格中没有分组，请复核表头能否说明问题', 'name="${data.name}" 的 ${data.count} 個控制項在資料表格中沒有分組，請複核表頭能否說明問題', 'The ${data.count} controls named "${data.name}" sit ungrouped in a data table; check that its headers state the question'),
    },
  },
  'kanjian-placeholder-label': {
    pass: lt('输入框有可见标签', '輸入框有可見標籤', 'The field has a label'),
    fail: lt('输入框只有占位文字“${data.placeholder}”作标签，输入后就看不到了', '輸入框只有預留位置文字「${data.placeholder}」作標籤，輸入後就看不到了', 'The field\'s only label is the placeholder "${data.placeholder}", which disappears when typing'),
  },
  'kanjian-label-in-name': {
    pass: lt('可访问名称包含可见标签', '無障礙名稱包含可見標籤', 'The accessible name contains the visible label'),
    fail: lt('可见标签“${data.visible}”不在可访问名称“${data.name}”中', '可見標籤「${data.visible}」不在無障礙名稱「${data.name}」中', 'The visible label "${data.visible}" is not part of the accessible name "${data.name}"'),
  },
  'kanjian-label-unique': {
    pass: lt('字段标签在表单中唯一', '欄位標籤在表單中唯一', 'The field label is unique in its form'),
    fail: lt('表单中有 ${data.count} 个字段的标签都是“${data.name}”', '表單中有 ${data.count} 個欄位的標籤都是「${data.name}」', '${data.count} fields in this form are all labelled "${data.name}"'),
  },
  'kanjian-change-navigates': {
    pass: lt('已事先提示选择后会跳转', '已事先提示選擇後會跳轉', 'Users are told that choosing navigates'),
    fail: lt('改变选项会立即跳转或提交（onchange），没有事先提示，也没有“前往”按钮', '改變選項會立即跳轉或提交（onchange），沒有事先提示，也沒有「前往」按鈕', 'Changing the selection navigates or submits at once (onchange), with no warning and no Go button'),
  },
  'kanjian-ticker': {
    pass: lt('移动内容可以暂停，或在 ${data.maxSeconds} 秒内停止', '移動內容可以暫停，或在 ${data.maxSeconds} 秒內停止', 'The moving content can be paused or stops within ${data.maxSeconds} s'),
    fail: {
      default: lt('内容自动滚动超过 ${data.maxSeconds} 秒，没有暂停控件', '內容自動捲動超過 ${data.maxSeconds} 秒，沒有暫停控制項', 'The content scrolls by itself for more than ${data.maxSeconds} s with no pause control'),
      hoverOnly: lt('内容自动滚动，只有鼠标悬停时停止；键盘和触屏用户无法暂停', '內容自動捲動，只有滑鼠懸停時停止；鍵盤和觸控使用者無法暫停', 'The content scrolls by itself and stops only under the mouse; keyboard and touch users cannot pause it'),
    },
    incomplete: lt('无法判断内容是否自动移动，请人工复核', '無法判斷內容是否自動移動，請人工複核', 'Could not tell whether the content moves by itself; check it by hand'),
  },
  'kanjian-autoplay-legacy': {
    pass: lt('找到了停止控件', '找到了停止控制項', 'A stop control was found'),
    fail: {
      default: lt('<${data.tag}> 自动播放声音，没有停止控件', '<${data.tag}> 自動播放聲音，沒有停止控制項', '<${data.tag}> plays sound automatically with no stop control'),
      bgsound: lt('<bgsound> 背景音乐自动播放，无法停止', '<bgsound> 背景音樂自動播放，無法停止', '<bgsound> background music plays automatically and cannot be stopped'),
      embed: lt('<${data.tag}> 设置了自动播放（autostart/autoplay），没有停止控件', '<${data.tag}> 設定了自動播放（autostart/autoplay），沒有停止控制項', '<${data.tag}> is set to autostart with no stop control'),
    },
    incomplete: {
      default: lt('请复核自动播放的声音能否停止', '請複核自動播放的聲音能否停止', 'Check that the automatically playing sound can be stopped'),
      iframe: lt('嵌入的播放器设置了 autoplay，请复核它是否静音开始或能立即停止', '嵌入的播放器設定了 autoplay，請複核它是否靜音開始或能立即停止', 'The embedded player is set to autoplay; check that it starts muted or can be stopped at once'),
    },
  },
  'kanjian-media-alternative': {
    pass: lt('找到了字幕或文字稿', '找到了字幕或文字稿', 'Captions or a transcript were found'),
    fail: {
      default: lt('音频没有文字稿', '音訊沒有文字稿', 'The audio has no transcript'),
      audio: lt('音频没有文字稿链接或字幕', '音訊沒有文字稿連結或字幕', 'The audio has no transcript link or captions'),
    },
    incomplete: {
      default: lt('请复核媒体是否有字幕或文字稿', '請複核媒體是否有字幕或文字稿', 'Check that the media has captions or a transcript'),
      embed: lt('嵌入的音视频附近没有字幕或文字稿，请复核', '嵌入的影音附近沒有字幕或文字稿，請複核', 'No captions or transcript near the embedded media; check it'),
      iframe: lt('嵌入的视频播放器附近没有文字稿，请复核视频是否有字幕', '嵌入的影片播放器附近沒有文字稿，請複核影片是否有字幕', 'No transcript near the embedded video player; check that the video has captions'),
    },
  },
  'kanjian-obsolete-markup': {
    pass: lt('没有废弃的排版标签', '沒有廢棄的排版標籤', 'No obsolete presentational elements'),
    fail: lt('使用了已废弃的排版标签 <${data.tag}>：外观应由 CSS 决定，标题、强调等含义应使用语义标签', '使用了已廢棄的排版標籤 <${data.tag}>：外觀應由 CSS 決定，標題、強調等含義應使用語意標籤', 'Obsolete presentational element <${data.tag}>: leave looks to CSS and use semantic elements for headings and emphasis'),
  },
  'kanjian-accesskey': {
    pass: lt('没有 accesskey', '沒有 accesskey', 'No accesskey'),
    fail: lt('accesskey="${data.key}" 与常用快捷键冲突', 'accesskey="${data.key}" 與常用快速鍵衝突', 'accesskey="${data.key}" clashes with common shortcuts'),
    incomplete: lt('accesskey="${data.key}"：请复核它不与浏览器、读屏软件的快捷键冲突，并在页面上说明', 'accesskey="${data.key}"：請複核它不與瀏覽器、讀屏軟體的快速鍵衝突，並在頁面上說明', 'accesskey="${data.key}": check that it does not clash with browser or screen reader shortcuts and that the page documents it'),
  },
  'kanjian-duplicate-id-ref': {
    pass: lt('被引用的 id 唯一', '被引用的 id 唯一', 'The referenced id is unique'),
    fail: lt('id="${data.id}" 在页面中出现 ${data.count} 次，并被 ${data.ref} 引用：引用会指向第一个', 'id="${data.id}" 在頁面中出現 ${data.count} 次，並被 ${data.ref} 引用：引用會指向第一個', 'id="${data.id}" appears ${data.count} times and is referenced by ${data.ref}: the reference goes to the first one'),
  },
  'kanjian-pre-layout': {
    pass: lt('pre 中不是用空格排出的表格', 'pre 中不是用空格排出的表格', 'The pre does not lay out a table with spaces'),
    fail: {
      default: lt('pre 中用空格排出了表格，读屏软件无法按行列朗读', 'pre 中用空格排出了表格，讀屏軟體無法按列欄朗讀', 'The pre lays out a table with spaces; screen readers cannot read it by rows and columns'),
      columns: lt('pre 中用空格对齐出了多列，这是表格数据，应使用 table', 'pre 中用空格對齊出了多欄，這是表格資料，應使用 table', 'The pre aligns several columns with spaces: this is tabular data and needs a table'),
      art: lt('pre 中用制表符号画出了表格，应使用 table', 'pre 中用製表符號畫出了表格，應使用 table', 'The pre draws a table with box-drawing characters: use a table'),
    },
  },
  'kanjian-css-content': {
    pass: lt('CSS 插入的内容没有文字', 'CSS 插入的內容沒有文字', 'CSS inserts no words here'),
    fail: lt('${data.pseudo} 用 CSS content 插入了文字“${data.text}”：关闭样式或使用自定义样式的用户看不到它', '${data.pseudo} 用 CSS content 插入了文字「${data.text}」：關閉樣式或使用自訂樣式的使用者看不到它', '${data.pseudo} inserts the text "${data.text}" with CSS content: users without the page\'s styles never see it'),
  },
  'kanjian-onfocus-blur': {
    pass: lt('获得焦点时不会移走焦点', '取得焦點時不會移走焦點', 'Focus stays when it arrives'),
    fail: lt('元素在获得焦点时调用 blur()，键盘用户无法停在此处，也看不到焦点', '元素在取得焦點時呼叫 blur()，鍵盤使用者無法停在此處，也看不到焦點', 'The element calls blur() on focus: keyboard users cannot stay on it or see focus'),
  },
  'kanjian-click-no-keyboard': {
    pass: lt('元素可以用键盘到达', '元素可以用鍵盤到達', 'The element can be reached with the keyboard'),
    fail: {
      default: lt('元素有 onclick 点击事件，但无法用 Tab 键到达（不可聚焦，里面也没有链接或按钮）', '元素有 onclick 點擊事件，但無法用 Tab 鍵到達（不可聚焦，裡面也沒有連結或按鈕）', 'The element has an onclick handler but cannot be reached with Tab (not focusable, no link or button inside)'),
      role: lt('role="${data.role}" 的元素无法用 Tab 键到达，需要 tabindex="0" 和键盘操作', 'role="${data.role}" 的元素無法用 Tab 鍵到達，需要 tabindex="0" 和鍵盤操作', 'The role="${data.role}" element cannot be reached with Tab; it needs tabindex="0" and keyboard handling'),
      negative: lt('元素可点击，但 tabindex 为负数，Tab 键到达不了', '元素可點擊，但 tabindex 為負數，Tab 鍵到達不了', 'The element is clickable but has a negative tabindex: Tab never reaches it'),
    },
    incomplete: {
      default: lt('请复核此元素能否用键盘操作', '請複核此元素能否用鍵盤操作', 'Check that this element can be used with the keyboard'),
      role: lt('role="${data.role}" 的元素无法用 Tab 键到达；如果它有作用（脚本事件），需要 tabindex="0" 和键盘操作，请复核', 'role="${data.role}" 的元素無法用 Tab 鍵到達；如果它有作用（腳本事件），需要 tabindex="0" 和鍵盤操作，請複核', 'The role="${data.role}" element cannot be reached with Tab; if it does something (a script handler), it needs tabindex="0" and keyboard handling — check it'),
      negative: lt('role="${data.role}" 的元素 tabindex 为负数，Tab 键到达不了；如果它有作用，请复核', 'role="${data.role}" 的元素 tabindex 為負數，Tab 鍵到達不了；如果它有作用，請複核', 'The role="${data.role}" element has a negative tabindex and Tab never reaches it; if it does something, check it'),
    },
  },
};

/** Texts of the keyboard walk's findings (src/audit/keyboard): not axe rules, but reported like them. */
export const KEYBOARD_RULE_TEXT: Record<string, KanjianRuleText> = {
  'kanjian-keyboard-trap': {
    description: lt('确保键盘焦点不会被困在某个区域里', '確保鍵盤焦點不會被困在某個區域裡', 'Ensures keyboard focus is never trapped in a part of the page'),
    help: lt('按 Tab 键必须能离开每个组件', '按 Tab 鍵必須能離開每個元件', 'Tab must be able to move focus away from every component'),
    helpUrl: U('no-keyboard-trap'),
  },
  'kanjian-keyboard-focus-visible': {
    description: lt('确保用 Tab 键移动时能看到焦点在哪里', '確保用 Tab 鍵移動時能看到焦點在哪裡', 'Ensures you can see where focus is while moving with Tab'),
    help: lt('获得键盘焦点的元素必须有可见的焦点指示', '取得鍵盤焦點的元素必須有可見的焦點指示', 'Elements with keyboard focus must show a visible focus indicator'),
    helpUrl: U('focus-visible'),
  },
  'kanjian-keyboard-unreachable': {
    description: lt('确保可交互的元素都能用 Tab 键到达', '確保可互動的元素都能用 Tab 鍵到達', 'Ensures every interactive element can be reached with Tab'),
    help: lt('可交互元素必须在 Tab 键顺序中', '可互動元素必須在 Tab 鍵順序中', 'Interactive elements must be in the Tab order'),
    helpUrl: U('keyboard'),
  },
  'kanjian-keyboard-order': {
    description: lt('确保 Tab 键顺序与页面的视觉阅读顺序一致', '確保 Tab 鍵順序與頁面的視覺閱讀順序一致', "Ensures the Tab order follows the page's visual reading order"),
    help: lt('焦点顺序不得违背视觉顺序（避免正数 tabindex）', '焦點順序不得違背視覺順序（避免正數 tabindex）', 'Focus order must not go against the visual order (avoid positive tabindex)'),
    helpUrl: U('focus-order'),
  },
  'kanjian-keyboard-dialog': {
    description: lt('确保对话框和弹出层打开时获得焦点、模态时把焦点留在里面、关闭后把焦点还给打开它的控件', '確保對話框和彈出層開啟時取得焦點、強制回應時把焦點留在裡面、關閉後把焦點還給開啟它的控制項', 'Ensures dialogs and lightboxes take focus when opened, keep it inside while modal, and return it to their opener when closed'),
    help: lt('对话框必须正确管理键盘焦点', '對話框必須正確管理鍵盤焦點', 'Dialogs must manage keyboard focus'),
    helpUrl: U('focus-order'),
  },
};

export const KEYBOARD_CHECK_TEXT: Record<string, KanjianCheckText> = {
  'kanjian-keyboard-trap': {
    pass: lt('焦点可以离开此组件', '焦點可以離開此元件', 'Focus can leave this component'),
    fail: {
      default: lt('键盘焦点被困住了', '鍵盤焦點被困住了', 'Keyboard focus is trapped'),
      stuck: lt('按 Tab、Shift+Tab 和 Esc 都无法让焦点离开此元素，后面还有 ${data.blocked} 个元素无法到达', '按 Tab、Shift+Tab 和 Esc 都無法讓焦點離開此元素，後面還有 ${data.blocked} 個元素無法到達', 'Tab, Shift+Tab and Escape cannot move focus off this element; ${data.blocked} elements after it cannot be reached'),
      cycle: lt('焦点在这 ${data.count} 个元素之间循环，Tab、Shift+Tab 和 Esc 都无法离开；后面还有 ${data.blocked} 个元素无法到达', '焦點在這 ${data.count} 個元素之間循環，Tab、Shift+Tab 和 Esc 都無法離開；後面還有 ${data.blocked} 個元素無法到達', 'Focus cycles among these ${data.count} elements and Tab, Shift+Tab and Escape cannot leave; ${data.blocked} elements after them cannot be reached'),
    },
    incomplete: {
      default: lt('请复核焦点能否离开此组件', '請複核焦點能否離開此元件', 'Check that focus can leave this component'),
      escape: lt('焦点在这 ${data.count} 个元素之间循环，只有按 Esc 才能离开：请确认页面告诉了用户这个方法（模态对话框除外）', '焦點在這 ${data.count} 個元素之間循環，只有按 Esc 才能離開：請確認頁面告訴了使用者這個方法（強制回應對話框除外）', 'Focus cycles among these ${data.count} elements and only Escape leaves: check that users are told (modal dialogs excepted)'),
    },
  },
  'kanjian-keyboard-focus-visible': {
    pass: lt('焦点可见', '焦點可見', 'Focus is visible'),
    fail: {
      default: lt('第 ${data.stop} 个 Tab 停靠点获得焦点时外观没有任何变化（没有轮廓线、阴影、底色或下划线）', '第 ${data.stop} 個 Tab 停靠點取得焦點時外觀沒有任何變化（沒有輪廓線、陰影、底色或底線）', 'Tab stop ${data.stop} looks the same with focus as without (no outline, shadow, background or underline)'),
      offscreen: lt('第 ${data.stop} 个 Tab 停靠点获得焦点时在屏幕之外，看不到', '第 ${data.stop} 個 Tab 停靠點取得焦點時在螢幕之外，看不到', 'Tab stop ${data.stop} is off the screen when it has focus'),
      blurred: lt('第 ${data.stop} 个 Tab 停靠点一获得焦点就被页面移走（blur），看不到焦点，也无法操作', '第 ${data.stop} 個 Tab 停靠點一取得焦點就被頁面移走（blur），看不到焦點，也無法操作', 'Tab stop ${data.stop} loses focus the moment it gets it (the page calls blur): focus cannot be seen and the element cannot be used'),
    },
    incomplete: {
      default: lt('无法判断第 ${data.stop} 个 Tab 停靠点的焦点是否可见，请人工复核', '無法判斷第 ${data.stop} 個 Tab 停靠點的焦點是否可見，請人工複核', 'Could not tell whether focus is visible at Tab stop ${data.stop}; check it by hand'),
      unknown: lt('无法判断第 ${data.stop} 个 Tab 停靠点的焦点是否可见（有样式表无法读取），请人工复核', '無法判斷第 ${data.stop} 個 Tab 停靠點的焦點是否可見（有樣式表無法讀取），請人工複核', 'Could not tell whether focus is visible at Tab stop ${data.stop} (some stylesheets could not be read); check it by hand'),
    },
  },
  'kanjian-keyboard-unreachable': {
    pass: lt('元素可以用 Tab 键到达', '元素可以用 Tab 鍵到達', 'The element can be reached with Tab'),
    fail: {
      default: lt('按 Tab 键走遍页面也没有到达这个 ${data.role} 元素', '按 Tab 鍵走遍頁面也沒有到達這個 ${data.role} 元素', 'Tabbing through the whole page never reached this ${data.role} element'),
      negative: lt('这个 ${data.role} 元素的 tabindex 为负数，按 Tab 键到达不了', '這個 ${data.role} 元素的 tabindex 為負數，按 Tab 鍵到達不了', 'This ${data.role} element has a negative tabindex: Tab never reaches it'),
      blocked: lt('键盘陷阱挡住了去路，按 Tab 键到达不了这个 ${data.role} 元素', '鍵盤陷阱擋住了去路，按 Tab 鍵到達不了這個 ${data.role} 元素', 'A keyboard trap blocks the way: Tab cannot reach this ${data.role} element'),
      pastTrap: lt('按 Tab 键无法越过此处（只能用 Shift+Tab 退回），后面的 ${data.count} 个元素无法到达', '按 Tab 鍵無法越過此處（只能用 Shift+Tab 退回），後面的 ${data.count} 個元素無法到達', 'Tab cannot get past this point (only Shift+Tab goes back); the ${data.count} elements after it cannot be reached'),
    },
    incomplete: {
      default: lt('按 Tab 键走遍页面也没有到达这个 ${data.role} 元素；如果它有作用（脚本事件），键盘用户无法使用，请复核', '按 Tab 鍵走遍頁面也沒有到達這個 ${data.role} 元素；如果它有作用（腳本事件），鍵盤使用者無法使用，請複核', 'Tabbing through the page never reached this ${data.role} element; if it does something (a script handler), keyboard users cannot use it — check it'),
      negative: lt('这个 ${data.role} 元素的 tabindex 为负数，按 Tab 键到达不了；如果它有作用，请复核', '這個 ${data.role} 元素的 tabindex 為負數，按 Tab 鍵到達不了；如果它有作用，請複核', 'This ${data.role} element has a negative tabindex and Tab never reaches it; if it does something, check it'),
    },
  },
  'kanjian-keyboard-order': {
    pass: lt('焦点顺序与视觉顺序一致', '焦點順序與視覺順序一致', 'Focus order follows the visual order'),
    fail: {
      default: lt('第 ${data.stop} 个 Tab 停靠点跳回到了“${data.fromName}”之前的位置', '第 ${data.stop} 個 Tab 停靠點跳回到了「${data.fromName}」之前的位置', 'Tab stop ${data.stop} jumps back before "${data.fromName}"'),
      tabindex: lt('正数 tabindex（${data.tabindex}）让焦点从第 ${data.from} 个停靠点“${data.fromName}”跳回到页面上更靠前的这里，违背阅读顺序', '正數 tabindex（${data.tabindex}）讓焦點從第 ${data.from} 個停靠點「${data.fromName}」跳回到頁面上更靠前的這裡，違背閱讀順序', 'A positive tabindex (${data.tabindex}) sends focus from stop ${data.from}, "${data.fromName}", back up the page to here, against the reading order'),
    },
    incomplete: {
      default: lt('Tab 顺序与视觉顺序不一致，请复核', 'Tab 順序與視覺順序不一致，請複核', 'The Tab order and the visual order differ; check it'),
      css: lt('CSS（order 或 reverse 排列）让第 ${data.stop} 个停靠点显示在“${data.fromName}”之前，Tab 顺序却在其后，请复核', 'CSS（order 或 reverse 排列）讓第 ${data.stop} 個停靠點顯示在「${data.fromName}」之前，Tab 順序卻在其後，請複核', 'CSS (order or a reverse direction) shows stop ${data.stop} before "${data.fromName}" while Tab reaches it after; check it'),
    },
  },
  'kanjian-keyboard-dialog': {
    pass: lt('对话框正确管理焦点', '對話框正確管理焦點', 'The dialog manages focus'),
    fail: {
      default: lt('对话框没有正确管理焦点', '對話框沒有正確管理焦點', 'The dialog does not manage focus'),
      noFocus: lt('用“${data.opener}”打开对话框后，焦点没有移到对话框里', '用「${data.opener}」開啟對話框後，焦點沒有移到對話框裡', 'After "${data.opener}" opens the dialog, focus does not move into it'),
      escapes: lt('模态对话框打开时，按 Tab 键焦点跑到了对话框外面', '強制回應對話框開啟時，按 Tab 鍵焦點跑到了對話框外面', 'While the modal dialog is open, Tab moves focus out of it'),
      notReturned: lt('对话框关闭后焦点没有回到“${data.opener}”，而是在“${data.focus}”', '對話框關閉後焦點沒有回到「${data.opener}」，而是在「${data.focus}」', 'When the dialog closes, focus goes to "${data.focus}" instead of back to "${data.opener}"'),
      noClose: lt('按 Esc 或对话框里的关闭按钮都无法关闭对话框', '按 Esc 或對話框裡的關閉按鈕都無法關閉對話框', 'Neither Escape nor a close button in the dialog closes it'),
    },
  },
};
