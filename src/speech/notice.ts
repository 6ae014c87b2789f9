import { isUserInput } from '../shared/trusted';

// "No Chinese voice" said plainly in the toolbar: a box under the bar, inside the toolbar's shadow root (so
// the page is not touched), with the platform's link-free hint and a button to dismiss it for this page.

const STYLE =
  'position:fixed;z-index:2147483647;top:calc(var(--kanjian-toolbar-height, 0px) + 8px);right:12px;' +
  'box-sizing:border-box;max-width:min(560px, calc(100vw - 24px));padding:10px 14px;border-radius:6px;' +
  'background:#fff3bf;color:#000;border:3px solid #b00020;box-shadow:0 2px 8px rgba(0,0,0,.35);' +
  'font:16px/1.5 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;text-align:start;';
const TITLE_STYLE = 'margin:0 0 4px;font-weight:700;font-size:17px;';
const BUTTON_STYLE =
  'all:unset;box-sizing:border-box;display:inline-block;margin-top:8px;min-height:40px;padding:6px 16px;border-radius:6px;' +
  'background:#102a43;color:#fff;border:2px solid #102a43;font:inherit;cursor:pointer;';

export interface NoticeText {
  title: string;
  hint: string;
  close: string;
  lang: string;
}

export class SpeechNotice {
  private el: HTMLElement | null = null;
  private dismissed = false;
  private shown = '';

  constructor(private readonly root: () => ShadowRoot | null) {}

  get visible(): boolean {
    return !!this.el?.isConnected;
  }

  show(text: NoticeText): void {
    if (this.dismissed) return;
    const root = this.root();
    if (!root) return;
    const key = `${text.title}\n${text.hint}`;
    if (this.el?.isConnected && this.shown === key) return;
    this.hide();
    const doc = root.ownerDocument ?? document;
    const box = doc.createElement('div');
    box.setAttribute('data-kanjian-speech-note', '');
    // A note, not a second status region: the toolbar's live region announces it (SpeechFeature.notify).
    box.setAttribute('role', 'note');
    box.lang = text.lang;
    box.style.cssText = STYLE;
    const title = doc.createElement('p');
    title.style.cssText = TITLE_STYLE;
    const hint = doc.createElement('p');
    hint.style.cssText = 'margin:0;';
    const close = doc.createElement('button');
    close.type = 'button';
    close.style.cssText = BUTTON_STYLE;
    close.textContent = text.close;
    close.addEventListener('click', (e) => {
      if (!isUserInput(e)) return;
      this.dismissed = true;
      this.hide();
    });
    box.append(title, hint, close);
    root.append(box);
    title.textContent = text.title;
    hint.textContent = text.hint;
    this.el = box;
    this.shown = key;
  }

  hide(): void {
    this.el?.remove();
    this.el = null;
    this.shown = '';
  }
}
