import type { ControlSpec, DialogSpec, Shortcut } from './types';
import type { Translator } from '../i18n/messages';

/**
 * The help dialog's content: every keyboard shortcut kanjian has (the browser command, the
 * toolbar, its menus and dialog, the reading view) plus any a capability declares on its controls.
 * kanjian has no single-key shortcuts and captures no key outside its own UI.
 */
export const BASE_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Alt+Shift+A', where: 'helpWhereAnywhere', what: 'helpKeyCommand' },
  { keys: 'Tab / Shift+Tab', where: 'helpWherePage', what: 'helpKeyTab' },
  { keys: '← →', where: 'helpWhereToolbar', what: 'helpKeyArrows' },
  { keys: 'Home / End', where: 'helpWhereToolbar', what: 'helpKeyHomeEnd' },
  { keys: 'Enter / Space', where: 'helpWhereToolbar', what: 'helpKeyPress' },
  { keys: 'Esc', where: 'helpWhereToolbar', what: 'helpKeyLeave' },
  { keys: '↓ / ↑', where: 'helpWhereMenuButton', what: 'helpKeyOpenMenu' },
  { keys: '↓ ↑ Home End', where: 'helpWhereMenu', what: 'helpKeyMenuMove' },
  { keys: 'Enter / Space', where: 'helpWhereMenu', what: 'helpKeyMenuPick' },
  { keys: 'Esc', where: 'helpWhereMenu', what: 'helpKeyMenuClose' },
  { keys: 'Tab / Shift+Tab', where: 'helpWhereDialog', what: 'helpKeyDialogTab' },
  { keys: 'Esc', where: 'helpWhereDialog', what: 'helpKeyDialogClose' },
  { keys: '↑ ↓ PageUp PageDown', where: 'helpWhereReader', what: 'helpKeyReader' },
];

export function allShortcuts(controls: readonly ControlSpec[]): Shortcut[] {
  const extra = controls.flatMap((c) => c.shortcuts ?? []);
  return [...BASE_SHORTCUTS, ...extra];
}

function render(doc: Document, tr: Translator, controls: readonly ControlSpec[]): Node {
  const frag = doc.createDocumentFragment();
  const table = doc.createElement('table');
  table.className = 'kj-keys';
  const caption = doc.createElement('caption');
  caption.textContent = tr('helpShortcuts');
  const head = doc.createElement('thead');
  const hr = doc.createElement('tr');
  for (const key of ['helpColKeys', 'helpColWhere', 'helpColWhat'] as const) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = tr(key);
    hr.append(th);
  }
  head.append(hr);
  const body = doc.createElement('tbody');
  for (const s of allShortcuts(controls)) {
    const tr2 = doc.createElement('tr');
    const k = doc.createElement('th');
    k.scope = 'row';
    const kbd = doc.createElement('kbd');
    kbd.textContent = s.keys;
    k.append(kbd);
    const w = doc.createElement('td');
    w.textContent = tr(s.where);
    const d = doc.createElement('td');
    d.textContent = tr(s.what);
    tr2.append(k, w, d);
    body.append(tr2);
  }
  table.append(caption, head, body);
  const note = doc.createElement('p');
  note.textContent = tr('helpNoSingleKeys');
  const rebind = doc.createElement('p');
  rebind.textContent = tr('helpRebind');
  frag.append(table, note, rebind);
  return frag;
}

export const helpDialog: DialogSpec = { title: 'helpTitle', render };
